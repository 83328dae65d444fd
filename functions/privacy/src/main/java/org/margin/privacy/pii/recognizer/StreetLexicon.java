package org.margin.privacy.pii.recognizer;

import org.margin.privacy.pii.text.Suffixes;
import org.margin.privacy.pii.text.WordSet;

/** Words that make a street, a unit or a postal line of an address, in English and the languages of Europe. */
final class StreetLexicon {

    private StreetLexicon() {
    }

    /** Street types that stand as a word of their own: Oak Street, rue de la Paix, ul. Grochowa. */
    static final WordSet STREET_TYPES = WordSet.of(
            // English (the USPS street suffixes), with the common postal abbreviations
            "street", "st", "str", "avenue", "ave", "av", "road", "rd", "lane", "ln", "drive", "dr", "boulevard",
            "blvd", "court", "ct", "place", "pl", "plaza", "square", "sq", "terrace", "way", "parkway", "pkwy",
            "highway", "hwy", "route", "rte", "trail", "trl", "circle", "cir", "crescent", "cres", "close",
            "grove", "gardens", "row", "walk", "path", "alley", "hill", "hills", "heights", "view", "vista",
            "park", "parks", "mews", "wharf", "quay", "creek", "ridge", "point", "pike", "turnpike", "union",
            "unions", "lodge", "forge", "forges", "cove", "coves", "mill", "mills", "port", "ports", "prairie",
            "meadow", "meadows", "passage", "pass", "crossing", "junction", "estate", "estates", "expressway",
            "freeway", "loop", "run", "spur", "summit", "trace", "track", "viaduct", "village", "villages", "ville",
            "well", "wells", "green", "greens", "glen", "glens", "gateway", "fork", "forks", "ford", "fords",
            "falls", "field", "fields", "flat", "flats", "harbor", "harbors", "harbour", "haven", "island",
            "islands", "isle", "key", "keys", "knoll", "knolls", "lake", "lakes", "landing", "light", "lights",
            "manor", "manors", "mission", "motorway", "mount", "mountain", "neck", "orchard", "oval", "pine",
            "pines", "plain", "plains", "ranch", "rapids", "rest", "river", "shoal", "shoals", "shore", "shores",
            "skyway", "spring", "springs", "station", "stream", "valley", "valleys", "center", "centre", "common",
            "commons", "course", "bypass", "burg", "burgs", "brook", "brooks", "branch",
            "bluff", "bluffs", "bend", "beach", "arcade", "causeway", "circus", "dale", "dam", "divide", "extension",
            "fort", "garden", "hollow", "inlet", "junctions", "lock", "locks", "mall", "overpass", "ramp",
            "throughway", "tunnel", "underpass", "wall", "ways", "crest", "rise", "parade", "esplanade",
            "embankment", "broadway", "stravenue", "trafficway", "parkways",
            // French, Italian, Spanish, Catalan, Portuguese
            "rue", "chemin", "allée", "allee", "impasse", "quai", "cours", "faubourg", "sentier", "via", "viale",
            "piazza", "piazzale", "corso", "largo", "vicolo", "calle", "carrer", "camino", "paseo", "avenida",
            "avda", "rua", "travessa", "praça", "praca", "estrada", "rodovia", "alameda", "ronda", "passeig",
            "carretera", "callejón", "glorieta", "vía", "strada", "contrada", "borgo",
            // German, Dutch, Nordic
            "straße", "strasse", "weg", "gasse", "platz", "ring", "damm", "ufer", "steig", "pfad", "chaussee",
            "laan", "straat", "plein", "gracht", "dreef", "kade", "singel", "steeg", "vej", "gade", "gata",
            "gatan", "vägen", "väg", "veien", "vegen", "vei", "gate", "allé", "torv", "katu", "tie", "kuja",
            "polku", "raitti", "terrasse", "stræti", "vegur", "braut", "tee", "vegen",
            // Slavic, Hungarian, Baltic, Greek
            "ul", "ulica", "ulice", "aleja", "al", "plac", "os", "osiedle", "út", "útja", "utca", "u", "tér", "körút",
            "krt", "trg", "cesta", "náměstí", "nám", "třída", "nábřeží", "ulitsa", "prospekt", "pereulok",
            "iela", "gatvė", "tänav", "odos", "οδός", "λεωφόρος", "πλατεία", "stradă", "bulevardul",
            "bd", "sokak", "sok", "cadde", "caddesi", "mahallesi");

    /**
     * The rest of the USPS street suffixes, street types only when capitalised (Koch Groves, Cory Centers): written
     * in lower case after a number they count things ("12345 views", "3 courts").
     */
    static final WordSet CAPITALISED_STREET_TYPES = WordSet.of(
            "groves", "centers", "ferry", "cliff", "cliffs", "bridge", "corner", "corners", "curve", "club",
            "crossroad", "drives", "extensions", "fall", "loaf", "mountains", "points", "radial", "ridges", "roads",
            "squares", "streets", "trailer", "views", "walks", "courts", "circles", "camp", "canyon", "cape",
            "forest", "spurs", "lanes");

    /** Endings of one-word street names: Ziegelgasse, Laukaantie, Parijsstraat, Hlíðarvegur. */
    private static final Suffixes STREET_SUFFIXES = Suffixes.of(4,
            "straße", "strasse", "gasse", "weg", "allee", "platz", "ring", "damm", "ufer", "steig",
            "straat", "laan", "plein", "gracht", "dreef", "kade", "singel", "vej", "gade", "gata", "gatan",
            "vägen", "veien", "vegen", "veg", "katu", "tie", "kuja", "polku", "utca", "ulica", "vegur", "braut",
            "stræti", "gränd", "stig", "torget", "torvet", "bakken", "stien", "ulice", "gatvė", "iela", "tänav",
            "street", "road", "avenue");

    /** Secondary units: Apt. 4, Suite 578, Unit 8524, Box 2981. */
    static final WordSet UNITS = WordSet.of(
            "apt", "apartment", "suite", "ste", "unit", "flat", "room", "rm", "floor", "fl", "box", "bldg",
            "building", "lot", "space", "dept", "wohnung", "piso", "lgh", "leilighet", "lejl", "bus", "boîte",
            "psc", "cmr", "postbox", "postfach", "bte", "appt", "app", "int", "scala");

    /**
     * Units that name a home or an office within a building (Apt. 4B, Suite 578): written alone they are still part
     * of a postal address, unlike a room, a floor, a bus or a unit of a course.
     */
    static final WordSet DWELLING_UNITS = WordSet.of(
            "apt", "apartment", "suite", "ste", "flat", "appt", "wohnung", "piso", "lgh", "leilighet", "lejl");

    /** Military post offices of US addresses abroad, and their state codes. */
    static final WordSet MILITARY_POST_OFFICES = WordSet.of("apo", "fpo", "dpo");
    static final WordSet MILITARY_STATES = WordSet.of("aa", "ae", "ap");
    static final WordSet SHIP_PREFIXES = WordSet.of("usns", "uss", "usnv", "uscgc");

    static boolean hasStreetSuffix(CharSequence text, int start, int end) {
        return STREET_SUFFIXES.endWord(text, start, end);
    }
}
