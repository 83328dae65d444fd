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
 * Postal addresses, read as a street line followed by the lines that usually come after it.
 *
 * <p>A street line is a house number and a street name with a street type in any of the common European
 * languages (12 Oak Street, 56 rue La Boétie, ul. Grochowa 80, Ziegelgasse 19), a name between two numbers
 * (3657 Laukaantie 80), a post-office box, or a military unit. After it, separated by commas or line breaks,
 * come units (Apt. 4B, Suite 578), places (capitalised words, a state code) with an optional postal code, and
 * APO/FPO/DPO lines, until something else begins. "The corner of X and Y" is taken whole.
 */
public final class StreetAddressRecognizer implements Recognizer {

    private static final double TYPED_SCORE = 0.8;
    private static final double LOWER_CASE_TYPED_SCORE = 0.6;
    private static final double BETWEEN_NUMBERS_SCORE = 0.6;
    private static final double UNNUMBERED_SCORE = 0.35;
    /** A name and a number after "lives on" or "address is": Kiannonkatu 98. */
    private static final double CUED_NAME_NUMBER_SCORE = 0.45;
    private static final double POST_BOX_SCORE = 0.75;
    private static final double UNIT_ONLY_SCORE = 0.4;
    private static final double DWELLING_UNIT_SCORE = 0.5;
    private static final double MILITARY_SCORE = 0.85;
    private static final double CORNER_SCORE = 0.85;
    private static final double STRONG_CUE_BOOST = 0.15;
    private static final double WEAK_CUE_BOOST = 0.05;
    private static final int MAX_NAME_WORDS = 6;
    private static final int MAX_SEGMENTS = 6;
    private static final int MAX_PLACE_WORDS = 4;
    private static final int UPPER = 1;
    private static final int LOWER = 2;
    private static final double SEGMENT_BOOST = 0.1;
    private static final double MAX_SCORE = 0.95;

    private static final WordSet CONNECTORS = WordSet.of(
            "de", "la", "le", "les", "du", "del", "della", "des", "di", "da", "do", "dos", "das", "van", "der",
            "den", "von", "y", "e", "i", "na", "am", "an", "im", "auf", "of", "the", "st", "sankt", "san", "santa",
            "dei", "degli", "delle", "dello", "dal", "al", "ter", "op", "het");

    private static final Phrases STRONG_CUES = Phrases.of(
            "address", "addresses", "address is", "live", "lives", "living", "lived", "located", "reside", "resides",
            "moved", "move", "ship", "send", "sent", "deliver", "delivered", "mail", "office is at", "meet me at",
            "home", "house", "apartment", "return to", "drop", "drops", "pick", "taxi", "located at", "based at",
            "it is", "it's", "is at", "in", "user");
    private static final Phrases WEAK_CUES = Phrases.of("at", "to", "on", "near", "from", "of");

    @Override
    public String name() {
        return "street-address";
    }

    @Override
    public void recognize(ScanText scan, FindingSink sink) {
        Parse parse = new Parse(scan.words());
        Words words = scan.words();
        int w = 0;
        int nextNumber = -1;
        while (w < words.count()) {
            if (nextNumber < w) {
                nextNumber = nextNumberWord(words, w);
            }
            if (!mayStart(words, w, nextNumber - w <= MAX_NAME_WORDS + 2)) {
                w++;
                continue;
            }
            if (parse.matchAt(w)) {
                double score = parse.score;
                if (score < CORNER_SCORE && parse.cueMayConfirm) {
                    if (STRONG_CUES.endsBefore(words, w, 1)) {
                        score += STRONG_CUE_BOOST;
                    } else if (WEAK_CUES.endsBefore(words, w, 0)) {
                        score += WEAK_CUE_BOOST;
                    }
                }
                sink.accept(new Finding(parse.start, parse.end, EntityType.STREET_ADDRESS, Math.min(1.0, score),
                        name()));
                w = Math.max(w + 1, words.firstAtOrAfter(parse.end));
            } else {
                w++;
            }
        }
    }

    /**
     * Cheap tests first: an address starts with a number, a capital, a street or unit word, a one-word street name
     * in any case (elinegata 44), or "the corner of";
     * and but for a named street after a cue it has a number within a few words.
     */
    private static boolean mayStart(Words words, int w, boolean numberNear) {
        if (words.is(w, "the") || words.is(w, "corner")) {
            return true;
        }
        if (!numberNear) {
            return words.isUpperInitial(w) && STRONG_CUES.endsBefore(words, w, 1);
        }
        return words.hasDigit(w) || words.isUpperInitial(w) || words.in(w, StreetLexicon.STREET_TYPES)
                || words.in(w, StreetLexicon.UNITS) || words.is(w, "p") || words.is(w, "po") || words.is(w, "post")
                || words.length(w) >= 7 && StreetLexicon.hasStreetSuffix(words.text(), words.start(w), words.end(w));
    }

    /** Every street line but a named one after a cue has a number within a few words; others are skipped. */
    private static int nextNumberWord(Words words, int from) {
        int w = from;
        while (w < words.count() && !words.hasDigit(w)) {
            w++;
        }
        return w;
    }

    /** The state of one match attempt; reused across the words of a text. */
    private static final class Parse {

        private final Words words;
        private final String text;
        private final int count;
        private int start;
        private int end;
        private int lastWord;
        private double score;
        /** The match is a unit or a ship line without a street line, which only a further line confirms. */
        private boolean unitOnly;
        /** False for a lone room, box or ship line: an address cue before it ("in Room 12") is not enough. */
        private boolean cueMayConfirm;
        /** The street line is written in lower case, so its places may be too ("9335 kiehn street, east lavelle"). */
        private boolean lowerCaseLine;

        Parse(Words words) {
            this.words = words;
            this.text = words.text();
            this.count = words.count();
        }

        boolean matchAt(int w) {
            int corner = cornerPhraseLength(w);
            if (corner > 0) {
                cueMayConfirm = true;
                return corner(w, w + corner);
            }
            unitOnly = false;
            lowerCaseLine = false;
            if (!streetLine(w) && !postBox(w) && !unitStart(w) && !ship(w)) {
                return false;
            }
            boolean needsMilitaryLine = unitOnly;
            start = words.start(intersectionStart(w));
            int lineEnd = end;
            int extended = extend();
            if (needsMilitaryLine && militaryLineEndsAt(extended)) {
                score = MILITARY_SCORE;
            }
            cueMayConfirm = !unitOnly || extended > lineEnd || score >= DWELLING_UNIT_SCORE;
            end = extended;
            score = Math.min(MAX_SCORE, score);
            return score > 0;
        }

        /** Main and 5th Street: a capitalised street name and "and" before a street line join it. */
        private int intersectionStart(int w) {
            int and = w - 1;
            if (unitOnly || and < 1 || !words.is(and, "and") || !sameLine(and, w)) {
                return w;
            }
            int first = and;
            while (first - 1 >= 0 && and - first < 3 && words.isUpperInitial(first - 1) && words.isAlphabetic(first - 1)
                    && sameLine(first - 1, first) && !words.isSentenceStart(first - 1)) {
                first--;
            }
            if (first - 1 >= 0 && words.isUpperInitial(first - 1) && words.isSentenceStart(first - 1)) {
                first--;
            }
            return first < and ? first : w;
        }

        private int cornerPhraseLength(int w) {
            if (words.is(w, "the") && w + 2 < count && words.is(w + 1, "corner") && words.is(w + 2, "of")) {
                return 3;
            }
            return words.is(w, "corner") && w + 1 < count && words.is(w + 1, "of") ? 2 : 0;
        }

        /** The corner of X and Y: each side is up to five words or numbers on the line. */
        private boolean corner(int phraseStart, int first) {
            int last = looseStreet(first);
            if (last < 0) {
                return false;
            }
            int and = last + 1;
            if (and + 1 < count && words.is(and, "and") && sameLine(last, and) && sameLine(and, and + 1)) {
                int second = looseStreet(and + 1);
                if (second >= 0) {
                    last = second;
                }
            }
            start = words.start(phraseStart);
            end = words.end(last);
            score = CORNER_SCORE;
            return true;
        }

        private int looseStreet(int first) {
            int last = -1;
            for (int w = first; w < count && w < first + 5; w++) {
                if (w > first && !sameLine(w - 1, w) || words.is(w, "and")) {
                    break;
                }
                if (words.isUpperInitial(w) || words.isNumber(w) || words.in(w, StreetLexicon.STREET_TYPES)
                        || words.in(w, CONNECTORS)) {
                    last = w;
                } else {
                    break;
                }
            }
            return last;
        }

        /** [number [number]] name-words [number], with a street type or numbers on both sides of the name. */
        private boolean streetLine(int w) {
            int i = w;
            int numbersBefore = 0;
            while (i < count && numbersBefore < 2 && isHouseNumber(i) && (i == w || joined(i - 1, i))) {
                i++;
                numbersBefore++;
            }
            if (i >= count || i > w && !joined(i - 1, i)) {
                return false;
            }
            // "450 41 Moravský Krumlov": a postal code and its town, unless a street type follows
            boolean postalCodeFirst = numbersBefore == 2 && ZipCodeRecognizer.isSplitPostalCode(text, words.start(w));
            int caseMode = 0;
            boolean typed = false;
            boolean onlyTypes = true;
            int nameWords = 0;
            int trailingConnectors = 0;
            while (i < count && nameWords < MAX_NAME_WORDS && (nameWords == 0 || joined(i - 1, i))) {
                // a unit word starts a unit (Room 12), not a street, unless a house number comes first
                if (!words.isAlphabetic(i) || (nameWords > 0 || numbersBefore == 0) && words.in(i, StreetLexicon.UNITS)) {
                    break;
                }
                boolean type = words.in(i, StreetLexicon.STREET_TYPES) || words.length(i) >= 7
                        && StreetLexicon.hasStreetSuffix(text, words.start(i), words.end(i))
                        || words.isUpperInitial(i) && words.in(i, StreetLexicon.CAPITALISED_STREET_TYPES);
                boolean connector = words.in(i, CONNECTORS) && nameWords > 0;
                int wordCase = wordCase(i);
                if (type) {
                    if (wordCase == UPPER && caseMode == 0) {
                        caseMode = UPPER;
                    }
                } else if (!connector) {
                    if (wordCase == 0 || caseMode != 0 && wordCase != caseMode
                            || wordCase == LOWER && words.in(i, NameLexicon.frequentEnglish())) {
                        break;
                    }
                    caseMode = wordCase;
                }
                typed |= type;
                onlyTypes &= words.in(i, StreetLexicon.STREET_TYPES)
                        || words.in(i, StreetLexicon.CAPITALISED_STREET_TYPES);
                trailingConnectors = connector && !type ? trailingConnectors + 1 : 0;
                nameWords++;
                i++;
            }
            nameWords -= trailingConnectors;
            i -= trailingConnectors;
            boolean lowerCase = caseMode == LOWER;
            if (nameWords == 0 || onlyTypes && nameWords == 1 && numbersBefore == 0) {
                return false;
            }
            if (!typed && postalCodeFirst) {
                return false;
            }
            int numbersAfter = 0;
            if (i < count && isHouseNumber(i) && joined(i - 1, i)) {
                if (!typed && numbersBefore == 0 && (words.isNumber(i) && words.length(i) >= 5
                        || ZipCodeRecognizer.isSplitPostalCode(text, words.start(i)))) {
                    // a name and a postal code is a town or a state (Lyon 69001, IL 62704, Pomorskie 16-635)
                    return false;
                }
                i++;
                numbersAfter = 1;
            }
            int numbers = numbersBefore + numbersAfter;
            if (typed && numbers > 0) {
                score = lowerCase ? LOWER_CASE_TYPED_SCORE : TYPED_SCORE;
            } else if (!lowerCase && (numbersBefore > 0 && numbersAfter > 0 || numbersBefore == 2) && nameWords <= 4) {
                score = BETWEEN_NUMBERS_SCORE;
            } else if (typed && !lowerCase && nameWords >= 2) {
                score = UNNUMBERED_SCORE;
            } else if (!lowerCase && numbersBefore == 0 && numbersAfter == 1 && nameWords <= 3
                    && STRONG_CUES.endsBefore(words, w, 1)) {
                score = CUED_NAME_NUMBER_SCORE;
            } else {
                return false;
            }
            lastWord = i - 1;
            end = wordEnd(lastWord);
            lowerCaseLine = lowerCase;
            return true;
        }

        /** P.O. Box 242, PO Box 12, Postbox 21, Post Office Box 7. */
        private boolean postBox(int w) {
            int i = w;
            if (words.is(i, "p") && i + 2 < count && words.is(i + 1, "o") && words.is(i + 2, "box")) {
                i += 2;
            } else if (words.is(i, "po") && i + 1 < count && words.is(i + 1, "box")) {
                i += 1;
            } else if (words.is(i, "post") && i + 2 < count && words.is(i + 1, "office") && words.is(i + 2, "box")) {
                i += 2;
            } else if (!words.is(i, "postbox")) {
                return false;
            }
            if (i + 1 >= count || !words.isNumber(i + 1) || !sameLine(i, i + 1)) {
                return false;
            }
            lastWord = i + 1;
            end = words.end(lastWord);
            score = POST_BOX_SCORE;
            return true;
        }

        /**
         * Unit 8524 Box 0979, PSC 6477, Room 12: an address only if a fuller line follows; Apt. 4B and Suite 578
         * are one even alone.
         */
        private boolean unitStart(int w) {
            int unitEnd = unitAt(w);
            if (unitEnd < 0) {
                return false;
            }
            end = unitEnd;
            score = words.in(w, StreetLexicon.DWELLING_UNITS) ? DWELLING_UNIT_SCORE : UNIT_ONLY_SCORE;
            unitOnly = true;
            return true;
        }

        /** USNS Bergman, USS Kidd: the first line of a ship's address. */
        private boolean ship(int w) {
            if (!words.in(w, StreetLexicon.SHIP_PREFIXES) || w + 1 >= count || !words.isUpperInitial(w + 1)
                    || !sameLine(w, w + 1)) {
                return false;
            }
            lastWord = w + 1;
            end = words.end(lastWord);
            score = UNIT_ONLY_SCORE;
            unitOnly = true;
            return true;
        }

        /** End of a unit (Apt. 946, Suite 578, Box 2981, #12) starting at word {@code w}, or -1. */
        private int unitAt(int w) {
            if (w + 1 >= count || !words.in(w, StreetLexicon.UNITS) || !sameLine(w, w + 1)) {
                return -1;
            }
            int number = w + 1;
            if (!words.hasDigit(number) || words.length(number) > 6) {
                return -1;
            }
            lastWord = number;
            return words.end(number);
        }

        /** Extends from {@link #end} over units, places, postal codes and military post lines. */
        private int extend() {
            int position = end;
            boolean afterUnit = false;
            for (int segment = 0; segment < MAX_SEGMENTS; segment++) {
                int j = position;
                int newlines = 0;
                boolean comma = false;
                while (j < text.length()) {
                    char c = text.charAt(j);
                    if (c == '\n') {
                        newlines++;
                        j = afterBullet(j + 1) - 1;
                    } else if (c == ',') {
                        if (comma) {
                            break;
                        }
                        comma = true;
                    } else if (c != ' ' && c != '\t' && c != '\r') {
                        break;
                    }
                    j++;
                }
                if (j == position || newlines > 2 || j >= text.length()) {
                    break;
                }
                int next = words.firstAtOrAfter(j);
                if (next >= count || words.start(next) != j || isLabel(next)) {
                    break;
                }
                int unitEnd = unitAt(next);
                if (unitEnd > 0) {
                    position = unitEnd;
                    afterUnit = true;
                    score += SEGMENT_BOOST;
                    continue;
                }
                int militaryEnd = militaryLine(next);
                if (militaryEnd > 0) {
                    position = militaryEnd;
                    score += SEGMENT_BOOST;
                    continue;
                }
                if (!(comma || newlines > 0 || afterUnit)) {
                    break;
                }
                int placeEnd = place(next);
                if (placeEnd < 0) {
                    break;
                }
                position = placeEnd;
                afterUnit = false;
                score += endsWithPostalCode(placeEnd) ? SEGMENT_BOOST : SEGMENT_BOOST / 2;
            }
            return position;
        }

        /** Skips a list bullet (•, -, *, ???) and its space at the start of a line. */
        private int afterBullet(int lineStart) {
            int i = lineStart;
            while (i < text.length() && i - lineStart < 3 && isBullet(text.charAt(i))) {
                i++;
            }
            return i > lineStart && i < text.length() && text.charAt(i) == ' ' ? i + 1 : lineStart;
        }

        private static boolean isBullet(char c) {
            return c == '?' || c == '-' || c == '*' || c == '\u2022' || c == '>' || c == '\u00b7';
        }

        /** APO AE 83700; returns the end or -1. */
        private int militaryLine(int w) {
            if (w + 2 < count && words.in(w, StreetLexicon.MILITARY_POST_OFFICES)
                    && words.in(w + 1, StreetLexicon.MILITARY_STATES) && words.isNumber(w + 2)
                    && words.length(w + 2) == 5 && sameLine(w, w + 2)) {
                return words.end(w + 2);
            }
            return -1;
        }

        private boolean militaryLineEndsAt(int offset) {
            int last = words.lastEndingAtOrBefore(offset);
            return last >= 2 && words.end(last) == offset && militaryLine(last - 2) == offset;
        }

        /**
         * A place: up to four capitalised words or a two-letter code, an optional parenthesis such as (Greek),
         * and an optional postal code; or a postal code alone. It must end the line, the sentence or the clause
         * unless it ends with a postal code. After a lower-case street line the words may be lower case, but then
         * the place must end with a postal code or come right before one that does (east lavelle, ut 81373), since
         * nothing else tells a lower-case town from the rest of the sentence. Returns the end or -1.
         */
        private int place(int first) {
            int w = first;
            int placeWords = 0;
            boolean lowerCaseWords = false;
            while (w < count && placeWords < MAX_PLACE_WORDS && (placeWords == 0 || joined(w - 1, w))
                    && words.isAlphabetic(w) && !isLabel(w)) {
                boolean lowerCaseWord = lowerCaseLine && words.isAllLower(w);
                if (!(words.isUpperInitial(w) || lowerCaseWord || placeWords > 0 && words.in(w, CONNECTORS))) {
                    break;
                }
                lowerCaseWords |= lowerCaseWord;
                placeWords++;
                w++;
            }
            int last = w - 1;
            int position = placeWords > 0 ? words.end(last) : words.start(first);
            if (placeWords > 0 && position + 2 < text.length() && text.charAt(position) == ' '
                    && text.charAt(position + 1) == '(') {
                int close = text.indexOf(')', position);
                if (close > 0 && close - position < 24 && text.lastIndexOf('\n', close) < position) {
                    position = close + 1;
                    last = words.lastEndingAtOrBefore(position);
                }
            }
            int postalEnd = postalCodeAt(placeWords == 0 ? words.start(first) : skipSpace(position));
            if (postalEnd > 0) {
                return postalEnd;
            }
            if (placeWords == 0 || !endsClause(position)) {
                return -1;
            }
            if (lowerCaseWords && !beforePostalPlace(position)) {
                return -1;
            }
            return position;
        }

        /** ", " and then a place ending with a postal code. */
        private boolean beforePostalPlace(int position) {
            if (position + 2 >= text.length() || text.charAt(position) != ',' || text.charAt(position + 1) != ' ') {
                return false;
            }
            int next = words.firstAtOrAfter(position + 2);
            if (next >= count || words.start(next) != position + 2) {
                return false;
            }
            int placeEnd = place(next);
            return placeEnd > 0 && endsWithPostalCode(placeEnd);
        }

        private boolean endsWithPostalCode(int position) {
            return position > 0 && Chars.isDigit(text.charAt(position - 1));
        }

        private int skipSpace(int position) {
            return position < text.length() && text.charAt(position) == ' ' ? position + 1 : -1;
        }

        /** 3 to 6 digits, with an optional dash and a second group (12345-6789, 75534-030). */
        private int postalCodeAt(int position) {
            if (position < 0 || position >= text.length() || !Chars.isDigit(text.charAt(position))) {
                return -1;
            }
            int i = position;
            while (i < text.length() && Chars.isDigit(text.charAt(i))) {
                i++;
            }
            int digits = i - position;
            if (digits < 3 || digits > 6) {
                return -1;
            }
            if (i + 1 < text.length() && text.charAt(i) == '-' && Chars.isDigit(text.charAt(i + 1))) {
                int second = i + 1;
                while (second < text.length() && Chars.isDigit(text.charAt(second))) {
                    second++;
                }
                i = second;
            }
            return Chars.boundaryAfter(text, i) ? i : -1;
        }

        private boolean endsClause(int position) {
            int i = position;
            while (i < text.length() && text.charAt(i) == ' ') {
                i++;
            }
            if (i >= text.length()) {
                return true;
            }
            char c = text.charAt(i);
            return c == '\n' || c == ',' || c == '.' || c == '?' || c == '!' || c == ';' || c == '\r';
        }

        /** A word followed by a colon, such as "Mobile:" or "Email:", starts a new field. */
        private boolean isLabel(int w) {
            int after = words.end(w);
            return after < text.length() && text.charAt(after) == ':';
        }

        /** 12, 12345 or 12b; not a decade such as 70s. */
        private boolean isHouseNumber(int w) {
            if (words.isNumber(w)) {
                return words.length(w) <= 6;
            }
            int start = words.start(w);
            int wordEnd = words.end(w);
            char suffix = text.charAt(wordEnd - 1);
            boolean decade = suffix == 's' && text.charAt(wordEnd - 2) == '0';
            return words.hasDigit(w) && wordEnd - start <= 5 && Chars.isDigit(text.charAt(start)) && !decade
                    && Character.isLetter(suffix) && Chars.isDigit(text.charAt(wordEnd - 2));
        }

        /** Upper for Oak and for d'Ouchy (an elided article before a capital), lower for centre, else 0. */
        private int wordCase(int w) {
            if (words.isUpperInitial(w)) {
                return UPPER;
            }
            int start = words.start(w);
            if (words.length(w) > 2 && (text.charAt(start + 1) == '\'' || text.charAt(start + 1) == '\u2019')
                    && Character.isUpperCase(text.charAt(start + 2))) {
                return UPPER;
            }
            return words.isAllLower(w) ? LOWER : 0;
        }

        /** Two words of one line joined by a space, a full stop, a hyphen or an apostrophe. */
        private boolean joined(int left, int right) {
            int gapStart = words.end(left);
            int gapEnd = words.start(right);
            if (gapEnd - gapStart > 2) {
                return false;
            }
            for (int i = gapStart; i < gapEnd; i++) {
                char c = text.charAt(i);
                if (c != ' ' && c != '.' && c != '-' && c != '\'' && c != '\u00a0') {
                    return false;
                }
            }
            return true;
        }

        private boolean sameLine(int left, int right) {
            for (int i = words.end(left); i < words.start(right); i++) {
                char c = text.charAt(i);
                if (c == '\n' || c == '\r' || c == ',' || c == ';' || c == '?' || c == '!') {
                    return false;
                }
            }
            return true;
        }

        /** The end of a street line includes the full stop of an abbreviated type (Str., Ave.). */
        private int wordEnd(int w) {
            int wordEnd = words.end(w);
            if (wordEnd < text.length() && text.charAt(wordEnd) == '.' && words.length(w) <= 4
                    && words.in(w, StreetLexicon.STREET_TYPES) && wordEnd + 1 < text.length()
                    && text.charAt(wordEnd + 1) != '\n' && !Character.isUpperCase(nextNonSpace(wordEnd + 1))) {
                return wordEnd + 1;
            }
            return wordEnd;
        }

        private char nextNonSpace(int i) {
            while (i < text.length() && text.charAt(i) == ' ') {
                i++;
            }
            return i < text.length() ? text.charAt(i) : ' ';
        }
    }
}
