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
}
