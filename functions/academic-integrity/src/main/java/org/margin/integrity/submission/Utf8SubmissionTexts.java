package org.margin.integrity.submission;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.margin.store.Consistency;
import org.margin.store.course.CourseId;
import org.margin.store.submission.SubmissionId;
import org.margin.store.submission.Submissions;
import org.margin.store.tenant.TenantId;

/**
 * Reads bodies as UTF-8, for as long as they are stored unencrypted; a decrypting implementation replaces it.
 * A body that is not UTF-8 is refused rather than fingerprinted as replacement characters.
 */
public record Utf8SubmissionTexts(Submissions submissions) implements SubmissionTexts {

    @Override
    public Optional<String> plainText(TenantId tenant, CourseId course, SubmissionId submission) {
        return submissions.find(tenant, submission, Consistency.READ_YOUR_WRITES)
                .filter(found -> found.course().equals(course))
                .map(found -> decode(found.body().bytes()));
    }

    private static String decode(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("a submission body is not UTF-8 text");
        }
    }
}
