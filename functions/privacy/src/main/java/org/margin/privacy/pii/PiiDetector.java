package org.margin.privacy.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.margin.privacy.pii.institution.InstitutionIdRecognizer;
import org.margin.privacy.pii.institution.InstitutionIdRule;
import org.margin.privacy.pii.recognizer.AgeRecognizer;
import org.margin.privacy.pii.recognizer.CreditCardRecognizer;
import org.margin.privacy.pii.recognizer.DateTimeRecognizer;
import org.margin.privacy.pii.recognizer.EmailRecognizer;
import org.margin.privacy.pii.recognizer.IbanRecognizer;
import org.margin.privacy.pii.recognizer.IpAddressRecognizer;
import org.margin.privacy.pii.recognizer.PersonRecognizer;
import org.margin.privacy.pii.recognizer.PhoneNumberRecognizer;
import org.margin.privacy.pii.recognizer.StreetAddressRecognizer;
import org.margin.privacy.pii.recognizer.UrlRecognizer;
import org.margin.privacy.pii.recognizer.UsDriverLicenseRecognizer;
import org.margin.privacy.pii.recognizer.UsSsnRecognizer;
import org.margin.privacy.pii.recognizer.ZipCodeRecognizer;
import org.margin.privacy.pii.text.ScanText;

/**
 * Finds personal data in a text: runs every recognizer, drops findings below the minimum score, and resolves
 * overlaps with {@link OverlapResolver}. Immutable and safe to share between threads; build one per tenant when
 * tenants configure their own ids.
 *
 * <pre>{@code
 * PiiDetector detector = PiiDetector.builder()
 *         .institutionIds(List.of(InstitutionIdRule.of("student-id", "S#{7}", "student id")))
 *         .build();
 * List<Finding> findings = detector.detect("Hi, I'm Maya Lopez, student id S1234567.");
 * }</pre>
 */
public final class PiiDetector {

    /** Findings scoring below this are dropped by default. */
    public static final double DEFAULT_MIN_SCORE = 0.5;

    private final List<Recognizer> recognizers;
    private final double minScore;

    private PiiDetector(List<Recognizer> recognizers, double minScore) {
        this.recognizers = List.copyOf(recognizers);
        this.minScore = minScore;
    }

    /** A detector with every built-in recognizer, US and British phone formats, and no institution ids. */
    public static PiiDetector standard() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Non-overlapping findings at or above the minimum score, ordered by start. */
    public List<Finding> detect(String text) {
        return OverlapResolver.resolve(candidates(text, minScore));
    }

    /** Every finding at or above {@code floor}, overlaps included; for tuning and diagnostics. */
    public List<Finding> candidates(String text, double floor) {
        Objects.requireNonNull(text, "text");
        ScanText scan = new ScanText(text);
        List<Finding> found = new ArrayList<>();
        FindingSink sink = finding -> {
            if (finding.score() >= floor) {
                found.add(finding);
            }
        };
        for (Recognizer recognizer : recognizers) {
            recognizer.recognize(scan, sink);
        }
        return found;
    }

    public static final class Builder {

        private List<String> phoneRegions = List.of("US", "GB");
        private List<InstitutionIdRule> institutionIds = List.of();
        private final List<Recognizer> extra = new ArrayList<>();
        private double minScore = DEFAULT_MIN_SCORE;

        private Builder() {
        }

        /** Regions whose national phone formats count as valid without a + prefix, in order of preference. */
        public Builder phoneRegions(List<String> regions) {
            this.phoneRegions = List.copyOf(regions);
            return this;
        }

        /** The tenant's own student and staff id shapes. */
        public Builder institutionIds(List<InstitutionIdRule> rules) {
            this.institutionIds = List.copyOf(rules);
            return this;
        }

        public Builder addRecognizer(Recognizer recognizer) {
            extra.add(Objects.requireNonNull(recognizer, "recognizer"));
            return this;
        }

        public Builder minScore(double score) {
            if (!(score >= 0.0 && score <= 1.0)) {
                throw new IllegalArgumentException("minimum score must lie in [0, 1], got " + score);
            }
            this.minScore = score;
            return this;
        }

        public PiiDetector build() {
            List<Recognizer> recognizers = new ArrayList<>(List.of(
                    new EmailRecognizer(),
                    new UrlRecognizer(),
                    new IpAddressRecognizer(),
                    new UsSsnRecognizer(),
                    new CreditCardRecognizer(),
                    new IbanRecognizer(),
                    new PhoneNumberRecognizer(phoneRegions),
                    new DateTimeRecognizer(),
                    new AgeRecognizer(),
                    new ZipCodeRecognizer(),
                    new UsDriverLicenseRecognizer(),
                    new StreetAddressRecognizer(),
                    new PersonRecognizer()));
            if (!institutionIds.isEmpty()) {
                recognizers.add(new InstitutionIdRecognizer(institutionIds));
            }
            recognizers.addAll(extra);
            return new PiiDetector(recognizers, minScore);
        }
    }
}
