package org.margin.alerts.rule;

/** A rule read from its JSON form: valid, or refused with a reason fit to show the educator. */
public sealed interface RuleReading {

    record Valid(AlertRuleDefinition rule) implements RuleReading {
    }

    record Invalid(String reason) implements RuleReading {
    }
}
