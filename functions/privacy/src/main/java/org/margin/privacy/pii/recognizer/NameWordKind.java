package org.margin.privacy.pii.recognizer;

import org.margin.privacy.pii.text.WordSet;
import org.margin.privacy.pii.text.Words;

/** How much a single word, whatever its case, looks like part of a person's name. */
enum NameWordKind {
    /** A listed name that is not an everyday English word (Kowalski, Aisha). */
    KNOWN,
    /** A listed name that is also an English word (Rose, Grant, Hunter). */
    AMBIGUOUS,
    /** In no list: often a name or a place from elsewhere (Tomomi, Ubul). */
    UNKNOWN,
    /** An English word, or a function word however often it is also a surname (The, Back, To). */
    PLAIN;

    /**
     * Function words that the name lists contain as surnames but that are never worth the doubt, with "im" and
     * "ive" as children write I'm and I've, and "app", which the English lists predate.
     */
    private static final WordSet FUNCTION_WORDS = WordSet.of(
            "a", "an", "the", "to", "of", "in", "on", "at", "by", "for", "from", "with", "as", "and", "or", "but",
            "if", "so", "be", "is", "am", "are", "was", "were", "been", "do", "does", "did", "have", "has", "had",
            "he", "she", "it", "we", "they", "you", "me", "him", "her", "us", "them", "my", "your", "his", "its",
            "our", "their", "this", "that", "these", "those", "who", "what", "when", "where", "why", "how", "not",
            "no", "yes", "all", "any", "some", "up", "down", "out", "over", "back", "here", "there", "then",
            "than", "very", "just", "can", "could", "will", "would", "shall", "should", "may", "might", "must",
            "about", "after", "before", "into", "onto", "upon", "off", "one", "two", "new", "old", "good", "best",
            "more", "most", "many", "much", "each", "every", "both", "few", "own", "same", "such", "only",
            "also", "again", "still", "even", "well", "now", "ever", "never", "always", "please", "thank", "hello",
            "dear", "hi", "hey", "oh", "ok", "okay", "like", "love", "let", "make", "get", "go", "come", "see",
            "carry", "bring", "take", "give", "say", "tell", "ask", "south", "north", "east", "west", "southern",
            "northern", "eastern", "western", "central", "upper", "lower", "great", "little", "big", "day",
            "night", "morning", "evening", "today", "tomorrow", "yesterday", "street", "road", "city", "state",
            "c'mon", "y'all", "ma'am", "im", "ive", "app", "apps");

    /**
     * A reviewed name is ambiguous only when it is among the most frequent English words (Will, Mark); one from
     * the broad list is already ambiguous when it is any everyday English word, since that list is noisy.
     */
    static NameWordKind of(Words words, int w) {
        if (words.in(w, FUNCTION_WORDS) || isContraction(words, w)) {
            return PLAIN;
        }
        boolean curated = words.in(w, NameLexicon.curatedNames());
        boolean frequent = words.in(w, NameLexicon.frequentEnglish());
        if (frequent) {
            return curated ? AMBIGUOUS : PLAIN;
        }
        if (curated) {
            return KNOWN;
        }
        boolean english = words.in(w, NameLexicon.commonEnglish());
        if (words.in(w, NameLexicon.broadNames())) {
            return english ? AMBIGUOUS : KNOWN;
        }
        return english ? PLAIN : UNKNOWN;
    }

    /** Don't, we'll, they're, I've: an English contraction, never a name. */
    private static boolean isContraction(Words words, int w) {
        String text = words.text();
        int end = words.end(w);
        for (int i = words.start(w) + 1; i < end - 1; i++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '\u2019') {
                int tail = end - i - 1;
                char next = Character.toLowerCase(text.charAt(i + 1));
                return tail == 1 && (next == 't' || next == 'd' || next == 'm')
                        || tail == 2 && (words.text().regionMatches(true, i + 1, "ll", 0, 2)
                        || words.text().regionMatches(true, i + 1, "re", 0, 2)
                        || words.text().regionMatches(true, i + 1, "ve", 0, 2));
            }
        }
        return false;
    }
}
