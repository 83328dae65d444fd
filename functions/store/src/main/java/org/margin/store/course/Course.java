package org.margin.store.course;

/** A course as stored: its institution-wide code and its title. */
public record Course(CourseId id, String code, String title) {
}
