package org.margin.privacy.pii.recognizer;

import org.margin.privacy.pii.EntityType;
import org.margin.privacy.pii.Finding;
import org.margin.privacy.pii.FindingSink;
import org.margin.privacy.pii.Recognizer;
import org.margin.privacy.pii.text.Chars;
import org.margin.privacy.pii.text.ScanText;

/**
 * International bank account numbers (ISO 13616): a country code, two check digits and the national account
 * number, of the length that country registers, in either letter case, bare or in groups split by single spaces.
 * The ISO 7064 mod 97-10 checksum must hold.
 */
public final class IbanRecognizer implements Recognizer {

    private static final double SCORE = 0.95;

    /** Registered IBAN lengths per country, as in the SWIFT IBAN registry. */
    private static final String LENGTHS =
            "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DJ27 DK18 DO28"
            + " EE20 EG29 ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HR21 HU28 IE22 IL23 IQ23 IS26"
            + " IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27 MD24 ME22 MK19 MN20 MR27 MT31 MU30"
            + " NI28 NL18 NO15 OM23 PK24 PL28 PS29 PT25 QA29 RO24 RS22 RU33 SA24 SC31 SD18 SE24 SI19 SK24 SM27"
            + " SO23 ST25 SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20 YE30";

    private static final byte[] LENGTH_BY_COUNTRY = lengthTable();

    @Override
    public String name() {
        return "iban";
    }

    @Override
    public void recognize(ScanText scan, FindingSink sink) {
        String text = scan.text();
        int limit = text.length() - 14;
        int consumed = 0;
        for (int n = 0; n < scan.numberCount(); n++) {
            int i = scan.numberStart(n) - 2;
            if (i < consumed || i >= limit || !Chars.isAsciiLetter(text.charAt(i))
                    || !Chars.isAsciiLetter(text.charAt(i + 1)) || !Chars.isDigit(text.charAt(i + 3))
                    || !Chars.boundaryBefore(text, i)) {
                continue;
            }
            int expected = LENGTH_BY_COUNTRY[countryIndex(text.charAt(i), text.charAt(i + 1))];
            if (expected == 0) {
                continue;
            }
            int end = end(text, i, expected);
            if (end > 0 && checksumHolds(text, i, end)) {
                sink.accept(new Finding(i, end, EntityType.IBAN_CODE, SCORE, name()));
                consumed = end;
            }
        }
    }

    /** End of an IBAN of {@code expected} characters from {@code start}, allowing single spaces, or -1. */
    private static int end(String text, int start, int expected) {
        int count = 0;
        int i = start;
        while (i < text.length() && count < expected) {
            char c = text.charAt(i);
            if (Chars.isAsciiAlphanumeric(c)) {
                count++;
                i++;
            } else if (c == ' ' && count >= 4 && i + 1 < text.length()
                    && Chars.isAsciiAlphanumeric(text.charAt(i + 1)) && text.charAt(i - 1) != ' ') {
                i++;
            } else {
                break;
            }
        }
        return count == expected && Chars.boundaryAfter(text, i) ? i : -1;
    }

    /** ISO 7064 mod 97-10 over the account number followed by the country code and check digits. */
    static boolean checksumHolds(CharSequence text, int start, int end) {
        int remainder = 0;
        int bodyStart = start + 4;
        for (int i = bodyStart; i < end; i++) {
            remainder = accumulate(remainder, text.charAt(i));
        }
        for (int i = start; i < bodyStart; i++) {
            remainder = accumulate(remainder, text.charAt(i));
        }
        return remainder == 1;
    }

    private static int accumulate(int remainder, char c) {
        if (c == ' ') {
            return remainder;
        }
        if (Chars.isDigit(c)) {
            return (remainder * 10 + Chars.digitValue(c)) % 97;
        }
        int value = (c | 0x20) - 'a' + 10;
        return (remainder * 100 + value) % 97;
    }

    private static int countryIndex(char first, char second) {
        return ((first | 0x20) - 'a') * 26 + ((second | 0x20) - 'a');
    }

    private static byte[] lengthTable() {
        byte[] table = new byte[26 * 26];
        for (String entry : LENGTHS.split(" ")) {
            table[countryIndex(entry.charAt(0), entry.charAt(1))] = (byte) Integer.parseInt(entry.substring(2));
        }
        return table;
    }
}
