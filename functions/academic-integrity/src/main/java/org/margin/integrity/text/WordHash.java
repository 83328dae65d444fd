package org.margin.integrity.text;

/** FNV-1a over a word's UTF-16 units: the code of a word unit, computed from a buffer without making a string. */
final class WordHash {

    private static final long OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private WordHash() {
    }

    static long of(char[] buffer, int length) {
        long hash = OFFSET_BASIS;
        for (int i = 0; i < length; i++) {
            hash ^= buffer[i];
            hash *= PRIME;
        }
        return hash;
    }
}
