package org.margin.privacy.pii.recognizer;

import org.margin.privacy.pii.text.Chars;

/** The Luhn (mod 10) check digit algorithm of ISO/IEC 7812-1. */
final class Luhn {

    private Luhn() {
    }

    static boolean isValid(DigitRun number) {
        int sum = 0;
        boolean doubleIt = false;
        for (int i = number.digitCount() - 1; i >= 0; i--) {
            int digit = Chars.digitValue(number.digit(i));
            if (doubleIt) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }
}
