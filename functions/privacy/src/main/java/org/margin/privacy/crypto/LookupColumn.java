package org.margin.privacy.crypto;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The columns of {@code person_identities} that hold deterministic lookup values, and how a value is normalised
 * before it is encrypted, so that the forms an LMS may send of one value find the same row.
 */
public enum LookupColumn {

    /** {@code lms_user_lookup}: the LMS user id, trimmed; case is kept, since some LMSs tell ids apart by it. */
    LMS_USER("lms_user_lookup") {
        @Override
        String normalise(String value) {
            return Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
        }
    },
    /** {@code email_lookup}: the address trimmed and lower-cased. */
    EMAIL("email_lookup") {
        @Override
        String normalise(String value) {
            return Normalizer.normalize(value.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        }
    };

    /** The table both columns belong to. */
    public static final String TABLE = "person_identities";

    private final String column;

    LookupColumn(String column) {
        this.column = column;
    }

    public String column() {
        return column;
    }

    abstract String normalise(String value);
}
