package org.margin.privacy.pii.recognizer;

import org.margin.privacy.pii.EntityType;
import org.margin.privacy.pii.Finding;
import org.margin.privacy.pii.FindingSink;
import org.margin.privacy.pii.Recognizer;
import org.margin.privacy.pii.text.Chars;
import org.margin.privacy.pii.text.ScanText;

/**
 * IPv4 addresses in dotted-quad form and IPv6 addresses in the RFC 4291 text forms (full, compressed with
 * {@code ::}, or ending in a dotted quad), each validated field by field.
 */
public final class IpAddressRecognizer implements Recognizer {

    private static final double V4_SCORE = 0.8;
    private static final double V6_SCORE = 0.9;

    @Override
    public String name() {
        return "ip-address";
    }

    @Override
    public void recognize(ScanText scan, FindingSink sink) {
        String text = scan.text();
        int consumed = 0;
        int colon = text.indexOf(':');
        while (colon >= 0) {
            int start = colon;
            while (start > consumed && isAddressChar(text.charAt(start - 1))) {
                start--;
            }
            int end = addressEnd(text, colon);
            if (startsToken(text, start) && Chars.boundaryAfter(text, end) && isIpv6(text, start, end)) {
                sink.accept(new Finding(start, end, EntityType.IP_ADDRESS, V6_SCORE, name()));
                consumed = end;
            }
            colon = text.indexOf(':', Math.max(colon + 1, end));
        }
        for (int n = 0; n < scan.numberCount(); n++) {
            int start = scan.numberStart(n);
            if (!startsToken(text, start)) {
                continue;
            }
            int end = start;
            while (end < text.length() && (Chars.isDigit(text.charAt(end)) || text.charAt(end) == '.')) {
                end++;
            }
            end = trimTrailing(text, start, end);
            if (Chars.boundaryAfter(text, end) && isIpv4(text, start, end)) {
                sink.accept(new Finding(start, end, EntityType.IP_ADDRESS, V4_SCORE, name()));
            }
        }
    }

    /** End of the run of address characters from {@code from}, without a trailing full stop or lone colon. */
    private static int addressEnd(String text, int from) {
        int end = from;
        while (end < text.length() && isAddressChar(text.charAt(end))) {
            end++;
        }
        return trimTrailing(text, from, end);
    }

    private static boolean startsToken(String text, int i) {
        if (i == 0) {
            return true;
        }
        char before = text.charAt(i - 1);
        return !Character.isLetterOrDigit(before) && before != '.' && before != ':' && before != '-';
    }

    private static boolean isAddressChar(char c) {
        return Chars.isHexDigit(c) || c == '.' || c == ':';
    }

    private static int trimTrailing(String text, int start, int end) {
        while (end > start && text.charAt(end - 1) == '.') {
            end--;
        }
        if (end > start + 1 && text.charAt(end - 1) == ':' && text.charAt(end - 2) != ':') {
            end--;
        }
        return end;
    }

    static boolean isIpv4(CharSequence text, int start, int end) {
        int fields = 0;
        int i = start;
        while (i < end) {
            int fieldStart = i;
            int value = 0;
            while (i < end && Chars.isDigit(text.charAt(i))) {
                value = value * 10 + Chars.digitValue(text.charAt(i));
                i++;
            }
            int digits = i - fieldStart;
            if (digits == 0 || digits > 3 || value > 255 || digits > 1 && text.charAt(fieldStart) == '0') {
                return false;
            }
            fields++;
            if (i < end) {
                if (text.charAt(i) != '.' || fields == 4) {
                    return false;
                }
                i++;
                if (i == end) {
                    return false;
                }
            }
        }
        return fields == 4;
    }

    static boolean isIpv6(CharSequence text, int start, int end) {
        int groups = 0;
        boolean compressed = false;
        int i = start;
        if (end - start >= 2 && text.charAt(i) == ':' && text.charAt(i + 1) == ':') {
            compressed = true;
            i += 2;
            if (i == end) {
                return true;
            }
        } else if (text.charAt(i) == ':') {
            return false;
        }
        while (i < end) {
            int groupStart = i;
            while (i < end && Chars.isHexDigit(text.charAt(i))) {
                i++;
            }
            if (i < end && text.charAt(i) == '.') {
                return isIpv4(text, groupStart, end) && groups + 2 <= (compressed ? 7 : 8)
                        && (compressed || groups == 6);
            }
            int digits = i - groupStart;
            if (digits == 0 || digits > 4) {
                return false;
            }
            groups++;
            if (i == end) {
                break;
            }
            if (text.charAt(i) != ':') {
                return false;
            }
            i++;
            if (i < end && text.charAt(i) == ':') {
                if (compressed) {
                    return false;
                }
                compressed = true;
                i++;
                if (i == end) {
                    break;
                }
            } else if (i == end) {
                return false;
            }
        }
        return compressed ? groups <= 7 && groups >= 1 : groups == 8;
    }
}
