package org.margin.platform.submission;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.margin.platform.grouping.GroupSizes;
import org.margin.privacy.crypto.Keyring;
import org.margin.privacy.crypto.RowContext;
import org.margin.store.Consistency;
import org.margin.store.Opaque;
import org.margin.store.submission.Submission;
import org.margin.store.submission.SubmissionId;
import org.margin.store.submission.Submissions;
import org.margin.store.tenant.GroupCommit;
import org.margin.store.tenant.TenantId;

import io.opentelemetry.api.metrics.Meter;

/**
 * Student texts as they rest in the store: encrypted, bound to their tenant and submission. The one place a
 * function turns a submission's body into text and back.
 *
 * <p>Reads are grouped as the ingress groups its writes (the store's {@link GroupCommit}): a function handed many
 * submissions at once reads the bodies that are asked for together in one statement, instead of a transaction
 * each, whose BEGIN, scope and COMMIT cost more than the read.
 */
public final class SubmissionTexts {

    static final String TABLE = "submissions";
    static final String COLUMN = "body";
    /** The most submissions one read takes. */
    private static final int GROUP_SIZE = 64;
    /** One read of a tenant at a time: those asked for while it runs make the next. */
    private static final int GROUPS_IN_FLIGHT = 1;

    private final Keyring keyring;
    private final GroupCommit<SubmissionId, Optional<Submission>> reads;

    /**
     * @param meter where the size of each group of submissions read together is recorded
     *              ({@code margin.submission.read.group.size})
     */
    public SubmissionTexts(Submissions submissions, Keyring keyring, Meter meter) {
        this.keyring = keyring;
        this.reads = new GroupCommit<>((tenant, ids) -> submissions.findEach(tenant, ids,
                Consistency.READ_YOUR_WRITES), GROUP_SIZE, GROUPS_IN_FLIGHT,
                GroupSizes.histogram(meter, "margin.submission.read.group.size", "{submission}",
                        "Submissions read in one statement (a grouped read)."));
    }

    /** The body to store for {@code text} as submission {@code id} of {@code tenant}. */
    public Opaque seal(TenantId tenant, SubmissionId id, String text) {
        return Opaque.of(keyring.encrypt(context(tenant, id), text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The text of a stored body. */
    public String open(TenantId tenant, SubmissionId id, Opaque body) {
        return new String(keyring.decrypt(context(tenant, id), body.bytes()), StandardCharsets.UTF_8);
    }

    /** The submission and its text, if the tenant has it, read from the primary: it sees every committed write. */
    public Optional<Text> read(TenantId tenant, SubmissionId id) {
        return reads.write(tenant, id).map(submission -> new Text(submission, open(tenant, id, submission.body())));
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
