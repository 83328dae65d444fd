package org.margin.privacy.crypto;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The columns that hold deterministic lookup values, and how a value is normalised before it is encrypted, so that
 * the forms an LMS may send of one value find the same row.
 */
public enum LookupColumn {

    /** {@code lms_user_lookup}: the LMS user id, trimmed; case is kept, since some LMSs tell ids apart by it. */
    LMS_USER("person_identities", "lms_user_lookup") {
        @Override
        String normalise(String value) {
            return Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
        }
    },
    /** {@code email_lookup}: the address trimmed and lower-cased. */
    EMAIL("person_identities", "email_lookup") {
        @Override
        String normalise(String value) {
            return Normalizer.normalize(value.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        }
    },
    /** {@code submissions.source_lookup}: the LMS's own id of a submission, trimmed, case kept. */
    SUBMISSION_SOURCE("submissions", "source_lookup") {
        @Override
        String normalise(String value) {
            return Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
        }
    };

    private final String table;
    private final String column;

    LookupColumn(String table, String column) {
        this.table = table;
        this.column = column;
    }

    public String table() {
        return table;
    }

    public String column() {
        return column;
    }

    abstract String normalise(String value);
}
