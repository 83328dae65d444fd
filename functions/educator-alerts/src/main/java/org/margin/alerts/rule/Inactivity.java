package org.margin.alerts.rule;

import java.time.LocalDate;
import org.margin.store.alert.RuleKind;

/**
 * No submission in a course for {@code days} days: on a day D a student whose last submission there (or, lacking
 * one, whose enrolment) was on D minus {@code days} or earlier is inactive. The check itself runs in the store,
 * set-based over an institution's students; this type fixes the cut-off.
 */
public record Inactivity(int days) implements AlertRuleDefinition {

    public static final int MAX_DAYS = 365;

    public Inactivity {
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days must be between 1 and " + MAX_DAYS);
        }
    }

    @Override
    public RuleKind kind() {
        return RuleKind.INACTIVITY;
    }

    /** The latest day of last activity that counts as inactive on {@code today}. */
    public LocalDate lastActiveBy(LocalDate today) {
        return today.minusDays(days);
    }
}
