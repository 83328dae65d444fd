package org.margin.privacy.pii.text;

/** The text under scan, with its words split once, on first request, and shared by every recognizer. */
public final class ScanText {

    private final String text;
    private Words words;

    public ScanText(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    public int length() {
        return text.length();
    }

    public char charAt(int index) {
        return text.charAt(index);
    }

    public Words words() {
        if (words == null) {
            words = Words.of(text);
        }
        return words;
    }
}
