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
 * Postal codes. After a cue ("ZIP:", "postal code", "postcode") any common postal code shape is accepted: 3 to 6
 * digits with an optional second group (12345-6789, 75534-030, 394 13), four digits and two letters (1234 AB),
 * British and Canadian codes. Without a cue only shapes that few other things have are reported: British and
 * Canadian codes, and a US ZIP or ZIP+4 after a two-letter state code.
 */
public final class ZipCodeRecognizer implements Recognizer {

    private static final double CUED_SCORE = 0.85;
    private static final double DISTINCT_SHAPE_SCORE = 0.6;
    private static final double AFTER_STATE_SCORE = 0.55;
    private static final double MAILING_SENTENCE_SCORE = 0.5;
    /** How far back in its sentence a mailing cue is looked for. */
    private static final int MAILING_WINDOW = 15;

    private static final Phrases CUES = Phrases.of(
            "zip", "zip code", "zipcode", "postal code", "postcode", "post code", "postal", "plz", "pin code",
            "code postal", "cap", "cep");
    private static final WordSet CONNECTIVES = WordSet.of(
            "by", "in", "on", "at", "and", "or", "for", "before", "after", "until", "now", "please", "so", "but",
            "because", "to", "from", "since", "last", "next", "this", "today", "tomorrow", "asap", "thanks");
    /** Words of a sentence about sending something somewhere or about where someone lives. */
    private static final WordSet MAILING_CUES = WordSet.of(
            "mail", "mailed", "mailing", "send", "sent", "sending", "ship", "shipped", "shipping", "deliver",
            "delivered", "delivery", "post", "posted", "parcel", "package", "letter", "letters", "address",
            "addressed", "forward", "forwarded", "return", "returned", "live", "lives", "lived", "living", "moved",
            "move", "located", "residence", "resides", "reside", "home", "house", "apartment", "office", "area");

    @Override
    public String name() {
        return "zip-code";
    }

    @Override
    public void recognize(ScanText scan, FindingSink sink) {
        Words words = scan.words();
        String text = scan.text();
        for (int w = 0; w < words.count(); w++) {
            if (!words.hasDigit(w)) {
                continue;
            }
            int start = words.start(w);
            boolean cued = Context.precedes(scan, start, CUES, 4) || namedBySentence(words, w)
                    || Context.follows(scan, digitsEnd(text, start), CUES);
            int end = cued ? anyPostalCode(text, start) : -1;
            double score = CUED_SCORE;
            if (end < 0) {
                end = britishOrCanadian(text, start);
                score = DISTINCT_SHAPE_SCORE;
            }
            if (end < 0 && afterStateCode(words, w)) {
                end = usZip(text, start);
                score = AFTER_STATE_SCORE;
            }
            if (end < 0 && standsAlone(text, start) && inMailingSentence(words, w)) {
                end = usZip(text, start);
                score = MAILING_SENTENCE_SCORE;
                if (end > 0 && countsSomething(words, end)) {
                    end = -1;
                }
            }
            if (end > 0) {
                sink.accept(new Finding(start, end, EntityType.ZIP_CODE, score, name()));
                w = words.firstAtOrAfter(end) - 1;
            }
        }
    }

    private static int anyPostalCode(String text, int start) {
        int end = britishOrCanadian(text, start);
        if (end > 0) {
            return end;
        }
        int digitsEnd = digitsEnd(text, start);
        int digits = digitsEnd - start;
        if (digits < 3 || digits > 6) {
            return -1;
        }
        if (digitsEnd + 1 < text.length() && (text.charAt(digitsEnd) == '-' || text.charAt(digitsEnd) == ' ')) {
            int secondEnd = digitsEnd(text, digitsEnd + 1);
            int second = secondEnd - digitsEnd - 1;
            if (second >= 2 && second <= 4 && Chars.boundaryAfter(text, secondEnd)) {
                return secondEnd;
            }
            if (digits == 4 && text.charAt(digitsEnd) == ' ' && digitsEnd + 3 <= text.length()
                    && Character.isUpperCase(text.charAt(digitsEnd + 1)) && Character.isUpperCase(text.charAt(digitsEnd + 2))
                    && Chars.boundaryAfter(text, digitsEnd + 3)) {
                return digitsEnd + 3;
            }
        }
        return Chars.boundaryAfter(text, digitsEnd) && Chars.digitBoundaryAfter(text, digitsEnd) ? digitsEnd : -1;
    }

    private static int usZip(String text, int start) {
        int end = digitsEnd(text, start);
        if (end - start != 5) {
            return -1;
        }
        if (end + 5 <= text.length() && text.charAt(end) == '-' && digitsEnd(text, end + 1) == end + 5) {
            end += 5;
        }
        return Chars.boundaryAfter(text, end) && Chars.digitBoundaryAfter(text, end) ? end : -1;
    }

    /** A two-letter upper-case word (a US state code) right before, on the same line. */
    private static boolean afterStateCode(Words words, int w) {
        int previous = w - 1;
        return previous >= 0 && words.length(previous) == 2 && words.isAllUpper(previous)
                && words.onlyBetween(previous, w, " ,");
    }

    /** Preceded by a space or a line break, not by a sign, a currency or another group of digits. */
    private static boolean standsAlone(String text, int start) {
        return start > 0 && Character.isWhitespace(text.charAt(start - 1));
    }

    /** "25000 dollars", "10000 miles": a lower-case word after the number that is not a connective. */
    private static boolean countsSomething(Words words, int end) {
        int next = words.firstAtOrAfter(end);
        return next < words.count() && words.isAllLower(next) && words.isAlphabetic(next)
                && words.spaceBetween(next - 1, next) && !words.in(next, CONNECTIVES);
    }

    /**
     * "The zip code for my grandma's town is 60614": a cue earlier in the same sentence, within
     * {@link #MAILING_WINDOW} words, whose clause the number completes after "is" or "was".
     */
    private static boolean namedBySentence(Words words, int w) {
        int verb = w - 1;
        if (verb < 1 || !(words.is(verb, "is") || words.is(verb, "was")) || !words.spaceBetween(verb, w)) {
            return false;
        }
        for (int end = verb - 1; end >= Math.max(0, w - MAILING_WINDOW); end--) {
            if (CUES.endsBefore(words, end + 1, 0)) {
                return true;
            }
            if (words.isSentenceStart(end)) {
                return false;
            }
        }
        return false;
    }

    /** A mailing cue earlier in the same sentence, within {@link #MAILING_WINDOW} words. */
    private static boolean inMailingSentence(Words words, int w) {
        int earliest = Math.max(0, w - MAILING_WINDOW);
        for (int before = w - 1; before >= earliest; before--) {
            if (words.in(before, MAILING_CUES)) {
                return true;
            }
            if (words.isSentenceStart(before)) {
                return false;
            }
        }
        return false;
    }

    /** SW1A 1AA, M1 1AE, K1A 0B1; returns the end or -1. */
    static int britishOrCanadian(String text, int start) {
        int i = start;
        int length = text.length();
        if (i + 6 < length + 1 && isUpper(text, i) && Chars.isDigit(text.charAt(i + 1)) && isUpper(text, i + 2)
                && i + 6 < length && text.charAt(i + 3) == ' ' && Chars.isDigit(text.charAt(i + 4))
                && isUpper(text, i + 5) && Chars.isDigit(text.charAt(i + 6)) && Chars.boundaryAfter(text, i + 7)) {
            return i + 7;
        }
        int letters = 0;
        while (letters < 2 && isUpper(text, i + letters)) {
            letters++;
        }
        if (letters == 0) {
            return -1;
        }
        i += letters;
        int outwardDigits = 0;
        while (outwardDigits < 2 && i < length && Chars.isDigit(text.charAt(i))) {
            outwardDigits++;
            i++;
        }
        if (outwardDigits == 0) {
            return -1;
        }
        if (outwardDigits == 1 && isUpper(text, i)) {
            i++;
        }
        if (i + 4 > length || text.charAt(i) != ' ' || !Chars.isDigit(text.charAt(i + 1)) || !isUpper(text, i + 2)
                || !isUpper(text, i + 3)) {
            return -1;
        }
        return Chars.boundaryAfter(text, i + 4) ? i + 4 : -1;
    }

    private static boolean isUpper(String text, int i) {
        return i < text.length() && text.charAt(i) >= 'A' && text.charAt(i) <= 'Z';
    }

    private static int digitsEnd(String text, int i) {
        while (i < text.length() && Chars.isDigit(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
