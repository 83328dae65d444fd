package org.margin.integrity.text;

import java.util.Arrays;

/**
 * English function words, which carry little of what makes a passage someone's own and are the words a light
 * rewrite changes most ("the" for "a", "which" for "that"). Kept as sorted word hashes, so a lookup makes no
 * string.
 */
final class StopWords {

    private static final String[] WORDS = {
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as",
        "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could",
        "did", "do", "does", "doing", "down", "during", "each", "even", "few", "for", "from", "further", "had",
        "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "however",
        "i", "if", "in", "into", "is", "it", "its", "itself", "just", "may", "me", "might", "more", "most", "much",
        "must", "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once", "one", "only", "or", "other",
        "our", "ours", "ourselves", "out", "over", "own", "same", "she", "should", "so", "some", "such", "than",
        "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those",
        "through", "thus", "to", "too", "under", "until", "up", "upon", "us", "very", "was", "we", "were", "what",
        "when", "where", "whether", "which", "while", "who", "whom", "whose", "why", "will", "with", "within",
        "would", "yet", "you", "your", "yours", "yourself", "yourselves"
    };

    private static final long[] HASHES = hashes();

    private StopWords() {
    }

    /** Whether the lower-cased word in {@code buffer[0, length)} is a stop word, given its hash. */
    static boolean contains(long hash) {
        return Arrays.binarySearch(HASHES, hash) >= 0;
    }

    private static long[] hashes() {
        long[] hashes = new long[WORDS.length];
        for (int i = 0; i < WORDS.length; i++) {
            hashes[i] = WordHash.of(WORDS[i].toCharArray(), WORDS[i].length());
        }
        Arrays.sort(hashes);
        return hashes;
    }
}
