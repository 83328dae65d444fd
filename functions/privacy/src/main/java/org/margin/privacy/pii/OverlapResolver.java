package org.margin.privacy.pii;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Keeps a set of non-overlapping findings.
 *
 * <p>Rule: findings are ranked by higher score, then longer span, then {@link EntityType} declaration order,
 * then earlier start; walking that ranking, a finding is kept unless it overlaps one already kept. The result is
 * ordered by start. The rule is a total order, so the outcome does not depend on the order recognizers ran in.
 */
public final class OverlapResolver {

    static final Comparator<Finding> RANKING = Comparator.comparingDouble(Finding::score).reversed()
            .thenComparing(Comparator.comparingInt(Finding::length).reversed())
            .thenComparing(Finding::type)
            .thenComparingInt(Finding::start)
            .thenComparing(Finding::recognizer);

    private OverlapResolver() {
    }

    public static List<Finding> resolve(List<Finding> findings) {
        if (findings.size() < 2) {
            return List.copyOf(findings);
        }
        List<Finding> ranked = new ArrayList<>(findings);
        ranked.sort(RANKING);
        List<Finding> kept = new ArrayList<>(ranked.size());
        for (Finding candidate : ranked) {
            if (!overlapsAny(candidate, kept)) {
                kept.add(candidate);
            }
        }
        kept.sort(Comparator.comparingInt(Finding::start));
        return List.copyOf(kept);
    }

    private static boolean overlapsAny(Finding candidate, List<Finding> kept) {
        for (Finding finding : kept) {
            if (finding.overlaps(candidate)) {
                return true;
            }
        }
        return false;
    }
}
