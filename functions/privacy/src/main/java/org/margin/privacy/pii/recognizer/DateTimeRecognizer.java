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
 * Dates and times in English prose: ISO dates and timestamps, numeric dates (day, month and year in either
 * order), dates with a month name ("March 5th, 2010", "5 March", "the 5th of March"), weekdays, clock times, and
 * years or decades after a word such as "in", "since" or "born". Words such as "born on" or "date of birth"
 * raise the score, because a date of birth is the date that identifies a child.
 */
public final class DateTimeRecognizer implements Recognizer {

    private static final double FULL_DATE_SCORE = 0.85;
    private static final double PARTIAL_DATE_SCORE = 0.65;
    private static final double WEEKDAY_SCORE = 0.55;
    private static final double TIME_SCORE = 0.55;
    private static final double CUED_YEAR_SCORE = 0.6;
    private static final double BARE_YEAR_SCORE = 0.35;
    private static final double MONTH_ONLY_SCORE = 0.45;
    private static final double BIRTH_BOOST = 0.3;

    static final WordSet MONTHS = WordSet.of(
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
            "dec");
    /** Month names that are also common words or names, reported only with a day or a year beside them. */
    private static final WordSet AMBIGUOUS_MONTHS = WordSet.of(
            "march", "may", "jan", "mar", "jun", "aug", "sep", "oct", "nov", "dec", "june", "april", "august");
    private static final WordSet WEEKDAYS = WordSet.of(
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");
    private static final WordSet ORDINAL_SUFFIXES = WordSet.of("st", "nd", "rd", "th");

    private static final Phrases YEAR_CUES = Phrases.of(
            "in", "of", "since", "from", "until", "till", "by", "year", "born", "circa", "during", "before",
            "after", "around", "early", "late", "mid", "summer", "winter", "spring", "autumn", "fall", "to",
            "the year", "class of", "between", "and", "on");
    private static final Phrases MONTH_CUES = Phrases.of(
            "in", "since", "until", "till", "by", "during", "early", "late", "mid", "last", "next", "this",
            "every", "of", "on", "born");
    private static final Phrases BIRTH_CUES = Phrases.of(
            "born", "born on", "born in", "date of birth", "dob", "birth date", "birthdate", "birthday", "b",
            "birthday is", "was born on", "d.o.b");

    @Override
    public String name() {
        return "date-time";
    }

    @Override
    public void recognize(ScanText scan, FindingSink sink) {
        Words words = scan.words();
        String text = scan.text();
        int count = words.count();
        int w = 0;
        while (w < count) {
            int consumedTo = -1;
            double score = 0;
            int start = words.start(w);
            if (Chars.isDigit(text.charAt(start)) && !isOrdinal(words, w)) {
                int end = numericDate(text, start);
                if (end > 0) {
                    score = FULL_DATE_SCORE;
                } else if ((end = clockTime(text, start)) > 0) {
                    score = TIME_SCORE;
                } else if ((end = dayMonth(words, w)) > 0) {
                    score = FULL_DATE_SCORE;
                } else if ((end = year(text, start)) > 0) {
                    score = Context.precedes(scan, start, YEAR_CUES, 1) ? CUED_YEAR_SCORE : BARE_YEAR_SCORE;
                }
                consumedTo = end;
            } else if (!mayBeCalendarWord(words, w)) {
                w++;
                continue;
            } else if (Chars.isDigit(text.charAt(start))) {
                int end = dayMonth(words, w);
                if (end > 0) {
                    score = FULL_DATE_SCORE;
                    consumedTo = end;
                }
            } else if (words.in(w, MONTHS)) {
                int end = monthFirst(words, w);
                if (end > 0) {
                    score = end > words.end(w) + 4 ? FULL_DATE_SCORE : PARTIAL_DATE_SCORE;
                    consumedTo = end;
                } else if (!words.in(w, AMBIGUOUS_MONTHS) && (words.isUpperInitial(w) || words.isAllLower(w))) {
                    score = Context.precedes(scan, start, MONTH_CUES, 1) ? PARTIAL_DATE_SCORE : MONTH_ONLY_SCORE;
                    consumedTo = words.end(w);
                }
            } else if (words.in(w, WEEKDAYS)) {
                score = WEEKDAY_SCORE;
                consumedTo = words.end(w);
                int next = w + 1;
                if (next < count && words.onlyBetween(w, next, ", ") && words.in(next, MONTHS)) {
                    int end = monthFirst(words, next);
                    if (end > 0) {
                        score = FULL_DATE_SCORE;
                        consumedTo = end;
                    }
                } else if (next < count && words.onlyBetween(w, next, ", ")
                        && (words.isNumber(next) || isOrdinal(words, next))) {
                    int end = dayMonth(words, next);
                    if (end < 0) {
                        end = numericDate(text, words.start(next));
                    }
                    if (end > 0) {
                        score = FULL_DATE_SCORE;
                        consumedTo = end;
                    }
                }
            }
            if (consumedTo > 0 && score > 0) {
                int end = withTrailingTime(text, consumedTo);
                if (Context.precedes(scan, start, BIRTH_CUES, 4)) {
                    score = Math.min(1.0, score + BIRTH_BOOST);
                }
                sink.accept(new Finding(start, end, EntityType.DATE_TIME, score, name()));
                w = words.firstAtOrAfter(end);
            } else {
                w++;
            }
        }
    }

    /** The first two letters of every month and weekday name: ja fe ma ap ju au se oc no de mo tu we th fr sa su. */
    private static final String CALENDAR_PREFIXES = "jafemaapjuauseocnodemotuwethfrsasu";

    /** Month and weekday names have 3 to 9 letters and one of a few beginnings; ordinals start with a digit. */
    private static boolean mayBeCalendarWord(Words words, int w) {
        String text = words.text();
        int start = words.start(w);
        int length = words.length(w);
        if (Chars.isDigit(text.charAt(start))) {
            return true;
        }
        if (length < 3 || length > 9) {
            return false;
        }
        char first = (char) (text.charAt(start) | 0x20);
        char second = (char) (text.charAt(start + 1) | 0x20);
        for (int i = 0; i < CALENDAR_PREFIXES.length(); i += 2) {
            if (CALENDAR_PREFIXES.charAt(i) == first && CALENDAR_PREFIXES.charAt(i + 1) == second) {
                return true;
            }
        }
        return false;
    }

    /**
     * YYYY-MM-DD, or day, month and year joined by one of / . - in either day-month order; returns the end or -1.
     */
    static int numericDate(String text, int start) {
        int[] fields = new int[3];
        int[] widths = new int[3];
        int i = start;
        char separator = 0;
        for (int field = 0; field < 3; field++) {
            int fieldStart = i;
            int value = 0;
            while (i < text.length() && Chars.isDigit(text.charAt(i)) && i - fieldStart < 4) {
                value = value * 10 + Chars.digitValue(text.charAt(i));
                i++;
            }
            widths[field] = i - fieldStart;
            fields[field] = value;
            if (widths[field] == 0) {
                return -1;
            }
            if (field < 2) {
                if (i >= text.length()) {
                    return -1;
                }
                char c = text.charAt(i);
                if (c != '/' && c != '-' && c != '.' || separator != 0 && c != separator) {
                    return -1;
                }
                separator = c;
                i++;
            }
        }
        if (!Chars.digitBoundaryAfter(text, i)) {
            return -1;
        }
        if (widths[0] == 4) {
            return widths[1] <= 2 && widths[2] <= 2 && isYear(fields[0]) && isMonthDay(fields[1], fields[2]) ? i : -1;
        }
        if (widths[0] > 2 || widths[1] > 2 || (widths[2] != 4 && widths[2] != 2)) {
            return -1;
        }
        if (widths[2] == 2 && separator != '/') {
            return -1;
        }
        if (widths[2] == 4 && !isYear(fields[2])) {
            return -1;
        }
        return isMonthDay(fields[0], fields[1]) || isMonthDay(fields[1], fields[0]) ? i : -1;
    }

    private static boolean isYear(int value) {
        return value >= 1800 && value <= 2199;
    }

    private static boolean isMonthDay(int month, int day) {
        return month >= 1 && month <= 12 && day >= 1 && day <= 31;
    }

    /** H:MM or HH:MM[:SS] with an optional am/pm, or H am/pm; returns the end or -1. */
    static int clockTime(String text, int start) {
        int i = start;
        int hour = 0;
        while (i < text.length() && Chars.isDigit(text.charAt(i)) && i - start < 2) {
            hour = hour * 10 + Chars.digitValue(text.charAt(i));
            i++;
        }
        if (i == start || hour > 24) {
            return -1;
        }
        boolean minutes = false;
        for (int part = 0; part < 2; part++) {
            if (i + 2 < text.length() && text.charAt(i) == ':' && Chars.isDigit(text.charAt(i + 1))
                    && Chars.isDigit(text.charAt(i + 2)) && text.charAt(i + 1) <= '5') {
                i += 3;
                minutes = true;
            }
        }
        int meridiemEnd = meridiemEnd(text, i);
        if (meridiemEnd > 0 && hour <= 12) {
            return meridiemEnd;
        }
        return minutes && Chars.digitBoundaryAfter(text, i) ? i : -1;
    }

    private static int meridiemEnd(String text, int i) {
        int j = i;
        if (j < text.length() && text.charAt(j) == ' ') {
            j++;
        }
        for (String marker : new String[] {"a.m.", "p.m.", "am", "pm"}) {
            if (text.regionMatches(true, j, marker, 0, marker.length()) && Chars.boundaryAfter(text, j + marker.length())) {
                return j + marker.length();
            }
        }
        return -1;
    }

    /** A following time of day, joined by a space, "T", ", " or " at ". */
    private static int withTrailingTime(String text, int end) {
        for (String joint : new String[] {" at ", ", ", " ", "T"}) {
            if (text.startsWith(joint, end)) {
                int timeStart = end + joint.length();
                if (timeStart < text.length() && Chars.isDigit(text.charAt(timeStart))) {
                    int timeEnd = clockTime(text, timeStart);
                    if (timeEnd > 0) {
                        return timeEnd;
                    }
                }
            }
        }
        return end;
    }

    /** A year 1900-2099, or a decade such as 1980s, standing alone; returns the end or -1. */
    private static int year(String text, int start) {
        int end = start;
        while (end < text.length() && Chars.isDigit(text.charAt(end))) {
            end++;
        }
        if (end - start != 4) {
            return -1;
        }
        int value = Integer.parseInt(text, start, end, 10);
        if (value < 1900 || value > 2099) {
            return -1;
        }
        if (end < text.length() && text.charAt(end) == 's') {
            end++;
        }
        return Chars.boundaryAfter(text, end) && Chars.digitBoundaryAfter(text, end) ? end : -1;
    }

    private static boolean isOrdinal(Words words, int w) {
        int start = words.start(w);
        int end = words.end(w);
        int digits = 0;
        while (start + digits < end && Chars.isDigit(words.text().charAt(start + digits))) {
            digits++;
        }
        return digits >= 1 && digits <= 2 && end - start - digits == 2
                && ORDINAL_SUFFIXES.contains(words.text(), start + digits, end);
    }

    private static boolean isDay(Words words, int w) {
        if (isOrdinal(words, w)) {
            return dayValue(words, w) <= 31;
        }
        return words.isNumber(w) && words.length(w) <= 2 && dayValue(words, w) >= 1 && dayValue(words, w) <= 31;
    }

    private static int dayValue(Words words, int w) {
        String text = words.text();
        int value = 0;
        for (int i = words.start(w); i < words.end(w) && Chars.isDigit(text.charAt(i)); i++) {
            value = value * 10 + Chars.digitValue(text.charAt(i));
        }
        return value;
    }

    /** "5 March", "5th of March 2010"; returns the end or -1. */
    private static int dayMonth(Words words, int w) {
        if (!isDay(words, w)) {
            return -1;
        }
        int month = w + 1;
        if (month < words.count() && words.is(month, "of")) {
            month++;
        }
        if (month >= words.count() || !words.in(month, MONTHS) || !words.spaceBetween(month - 1, month)
                || !words.isUpperInitial(month)) {
            return -1;
        }
        return withYear(words, month, monthEnd(words, month));
    }

    /** "March 5", "March 5th, 2010", "March 2010"; returns the end or -1. */
    private static int monthFirst(Words words, int month) {
        int next = month + 1;
        if (next >= words.count() || !words.onlyBetween(month, next, " .")) {
            return -1;
        }
        if (isDay(words, next)) {
            return withYear(words, next, words.end(next));
        }
        if (words.isNumber(next) && words.length(next) == 4 && isYear(dayValueOfFour(words, next))) {
            return words.end(next);
        }
        return -1;
    }

    private static int dayValueOfFour(Words words, int w) {
        return Integer.parseInt(words.text(), words.start(w), words.end(w), 10);
    }

    private static int withYear(Words words, int last, int end) {
        int next = last + 1;
        if (next < words.count() && words.onlyBetween(last, next, ", ") && words.isNumber(next)
                && words.length(next) == 4 && isYear(dayValueOfFour(words, next))) {
            return words.end(next);
        }
        return end;
    }

    private static int monthEnd(Words words, int month) {
        int end = words.end(month);
        String text = words.text();
        return end < text.length() && text.charAt(end) == '.' && words.length(month) <= 4 ? end + 1 : end;
    }
}
