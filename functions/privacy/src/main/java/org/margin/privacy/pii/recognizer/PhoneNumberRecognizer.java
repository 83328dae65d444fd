package org.margin.privacy.pii.recognizer;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.List;
import org.margin.privacy.pii.EntityType;
import org.margin.privacy.pii.Finding;
import org.margin.privacy.pii.FindingSink;
import org.margin.privacy.pii.Recognizer;
import org.margin.privacy.pii.text.Chars;
import org.margin.privacy.pii.text.Phrases;
import org.margin.privacy.pii.text.ScanText;

/**
 * Telephone numbers, national or international, with an optional extension.
 *
 * <p>A hand-written scanner finds phone-shaped candidates (7 to 15 digits in groups joined by single spaces,
 * dashes, en dashes, dots, slashes or parentheses, or by a dash or slash with spaces around it; an optional
 * leading + or (+44); an optional {@code x}/{@code ext.} extension; a slash after a whole number starts the next
 * one); only those reach libphonenumber, whose own {@code findNumbers} is several times slower on prose. A number
 * that libphonenumber validates, internationally or for one of the configured home regions, scores high. Nine or
 * more digits in three or more groups (0490 75 40 81), or in two groups after a national trunk prefix
 * (0151 12345678), are reported on their shape alone, since little else is written that way; shorter or less
 * grouped candidates need a context word ("phone", "call me at", "mobile"), because many of the world's numbering
 * plans accept almost any digit string.
 */
public final class PhoneNumberRecognizer implements Recognizer {

    private static final double VALID_INTERNATIONAL_SCORE = 0.85;
    private static final double VALID_NATIONAL_SCORE = 0.7;
    private static final double POSSIBLE_INTERNATIONAL_SCORE = 0.6;
    private static final double LONG_GROUPED_SCORE = 0.5;
    private static final double GROUPED_SCORE = 0.4;
    private static final double BARE_SCORE = 0.3;
    private static final double CONTEXT_BOOST = 0.35;
    private static final double WEAK_CONTEXT_BOOST = 0.15;
    private static final int MIN_DIGITS = 7;
    private static final int MAX_DIGITS = 15;

    private static final Phrases CONTEXT = Phrases.of(
            "phone", "phones", "telephone", "tel", "mobile", "cell", "cellphone", "fax", "desk", "landline",
            "call", "calls", "calling", "called", "ring", "dial", "text", "texts", "texting", "sms", "whatsapp",
            "reach", "contact", "voicemail", "hotline", "messages", "message", "answering", "registered", "ph",
            "mob", "home", "work", "office", "tel no", "phone no", "number is", "number was", "number's",
            "numbers are", "number changed to");

    /**
     * Cues of a clause the number completes: "the number for the library is 55 52 82 29" (but not "the number of
     * visitors was 1 234 567", a count).
     */
    private static final Phrases CLAUSE_CUES = Phrases.of(
            "number for", "number at", "phone", "telephone", "cell", "mobile", "landline", "fax", "hotline");
    private static final int CLAUSE_WINDOW = 10;
    private static final Phrases WEAK_CONTEXT = Phrases.of("number", "no", "num", "nr", "#");
    /** Cues after the number: "555 0134 is my cell", "0161 496 0000 (mobile)". */
    private static final Phrases CONTEXT_AFTER = Phrases.of(
            "is my number", "is my phone", "is my cell", "is my mobile", "is my home", "is my work", "mobile",
            "cell", "phone", "home", "work", "office", "landline", "fax", "is my phone number", "is my cell number",
            "is my mobile number", "is my number");

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final List<String> homeRegions;

    /** @param homeRegions ISO 3166 region codes whose national formats are tried, in order (e.g. "US", "GB"). */
    public PhoneNumberRecognizer(List<String> homeRegions) {
        this.homeRegions = List.copyOf(homeRegions);
    }

    @Override
    public String name() {
        return "phone-number";
    }

    @Override
    public void recognize(ScanText scan, FindingSink sink) {
        String text = scan.text();
        int consumed = 0;
        for (int n = 0; n < scan.numberCount(); n++) {
            int start = scan.numberStart(n);
            if (start > 0 && text.charAt(start - 1) == '(') {
                start--;
            }
            if (start > 0 && text.charAt(start - 1) == '+') {
                start--;
                if (start > 0 && text.charAt(start - 1) == '(') {
                    start--;
                }
            }
            if (start < consumed || !Chars.digitBoundaryBefore(text, start)) {
                continue;
            }
            consumed = scanCandidate(scan, start, sink);
        }
    }

    /** Reads one candidate from {@code start}, reports it when it qualifies, and returns where it ended. */
    private int scanCandidate(ScanText scan, int start, FindingSink sink) {
        String text = scan.text();
        int length = text.length();
        int i = start;
        int digits = 0;
        int groups = 0;
        int separators = 0;
        int lastDigitEnd = start;
        boolean inGroup = false;
        int openParens = 0;
        if (text.charAt(i) == '+') {
            i++;
        } else if (text.startsWith("(+", i)) {
            openParens++;
            i += 2;
        }
        while (i < length) {
            char c = text.charAt(i);
            if (Chars.isDigit(c)) {
                if (!inGroup) {
                    groups++;
                    inGroup = true;
                }
                digits++;
                i++;
                lastDigitEnd = i;
                if (digits > MAX_DIGITS + 2) {
                    return skipNumber(text, i);
                }
            } else if (c == '(' && openParens == 0) {
                openParens++;
                inGroup = false;
                i++;
            } else if (c == ')' && openParens == 1) {
                openParens--;
                inGroup = false;
                separators++;
                i++;
                if (i < length && text.charAt(i) == ' ') {
                    i++;
                }
            } else if (c == '/' && digits >= MIN_DIGITS) {
                // a second number after a slash: 555-123-4567/555-123-4568
                break;
            } else if (isSeparator(c) && i + 1 < length
                    && (Chars.isDigit(text.charAt(i + 1)) || text.charAt(i + 1) == '(')) {
                separators++;
                inGroup = false;
                i++;
            } else if (c == ' ' && i + 3 < length && isSeparator(text.charAt(i + 1)) && text.charAt(i + 1) != ' '
                    && text.charAt(i + 2) == ' ' && Chars.isDigit(text.charAt(i + 3)) && digits > 0
                    && !(text.charAt(i + 1) == '/' && digits >= MIN_DIGITS)) {
                // a separator written with spaces around it: 0176 - 123 456 78, 040 / 123456
                separators++;
                inGroup = false;
                i += 3;
            } else {
                break;
            }
        }
        int end = lastDigitEnd;
        int withExtension = extensionEnd(text, end);
        if (digits < MIN_DIGITS || digits > MAX_DIGITS
                || withExtension == end && !Chars.digitBoundaryAfter(text, end)
                || openParens != 0 && text.lastIndexOf('(', end) > text.lastIndexOf(')', end)) {
            return end;
        }
        if (looksLikeDateOrTime(text, start, end) || looksLikeDecimal(text, start, end, groups)) {
            return end;
        }
        end = withExtension;
        boolean international = text.charAt(start) == '+' || text.startsWith("(+", start);
        double score = validityScore(text.substring(start, end), international);
        if (score == 0) {
            if (groups >= 3 && digits >= 9 || groups >= 2 && separators > 0 && digits >= 9
                    && hasTrunkPrefix(text, start)) {
                score = LONG_GROUPED_SCORE;
            } else {
                score = groups > 1 && separators > 0 ? GROUPED_SCORE : BARE_SCORE;
            }
        }
        if (Context.precedes(scan, start, CONTEXT, 4) || Context.follows(scan, end, CONTEXT_AFTER)
                || Context.namedByClause(scan.words(), scan.words().firstAtOrAfter(start), CLAUSE_CUES, CLAUSE_WINDOW)) {
            score += CONTEXT_BOOST;
        } else if (Context.precedes(scan, start, WEAK_CONTEXT, 4)) {
            score += WEAK_CONTEXT_BOOST;
        }
        sink.accept(new Finding(start, end, EntityType.PHONE_NUMBER, Math.min(1.0, score), name()));
        return end;
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '-' || c == '.' || c == '/' || c == '\u2013';
    }

    /**
     * A national number written with its trunk prefix, a single 0 (0151 12345678, (030) 1234567, 06-12345678):
     * quantities and codes are not written with a leading zero and a separator.
     */
    private static boolean hasTrunkPrefix(String text, int start) {
        int first = text.charAt(start) == '(' ? start + 1 : start;
        return first + 1 < text.length() && text.charAt(first) == '0' && Chars.isDigit(text.charAt(first + 1))
                && text.charAt(first + 1) != '0';
    }

    private double validityScore(String candidate, boolean international) {
        try {
            if (international) {
                PhoneNumber number = util.parse(candidate, "ZZ");
                if (util.isValidNumber(number)) {
                    return VALID_INTERNATIONAL_SCORE;
                }
                return util.isPossibleNumber(number) ? POSSIBLE_INTERNATIONAL_SCORE : 0;
            }
            for (String region : homeRegions) {
                PhoneNumber number = util.parse(candidate, region);
                if (util.isValidNumberForRegion(number, region)) {
                    return VALID_NATIONAL_SCORE;
                }
            }
        } catch (NumberParseException notANumber) {
            return 0;
        }
        return 0;
    }

    /** Extends over an extension such as {@code x565}, {@code ext. 12} or {@code extension 1234}. */
    private static int extensionEnd(String text, int end) {
        int i = end;
        if (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        if (i > 0 && Character.isLetter(text.charAt(i - 1))) {
            return end;
        }
        int marker = markerLength(text, i);
        if (marker == 0) {
            return end;
        }
        i += marker;
        if (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        int digitsStart = i;
        while (i < text.length() && Chars.isDigit(text.charAt(i)) && i - digitsStart < 6) {
            i++;
        }
        return i > digitsStart && Chars.digitBoundaryAfter(text, i) ? i : end;
    }

    private static int markerLength(String text, int i) {
        if (text.regionMatches(true, i, "extension", 0, 9)) {
            return 9;
        }
        if (text.regionMatches(true, i, "ext.", 0, 4)) {
            return 4;
        }
        if (text.regionMatches(true, i, "ext", 0, 3)) {
            return 3;
        }
        if (i < text.length() && (text.charAt(i) == 'x' || text.charAt(i) == 'X' || text.charAt(i) == '#')) {
            return 1;
        }
        return 0;
    }

    /** Dates such as 2018-01-14 or 14/01/2018 and clock times are left to the date recognizer. */
    private static boolean looksLikeDateOrTime(String text, int start, int end) {
        int[] lengths = new int[4];
        int groups = 0;
        int run = 0;
        char separator = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (Chars.isDigit(c)) {
                run++;
            } else {
                if (groups == 3 || separator != 0 && separator != c || c == ' ' || c == '(' || c == ')' || c == '+') {
                    return false;
                }
                separator = c;
                lengths[groups++] = run;
                run = 0;
            }
        }
        lengths[groups++] = run;
        if (groups != 3) {
            return false;
        }
        boolean yearFirst = lengths[0] == 4 && lengths[1] <= 2 && lengths[2] <= 2;
        boolean yearLast = lengths[0] <= 2 && lengths[1] <= 2 && (lengths[2] == 4 || lengths[2] == 2);
        return yearFirst || yearLast;
    }

    /** 1,234,567 or 3.1415926 are quantities, not numbers to dial. */
    private static boolean looksLikeDecimal(String text, int start, int end, int groups) {
        if (groups == 2) {
            int dot = text.indexOf('.', start);
            return dot > 0 && dot < end;
        }
        return false;
    }

    private static int skipNumber(String text, int i) {
        while (i < text.length() && (Chars.isDigit(text.charAt(i)) || text.charAt(i) == ' ' || text.charAt(i) == '-')) {
            i++;
        }
        return i;
    }
}
