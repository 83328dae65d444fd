package org.margin.platform.submission;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.margin.privacy.crypto.Keyring;
import org.margin.privacy.crypto.RowContext;
import org.margin.store.Consistency;
import org.margin.store.Opaque;
import org.margin.store.submission.Submission;
import org.margin.store.submission.SubmissionId;
import org.margin.store.submission.Submissions;
import org.margin.store.tenant.TenantId;

/**
 * Student texts as they rest in the store: encrypted, bound to their tenant and submission. The one place a
 * function turns a submission's body into text and back.
 */
public final class SubmissionTexts {

    static final String TABLE = "submissions";
    static final String COLUMN = "body";

    private final Submissions submissions;
    private final Keyring keyring;

    public SubmissionTexts(Submissions submissions, Keyring keyring) {
        this.submissions = submissions;
        this.keyring = keyring;
    }

    /** The body to store for {@code text} as submission {@code id} of {@code tenant}. */
    public Opaque seal(TenantId tenant, SubmissionId id, String text) {
        return Opaque.of(keyring.encrypt(context(tenant, id), text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The text of a stored body. */
    public String open(TenantId tenant, SubmissionId id, Opaque body) {
        return new String(keyring.decrypt(context(tenant, id), body.bytes()), StandardCharsets.UTF_8);
    }

    /** The submission and its text, if the tenant has it. */
    public Optional<Text> read(TenantId tenant, SubmissionId id, Consistency consistency) {
        return submissions.find(tenant, id, consistency)
                .map(submission -> new Text(submission, open(tenant, id, submission.body())));
    }

    private static RowContext context(TenantId tenant, SubmissionId id) {
        return new RowContext(tenant.value(), TABLE, COLUMN, id.value());
    }

    /** A submission with its text opened. Never log it. */
    public record Text(Submission submission, String text) {
        @Override
        public String toString() {
            return "Text[submission=" + submission.id() + ", " + text.length() + " chars]";
        }
    }
}
