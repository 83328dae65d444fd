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
    private static final double PLACE_SCORE = 0.7;
    private static final int MAX_PLACE_WORDS = 4;
    private static final WordSet PLACE_PREPOSITIONS = WordSet.of(
            "in", "from", "to", "near", "outside", "inside", "around", "within", "throughout", "across");
    /** Lower-case words inside a town's name: Hluboká nad Vltavou, Castelnuovo del Garda, Saint-Martin-sur-Mer. */
    private static final WordSet PLACE_CONNECTORS = WordSet.of(
            "nad", "pod", "na", "de", "del", "della", "di", "da", "do", "dos", "das", "la", "le", "les", "sur",
            "am", "an", "im", "der", "den", "bei", "ob", "op", "aan", "en", "y", "i");
    /** Words numbered for what they are, not where: Room 1204, Flight 2841, Route 66, Windows 2000. */
    private static final WordSet NUMBERED_THINGS = WordSet.of(
            "room", "suite", "apt", "apartment", "unit", "flat", "floor", "level", "flight", "gate", "terminal",
            "platform", "route", "highway", "interstate", "exit", "bus", "train", "line", "chapter", "page",
            "section", "class", "grade", "year", "years", "no", "number", "box", "lot", "model", "version",
            "windows", "ward", "block", "building", "mile", "miles", "km", "day", "days", "week", "weeks",
            "score", "points", "id", "code", "pin", "account", "order", "ticket", "seat", "table", "team");
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
            boolean cued = Context.precedes(scan, start, CUES, 4) || Context.namedByClause(words, w, CUES, MAILING_WINDOW)
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
            if (end < 0 && standsAlone(text, start)) {
                int shaped = anyPostalCode(text, start);
                // three digits without a cue are a house number after a street's name (Na Valech 368)
                if (shaped - start >= 4 && !isYearOrCount(words, text, start, shaped)
                        && (endsAPlace(words, w, scan.isLowerCase()) || opensAPlace(words, w, shaped, scan.isLowerCase())
                        || shaped - start >= 5 && afterPlaceWord(words, w))) {
                    end = shaped;
                    score = PLACE_SCORE;
                } else if (inMailingSentence(words, w)) {
                    end = usZip(text, start);
                    score = MAILING_SENTENCE_SCORE;
                    if (end > 0 && countsSomething(words, end)) {
                        end = -1;
                    }
                }
            }
            if (end > 0) {
                sink.accept(new Finding(start, end, EntityType.ZIP_CODE, score, name()));
                w = words.firstAtOrAfter(end) - 1;
            }
        }
    }

    /**
     * "born in Luby 505 58", "the museum is in Burdur, New Jersey 21078", "the letter said Lilleøy, 0407": the code
     * closes one or two groups of place words (Town, or Town, Region) that follow a preposition of place or sit in a
     * sentence about mail or where someone lives.
     */
    private static boolean endsAPlace(Words words, int w, boolean lowerCaseText) {
        int last = w - 1;
        if (last < 0 || !words.onlyBetween(last, w, " ,(")) {
            return false;
        }
        for (int groups = 0; groups < 2; groups++) {
            int first = placeGroupStart(words, last, lowerCaseText);
            if (first < 0 || words.in(last, NUMBERED_THINGS)) {
                return false;
            }
            int before = first - 1;
            if (before < 0 || words.isSentenceStart(first)) {
                return inMailingSentence(words, w);
            }
            if (words.in(before, PLACE_PREPOSITIONS) && words.spaceBetween(before, first)) {
                return true;
            }
            if (words.hasDigit(before)) {
                // the town and region of a street line ("Jl. Juanda No. 75, Musi Rawas, GA 32144"), which the
                // street address takes whole
                return false;
            }
            if (!words.onlyBetween(before, first, ", ") || words.spaceBetween(before, first)) {
                return inMailingSentence(words, w);
            }
            last = before;
        }
        return !words.hasDigit(last) && inMailingSentence(words, w);
    }

    /** "lives in 2815 Nagy Zajzon", "stuck at the sorting center in 17052 Gecho": a code before a town's name. */
    private static boolean opensAPlace(Words words, int w, int end, boolean lowerCaseText) {
        int before = w - 1;
        int next = words.firstAtOrAfter(end);
        // four digits could be a house number ("moved to 5764 Viela Ana"), but one lives in a town, not a house
        int length = end - words.start(w);
        boolean longEnough = length >= 5 || length == 4 && before >= 0 && words.is(before, "in");
        if (!longEnough || before < 0 || next >= words.count() || !words.in(before, PLACE_PREPOSITIONS)
                || !words.spaceBetween(before, w) || !words.spaceBetween(w, next) || !words.isAlphabetic(next)
                || words.in(next, NUMBERED_THINGS) || words.in(next, DateTimeRecognizer.MONTHS)) {
            return false;
        }
        return words.isCapitalized(next) || lowerCaseText && !isEnglish(words, next);
    }

    /** "Everyone in 46520 got a letter": a code of five characters or more right after a preposition of place. */
    private static boolean afterPlaceWord(Words words, int w) {
        int before = w - 1;
        return before >= 0 && words.in(before, PLACE_PREPOSITIONS) && words.spaceBetween(before, w);
    }

    /**
     * "in Paris 2024", "in 1990", "in 10000 years", "Room 1204": four digits that could be a year, or a number
     * that counts what follows it.
     */
    private static boolean isYearOrCount(Words words, String text, int start, int end) {
        if (end - start == 4 && digitsEnd(text, start) == end && isYear(text, start, end)) {
            return true;
        }
        return countsSomething(words, end) && isEnglish(words, words.firstAtOrAfter(end));
    }

    /** BK, NSW, ZH: a state's or county's code. */
    private static boolean isRegionCode(Words words, int w) {
        return words.isAllUpper(w) && words.length(w) >= 2 && words.length(w) <= 3;
    }

    private static boolean isEnglish(Words words, int w) {
        return words.in(w, NameLexicon.frequentEnglish()) || words.in(w, NameLexicon.commonEnglish());
    }

    /**
     * A run of place words ending at {@code last}: capitalised, or in a lower-case text not English, with
     * connectors.
     */
    private static int placeGroupStart(Words words, int last, boolean lowerCaseText) {
        int first = -1;
        for (int word = last; word >= 0 && last - word < MAX_PLACE_WORDS; word--) {
            if (!words.isAlphabetic(word) || word < last && !words.onlyBetween(word, word + 1, " -")) {
                break;
            }
            boolean placeWord = (words.isCapitalized(word) || isRegionCode(words, word))
                    && !words.in(word, PLACE_PREPOSITIONS)
                    || lowerCaseText && !isEnglish(words, word);
            if (placeWord) {
                first = word;
            } else if (!words.in(word, PLACE_CONNECTORS) || word == last) {
                break;
            }
            if (words.isSentenceStart(word)) {
                break;
            }
        }
        return first;
    }

    private static int anyPostalCode(String text, int start) {
        int end = britishOrCanadian(text, start);
        if (end > 0) {
            return end;
        }
        int digitsEnd = digitsEnd(text, start);
        int digits = digitsEnd - start;
        if (isSplitPostalCode(text, start)) {
            return start + 6;
        }
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

    /** Preceded by a space, a line break or a bracket, not by a sign, a currency or another group of digits. */
    private static boolean standsAlone(String text, int start) {
        return start > 0 && (Character.isWhitespace(text.charAt(start - 1)) || text.charAt(start - 1) == '(');
    }

    /** "25000 dollars", "10000 miles": a lower-case word after the number that is not a connective. */
    private static boolean countsSomething(Words words, int end) {
        int next = words.firstAtOrAfter(end);
        return next < words.count() && words.isAllLower(next) && words.isAlphabetic(next)
                && words.spaceBetween(next - 1, next) && !words.in(next, CONNECTIVES);
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

    /**
     * A code that closes its clause after a town's name ("Lohamn, 3393."): four to six digits that are not a year,
     * or two groups. A number that goes on ("Maria Lopez, 4455 Oak Street") opens an address instead.
     */
    static boolean closesWithTownCode(String text, int start) {
        int end = isSplitPostalCode(text, start) ? start + 6 : digitsEnd(text, start);
        int digits = end - start;
        if (digits < 4 || digits > 6 || digits == 4 && isYear(text, start, end)) {
            return false;
        }
        return end == text.length() || ".,;!?)\n".indexOf(text.charAt(end)) >= 0;
    }

    private static boolean isYear(String text, int start, int end) {
        int value = Integer.parseInt(text, start, end, 10);
        return value >= 1900 && value <= 2099;
    }

    /** 43-795 (Poland) or 450 41 (Czechia, Slovakia): two groups that no house number, count or year has. */
    static boolean isSplitPostalCode(String text, int start) {
        int first = digitsEnd(text, start) - start;
        if (first != 2 && first != 3 || start + 6 > text.length()) {
            return false;
        }
        char separator = text.charAt(start + first);
        return (first == 2 ? separator == '-' : separator == ' ') && digitsEnd(text, start + first + 1) == start + 6
                && Chars.boundaryAfter(text, start + 6) && Chars.digitBoundaryAfter(text, start + 6)
                && Chars.digitBoundaryBefore(text, start);
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
