package org.margin.privacy.pii.recognizer;

import org.margin.privacy.pii.text.WordSet;

/**
 * The word lists behind name detection, each read on first use only: a function that never looks for names
 * never pays for them. Sources and licences are listed in the module README.
 */
final class NameLexicon {

    private static final String FOLDER = "/org/margin/privacy/pii/gazetteer/";

    private NameLexicon() {
    }

    /** First and last names reviewed by people (cspell people names, MIT). */
    static WordSet curatedNames() {
        return Curated.SET;
    }

    /** About 200,000 first and last names gathered from censuses and the web (humannames, MIT); noisy. */
    static WordSet broadNames() {
        return Broad.SET;
    }

    /** English given names alone (stdlib's lists): tells Anne-Marie, a first name, from Miller-Welch, a firm. */
    static WordSet englishGivenNames() {
        return Given.SET;
    }

    /** The most frequent English words (SCOWL sizes 10 and 20). */
    static WordSet frequentEnglish() {
        return Frequent.SET;
    }

    /** The rest of everyday English (SCOWL sizes 35 to 50). */
    static WordSet commonEnglish() {
        return Common.SET;
    }

    /** Capitals and cities of 5,000 people or more. */
    static WordSet places() {
        return Places.SET;
    }

    /** Countries, nationalities and languages (France, French, Greek). */
    static WordSet nations() {
        return Nations.SET;
    }

    private static final class Curated {
        static final WordSet SET = WordSet.fromGzipResource(NameLexicon.class, FOLDER + "person-names-curated.txt.gz");
    }

    private static final class Broad {
        static final WordSet SET = WordSet.fromGzipResource(NameLexicon.class, FOLDER + "person-names-broad.txt.gz");
    }

    private static final class Given {
        static final WordSet SET = WordSet.fromGzipResource(NameLexicon.class, FOLDER + "given-names-english.txt.gz");
    }

    private static final class Frequent {
        static final WordSet SET = WordSet.fromGzipResource(NameLexicon.class, FOLDER + "english-words-frequent.txt.gz");
    }

    private static final class Common {
        static final WordSet SET = WordSet.fromGzipResource(NameLexicon.class, FOLDER + "english-words-common.txt.gz");
    }

    private static final class Nations {
        static final WordSet SET = WordSet.fromGzipResource(NameLexicon.class, FOLDER + "nations.txt.gz");
    }

    private static final class Places {
        static final WordSet SET = WordSet.fromGzipResource(NameLexicon.class, FOLDER + "places.txt.gz");
    }
}
