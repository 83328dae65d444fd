package org.margin.privacy.pii.recognizer;

import org.margin.privacy.pii.EntityType;
import org.margin.privacy.pii.Finding;
import org.margin.privacy.pii.FindingSink;
import org.margin.privacy.pii.Recognizer;
import org.margin.privacy.pii.text.Chars;
import org.margin.privacy.pii.text.ScanText;
import org.margin.privacy.pii.text.WordSet;

/**
 * Web addresses: URLs with a scheme or a leading {@code www.} (type URL), and bare domain names whose last label
 * is a known top-level domain (type DOMAIN_NAME), such as {@code example.org} or {@code school.k12.ny.us}.
 */
public final class UrlRecognizer implements Recognizer {

    private static final double URL_SCORE = 0.9;
    private static final double DOMAIN_SCORE = 0.6;

    /** Generic top-level domains in common use; every two-letter country code is listed below. */
    private static final WordSet GENERIC_TLDS = WordSet.of(
            "com", "org", "net", "edu", "gov", "mil", "int", "info", "biz", "io", "ai", "app", "dev", "xyz",
            "online", "site", "store", "tech", "blog", "shop", "news", "club", "live", "cloud", "art", "design",
            "page", "website", "space", "fun", "games", "school", "academy", "education", "mobi", "name", "pro",
            "museum", "travel", "jobs", "email", "social", "media", "world", "today", "life", "studio", "wiki");

    private static final String COUNTRY_CODES =
            "ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo br bs bt bw by"
            + " bz ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg er es et eu"
            + " fi fj fk fm fo fr ga gb gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu id ie"
            + " il im in iq ir is it je jm jo jp ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly"
            + " ma mc md me mg mh mk ml mm mn mo mp mq mr ms mt mu mv mw mx my mz na nc ne nf ng ni nl no np nr nu"
            + " nz om pa pe pf pg ph pk pl pm pn pr ps pt pw py qa re ro rs ru rw sa sb sc sd se sg sh si sk sl sm"
            + " sn so sr ss st sv sx sy sz tc td tf tg th tj tk tl tm tn to tr tt tv tw tz ua ug uk us uy uz va vc"
            + " ve vg vi vn vu wf ws ye yt za zm zw";

    private static final WordSet COUNTRY_TLDS = WordSet.of(COUNTRY_CODES.split(" "));

    @Override
    public String name() {
        return "url";
    }

    /** Every web address has a dot in its host, so the scan jumps from dot to dot and looks around each. */
    @Override
    public void recognize(ScanText scan, FindingSink sink) {
        String text = scan.text();
        int consumed = 0;
        int dot = text.indexOf('.');
        while (dot >= 0) {
            int next = dot + 1;
            if (dot > consumed && Chars.isAsciiAlphanumeric(text.charAt(dot - 1)) && dot + 1 < text.length()
                    && Chars.isAsciiAlphanumeric(text.charAt(dot + 1))) {
                int hostStart = dot;
                while (hostStart > consumed && isHostChar(text.charAt(hostStart - 1))) {
                    hostStart--;
                }
                int end = report(text, hostStart, sink);
                if (end > 0) {
                    consumed = end;
                    next = end;
                }
            }
            dot = text.indexOf('.', next);
        }
    }

    /** Reports the address whose host starts at {@code hostStart}; returns its end, or -1 when there is none. */
    private int report(String text, int hostStart, FindingSink sink) {
        int schemeStart = schemeStart(text, hostStart);
        if (schemeStart >= 0) {
            int end = schemeUrlEnd(text, schemeStart);
            if (end > 0) {
                sink.accept(new Finding(schemeStart, end, EntityType.URL, URL_SCORE, name()));
            }
            return end;
        }
        if (!Chars.boundaryBefore(text, hostStart)) {
            return -1;
        }
        if (text.regionMatches(true, hostStart, "www.", 0, 4)) {
            int end = hostUrlEnd(text, hostStart);
            if (end > 0) {
                sink.accept(new Finding(hostStart, end, EntityType.URL, URL_SCORE, name()));
            }
            return end;
        }
        int start = domainStart(text, hostStart);
        if (start < 0) {
            return -1;
        }
        int end = hostUrlEnd(text, start);
        if (end > 0) {
            sink.accept(new Finding(start, end, EntityType.DOMAIN_NAME, DOMAIN_SCORE, name()));
        }
        return end;
    }

    /** Start of {@code http://}, {@code https://} or {@code ftp://} right before the host, or -1. */
    private static int schemeStart(String text, int hostStart) {
        if (hostStart < 3 || !text.startsWith("://", hostStart - 3)) {
            return -1;
        }
        int start = hostStart - 3;
        while (start > 0 && Chars.isAsciiLetter(text.charAt(start - 1))) {
            start--;
        }
        return Chars.boundaryBefore(text, start) ? start : -1;
    }

    private static boolean isHostChar(char c) {
        return Chars.isAsciiAlphanumeric(c) || c == '-' || c == '.';
    }

    private static int schemeUrlEnd(String text, int start) {
        int afterScheme;
        if (text.regionMatches(true, start, "https://", 0, 8)) {
            afterScheme = start + 8;
        } else if (text.regionMatches(true, start, "http://", 0, 7) || text.regionMatches(true, start, "ftp://", 0, 6)) {
            afterScheme = start + (Character.toLowerCase(text.charAt(start)) == 'h' ? 7 : 6);
        } else {
            return -1;
        }
        int hostEnd = hostEnd(text, afterScheme);
        if (hostEnd <= afterScheme) {
            return -1;
        }
        return pathEnd(text, hostEnd);
    }

    /** End of {@code host[/path]} starting at {@code start}, or -1 when the host does not end in a known TLD. */
    private static int hostUrlEnd(String text, int start) {
        int hostEnd = hostEnd(text, start);
        if (hostEnd <= start || !endsWithKnownTld(text, start, hostEnd)) {
            return -1;
        }
        return pathEnd(text, hostEnd);
    }

    private static int hostEnd(String text, int start) {
        int i = start;
        int labels = 0;
        int labelStart = start;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Chars.isAsciiAlphanumeric(c) || c == '-') {
                i++;
            } else if (c == '.' && i > labelStart && i + 1 < text.length()
                    && Chars.isAsciiAlphanumeric(text.charAt(i + 1))) {
                labels++;
                i++;
                labelStart = i;
            } else {
                break;
            }
        }
        if (labels == 0 || i == labelStart) {
            return -1;
        }
        if (i < text.length() && text.charAt(i) == ':' && i + 1 < text.length() && Chars.isDigit(text.charAt(i + 1))) {
            i++;
            while (i < text.length() && Chars.isDigit(text.charAt(i))) {
                i++;
            }
        }
        return i;
    }

    private static boolean endsWithKnownTld(String text, int hostStart, int hostEnd) {
        int end = hostEnd;
        while (end > hostStart && Chars.isDigit(text.charAt(end - 1))) {
            end--;
        }
        if (end < hostEnd && text.charAt(end - 1) == ':') {
            end--;
        } else {
            end = hostEnd;
        }
        int dot = text.lastIndexOf('.', end - 1);
        if (dot < hostStart) {
            return false;
        }
        for (int i = dot + 1; i < end; i++) {
            char c = text.charAt(i);
            if (c < 'a' || c > 'z') {
                return false;
            }
        }
        return GENERIC_TLDS.contains(text, dot + 1, end) || end - dot - 1 == 2 && COUNTRY_TLDS.contains(text, dot + 1, end);
    }

    /** Extends over a path, query or fragment, then drops trailing punctuation that ends the sentence. */
    private static int pathEnd(String text, int hostEnd) {
        int i = hostEnd;
        if (i < text.length() && (text.charAt(i) == '/' || text.charAt(i) == '?' || text.charAt(i) == '#')) {
            while (i < text.length() && isPathChar(text.charAt(i))) {
                i++;
            }
        }
        while (i > hostEnd && isTrailingPunctuation(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    /** The host start itself when it begins a bare domain, or -1 when the dot is inside something else. */
    private static int domainStart(String text, int start) {
        if (start > 0) {
            char before = text.charAt(start - 1);
            if (before == '@' || before == '/' || before == ':') {
                return -1;
            }
        }
        int firstDot = text.indexOf('.', start);
        for (int i = start; i < firstDot; i++) {
            if (Chars.isAsciiLetter(text.charAt(i))) {
                return start;
            }
        }
        return -1;
    }

    private static boolean isPathChar(char c) {
        return c > ' ' && c < 127 && c != '"' && c != '<' && c != '>' && c != '`' && c != '{' && c != '}'
                && c != '|' && c != '\\' && c != '^';
    }

    private static boolean isTrailingPunctuation(char c) {
        return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' || c == ']'
                || c == '\'' || c == '"';
    }
}
