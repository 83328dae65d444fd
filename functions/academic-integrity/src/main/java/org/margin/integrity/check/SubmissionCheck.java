package org.margin.integrity.check;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.margin.integrity.similarity.CourseIndex;
import org.margin.integrity.similarity.SimilarityCheck;
import org.margin.integrity.similarity.SimilarityReport;
import org.margin.integrity.similarity.StoredCourseIndex;
import org.margin.integrity.submission.SubmissionTexts;
import org.margin.integrity.winnowing.TextFingerprints;
import org.margin.runtime.mcp.protocol.Json;
import org.margin.store.Store;
import org.margin.store.course.CourseId;
import org.margin.store.integrity.Filing;
import org.margin.store.integrity.Fingerprint;
import org.margin.store.submission.SubmissionId;
import org.margin.store.tenant.TenantId;

import tools.jackson.databind.node.ObjectNode;

/**
 * What the function does when a submission arrives: fingerprint it, file the fingerprints in its course's index
 * (a redelivery files nothing new: positions already filed are kept; the same statement says how common its hashes
 * are in the course), compare it with the course's other submissions, and keep the report. The caller turns the outcome into {@code org.margin.integrity.checked.v1}.
 */
public final class SubmissionCheck {

    /** How many other submissions a report names. */
    public static final int REPORTED_MATCHES = 5;

    private final Store store;
    private final SubmissionTexts texts;
    private final SimilarityCheck similarity;
    private final ReportShelf reports;
    private final double threshold;

    /** @param threshold the similarity at or above which a report is a finding, between 0 and 1 */
    public SubmissionCheck(Store store, SubmissionTexts texts, SimilarityCheck similarity, ReportShelf reports,
                           double threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1]");
        }
        this.store = Objects.requireNonNull(store, "store");
        this.texts = Objects.requireNonNull(texts, "texts");
        this.similarity = Objects.requireNonNull(similarity, "similarity");
        this.reports = Objects.requireNonNull(reports, "reports");
        this.threshold = threshold;
    }

    public double threshold() {
        return threshold;
    }

    public CheckOutcome checkSubmission(TenantId tenant, CourseId course, SubmissionId submission) {
        Optional<String> text = texts.plainText(tenant, course, submission);
        if (text.isEmpty()) {
            return new CheckOutcome.UnknownSubmission(submission);
        }
        TextFingerprints fingerprints = similarity.winnowing().fingerprint(text.get());
        CourseIndex index = new StoredCourseIndex(store.fingerprints(), tenant, course);
        long filed = 0;
        if (fingerprints.count() > 0) {
            List<Fingerprint> entries = fingerprints.toStored();
            Filing filing = store.fingerprints().file(tenant, submission, entries);
            filed = filing.filed();
            if (filed > 0) {
                store.indexCounts().applySoon(tenant);
            }
            index = new FiledCourseIndex(index, filing.frequencies(),
                    entries.stream().map(Fingerprint::hash).collect(Collectors.toUnmodifiableSet()));
        }
        SimilarityReport report = similarity.check(fingerprints, index, Optional.of(submission), REPORTED_MATCHES);
        boolean finding = report.bestSimilarity() >= threshold;
        reports.put(tenant, submission, stored(course, submission, report, finding));
        return new CheckOutcome.Checked(submission, report, threshold, finding, filed);
    }

    private byte[] stored(CourseId course, SubmissionId submission, SimilarityReport report, boolean finding) {
        ObjectNode json = ReportJson.of(report);
        json.put("submissionId", submission.toString());
        json.put("courseId", course.toString());
        json.put("threshold", threshold);
        json.put("finding", finding);
        return Json.MAPPER.writeValueAsBytes(json);
    }
}
