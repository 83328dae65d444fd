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
        int length = text.length();
        int i = 0;
        while (i < length) {
            char c = text.charAt(i);
            if (!Chars.isHexDigit(c) && c != ':' || !startsToken(text, i)) {
                i++;
                continue;
            }
            int runEnd = i;
            while (runEnd < length && isAddressChar(text.charAt(runEnd))) {
                runEnd++;
            }
            int end = trimTrailing(text, i, runEnd);
            int matched = -1;
            if (end > i && Chars.boundaryAfter(text, end)) {
                if (text.indexOf(':', i) >= 0 && text.indexOf(':', i) < end && isIpv6(text, i, end)) {
                    sink.accept(new Finding(i, end, EntityType.IP_ADDRESS, V6_SCORE, name()));
                    matched = end;
                } else if (isIpv4(text, i, end)) {
                    sink.accept(new Finding(i, end, EntityType.IP_ADDRESS, V4_SCORE, name()));
                    matched = end;
                }
            }
            i = matched > 0 ? matched : Math.max(i + 1, skipWord(text, i));
        }
    }

    private static int skipWord(String text, int i) {
        while (i < text.length() && Character.isLetterOrDigit(text.charAt(i))) {
            i++;
        }
        return i;
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
