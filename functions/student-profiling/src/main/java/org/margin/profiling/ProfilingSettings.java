package org.margin.profiling;

import java.util.Map;

import org.margin.store.profile.ClassAnalytics;

/** The function's own settings, read once from the environment. */
public record ProfilingSettings(int minimumGroupSize) {

    /** The smallest class group whose figures are shown; may be raised, never below the store's least of 5. */
    public static final String MINIMUM_GROUP_SIZE = "MARGIN_PROFILING_MIN_GROUP_SIZE";

    public ProfilingSettings {
        if (minimumGroupSize < ClassAnalytics.LEAST_MINIMUM_STUDENTS) {
            throw new IllegalArgumentException(MINIMUM_GROUP_SIZE + " must be at least "
                    + ClassAnalytics.LEAST_MINIMUM_STUDENTS);
        }
    }

    public static ProfilingSettings defaults() {
        return new ProfilingSettings(ClassAnalytics.LEAST_MINIMUM_STUDENTS);
    }

    /** @throws IllegalArgumentException naming the variable, never its value */
    public static ProfilingSettings fromEnvironment(Map<String, String> env) {
        String size = env.get(MINIMUM_GROUP_SIZE);
        if (size == null || size.isBlank()) {
            return defaults();
        }
        try {
            return new ProfilingSettings(Integer.parseInt(size.trim()));
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException(MINIMUM_GROUP_SIZE + " must be a whole number");
        }
    }
}
