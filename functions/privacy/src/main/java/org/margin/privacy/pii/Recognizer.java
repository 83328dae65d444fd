package org.margin.privacy.pii;

import org.margin.privacy.pii.text.ScanText;

/** Finds one family of personal data in a text. Implementations are stateless and safe to share. */
public interface Recognizer {

    /** A short stable name, recorded on each finding. */
    String name();

    void recognize(ScanText text, FindingSink sink);
}
