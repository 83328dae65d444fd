package org.margin.privacy.pii.evaluation;

import java.util.Optional;

/**
 * Parts of a dataset split by template, so that texts made from one template all fall in the same part and a part
 * tests sentence shapes never looked at while working on another. Odd template ids (and texts without one) are
 * held out; the even ones are the development half, itself split in two: dev-a ({@code template_id % 4 == 0}),
 * whose errors may be studied, and dev-b ({@code % 4 == 2}), a validation quarter read as totals only.
 */
public enum Split {
    DEV_A("dev-a"),
    DEV_B("dev-b"),
    DEVELOPMENT("development"),
    HELD_OUT("held-out"),
    WHOLE("whole");

    private final String optionName;

    Split(String optionName) {
        this.optionName = optionName;
    }

    public String optionName() {
        return optionName;
    }

    public boolean contains(LabelledText text) {
        int id = text.templateId();
        boolean even = id >= 0 && id % 2 == 0;
        return switch (this) {
            case DEV_A -> even && id % 4 == 0;
            case DEV_B -> even && id % 4 == 2;
            case DEVELOPMENT -> even;
            case HELD_OUT -> !even;
            case WHOLE -> true;
        };
    }

    public static Optional<Split> ofOptionName(String name) {
        for (Split split : values()) {
            if (split.optionName.equals(name)) {
                return Optional.of(split);
            }
        }
        return Optional.empty();
    }
}
