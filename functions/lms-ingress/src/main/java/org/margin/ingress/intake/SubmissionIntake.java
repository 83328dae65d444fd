package org.margin.ingress.intake;

import java.time.ZoneOffset;

import org.margin.access.AccessPolicy;
import org.margin.events.lms.SubmissionContent;
import org.margin.events.lms.SubmissionReceived;
import org.margin.platform.people.Pseudonyms;
import org.margin.platform.submission.SubmissionTexts;
import org.margin.privacy.crypto.Keyring;
import org.margin.privacy.crypto.LookupColumn;
import org.margin.store.Opaque;
import org.margin.store.Store;
import org.margin.store.course.CourseId;
import org.margin.store.course.EnrollmentRole;
import org.margin.store.people.PersonId;
import org.margin.store.submission.NewSubmission;
import org.margin.store.submission.SubmissionId;
import org.margin.store.submission.Submitted;
import org.margin.store.tenant.TenantId;

/**
 * The door: what an LMS says about a submission becomes pseudonymous rows. The LMS's course becomes a course
 * (created on first sight), its user a pseudonym whose LMS id is stored encrypted and found again through a
 * deterministic lookup value, the student is enrolled if the course did not know them, and the text is stored
 * encrypted, bound to its row, once per LMS submission. Nothing identifying leaves this class.
 */
public final class SubmissionIntake {

    private final Store store;
    private final Keyring keyring;
    private final SubmissionTexts texts;
    private final Pseudonyms pseudonyms;
    private final AccessPolicy access;

    /** @param access told when a submission enrols its student, so no instance keeps an earlier refusal */
    public SubmissionIntake(Store store, Keyring keyring, SubmissionTexts texts, Pseudonyms pseudonyms,
                            AccessPolicy access) {
        this.store = store;
        this.keyring = keyring;
        this.texts = texts;
        this.pseudonyms = pseudonyms;
        this.access = access;
    }

    /** Stores the submission if it carries its text; a reference alone cannot be analysed and is not stored. */
    public Intake take(SubmissionReceived received) {
        if (!(received.content() instanceof SubmissionContent.Text content)) {
            return new Intake.AwaitingText();
        }
        String text = PlainText.of(content);
        if (text.isBlank()) {
            return new Intake.Empty();
        }
        TenantId tenant = new TenantId(received.institutionId());
        CourseId course = store.courses().ensure(tenant, courseCode(received), courseCode(received));
        PersonId student = pseudonyms.ensure(tenant, received.lmsUserId());
        if (store.enrollments().ensureEnrolled(tenant, course, student, EnrollmentRole.STUDENT,
                received.submittedAt().atOffset(ZoneOffset.UTC).toLocalDate())) {
            access.enrolmentChanged(tenant, student);
        }
        SubmissionId id = SubmissionId.generate();
        Submitted submitted = store.submissions().submit(tenant, id,
                new NewSubmission(course, student, received.submittedAt(), texts.seal(tenant, id, text)),
                Opaque.of(keyring.lookup(tenant.value(), LookupColumn.SUBMISSION_SOURCE, sourceRef(received))));
        return new Intake.Stored(tenant, course, student, submitted.id(), received.submittedAt(),
                submitted instanceof Submitted.Created);
    }

    private static String courseCode(SubmissionReceived received) {
        return received.lms().wireName() + ":" + received.lmsCourseId();
    }

    /** The LMS's own name for the submission: an attempt is a submission of its own. */
    private static String sourceRef(SubmissionReceived received) {
        String attempt = received.attempt().isPresent() ? "#" + received.attempt().getAsInt() : "";
        return received.lmsSourceId() + ":" + received.lmsSubmissionId() + attempt;
    }
}
