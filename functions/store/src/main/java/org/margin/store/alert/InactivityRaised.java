package org.margin.store.alert;

import org.margin.store.course.CourseId;
import org.margin.store.people.PersonId;

/**
 * An inactivity alert newly raised about a student in a course, to this many educators.
 *
 * @param occasion the stretch of inactivity, as the store tells one from the next (pseudonyms and a date only)
 */
public record InactivityRaised(CourseId course, PersonId student, String occasion, long recipients) {
}
