package org.margin.analysis.pii;

import java.util.List;

import org.margin.privacy.pii.EntityType;
import org.margin.privacy.pii.Finding;
import org.margin.privacy.pii.OverlapResolver;
import org.margin.privacy.pii.PiiDetector;

/** Finds the personal data a request asks for. */
final class PiiScan {

    private PiiScan() {
    }

    /**
     * Non-overlapping findings of the requested types, ordered by start. Overlaps are resolved among every type
     * before the filter, so a span the detector judges an address is not reported as a person because only
     * persons were asked for.
     */
    static List<Finding> findings(PiiRequest request) {
        PiiDetector detector = request.institutionIds().isEmpty()
                ? StandardDetector.INSTANCE
                : PiiDetector.builder().institutionIds(request.institutionIds()).build();
        List<Finding> resolved = OverlapResolver.resolve(detector.candidates(request.text(), request.minScore()));
        if (request.types().size() == EntityType.values().length) {
            return resolved;
        }
        return resolved.stream().filter(finding -> request.types().contains(finding.type())).toList();
    }

    /** Built on the first scan, not at start-up: a function that is never asked about personal data never pays. */
    private static final class StandardDetector {
        static final PiiDetector INSTANCE = PiiDetector.standard();
    }
}
