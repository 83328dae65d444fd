package org.margin.privacy.pii.recognizer;

import java.util.Arrays;
import org.margin.privacy.pii.EntityType;
import org.margin.privacy.pii.Finding;
import org.margin.privacy.pii.FindingSink;
import org.margin.privacy.pii.Recognizer;
import org.margin.privacy.pii.text.Phrases;
import org.margin.privacy.pii.text.ScanText;
import org.margin.privacy.pii.text.Suffixes;
import org.margin.privacy.pii.text.WordSet;
import org.margin.privacy.pii.text.Words;

/**
 * Names of people, from evidence that rules can weigh without a statistical model:
 *
 * <ul>
 *   <li>shape: runs of capitalised words on one line, with initials (J. or J) and particles (van de, bin) inside;
 *       in a text written wholly in lower case, runs of listed names instead;</li>
 *   <li>word lists: whether each word is a listed first or last name, an English word, or neither
 *       ({@link NameWordKind}); whether the run is a listed place or nationality;</li>
 *   <li>position: a capital at the start of a sentence says nothing, a determiner before the run (the Davis)
 *       says organisation;</li>
 *   <li>context: honorifics (Mr, Dr) and introductions (my name is, Dear, named) raise the score a lot, words
 *       around a subject or an addressee (said, is, "Maria?") a little; place prepositions (in, from) lower it;
 *       an organisation, place or street word after the run (Inc, Orchestra, Street) rules it out; so does being
 *       said to be a kind of thing ("X is a 2001 comedy film");</li>
 *   <li>coordination: in "A, B and C" the members share their fate, so a list of partners ending in "Orchestra"
 *       is dropped whole, and a weak member of a list of people is lifted.</li>
 * </ul>
 */
public final class PersonRecognizer implements Recognizer {

    private static final int MAX_WORDS = 5;
    /** A run scoring this much is taken as a person when the same name turns up elsewhere in the document. */
    private static final double CONFIDENT = 0.6;
    private static final double SCORE_CAP = 0.9;

    private static final WordSet HONORIFICS = WordSet.of(
            "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "madam", "madame", "dame", "lady",
            "lord", "rev", "reverend", "fr", "father", "sister", "brother", "aunt", "auntie", "uncle", "grandma",
            "grandpa", "coach", "captain", "capt", "sgt", "sergeant", "officer", "judge", "senator", "mme", "mlle",
            "herr", "frau", "señor", "señora", "sra", "doña", "signor", "signora", "president", "governor",
            "mayor", "pastor", "rabbi", "imam", "nurse", "teacher", "principal", "headmaster", "headmistress");

    private static final WordSet PARTICLES = WordSet.of(
            "de", "del", "della", "der", "den", "van", "von", "da", "di", "dos", "das", "do", "du", "la", "le",
            "bin", "ibn", "al", "el", "ben", "ter", "te", "zu", "y", "af", "mac");

    private static final WordSet DETERMINERS = WordSet.of(
            "the", "a", "an", "these", "those", "our", "their", "its", "every", "each", "any");

    /** Words that end an organisation, a place, an event or a street name. */
    private static final WordSet NON_PERSON_HEADS = WordSet.of(
            "inc", "ltd", "llc", "llp", "plc", "corp", "corporation", "company", "co", "group", "gmbh", "ag",
            "university", "college", "school", "academy", "institute", "hospital", "church", "bank", "foundation",
            "association", "society", "club", "orchestra", "band", "museum", "library", "council", "department",
            "street", "streets", "avenue", "ave", "road", "rd", "lane", "drive", "boulevard", "blvd", "court",
            "square", "bridge", "river", "lake", "mountain", "mountains", "island", "islands", "city", "county",
            "state", "province", "republic", "kingdom", "airport", "station", "hotel", "restaurant", "cafe",
            "center", "centre", "mall", "stadium", "studios", "records", "press", "times", "news", "magazine",
            "airlines", "motors", "systems", "technologies", "solutions", "partners", "holdings", "industries",
            "international", "services", "ministry", "agency", "act", "treaty", "war", "day", "prize", "award",
            "cup", "league", "festival", "investments", "capital", "labs", "software", "consulting", "media",
            "network", "networks", "studio", "films", "pictures", "entertainment", "games", "energy", "health",
            "insurance", "financial", "bros", "brothers", "sons", "associates", "union", "crossroad", "point",
            "parks", "turnpike", "forges", "lodge", "coves", "hill", "way", "route", "terrace", "limited", "pty",
            "pvt", "sarl", "sas", "spa", "srl", "bv", "nv", "aps", "asa", "ab", "hb", "oy", "oyj", "kft", "bt",
            "zrt", "nyrt", "kkt", "ltda", "eireli", "tbk", "kg", "ohg", "hermanos", "hijos", "figli", "fils",
            "filhos", "asociados", "associados", "associati");

    /**
     * Words that open a town's name: North Judith, New Castle, Lake Placid, Port Augusta, Mount Vernon, and their
     * like in other languages (Neu Isenburg, Nieuw Vennep, Nové Hrady, Horní Blatná, Új Décse, São Carlos, Tanjung
     * Balai). Left out where they are common surnames too (Nagy, Klein, Villa, Porto).
     */
    private static final WordSet TOWN_PREFIXES = WordSet.of(
            "north", "south", "east", "west", "new", "lake", "port", "mount", "mt", "fort", "cape", "nord", "süd",
            "ost", "neu", "sankt", "ober", "nieder", "unter", "noord", "zuid", "oost", "nieuw", "sint", "nørre",
            "søndre", "vester", "øster", "norra", "södra", "östra", "västra", "új", "észak", "dél", "kelet",
            "nyugat", "felső", "alsó", "nové", "nová", "staré", "stará", "horní", "dolní", "velké", "velká",
            "malé", "malá", "nowy", "nowa", "nowe", "stare", "novi", "stari", "donji", "gornji", "yeni", "são",
            "san", "santa", "saint", "sainte", "sesto", "borgo", "castel", "vila", "puerto", "nueva", "nuevo",
            "kota", "kabupaten", "pulau", "tanjung", "teluk", "muara", "sungai");

    /**
     * Endings of English and Germanic town names (Scarlettborough, Hubertside, Yurifurt); a word in no name list
     * that ends so is taken for a town. Listed surnames with these endings (Hamilton) are not affected; -berg and
     * -stad are left out, since they end as many Nordic and German surnames (Hartenberg, Bjørnstad).
     */
    private static final Suffixes TOWN_SUFFIXES = Suffixes.of(3,
            "borough", "ville", "burgh", "bury", "shire", "chester", "furt", "mouth", "haven", "side",
            "view", "land", "ton", "town", "fort", "port");

    /** Capitalised words that are never names themselves: pronouns, days, months, form labels. */
    private static final WordSet NEVER_NAMES = WordSet.of(
            "i", "i'm", "i'll", "i've", "i'd", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
            "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september",
            "october", "november", "december", "god", "mom", "mum", "dad", "ok", "okay", "hi", "hello", "dear",
            "thanks", "yes", "no", "christmas", "easter", "internet", "tv", "user", "bot", "name", "phone",
            "email", "mail", "address", "date", "website", "mobile", "desk", "fax", "zip", "personal", "info",
            "apt", "suite", "unit", "mr", "mrs", "ms", "mx", "dr", "prof", "sir", "madam", "miss", "st", "ave",
            "psc", "usns", "uss", "apo", "fpo", "dpo", "box", "po", "iban", "bic", "swift", "ssn", "pin", "attn", "cc",
            "bcc");

    /**
     * The last words of job titles ("Human Healthcare Analyst", "IT Director"), none of them a common surname as
     * Baker, Cook or Mason are: a run ending in one is a title, not a name.
     */
    private static final WordSet JOB_HEADS = WordSet.of(
            "analyst", "engineer", "developer", "director", "manager", "associate", "liaison", "architect",
            "administrator", "coordinator", "specialist", "consultant", "designer", "planner", "strategist",
            "supervisor", "technician", "executive", "assistant", "representative", "orchestrator", "facilitator",
            "officer", "producer", "agent", "advisor", "adviser", "accountant", "programmer",
            "receptionist", "secretary", "clerk", "intern", "president");

    /** What follows "and" in a firm's name: Hoeger and Sons, Smith & Co, Conte e Figli, Tamás és Társa. */
    private static final WordSet FIRM_PARTNERS = WordSet.of(
            "sons", "daughters", "co", "company", "associates", "partners", "brothers", "bros", "figli", "fils",
            "filhos", "hijos", "hermanos", "söhne", "zonen", "sønner", "söner", "társa", "asociados",
            "associados", "associati", "associés");

    /** "and" in the languages whose names the lists hold: Colombo, Sartori e Conte; Máté és Kerekes. */
    private static final WordSet CONJUNCTIONS = WordSet.of(
            "and", "e", "y", "és", "und", "et", "en", "og", "och", "ja", "ve");

    /** What a firm, not a group of people, is said to do: "Lehto, Manninen and Ojala sponsors the fair". */
    private static final WordSet SINGULAR_FIRM_VERBS = WordSet.of(
            "sponsors", "makes", "builds", "sells", "employs", "hires", "offers", "provides", "produces",
            "manufactures", "owns", "operates", "designs", "supplies", "publishes", "delivers", "develops",
            "serves", "specializes", "specialises");

    private static final WordSet DIRECTIONS = WordSet.of(
            "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "upper",
            "lower", "greater", "new", "old");

    private static final Phrases INTRODUCTIONS = Phrases.of(
            "my name is", "name is", "named", "named him", "named her", "called", "call me", "calls me", "name's",
            "maiden name is", "name", "nicknamed", "known as", "i am", "i'm", "im", "this is", "dear", "signed",
            "sincerely", "regards", "love", "yours", "aka", "call him", "call her", "ask for", "thanks", "thank you",
            "cheers");
    /** Labels of a form or a letter whose value is a person ("Attn: Järnefelt family", "Applicant: Anka Fekete"). */
    private static final WordSet PERSON_LABELS = WordSet.of(
            "attn", "attention", "from", "to", "cc", "bcc", "contact", "person", "applicant", "customer", "client",
            "patient", "student", "pupil", "employee", "teacher", "parent", "guardian", "author", "authors",
            "reviewer", "editor", "witness", "recipient", "sender", "beneficiary", "passenger", "traveler",
            "travelers", "traveller", "travellers", "guest", "member", "holder", "candidate", "participant",
            "speaker", "signatory", "manager", "supervisor", "representative", "tenant", "landlord", "buyer",
            "seller", "owner", "driver", "coach", "instructor", "tutor", "counselor", "counsellor", "principal",
            "by");
    /**
     * Words that say a person comes next: relations, speech, greetings, credits. Function words (and, with, to,
     * about, is, for) are not among them: they come before places, things and firms as often as before people,
     * and a name joined to another by "and" is already lifted by the list it is in.
     */
    private static final Phrases WEAK_CUES = Phrases.of(
            "said", "says", "asked", "told", "tell", "ask", "meet", "met", "starring", "directed by", "founded by",
            "written by", "follow up with", "partner", "guardian", "mother", "father", "son", "daughter", "wife",
            "husband", "friend", "classmate", "teacher", "brother", "sister", "cousin", "grandmother", "grandfather",
            "student", "tutor", "hi", "hello", "hey", "thanks", "thank you", "congratulations", "assistant to",
            "driver", "guide", "coach", "neighbor", "neighbour", "nurse", "doctor", "colleague", "coworker",
            "sings", "sung by");
    private static final Phrases PLACE_CUES = Phrases.of(
            "in", "at", "near", "into", "visit", "visited", "visiting", "across", "toward", "towards", "via", "of",
            "from", "on", "became", "become", "work for", "works for", "worked for", "working for", "serving",
            "travel to", "travelling to", "traveling to", "moved to", "returned to", "arrived at", "based in", "join",
            "moving to", "move to", "went to", "go to", "goes to", "drove to", "drive to", "flew to", "fly to",
            "train to", "bus to", "flight to", "ferry to", "trip to", "road to", "roads to", "way to");
    /** Kinds of things a name can be said to be: "Zoolander is a 2001 comedy film", "X is a design agency". */
    private static final WordSet THING_KINDS = WordSet.of(
            "film", "movie", "novel", "book", "song", "album", "series", "show", "sitcom", "play", "musical",
            "opera", "poem", "painting", "game", "videogame", "franchise", "documentary", "company", "firm",
            "agency", "startup", "brand", "business", "corporation", "enterprise", "conglomerate", "manufacturer",
            "retailer", "chain", "app", "website", "platform", "product", "magazine", "newspaper", "journal",
            "charity", "organisation", "organization", "nonprofit", "institution", "brainchild", "restaurant",
            "band", "label", "publisher", "studio", "airline", "bank", "town", "village", "city", "river",
            "mountain", "island", "country", "region", "province", "neighbourhood", "neighborhood", "suburb");
    /** Words after a kind of thing that make the whole a person's role (a film student, a band member). */
    private static final WordSet PERSON_ROLES = WordSet.of(
            "student", "students", "maker", "director", "producer", "critic", "fan", "buff", "lover", "teacher",
            "star", "owner", "founder", "member", "manager", "worker", "employee", "player", "singer", "writer",
            "editor", "reviewer", "major", "enthusiast", "executive", "leader", "agent", "clerk", "officer");
    private static final Phrases AFTER_CUES = Phrases.of(
            "said", "says", "told", "asked", "replied", "wrote", "is", "was", "who", "spent", "lives", "lived",
            "had", "has", "just", "smiled", "laughed", "cried", "shouted", "whispered", "thinks", "thought",
            "wants", "likes", "loves", "did", "does", "will", "would", "can", "could", "and her", "and his",
            "speak", "listed", "employs", "went", "got", "gave", "made", "came", "sat", "ran", "walked", "looked",
            "felt", "knew", "took", "saw", "showed", "decided", "started", "became", "helped", "played", "scored",
            "fell", "forgets", "forgot", "always", "never", "yelled", "screamed", "giggled", "presented",
            "explained", "agreed", "suggested", "proposed", "mentioned", "argued", "insisted", "promised",
            "wondered", "complained", "nodded", "sighed", "frowned", "grinned", "waved", "raised concerns");
    /**
     * What people, rather than things, are said to do: in a lower-case text these after a word in no list (not
     * "is" or "has", which follow anything) make it a name ("tuulikki whispered").
     */
    private static final Phrases PERSON_ACTIONS = Phrases.of(
            "said", "says", "told", "asked", "replied", "wrote", "smiled", "laughed", "cried", "shouted",
            "whispered", "yelled", "screamed", "giggled", "thinks", "thought", "wants", "likes", "loves", "scored",
            "fell", "forgets", "forgot", "always", "never", "showed", "decided", "helped", "walked", "ran", "sat",
            "felt", "knew", "and i", "and me", "presented", "explained", "agreed", "suggested", "proposed",
            "mentioned", "argued", "insisted", "promised", "wondered", "complained", "nodded", "sighed", "frowned",
            "grinned", "waved", "raised concerns");
    private static final WordSet PERSONAL_PRONOUNS = WordSet.of(
            "she", "he", "her", "his", "him", "herself", "himself");
    private static final int PRONOUN_WINDOW = 6;
    private static final WordSet APPOSITION_DETERMINERS = WordSet.of("a", "an", "the", "my", "our", "his", "her");
    /** What a person, and nothing else, is said to be in an apposition: "X, a retired nurse from Leeds". */
    private static final WordSet PEOPLE_NOUNS = WordSet.of(
            "resident", "residents", "student", "pupil", "teacher", "friend", "neighbor", "neighbour", "classmate",
            "doctor", "nurse", "girl", "boy", "man", "woman", "child", "kid", "grader", "native", "volunteer",
            "mother", "father", "mom", "mum", "dad", "son", "daughter", "sister", "brother", "cousin", "aunt",
            "uncle", "grandmother", "grandfather", "grandma", "grandpa", "widow", "widower", "patient", "colleague",
            "coworker", "teammate", "lawyer", "farmer", "citizen", "mayor", "principal", "coach", "author",
            "tenant", "landlord", "wife", "husband", "parent", "veteran", "retiree", "nephew", "niece");
    /** Things a person has: "şerife's kitchen", "Ayrson's brother". */
    private static final WordSet PERSONAL_THINGS = WordSet.of(
            "house", "home", "mom", "mum", "mother", "dad", "father", "brother", "sister", "brothers", "sisters",
            "family", "parents", "birthday", "party", "room", "bedroom", "kitchen", "dog", "cat", "grandma",
            "grandpa", "grandmother", "grandfather", "aunt", "uncle", "cousin", "friend", "friends", "bike",
            "phone", "backpack", "locker", "desk", "hair", "face", "idea", "turn", "fault", "car", "baby", "wife",
            "husband", "son", "daughter", "boyfriend", "girlfriend", "homework", "lunch", "notebook", "seat");

    @Override
    public String name() {
        return "person";
    }

    @Override
    public void recognize(ScanText scan, FindingSink sink) {
        Words words = scan.words();
        boolean lowerCaseText = scan.isLowerCase();
        Runs runs = new Runs();
        int w = 0;
        while (w < words.count()) {
            if (!words.isAlphabetic(w)) {
                w++;
                continue;
            }
            boolean introduced = INTRODUCTIONS.endsBefore(words, w, 0) || afterPersonLabel(words, w);
            if (!startsRun(words, w, introduced, lowerCaseText)) {
                w++;
                continue;
            }
            int last = runEnd(words, w, introduced, lowerCaseText);
            if (isDirectedPlace(words, w, last) || isTownName(words, w, last, lowerCaseText)
                    || words.in(last, JOB_HEADS)) {
                w = last + 1;
                continue;
            }
            int first = w;
            if (first < last && words.isSentenceStart(first) && NameWordKind.of(words, first) == NameWordKind.PLAIN) {
                first++;
                if (isTownName(words, first, last, lowerCaseText)) {
                    w = last + 1;
                    continue;
                }
            }
            runs.add(first, last, score(words, first, last, introduced && first == w, lowerCaseText),
                    ruledOut(words, first, last, lowerCaseText));
            w = last + 1;
        }
        runs.shareWithinLists(words, PersonRecognizer::listIsOrganisation);
        runs.agreeAcrossDocument(words, lowerCaseText);
        for (int run = 0; run < runs.count; run++) {
            if (!runs.ruledOut[run] && runs.score[run] > 0) {
                sink.accept(new Finding(words.start(runs.first[run]), words.end(runs.last[run]), EntityType.PERSON,
                        Math.min(SCORE_CAP, runs.score[run]), name()));
            }
        }
    }

    /** The end of a way from one place to another: "we drove from Osek to Horní Blatná". */
    private static boolean endOfARoute(Words words, int first) {
        int to = first - 1;
        if (to < 1 || !words.is(to, "to") || !words.spaceBetween(to, first)) {
            return false;
        }
        for (int w = to - 2; w >= Math.max(0, to - 6); w--) {
            if (words.is(w, "from")) {
                return true;
            }
            if (words.isSentenceStart(w + 1)) {
                return false;
            }
        }
        return false;
    }

    private static boolean startsRun(Words words, int w, boolean introduced, boolean lowerCaseText) {
        if (words.isAllLower(w) && !introduced && !lowerCaseText) {
            return false;
        }
        if (words.in(w, NEVER_NAMES) || words.in(w, NON_PERSON_HEADS) && !introduced) {
            return false;
        }
        if (words.isCapitalized(w) || isInitial(words, w)) {
            return !words.in(w, DETERMINERS) || introduced;
        }
        if (words.isAllUpper(w)) {
            return words.length(w) > 3 && NameWordKind.of(words, w) == NameWordKind.KNOWN;
        }
        if (!words.isAllLower(w)) {
            return false;
        }
        NameWordKind kind = NameWordKind.of(words, w);
        if (lowerCaseText) {
            boolean unknownWord = kind == NameWordKind.UNKNOWN && words.length(w) > 2;
            return kind == NameWordKind.KNOWN || kind != NameWordKind.PLAIN && afterHonorific(words, w)
                    || unknownWord && (introduced || saidOfAPerson(words, w) || beforeAMiddleInitial(words, w));
        }
        return introduced && (kind == NameWordKind.KNOWN || kind == NameWordKind.UNKNOWN && words.length(w) > 2);
    }

    /** Index of the last word of the run that starts at {@code first}. */
    private static int runEnd(Words words, int first, boolean introduced, boolean lowerCaseText) {
        boolean lowerCaseRun = words.isAllLower(first);
        int last = first;
        int taken = 1;
        int next = first + 1;
        while (next < words.count() && taken < MAX_WORDS && joined(words, next - 1, next)) {
            if (!words.isAlphabetic(next) || words.in(next, NEVER_NAMES) && !isInitialOfAName(words, next)
                    || words.in(next, NON_PERSON_HEADS)) {
                break;
            }
            boolean fits = lowerCaseRun
                    ? words.isAllLower(next) && (isSingleLetter(words, next) || continuesLowerCaseRun(words, next))
                    : words.isCapitalized(next) || isInitial(words, next)
                            || words.isAllUpper(next) && words.isAllUpper(last) && words.length(next) > 1;
            if (fits) {
                last = next;
                taken++;
                next++;
                continue;
            }
            int afterParticles = next;
            while (afterParticles < words.count() && words.in(afterParticles, PARTICLES)
                    && words.isAllLower(afterParticles) && joined(words, afterParticles - 1, afterParticles)) {
                afterParticles++;
            }
            if (!lowerCaseRun && afterParticles > next && afterParticles < words.count()
                    && joined(words, afterParticles - 1, afterParticles) && words.isCapitalized(afterParticles)) {
                next = afterParticles;
                continue;
            }
            break;
        }
        return last;
    }

    private static boolean continuesLowerCaseRun(Words words, int w) {
        NameWordKind kind = NameWordKind.of(words, w);
        return kind == NameWordKind.KNOWN || kind == NameWordKind.UNKNOWN && words.length(w) > 3;
    }

    /** Two words of one name: on one line, separated by a space, a hyphen, or the full stop of an initial. */
    private static boolean joined(Words words, int left, int right) {
        String text = words.text();
        int gapStart = words.end(left);
        int gapEnd = words.start(right);
        if (gapEnd - gapStart == 1) {
            char c = text.charAt(gapStart);
            return c == ' ' || c == '-' || c == '\u00a0';
        }
        return gapEnd - gapStart == 2 && text.charAt(gapStart) == '.' && text.charAt(gapStart + 1) == ' '
                && isSingleLetter(words, left);
    }

    /** "vanja c. lukić": a word, an initial with its full stop, and another word, as only names are written. */
    private static boolean beforeAMiddleInitial(Words words, int w) {
        int initial = w + 1;
        return initial < words.count() && joined(words, w, initial) && stopsBeforeAWord(words, initial)
                && words.isAlphabetic(initial + 1) && words.length(initial + 1) > 1;
    }

    /** "Giszmunda I. Hegedűs": an I with a full stop between two words of a name is an initial, not "I". */
    private static boolean isInitialOfAName(Words words, int w) {
        return isInitial(words, w) && stopsBeforeAWord(words, w) && words.isCapitalized(w + 1);
    }

    /** A single letter, its full stop, and a word joined after it. */
    private static boolean stopsBeforeAWord(Words words, int letter) {
        return isSingleLetter(words, letter) && letter + 1 < words.count()
                && words.text().charAt(words.end(letter)) == '.' && joined(words, letter, letter + 1);
    }

    private static boolean isInitial(Words words, int w) {
        return isSingleLetter(words, w) && words.isUpperInitial(w);
    }

    private static boolean isSingleLetter(Words words, int w) {
        return words.length(w) == 1 && words.isAlphabetic(w);
    }

    /**
     * A run followed by an organisation or street word (Hickle Pty Ltd, "moore group" in a lower-case text; Hoeger
     * and Sons), or preceded by a determiner, is not a person.
     */
    private static boolean ruledOut(Words words, int first, int last, boolean lowerCaseText) {
        int next = last + 1;
        if (next < words.count() && joined(words, last, next) && words.in(next, NON_PERSON_HEADS)
                && (words.isUpperInitial(next) || lowerCaseText)) {
            return true;
        }
        if (followedByFirmPartner(words, last)) {
            return true;
        }
        int previous = first - 1;
        return previous >= 0 && words.in(previous, DETERMINERS) && words.spaceBetween(previous, first)
                && !words.isAllLower(first);
    }

    private static boolean followedByFirmPartner(Words words, int last) {
        int next = last + 1;
        if (next + 1 < words.count() && words.in(next, CONJUNCTIONS) && words.spaceBetween(last, next)
                && words.spaceBetween(next, next + 1)) {
            return words.in(next + 1, FIRM_PARTNERS);
        }
        return next < words.count() && words.in(next, FIRM_PARTNERS) && words.start(next) == words.end(last) + 3
                && words.text().startsWith(" & ", words.end(last));
    }

    private double score(Words words, int first, int last, boolean introduced, boolean lowerCaseText) {
        int known = 0;
        int ambiguous = 0;
        int unknown = 0;
        int plain = 0;
        for (int w = first; w <= last; w++) {
            if (isSingleLetter(words, w)) {
                continue;
            }
            switch (NameWordKind.of(words, w)) {
                case KNOWN -> known++;
                case AMBIGUOUS -> ambiguous++;
                case UNKNOWN -> unknown++;
                case PLAIN -> plain++;
            }
        }
        int length = known + ambiguous + unknown + plain;
        if (length == 0) {
            return 0;
        }
        boolean uninformativeCapital = words.isSentenceStart(first) || lowerCaseText;
        double score;
        if (length >= 2) {
            if (plain == 0 && known >= 1) {
                score = 0.8;
            } else if (plain == 0) {
                score = unknown == length ? 0.55 : 0.6;
            } else if (plain == 1 && known >= 1 && length >= 3) {
                score = 0.5;
            } else if (plain == 1 && known + unknown >= 1 && !uninformativeCapital) {
                // a name beside a word that is also English: a person only with a cue ("with Kofi Mills")
                score = 0.45;
            } else {
                score = 0.1;
            }
        } else if (known == 1) {
            score = uninformativeCapital ? 0.5 : 0.6;
        } else if (unknown == 1) {
            score = uninformativeCapital ? 0.4 : 0.45;
        } else if (ambiguous == 1) {
            score = uninformativeCapital ? 0.15 : 0.35;
        } else {
            return 0;
        }
        boolean singleListedName = length == 1 && known == 1 && words.in(first, NameLexicon.curatedNames());
        if (isNation(words, first, last) || !singleListedName && isPlace(words, first, last)
                || endsWithTownSuffix(words, last)) {
            score -= 0.45;
        }
        if (saidToBeAThing(words, last)) {
            score -= 0.45;
        }
        if (isHyphenatedPair(words, first, last) || first == last && inHyphenatedCompound(words, first)) {
            boolean givenNames = first < last && isGivenName(words, first, last);
            score -= fillsLine(words, first, last) ? 0.5 : givenNames ? 0.3 : 0.45;
        }
        if (looksLikeAddressPart(words, first, last)) {
            score -= 0.5;
        }
        if (afterHonorific(words, first)) {
            score += 0.45;
        } else if (introduced) {
            score += 0.4;
        } else if (PLACE_CUES.endsBefore(words, first, 0) || endOfARoute(words, first)) {
            score -= startsWithPlace(words, first, last) ? 0.45 : 0.2;
        } else if (WEAK_CUES.endsBefore(words, first, 0)) {
            score += 0.1;
        }
        if (ownsAPersonalThing(words, last) || describedAsAPerson(words, last)) {
            score += 0.3;
        } else if (possessiveAfter(words, last) || last + 1 < words.count() && AFTER_CUES.startsAt(words, last + 1)
                && words.spaceBetween(last, last + 1) || pronounFollows(words, last)) {
            score += 0.1;
        }
        if (isSpeakerLabel(words, first, last) || isAddressed(words, first, last)) {
            score += 0.2;
        }
        if (joinedWithSpeaker(words, first, last)) {
            score += 0.3;
        }
        return score;
    }

    /**
     * A word with a person's cue before it ("my friend", "told"), a person's action after it ("whispered"), a
     * person's thing after its possessive ("'s kitchen"), or done with the writer ("me and").
     */
    private static boolean saidOfAPerson(Words words, int w) {
        return WEAK_CUES.endsBefore(words, w, 0) || ownsAPersonalThing(words, w) || joinedWithSpeaker(words, w, w)
                || w + 1 < words.count() && words.spaceBetween(w, w + 1) && PERSON_ACTIONS.startsAt(words, w + 1);
    }

    /**
     * "We made a card for Onufry because she was sick": a personal pronoun a few words on in the same sentence,
     * which places, things and firms do not take.
     */
    private static boolean pronounFollows(Words words, int last) {
        int limit = Math.min(words.count(), last + 1 + PRONOUN_WINDOW);
        for (int w = last + 1; w < limit; w++) {
            if (words.isSentenceStart(w)) {
                return false;
            }
            if (words.in(w, PERSONAL_PRONOUNS)) {
                return true;
            }
        }
        return false;
    }

    /** "Urban Dej, a resident of Thane", "Maria, my neighbour, …": set off by a comma, described as a person. */
    private static boolean describedAsAPerson(Words words, int last) {
        int determiner = last + 1;
        if (determiner + 1 >= words.count() || !words.onlyBetween(last, determiner, ", ")
                || words.spaceBetween(last, determiner) || !words.in(determiner, APPOSITION_DETERMINERS)) {
            return false;
        }
        int limit = Math.min(words.count(), determiner + 4);
        for (int noun = determiner + 1; noun < limit && words.spaceBetween(noun - 1, noun); noun++) {
            if (words.in(noun, PEOPLE_NOUNS)) {
                return true;
            }
        }
        return false;
    }

    /** "Ayrson's kitchen table": the word after the possessive is something a person has. */
    private static boolean ownsAPersonalThing(Words words, int last) {
        if (!possessiveAfter(words, last)) {
            return false;
        }
        int next = words.firstAtOrAfter(words.end(last) + 2);
        return next < words.count() && words.in(next, PERSONAL_THINGS);
    }

    private static boolean afterHonorific(Words words, int w) {
        return w > 0 && words.in(w - 1, HONORIFICS) && words.onlyBetween(w - 1, w, ". ");
    }

    /**
     * "Maya and I", "me and Maya", "Maya and me": what the writer does together with someone is done with a
     * person, not a place or a thing.
     */
    private static boolean joinedWithSpeaker(Words words, int first, int last) {
        boolean after = last + 2 < words.count() && words.is(last + 1, "and") && isSpeaker(words, last + 2)
                && words.spaceBetween(last, last + 1) && words.spaceBetween(last + 1, last + 2);
        boolean before = first >= 2 && words.is(first - 1, "and") && isSpeaker(words, first - 2)
                && words.spaceBetween(first - 2, first - 1) && words.spaceBetween(first - 1, first);
        return after || before;
    }

    private static boolean isSpeaker(Words words, int w) {
        return words.is(w, "i") || words.is(w, "me");
    }

    /**
     * A house number right before or after the run (12 Pavlou Drandaki, Eyrarodda 66), or a postal code after it
     * (Lohamn, 3393; Springfield, IL 62704), make it a street or a town.
     */
    private static boolean looksLikeAddressPart(Words words, int first, int last) {
        int previous = first - 1;
        if (previous >= 0 && words.isNumber(previous) && words.spaceBetween(previous, first)) {
            return true;
        }
        int next = last + 1;
        if (next >= words.count()) {
            return false;
        }
        if (words.isNumber(next) && words.spaceBetween(last, next)) {
            return true;
        }
        if (words.hasDigit(next) && words.onlyBetween(last, next, ", ")
                && ZipCodeRecognizer.closesWithTownCode(words.text(), words.start(next))) {
            return true;
        }
        return next + 1 < words.count() && words.length(next) == 2 && words.isAllUpper(next)
                && words.onlyBetween(last, next, ", ") && words.isNumber(next + 1);
    }

    /**
     * A direction and a listed place or nation (New Zealand, South Africa, Western Australia): taken whole before
     * a sentence-initial direction is dropped from the run as an everyday word.
     */
    private static boolean isDirectedPlace(Words words, int first, int last) {
        return first < last && words.in(first, DIRECTIONS)
                && (isPlace(words, first, last) || isNation(words, first, last) || isNation(words, first + 1, last));
    }

    /**
     * A run opened by a town prefix (Port Traci, East Angus), or right after one that is not part of the run
     * (Lake Tayna, where "Lake" ends names; "east angus" in a lower-case text), names a town: people are not
     * called North or Lake. After an honorific (Mr. West) the word is a surname.
     */
    private static boolean isTownName(Words words, int first, int last, boolean lowerCaseText) {
        if (afterHonorific(words, first)) {
            return false;
        }
        if (first < last && words.in(first, TOWN_PREFIXES)) {
            return true;
        }
        int previous = first - 1;
        return previous >= 0 && words.in(previous, TOWN_PREFIXES) && words.spaceBetween(previous, first)
                && (lowerCaseText || words.isCapitalized(previous));
    }

    /** The run ends in a word of no list with a town's ending (Lueilwitzville, Port Garlandstad). */
    private static boolean endsWithTownSuffix(Words words, int last) {
        if (NameWordKind.of(words, last) != NameWordKind.UNKNOWN) {
            return false;
        }
        return TOWN_SUFFIXES.endWord(words.text(), words.start(last), words.end(last));
    }

    private static boolean isNation(Words words, int first, int last) {
        return NameLexicon.nations().contains(words.text(), words.start(first), words.end(last));
    }

    /**
     * Two surnames joined by a hyphen and no first name (Weeks-Rivas) is how firms are named; two given names so
     * joined (Anne-Marie) are more often a first name, and weigh less against.
     */
    private static boolean isHyphenatedPair(Words words, int first, int last) {
        return last == first + 1 && words.text().charAt(words.end(first)) == '-';
    }

    private static boolean isGivenName(Words words, int first, int last) {
        for (int w = first; w <= last; w++) {
            if (!words.in(w, NameLexicon.englishGivenNames())) {
                return false;
            }
        }
        return true;
    }

    /**
     * A word hyphenated to a word outside its run ("wisozk-jones" in a lower-case text, where only the listed half
     * starts a run) is half of such a pair.
     */
    private static boolean inHyphenatedCompound(Words words, int w) {
        String text = words.text();
        int start = words.start(w);
        int end = words.end(w);
        return start >= 2 && text.charAt(start - 1) == '-' && Character.isLetter(text.charAt(start - 2))
                || end + 1 < text.length() && text.charAt(end) == '-' && Character.isLetter(text.charAt(end + 1));
    }

    /**
     * After a place preposition, a run that opens with a listed place that is not also a listed name is a place
     * or a district of one (in Bremen Ohlenhof, near Villafranca del Cid).
     */
    private static boolean startsWithPlace(Words words, int first, int last) {
        return first < last && words.in(first, NameLexicon.places()) && !words.in(first, NameLexicon.curatedNames());
    }

    /** The run is all there is on its line (a letterhead or signature line). */
    private static boolean fillsLine(Words words, int first, int last) {
        String text = words.text();
        int end = words.end(last);
        return words.isLineStart(first) && (end == text.length() || lineBreakAfter(text, end));
    }

    private static boolean lineBreakAfter(String text, int end) {
        int i = end;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '\r')) {
            i++;
        }
        return i == text.length() || text.charAt(i) == '\n';
    }

    /** The run, or the run after a direction word (Southern Italy), is a listed place. */
    private static boolean isPlace(Words words, int first, int last) {
        WordSet places = NameLexicon.places();
        if (places.contains(words.text(), words.start(first), words.end(last))) {
            return true;
        }
        return first < last && words.in(first, DIRECTIONS)
                && places.contains(words.text(), words.start(first + 1), words.end(last));
    }

    /**
     * The run is the subject of "is a/an/the" followed, within a few words of the same clause, by a kind of
     * thing that is not a person's role: "Zoolander is a 2001 American comedy film", "Telenav is a design
     * agency", "Verdafero is the brainchild of".
     */
    private static boolean saidToBeAThing(Words words, int last) {
        int verb = last + 1;
        if (verb + 2 >= words.count() || !words.spaceBetween(last, verb)
                || !(words.is(verb, "is") || words.is(verb, "was"))) {
            return false;
        }
        int article = verb + 1;
        if (!(words.is(article, "a") || words.is(article, "an") || words.is(article, "the"))) {
            return false;
        }
        int limit = Math.min(words.count(), article + 6);
        for (int w = article + 1; w < limit; w++) {
            if (!words.onlyBetween(w - 1, w, " -")) {
                return false;
            }
            if (words.in(w, THING_KINDS)) {
                return w + 1 >= words.count() || !words.in(w + 1, PERSON_ROLES)
                        || !words.spaceBetween(w, w + 1);
            }
        }
        return false;
    }

    /** The value of a form's label for a person: "Attn: Järnefelt", "Contact person:\nAnna Q. Smith". */
    private static boolean afterPersonLabel(Words words, int w) {
        int label = w - 1;
        if (label < 0 || words.text().charAt(words.end(label)) != ':') {
            return false;
        }
        return words.onlyBetween(label, w, ": \t\n") && words.in(label, PERSON_LABELS);
    }

    /** "Maria: Remember me?" at the start of a line. */
    private static boolean isSpeakerLabel(Words words, int first, int last) {
        String text = words.text();
        int end = words.end(last);
        return words.isLineStart(first) && end < text.length() && text.charAt(end) == ':';
    }

    /** An addressee set off by a comma and closed by ! ? or a comma: "Don't go, Mark!". */
    private static boolean isAddressed(Words words, int first, int last) {
        String text = words.text();
        int start = words.start(first);
        int end = words.end(last);
        boolean commaBefore = start >= 2 && text.charAt(start - 1) == ' ' && text.charAt(start - 2) == ',';
        boolean closedAfter = end < text.length() && (text.charAt(end) == '!' || text.charAt(end) == '?'
                || text.charAt(end) == ',');
        boolean openingAddress = words.isSentenceStart(first) && end < text.length() && text.charAt(end) == ',';
        return commaBefore && closedAfter || openingAddress;
    }

    private static boolean possessiveAfter(Words words, int last) {
        String text = words.text();
        int end = words.end(last);
        return end + 1 < text.length() && (text.charAt(end) == '\'' || text.charAt(end) == '\u2019')
                && (text.charAt(end + 1) == 's' || text.charAt(end + 1) == 'S');
    }

    /**
     * A list of names that is the subject of a singular verb (Lopez, Santos and Coleman is a design agency) or
     * the object of a place preposition (from Hawkins, Richardson and Santana) names a firm.
     */
    private static boolean listIsOrganisation(Words words, int firstWord, int lastWord) {
        int next = lastWord + 1;
        boolean singularVerb = next < words.count() && words.spaceBetween(lastWord, next)
                && (words.is(next, "is") || words.is(next, "was") || words.is(next, "has")
                || words.in(next, SINGULAR_FIRM_VERBS));
        return singularVerb || (PLACE_CUES.endsBefore(words, firstWord, 0) || afterAFullName(words, firstWord)
                || afterAJobTitle(words, firstWord)) && joinedByConjunction(words, firstWord, lastWord);
    }

    /** "Technology Engineer, Graham, Collins and Hane": a list set off by a comma after a job title is a firm. */
    private static boolean afterAJobTitle(Words words, int firstWord) {
        int title = firstWord - 1;
        return title >= 0 && words.in(title, JOB_HEADS) && words.onlyBetween(title, firstWord, ", ")
                && !words.spaceBetween(title, firstWord);
    }

    /**
     * "Sergiusz R. Balcerzak, Tagore, Guneta and Namboothiri": a list set off by a comma right after a person's
     * name with a middle initial is where that person works, as in a signature or a contact line.
     */
    private static boolean afterAFullName(Words words, int firstWord) {
        int surname = firstWord - 1;
        return surname >= 2 && words.onlyBetween(surname, firstWord, ", ") && !words.spaceBetween(surname, firstWord)
                && isInitial(words, surname - 1) && joined(words, surname - 1, surname)
                && joined(words, surname - 2, surname - 1);
    }

    /** "A, B and C" is a list; "on our trip to Yellowstone, Grandpa Joe told us" is not. */
    private static boolean joinedByConjunction(Words words, int firstWord, int lastWord) {
        for (int w = firstWord + 1; w < lastWord; w++) {
            if (words.in(w, CONJUNCTIONS) || words.is(w, "or")) {
                return true;
            }
        }
        int ampersand = words.text().indexOf(" & ", words.end(firstWord));
        return ampersand >= 0 && ampersand < words.start(lastWord);
    }

    /**
     * Words of confident names, compared ignoring case. A 64-bit filter on first letter and length keeps the test
     * for every other word of an essay to a few instructions.
     */
    private static final class NamedWords {
        private final int[] starts;
        private final int[] lengths;
        private int size;
        private long filter;

        NamedWords(int capacity) {
            starts = new int[capacity];
            lengths = new int[capacity];
        }

        void add(Words words, int w) {
            starts[size] = words.start(w);
            lengths[size] = words.length(w);
            size++;
            filter |= bit(words.text(), words.start(w), words.length(w));
        }

        boolean contains(Words words, int w) {
            String text = words.text();
            int start = words.start(w);
            int length = words.length(w);
            if ((filter & bit(text, start, length)) == 0) {
                return false;
            }
            for (int i = 0; i < size; i++) {
                if (lengths[i] == length && starts[i] != start
                        && text.regionMatches(true, starts[i], text, start, length)) {
                    return true;
                }
            }
            return false;
        }

        private static long bit(String text, int start, int length) {
            return 1L << ((Character.toLowerCase(text.charAt(start)) * 31 + length) & 63);
        }
    }

    @FunctionalInterface
    private interface ListJudge {
        boolean test(Words words, int firstWord, int lastWord);
    }

    /** The runs of one text, and the sharing of evidence among members of one list. */
    private static final class Runs {
        private int[] first = new int[16];
        private int[] last = new int[16];
        private double[] score = new double[16];
        private boolean[] ruledOut = new boolean[16];
        private int count;

        void add(int firstWord, int lastWord, double runScore, boolean isRuledOut) {
            if (count == first.length) {
                first = Arrays.copyOf(first, count * 2);
                last = Arrays.copyOf(last, count * 2);
                score = Arrays.copyOf(score, count * 2);
                ruledOut = Arrays.copyOf(ruledOut, count * 2);
            }
            first[count] = firstWord;
            last[count] = lastWord;
            score[count] = runScore;
            ruledOut[count] = isRuledOut;
            count++;
        }

        /**
         * Runs joined by ", ", " and ", " & " or " or " form a list: when any member is ruled out the whole list
         * is; otherwise members of a list with a likely person are lifted towards it.
         */
        void shareWithinLists(Words words, ListJudge organisation) {
            int listStart = 0;
            for (int run = 1; run <= count; run++) {
                if (run < count && coordinated(words, last[run - 1], first[run])
                        && !hasMiddleInitial(words, first[run - 1], last[run - 1])) {
                    continue;
                }
                if (run - listStart > 1) {
                    share(listStart, run, organisation.test(words, first[listStart], last[run - 1]));
                }
                listStart = run;
            }
        }

        private void share(int from, int to, boolean organisation) {
            boolean anyRuledOut = organisation;
            double best = 0;
            for (int run = from; run < to; run++) {
                anyRuledOut |= ruledOut[run];
                best = Math.max(best, score[run]);
            }
            for (int run = from; run < to; run++) {
                if (anyRuledOut) {
                    ruledOut[run] = true;
                } else if (best >= 0.6 && score[run] > 0.1) {
                    score[run] = Math.max(score[run], Math.min(best, score[run] + 0.25));
                }
            }
        }

        /**
         * A writer who names someone once with good evidence ("my friend Tomomi Sato said") goes on to call them by
         * the full name, the first name or the surname alone, often where the local evidence is weak (at the start
         * of a sentence, after "from"). So a run whose every word is a word of a confident run elsewhere in the
         * document is lifted to that confidence, and so is such a word found outside any run (a lower-case
         * repetition, a sentence-initial name that was set aside) unless it is an English word.
         */
        void agreeAcrossDocument(Words words, boolean lowerCaseText) {
            NamedWords named = confidentWords(words);
            if (named == null) {
                return;
            }
            int runsBefore = count;
            for (int run = 0; run < runsBefore; run++) {
                if (!ruledOut[run] && score[run] < CONFIDENT && score[run] > 0 && allWordsNamed(words, run, named)) {
                    score[run] = CONFIDENT;
                }
            }
            int run = 0;
            for (int w = 0; w < words.count(); w++) {
                while (run < runsBefore && last[run] < w) {
                    run++;
                }
                boolean insideRun = run < runsBefore && first[run] <= w;
                if (insideRun || words.length(w) < 3 || !named.contains(words, w) || !words.isAlphabetic(w)
                        || words.in(w, NEVER_NAMES)) {
                    continue;
                }
                NameWordKind kind = NameWordKind.of(words, w);
                if (kind == NameWordKind.KNOWN || kind == NameWordKind.UNKNOWN
                        || kind == NameWordKind.AMBIGUOUS && !words.isAllLower(w) && !lowerCaseText) {
                    add(w, w, CONFIDENT, false);
                }
            }
            sortByFirstWord(runsBefore);
        }

        /** The words of the confident runs, or null when there are none. */
        private NamedWords confidentWords(Words words) {
            int total = 0;
            for (int run = 0; run < count; run++) {
                if (!ruledOut[run] && score[run] >= CONFIDENT) {
                    total += last[run] - first[run] + 1;
                }
            }
            if (total == 0) {
                return null;
            }
            NamedWords named = new NamedWords(total);
            for (int run = 0; run < count; run++) {
                if (!ruledOut[run] && score[run] >= CONFIDENT) {
                    for (int w = first[run]; w <= last[run]; w++) {
                        if (!isSingleLetter(words, w)) {
                            named.add(words, w);
                        }
                    }
                }
            }
            return named;
        }

        private boolean allWordsNamed(Words words, int run, NamedWords named) {
            for (int w = first[run]; w <= last[run]; w++) {
                if (!isSingleLetter(words, w) && !named.contains(words, w)) {
                    return false;
                }
            }
            return true;
        }

        /** Puts runs added after {@code sortedCount} among the others, in text order. */
        private void sortByFirstWord(int sortedCount) {
            for (int added = sortedCount; added < count; added++) {
                int at = added;
                while (at > 0 && first[at - 1] > first[at]) {
                    swap(at - 1, at);
                    at--;
                }
            }
        }

        private void swap(int a, int b) {
            int f = first[a];
            first[a] = first[b];
            first[b] = f;
            int l = last[a];
            last[a] = last[b];
            last[b] = l;
            double s = score[a];
            score[a] = score[b];
            score[b] = s;
            boolean r = ruledOut[a];
            ruledOut[a] = ruledOut[b];
            ruledOut[b] = r;
        }

        /**
         * "Anna Q. Smith, Pouros and Sons": a name written with a middle initial is a person's in full, never the
         * first member of a firm's list of surnames.
         */
        private static boolean hasMiddleInitial(Words words, int firstWord, int lastWord) {
            for (int w = firstWord + 1; w < lastWord; w++) {
                if (isInitial(words, w)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean coordinated(Words words, int left, int right) {
            if (right == left + 1) {
                String gap = words.text().substring(words.end(left), words.start(right));
                return gap.equals(", ") || gap.equals(" & ");
            }
            return right == left + 2 && (words.in(left + 1, CONJUNCTIONS) || words.is(left + 1, "or"))
                    && (words.onlyBetween(left, left + 1, " ") || words.onlyBetween(left, left + 1, ", "))
                    && words.onlyBetween(left + 1, right, " ");
        }
    }
}
