package org.margin.analysis.text;

import org.margin.analysis.lexicon.WordHash;

/**
 * Gives each distinct normalised word a small id, in order of first appearance, so that vocabulary and
 * sentence-opening measures compare ints instead of strings.
 */
public final class WordTypes {

    private final int[] typeOfWord;
    private final int[] firstWordOfType;
    private final int typeCount;

    private WordTypes(int[] typeOfWord, int[] firstWordOfType, int typeCount) {
        this.typeOfWord = typeOfWord;
        this.firstWordOfType = firstWordOfType;
        this.typeCount = typeCount;
    }

    public static WordTypes of(WordTokens words) {
        int wordCount = words.wordCount();
        int[] typeOfWord = new int[wordCount];
        int[] firstWordOfType = new int[wordCount];
        int[] slots = new int[Integer.highestOneBit(Math.max(2, wordCount) * 2) * 2];
        int mask = slots.length - 1;
        char[] chars = words.chars();
        int types = 0;
        for (int word = 0; word < wordCount; word++) {
            int start = words.start(word);
            int length = words.length(word);
            int slot = WordHash.of(chars, start, length) & mask;
            while (true) {
                int type = slots[slot] - 1;
                if (type < 0) {
                    firstWordOfType[types] = word;
                    typeOfWord[word] = types;
                    slots[slot] = ++types;
                    break;
                }
                int first = firstWordOfType[type];
                if (WordHash.equal(chars, words.start(first), words.length(first), chars, start, length)) {
                    typeOfWord[word] = type;
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
        return new WordTypes(typeOfWord, firstWordOfType, types);
    }

    public int typeOf(int word) {
        return typeOfWord[word];
    }

    /** Number of distinct words. */
    public int typeCount() {
        return typeCount;
    }

    /** The index of the first word of the given type, to read its spelling from {@link WordTokens}. */
    public int firstOccurrence(int type) {
        return firstWordOfType[type];
    }
}
