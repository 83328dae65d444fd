package org.margin.alerts.rule;

/** What a rule makes of one observation. */
public sealed interface Verdict {

    /** The condition holds; {@code observed} is the figure stored with the alert. */
    record Raise(double observed) implements Verdict {
    }

    /** The condition does not hold, or cannot be judged yet (too little history). */
    record Quiet() implements Verdict {
    }

    static Verdict raise(double observed) {
        return new Raise(observed);
    }

    static Verdict quiet() {
        return new Quiet();
    }
}
