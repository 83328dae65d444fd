package org.margin.events.lms;

import java.util.Optional;

/** Finds a configured LMS source by its id (from configuration, or from the store). */
@FunctionalInterface
public interface LmsSourceDirectory {

    Optional<LmsSource> find(String lmsSourceId);
}
