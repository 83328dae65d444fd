package org.margin.privacy.pii.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A list of short, case-insensitive word sequences ("my name is", "born on") to look for just before a word.
 */
public final class Phrases {

    private final String[][] phrases;
    /** The last word of every phrase, to rule most positions out with one lookup. */
    private final WordSet lastWords;
    /** The first word of every phrase, likewise for {@link #startsAt}. */
    private final WordSet firstWords;

    private Phrases(String[][] phrases) {
        this.phrases = phrases;
        List<String> last = new ArrayList<>();
        List<String> first = new ArrayList<>();
        for (String[] phrase : phrases) {
            last.add(phrase[phrase.length - 1]);
            first.add(phrase[0]);
        }
        this.lastWords = WordSet.of(last);
        this.firstWords = WordSet.of(first);
    }

    public static Phrases of(String... phrases) {
        return of(Arrays.asList(phrases));
    }

    public static Phrases of(List<String> phrases) {
        String[][] split = new String[phrases.size()][];
        for (int i = 0; i < split.length; i++) {
            split[i] = phrases.get(i).toLowerCase(Locale.ROOT).replace('\u2019', '\'').split(" ");
        }
        return new Phrases(split);
    }

    /**
     * Whether one of the phrases ends at word {@code beforeWord - 1} or up to {@code slack} words earlier;
     * words in between are allowed only when {@code slack > 0}.
     */
    public boolean endsBefore(Words words, int beforeWord, int slack) {
        for (int end = beforeWord - 1; end >= 0 && end >= beforeWord - 1 - slack; end--) {
            if (!words.in(end, lastWords)) {
                continue;
            }
            for (String[] phrase : phrases) {
                if (matchesEndingAt(words, end, phrase)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether one of the phrases starts at word {@code word}. */
    public boolean startsAt(Words words, int word) {
        if (word >= words.count() || !words.in(word, firstWords)) {
            return false;
        }
        for (String[] phrase : phrases) {
            int last = word + phrase.length - 1;
            if (last < words.count() && matchesEndingAt(words, last, phrase)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesEndingAt(Words words, int end, String[] phrase) {
        int first = end - phrase.length + 1;
        if (first < 0) {
            return false;
        }
        for (int i = 0; i < phrase.length; i++) {
            if (!words.is(first + i, phrase[i])) {
                return false;
            }
        }
        return true;
    }
}
