package org.margin.analysis.vocabulary;

import java.util.OptionalDouble;

import org.margin.analysis.text.WordTypes;

/**
 * Measures {@link Vocabulary}. MTLD follows McCarthy and Jarvis (2010): reading the words in order, a factor
 * ends each time the type-token ratio of the words read since the last factor falls to the threshold (0.72 by
 * default); the words left over count as the fraction (1 - their ratio) / (1 - threshold) of a factor. MTLD
 * is words / factors, averaged over a forward and a backward reading.
 */
public final class LexicalDiversity {

    private LexicalDiversity() {
    }

    public static Vocabulary measure(WordTypes types, int wordCount, double mtldThreshold) {
        double typeTokenRatio = wordCount == 0 ? 0 : (double) types.typeCount() / wordCount;
        // Marks which types the current factor has seen; a new factor takes a new stamp instead of clearing.
        int[] seenInFactor = new int[types.typeCount()];
        double forward = mtldOneWay(types, wordCount, mtldThreshold, seenInFactor, 0, true);
        double backward = mtldOneWay(types, wordCount, mtldThreshold, seenInFactor, wordCount + 1, false);
        OptionalDouble mtld = Double.isNaN(forward) || Double.isNaN(backward)
                ? OptionalDouble.empty()
                : OptionalDouble.of((forward + backward) / 2);
        return new Vocabulary(wordCount, types.typeCount(), typeTokenRatio, mtld);
    }

    /** MTLD read in one direction, or NaN when no factor accumulates. */
    private static double mtldOneWay(WordTypes types, int wordCount, double threshold, int[] seenInFactor,
                                     int stampBase, boolean forward) {
        int stamp = stampBase + 1;
        double factors = 0;
        int factorWords = 0;
        int factorTypes = 0;
        for (int i = 0; i < wordCount; i++) {
            int type = types.typeOf(forward ? i : wordCount - 1 - i);
            factorWords++;
            if (seenInFactor[type] != stamp) {
                seenInFactor[type] = stamp;
                factorTypes++;
            }
            if ((double) factorTypes / factorWords <= threshold) {
                factors++;
                factorWords = 0;
                factorTypes = 0;
                stamp++;
            }
        }
        if (factorWords > 0) {
            double ratio = (double) factorTypes / factorWords;
            factors += (1 - ratio) / (1 - threshold);
        }
        return factors == 0 ? Double.NaN : wordCount / factors;
    }
}
