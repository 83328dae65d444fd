package org.margin.load;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.margin.events.lms.HmacSignature;

/**
 * Signed Moodle online-text webhooks of one course, as the load drivers send them: each a new submission, from
 * {@code students} students in turn (their LMS user ids 100000 and up), signed with the source's HMAC secret. The
 * essay is two paragraphs of 62 words; {@code LOAD_ESSAY_WORDS=N} repeats them to about N words.
 */
final class MoodleWebhooks {

    /** The source id the drivers configure (MARGIN_LMS_SOURCES). */
    static final String SOURCE = "moodle-load";
    private static final String ESSAY = "<p>The river shapes the town more than any mayor ever did. Every spring the "
            + "water rises over the low fields and leaves a layer of dark silt behind.</p><p>The farmers plant in it "
            + "as soon as the mud dries, and the bridge was built three times before the engineers understood the "
            + "current. Variant %1$d of the essay ends here.</p>";
    private static final int WORDS_IN_ESSAY = 62;

    private final byte[] secret;
    private final long course;
    private final int students;
    private final AtomicLong nextSubmission = new AtomicLong(System.currentTimeMillis() * 10);
    private final String essay;

    MoodleWebhooks(byte[] secret, long course, int students) {
        this.secret = secret.clone();
        this.course = course;
        this.students = students;
        int words = Integer.parseInt(System.getenv().getOrDefault("LOAD_ESSAY_WORDS", "0"));
        this.essay = ESSAY.repeat(Math.max(1, Math.round(words / (float) WORDS_IN_ESSAY)));
    }

    /** The course's code in Margin: the LMS's course id under the LMS's name. */
    String courseCode() {
        return "moodle:" + course;
    }

    /** The body of the {@code index}th webhook, a submission not sent before. */
    byte[] body(int index) {
        long submission = nextSubmission.incrementAndGet();
        return """
                {"eventname": "\\\\assignsubmission_onlinetext\\\\event\\\\assessable_uploaded",
                 "objecttable": "assign_submission", "objectid": %d, "userid": %d, "courseid": %d,
                 "other": {"content": "%s"}, "timecreated": %d}""".formatted(submission, 100_000 + index % students,
                course, essay.formatted(index), Instant.now().getEpochSecond()).getBytes(StandardCharsets.UTF_8);
    }

    /** The X-Margin-Signature header's value for {@code body}, signed now. */
    String signature(byte[] body) {
        return HmacSignature.sign(secret, Instant.now().getEpochSecond(), body);
    }
}
