package org.margin.profiling;

import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import org.margin.store.profile.ClassAnalytics;

/**
 * The function's own settings, read once from the environment.
 *
 * @param minimumGroupSize  the smallest class group whose figures are shown
 * @param gridPseudonymKey  the key of the grid's keyed pseudonyms; profile reads go through the grid when present
 */
public record ProfilingSettings(int minimumGroupSize, Optional<byte[]> gridPseudonymKey) {

    /** May raise the smallest group shown, never below the store's least of 5. */
    public static final String MINIMUM_GROUP_SIZE = "MARGIN_PROFILING_MIN_GROUP_SIZE";
    /** Base64, at least 32 bytes, the same on every instance; unset: no grid, every read goes to the store. */
    public static final String GRID_PSEUDONYM_KEY = "MARGIN_GRID_PSEUDONYM_KEY";
    private static final int LEAST_KEY_BYTES = 32;

    public ProfilingSettings {
        if (minimumGroupSize < ClassAnalytics.LEAST_MINIMUM_STUDENTS) {
            throw new IllegalArgumentException(MINIMUM_GROUP_SIZE + " must be at least "
                    + ClassAnalytics.LEAST_MINIMUM_STUDENTS);
        }
        gridPseudonymKey = gridPseudonymKey.map(byte[]::clone);
        if (gridPseudonymKey.isPresent() && gridPseudonymKey.get().length < LEAST_KEY_BYTES) {
            throw new IllegalArgumentException(GRID_PSEUDONYM_KEY + " must hold at least " + LEAST_KEY_BYTES
                    + " bytes");
        }
    }

    public static ProfilingSettings defaults() {
        return new ProfilingSettings(ClassAnalytics.LEAST_MINIMUM_STUDENTS, Optional.empty());
    }

    /** @throws IllegalArgumentException naming the variable, never its value */
    public static ProfilingSettings fromEnvironment(Map<String, String> env) {
        return new ProfilingSettings(minimumGroupSize(env.get(MINIMUM_GROUP_SIZE)), key(env.get(GRID_PSEUDONYM_KEY)));
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

    private static Optional<byte[]> key(String base64) {
        if (base64 == null || base64.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Base64.getDecoder().decode(base64.trim()));
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException(GRID_PSEUDONYM_KEY + " must be base64");
        }
    }
}
