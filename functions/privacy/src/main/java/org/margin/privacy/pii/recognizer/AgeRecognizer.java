package org.margin.privacy.pii.recognizer;

import org.margin.privacy.pii.EntityType;
import org.margin.privacy.pii.Finding;
import org.margin.privacy.pii.FindingSink;
import org.margin.privacy.pii.Recognizer;
import org.margin.privacy.pii.text.Chars;
import org.margin.privacy.pii.text.Phrases;
import org.margin.privacy.pii.text.ScanText;
import org.margin.privacy.pii.text.WordSet;
import org.margin.privacy.pii.text.Words;

/**
 * Ages: a number from 1 to 125 that the words around it make an age ("12 years old", "a 9-year-old", "aged 14",
 * "I just turned 10", "I'm 11."), or one from one to ninety-nine written in words, as children often write it
 * ("ten years old", "a nine-year-old", "I just turned eleven", "I'm twenty-one."). A number alone is never an age,
 * and "one" in words is one only before a cue ("one year old"): after "turn" or "I was" it is mostly a pronoun or
 * a quantity.
 */
public final class AgeRecognizer implements Recognizer {

    private static final double AFTER_CUE_SCORE = 0.85;
    private static final double BEFORE_CUE_SCORE = 0.8;
    private static final double STATE_CUE_SCORE = 0.6;
    private static final int MAX_AGE = 125;

    private static final Phrases AFTER_CUES = Phrases.of(
            "years old", "year old", "yrs old", "yr old", "years of age", "year of age", "y o", "yo", "yrs",
            "years young", "yo boy", "yo girl");
    private static final Phrases BEFORE_CUES = Phrases.of(
            "aged", "age", "age of", "ages", "turned", "turning", "turn", "turns", "age is", "i'm now", "am now");
    private static final WordSet UNITS = WordSet.of("one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine");
    private static final WordSet UNITS_AND_TEENS = WordSet.of("one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
            "eighteen", "nineteen");
    private static final WordSet TENS = WordSet.of("twenty", "thirty", "forty", "fifty", "sixty", "seventy",
            "eighty", "ninety");
    /** Forms of "to be" after a person, reported only when the number ends the clause ("I'm 11."). */
    private static final Phrases STATE_CUES = Phrases.of(
            "i'm", "im", "i am", "he", "she", "he is", "she is", "i was", "he was", "she was", "you are", "you're",
            "they are", "we are", "is", "was", "now");

    @Override
    public String name() {
        return "age";
    }

    @Override
    public void recognize(ScanText scan, FindingSink sink) {
        Words words = scan.words();
        String text = scan.text();
        for (int w = 0; w < words.count(); w++) {
            int spoken = words.isNumber(w) ? 0 : numberInWords(words, w);
            if (spoken == 0 && !isAgeNumber(words, text, w)) {
                continue;
            }
            int last = spoken == 0 ? w : w + spoken - 1;
            int start = words.start(w);
            int end = words.end(last);
            boolean cueBeforeCounts = spoken != 1 || !words.is(w, "one");
            double score = 0;
            if (last + 1 < words.count() && AFTER_CUES.startsAt(words, last + 1)) {
                score = AFTER_CUE_SCORE;
            } else if (cueBeforeCounts && BEFORE_CUES.endsBefore(words, w, 0)) {
                score = BEFORE_CUE_SCORE;
            } else if (cueBeforeCounts && STATE_CUES.endsBefore(words, w, 1) && endsClause(text, end)) {
                score = STATE_CUE_SCORE;
            }
            if (score > 0) {
                sink.accept(new Finding(start, end, EntityType.AGE, score, name()));
                w = last;
            }
        }
    }

    private static boolean isAgeNumber(Words words, String text, int w) {
        if (!words.isNumber(w) || words.length(w) > 3) {
            return false;
        }
        int start = words.start(w);
        int end = words.end(w);
        if (!Chars.digitBoundaryBefore(text, start) || !Chars.digitBoundaryAfter(text, end)
                || isPartOfDialledNumber(text, start)) {
            return false;
        }
        int value = Integer.parseInt(text, start, end, 10);
        return value >= 1 && value <= MAX_AGE;
    }

    /**
     * How many words from {@code w} write a number from one to ninety-nine ("ten": 1, "twenty-one" or "twenty one":
     * 2), or 0.
     */
    private static int numberInWords(Words words, int w) {
        // From "one" to "seventeen", 3 to 9 letters: most words are turned away before a lookup.
        int length = words.length(w);
        if (length < 3 || length > 9 || !words.isAlphabetic(w)) {
            return 0;
        }
        if (words.in(w, UNITS_AND_TEENS)) {
            return 1;
        }
        if (!words.in(w, TENS)) {
            return 0;
        }
        boolean joined = w + 1 < words.count() && words.in(w + 1, UNITS) && words.onlyBetween(w, w + 1, "- ");
        return joined ? 2 : 1;
    }

    /** An age is never written with a leading zero (030) or a plus sign (+44): those belong to phone numbers. */
    private static boolean isPartOfDialledNumber(String text, int start) {
        return text.charAt(start) == '0' || start > 0 && text.charAt(start - 1) == '+';
    }

    private static boolean endsClause(String text, int end) {
        int i = end;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        if (i >= text.length()) {
            return true;
        }
        char c = text.charAt(i);
        if (c == '.' || c == '!' || c == '?' || c == ',' || c == ';' || c == '\n' || c == ')') {
            return true;
        }
        return text.regionMatches(true, i, "and ", 0, 4) || text.regionMatches(true, i, "but ", 0, 4);
    }
}
