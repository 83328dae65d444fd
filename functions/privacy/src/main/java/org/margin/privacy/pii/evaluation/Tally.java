package org.margin.privacy.pii.evaluation;

/** Counts for one label: predictions and how many were right, gold spans and how many were found. */
public final class Tally {

    private int predicted;
    private int correct;
    private int gold;
    private int found;

    void predicted(boolean isCorrect) {
        predicted++;
        if (isCorrect) {
            correct++;
        }
    }

    void gold(boolean isFound) {
        gold++;
        if (isFound) {
            found++;
        }
    }

    void add(Tally other) {
        predicted += other.predicted;
        correct += other.correct;
        gold += other.gold;
        found += other.found;
    }

    public int goldCount() {
        return gold;
    }

    /** 1 when nothing was predicted: no prediction was wrong. */
    public double precision() {
        return predicted == 0 ? 1.0 : (double) correct / predicted;
    }

    /** 1 when there was nothing to find. */
    public double recall() {
        return gold == 0 ? 1.0 : (double) found / gold;
    }

    /** F-beta with beta = 2: recall weighs four times as much as precision. */
    public double f2() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 5 * p * r / (4 * p + r);
    }
}
