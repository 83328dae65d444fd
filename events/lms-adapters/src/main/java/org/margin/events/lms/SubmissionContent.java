package org.margin.events.lms;

import java.util.Objects;

/** A submission's body: the text when the webhook carries it, otherwise where the LMS keeps it. */
public sealed interface SubmissionContent {

    /**
     * The text as the webhook carried it.
     *
     * @param truncated whether the LMS may have cut it (Canvas sends at most 8192 characters), so the ingress
     *                  should fetch the whole body from the LMS
     */
    record Text(String text, Markup markup, boolean truncated) implements SubmissionContent {
        public Text {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(markup, "markup");
        }

        @Override
        public String toString() {
            return "Text[" + text.length() + " chars, " + markup + (truncated ? ", truncated" : "") + "]";
        }
    }

    /**
     * Where the body lies: a URL the payload gave (an upload, an attachment, an online URL), or, when it gave
     * none, {@code <kind>:<id>} naming the LMS object to fetch (e.g. {@code assign_submission:4711}).
     */
    record Reference(String locator) implements SubmissionContent {
        public Reference {
            Objects.requireNonNull(locator, "locator");
        }

        @Override
        public String toString() {
            return "Reference";
        }
    }

    /** How the text is marked up. */
    enum Markup {
        PLAIN,
        /** Rich-text editor output (Canvas online text entries). */
        HTML
    }
}
