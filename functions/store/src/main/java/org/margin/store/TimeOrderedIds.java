package org.margin.store;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.util.UUID;

/**
 * Ids made by the application rather than the database, in the same form as the database's {@code uuidv7()}
 * (time-ordered, so they index as well): a row whose encrypted columns are bound to its id (associated data) needs
 * its id before it is written.
 */
public final class TimeOrderedIds {

    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    private TimeOrderedIds() {
    }

    public static UUID next() {
        return GENERATOR.generate();
    }
}
