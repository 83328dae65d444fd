package org.margin.privacy.pii.recognizer;

import org.margin.privacy.pii.text.Phrases;
import org.margin.privacy.pii.text.ScanText;
import org.margin.privacy.pii.text.Words;

/** Looks for cue words in the few words before or after a candidate. */
final class Context {

    private Context() {
    }

    /** Whether one of {@code cues} ends within {@code window} words before the character offset {@code start}. */
    static boolean precedes(ScanText scan, int start, Phrases cues, int window) {
        Words words = scan.words();
        int firstInside = words.firstAtOrAfter(start);
        return cues.endsBefore(words, firstInside, window - 1);
    }

    /** Whether one of {@code cues} starts at the first word after the character offset {@code end}. */
    static boolean follows(ScanText scan, int end, Phrases cues) {
        Words words = scan.words();
        int next = words.firstAtOrAfter(end);
        return next < words.count() && cues.startsAt(words, next);
    }

    /**
     * "The zip code for my grandma's town is 60614", "the number for the library is 55 52 82 29": a cue earlier in
     * the same sentence, within {@code window} words, whose clause the value at word {@code w} completes after "is"
     * or "was". A number between them ("her postcode is 51517 and her street is 42404") was the one named.
     */
    static boolean namedByClause(Words words, int w, Phrases cues, int window) {
        int verb = w - 1;
        if (verb < 1 || !(words.is(verb, "is") || words.is(verb, "was")) || !words.spaceBetween(verb, w)) {
            return false;
        }
        for (int end = verb - 1; end >= Math.max(0, w - window); end--) {
            if (cues.endsBefore(words, end + 1, 0)) {
                return true;
            }
            if (words.isSentenceStart(end) || words.hasDigit(end)) {
                return false;
            }
        }
        return false;
    }
}
