package org.margin.ingress.intake;

import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.margin.events.lms.SubmissionContent;
import org.margin.events.lms.SubmissionReceived;
import org.margin.platform.grouping.GroupSizes;
import org.margin.platform.people.PersonDetails;
import org.margin.platform.people.Pseudonyms;
import org.margin.platform.submission.SubmissionTexts;
import org.margin.privacy.crypto.Keyring;
import org.margin.privacy.crypto.LookupColumn;
import org.margin.store.Opaque;
import org.margin.store.Store;
import org.margin.store.course.CourseId;
import org.margin.store.submission.LmsSubmission;
import org.margin.store.submission.LmsTaking;
import org.margin.store.submission.SubmissionId;
import org.margin.store.submission.Submitted;
import org.margin.store.tenant.GroupCommit;
import org.margin.store.tenant.TenantId;

import io.opentelemetry.api.metrics.Meter;

/**
 * The door: what an LMS says about a submission becomes pseudonymous rows. The LMS's course becomes a course
 * (created on first sight), its user a pseudonym whose LMS id is stored encrypted and found again through a
 * deterministic lookup value, the student is enrolled if the course did not know them, and the text is stored
 * encrypted, bound to its row, once per LMS submission. For a user seen before, all of that is one statement (one
 * round trip), which the webhooks of one institution that arrive together share (a group commit); a new user's
 * pseudonym is registered first. Nothing identifying leaves this class but the roster's date of birth, handed to
 * the COPPA check.
 */
public final class SubmissionIntake {

    /** Courses whose ids this instance keeps; past it the map starts again, which costs one write per course. */
    private static final int KNOWN_COURSES = 10_000;
    /** The most submissions one statement takes. */
    private static final int GROUP_SIZE = 64;
    /**
     * One statement of a tenant at a time: the submissions that arrive while it and its commit run make the next
     * group. Under load two at a time halved the groups' size and cost a third more CPU per webhook
     * ({@code tests/load/README.md}); alone, a webhook waits for nothing.
     */
    private static final int GROUPS_IN_FLIGHT = 1;

    private final Store store;
    private final Keyring keyring;
    private final SubmissionTexts texts;
    private final Pseudonyms pseudonyms;
    private final GroupCommit<LmsSubmission, LmsTaking> takings;
    private final Map<KnownCourse, CourseId> courses = new ConcurrentHashMap<>();

    /**
     * @param meter where the size of each group of submissions written together is recorded
     *              ({@code margin.ingress.group.size})
     */
    public SubmissionIntake(Store store, Keyring keyring, SubmissionTexts texts, Pseudonyms pseudonyms,
                            Meter meter) {
        this.store = store;
        this.keyring = keyring;
        this.texts = texts;
        this.pseudonyms = pseudonyms;
        this.takings = new GroupCommit<>(store.submissions()::takeFromLms, GROUP_SIZE, GROUPS_IN_FLIGHT,
                GroupSizes.histogram(meter, "margin.ingress.group.size", "{submission}",
                        "Submissions written in one statement and one commit (a group commit)."));
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
        CourseId course = course(tenant, courseCode(received));
        SubmissionId id = SubmissionId.generate();
        LmsSubmission submission = new LmsSubmission(pseudonyms.lmsUserLookup(tenant, received.lmsUserId()), course,
                id, received.submittedAt(), received.submittedAt().atOffset(ZoneOffset.UTC).toLocalDate(),
                texts.seal(tenant, id, text),
                Opaque.of(keyring.lookup(tenant.value(), LookupColumn.SUBMISSION_SOURCE, sourceRef(received))));
        LmsTaking taking = takings.write(tenant, submission);
        if (taking instanceof LmsTaking.UnknownUser) {
            pseudonyms.ensure(tenant, PersonDetails.lmsUser(received.lmsUserId()));
            taking = takings.write(tenant, submission);
        }
        if (!(taking instanceof LmsTaking.Taken taken)) {
            throw new IllegalStateException("a pseudonym just ensured was not found");
        }
        return new Intake.Stored(tenant, course, taken.student(), taken.submitted().id(), received.submittedAt(),
                taken.submitted() instanceof Submitted.Created,
                pseudonyms.dateOfBirth(tenant, taken.student(), taken.dateOfBirth()));
    }

    /**
     * The course's id, created on first sight. Courses are never deleted nor recoded, so an id once known stays
     * true and a webhook of a known course writes nothing for it.
     */
    private CourseId course(TenantId tenant, String code) {
        KnownCourse key = new KnownCourse(tenant, code);
        CourseId known = courses.get(key);
        if (known != null) {
            return known;
        }
        CourseId course = store.courses().ensure(tenant, code, code);
        if (courses.size() >= KNOWN_COURSES) {
            courses.clear();
        }
        courses.put(key, course);
        return course;
    }

    private record KnownCourse(TenantId tenant, String code) {
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
