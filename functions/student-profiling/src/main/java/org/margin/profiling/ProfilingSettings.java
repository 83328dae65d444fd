package org.margin.profiling;

import java.util.Map;

import org.margin.store.profile.ClassAnalytics;

/**
 * The function's own settings, read once from the environment (the platform reads the store's, grid's and keys').
 *
 * @param minimumGroupSize the smallest class group whose figures are shown
 */
public record ProfilingSettings(int minimumGroupSize) {

    /** May raise the smallest group shown, never below the store's least of 5. */
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
        return new ProfilingSettings(minimumGroupSize(env.get(MINIMUM_GROUP_SIZE)));
    }

    private static int minimumGroupSize(String size) {
        if (size == null || size.isBlank()) {
            return ClassAnalytics.LEAST_MINIMUM_STUDENTS;
        }
        try {
            return Integer.parseInt(size.trim());
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException(MINIMUM_GROUP_SIZE + " must be a whole number");
        }
    }
}
