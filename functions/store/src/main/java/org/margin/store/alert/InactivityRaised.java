package org.margin.store.alert;

import org.margin.store.course.CourseId;
import org.margin.store.people.PersonId;

/** An inactivity alert newly raised about a student in a course, to this many educators. */
public record InactivityRaised(CourseId course, PersonId student, long recipients) {
}
