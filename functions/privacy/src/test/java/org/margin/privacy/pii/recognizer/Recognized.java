package org.margin.privacy.pii.recognizer;

import java.util.ArrayList;
import java.util.List;
import org.margin.privacy.pii.Finding;
import org.margin.privacy.pii.PiiDetector;
import org.margin.privacy.pii.Recognizer;
import org.margin.privacy.pii.text.ScanText;

/** Runs one recognizer the way the detector does and keeps what it would report. */
final class Recognized {

    private Recognized() {
    }

    static List<Finding> findings(Recognizer recognizer, String text) {
        List<Finding> found = new ArrayList<>();
        recognizer.recognize(new ScanText(text), finding -> {
            if (finding.score() >= PiiDetector.DEFAULT_MIN_SCORE) {
                found.add(finding);
            }
        });
        return found;
    }

    static List<String> values(Recognizer recognizer, String text) {
        return findings(recognizer, text).stream().map(finding -> finding.value(text)).toList();
    }
}
