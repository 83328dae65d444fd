package org.margin.privacy.pii.recognizer;

/**
 * Payment card issuers by their issuer identification number (leading digits) and the card lengths they use.
 */
enum CardIssuer {
    VISA(new int[][] {{4, 4}}, 13, 16, 19),
    MASTERCARD(new int[][] {{51, 55}, {2221, 2720}}, 16),
    AMERICAN_EXPRESS(new int[][] {{34, 34}, {37, 37}}, 15),
    DISCOVER(new int[][] {{6011, 6011}, {644, 649}, {65, 65}, {622126, 622925}}, 16, 17, 18, 19),
    DINERS_CLUB(new int[][] {{300, 305}, {3095, 3095}, {36, 36}, {38, 39}}, 14, 15, 16, 17, 18, 19),
    JCB(new int[][] {{3528, 3589}}, 16, 17, 18, 19),
    JCB_LEGACY(new int[][] {{1800, 1800}, {2131, 2131}}, 15),
    MIR(new int[][] {{2200, 2204}}, 16, 17, 18, 19),
    UNIONPAY(new int[][] {{62, 62}, {81, 81}}, 16, 17, 18, 19),
    MAESTRO(new int[][] {{50, 50}, {56, 69}}, 12, 13, 14, 15, 16, 17, 18, 19);

    private final int[][] prefixRanges;
    private final int[] lengths;

    CardIssuer(int[][] prefixRanges, int... lengths) {
        this.prefixRanges = prefixRanges;
        this.lengths = lengths;
    }

    /** Whether this issuer uses the number's length and leading digits. */
    boolean accepts(DigitRun number) {
        if (!acceptsLength(number.digitCount())) {
            return false;
        }
        for (int[] range : prefixRanges) {
            int width = Integer.toString(range[0]).length();
            int prefix = number.value(0, width);
            if (prefix >= range[0] && prefix <= range[1]) {
                return true;
            }
        }
        return false;
    }

    private boolean acceptsLength(int length) {
        for (int allowed : lengths) {
            if (allowed == length) {
                return true;
            }
        }
        return false;
    }

    static boolean anyAccepts(DigitRun number) {
        for (CardIssuer issuer : values()) {
            if (issuer.accepts(number)) {
                return true;
            }
        }
        return false;
    }
}
