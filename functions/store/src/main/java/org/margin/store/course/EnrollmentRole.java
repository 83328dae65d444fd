package org.margin.store.course;

/** What a person does in a course. */
public enum EnrollmentRole {
    STUDENT("student"),
    TEACHER("teacher"),
    TEACHING_ASSISTANT("teaching_assistant");

    private final String column;

    EnrollmentRole(String column) {
        this.column = column;
    }

    /** The value stored in enrollments.role. */
    public String column() {
        return column;
    }
}
