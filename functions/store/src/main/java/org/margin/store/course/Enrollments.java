package org.margin.store.course;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.margin.store.Consistency;
import org.margin.store.people.PersonId;
import org.margin.store.tenant.Sql;
import org.margin.store.tenant.TenantId;
import org.margin.store.tenant.TenantTransactions;

/**
 * Who teaches and who takes which course, and when. An educator has a legitimate interest in a student on a given
 * day when, that day, the educator teaches a course that the student takes; both ends of a period are inclusive.
 */
public final class Enrollments {

    private static final String ENROLL = """
            INSERT INTO enrollments (institution_id, course_id, person_id, role, starts_on, ends_on)
            VALUES ($1, $2, $3, $4, $5, $6)""";
    private static final String ENROLL_OR_RESET_END = """
            INSERT INTO enrollments (institution_id, course_id, person_id, role, starts_on, ends_on)
            VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (institution_id, course_id, person_id, role, starts_on)
            DO UPDATE SET ends_on = excluded.ends_on""";
    private static final String ENROLL_UNLESS_CURRENT = """
            INSERT INTO enrollments (institution_id, course_id, person_id, role, starts_on, ends_on)
            SELECT $1, $2, $3, $4, $5, NULL
            WHERE NOT EXISTS (
                SELECT 1 FROM enrollments
                WHERE institution_id = $1 AND course_id = $2 AND person_id = $3 AND role = $4
                  AND starts_on <= $5 AND (ends_on IS NULL OR ends_on >= $5))
            ON CONFLICT DO NOTHING
            RETURNING 1 AS enrolled""";
    private static final String END = """
            UPDATE enrollments SET ends_on = $5
            WHERE institution_id = $1 AND course_id = $2 AND person_id = $3 AND role = $4
              AND starts_on <= $5 AND (ends_on IS NULL OR ends_on > $5)""";
    // Those of the students ($3) whom the educator ($2) teaches on the day ($4) in a course they take that day.
    private static final String VIEWABLE = """
            SELECT DISTINCT student.person_id
            FROM enrollments educator
            JOIN enrollments student
              ON student.institution_id = educator.institution_id AND student.course_id = educator.course_id
            WHERE educator.institution_id = $1 AND educator.person_id = $2
              AND educator.role IN ('teacher', 'teaching_assistant')
              AND educator.starts_on <= $4 AND (educator.ends_on IS NULL OR educator.ends_on >= $4)
              AND student.person_id = ANY($3::uuid[]) AND student.role = 'student'
              AND student.starts_on <= $4 AND (student.ends_on IS NULL OR student.ends_on >= $4)""";
    private static final String TEACHES = """
            SELECT EXISTS (
                SELECT 1 FROM enrollments educator
                WHERE educator.institution_id = $1 AND educator.course_id = $2 AND educator.person_id = $3
                  AND educator.role IN ('teacher', 'teaching_assistant')
                  AND educator.starts_on <= $4 AND (educator.ends_on IS NULL OR educator.ends_on >= $4)
            ) AS teaches""";
    private static final String EDUCATORS = """
            SELECT DISTINCT educator.person_id
            FROM enrollments educator
            JOIN enrollments student
              ON student.institution_id = educator.institution_id AND student.course_id = educator.course_id
            WHERE educator.institution_id = $1 AND educator.course_id = $2
              AND educator.role IN ('teacher', 'teaching_assistant')
              AND educator.starts_on <= $4 AND (educator.ends_on IS NULL OR educator.ends_on >= $4)
              AND student.person_id = $3 AND student.role = 'student'
              AND student.starts_on <= $4 AND (student.ends_on IS NULL OR student.ends_on >= $4)
            ORDER BY educator.person_id""";

    private final TenantTransactions transactions;

    public Enrollments(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    /** Enrolls a person in a course in a role from a day on, until a last day or (when empty) until ended. */
    public void enroll(TenantId tenant, CourseId course, PersonId person, EnrollmentRole role, LocalDate startsOn,
                       Optional<LocalDate> endsOn) {
        transactions.write(tenant, "enrollment", connection -> Sql.update(connection, ENROLL,
                tenant.value(), course.value(), person.value(), role.column(), startsOn,
                endsOn.<Object>map(day -> day).orElse(new Sql.Null(LocalDate.class))));
    }

    /**
     * Enrolls as {@link #enroll} does, or, when that enrollment exists (same course, person, role and first day),
     * sets its last day as given: how a roster import stays idempotent and carries an enrollment's end.
     */
    public void enrollOrSetEnd(TenantId tenant, CourseId course, PersonId person, EnrollmentRole role,
                               LocalDate startsOn, Optional<LocalDate> endsOn) {
        transactions.write(tenant, "enrollment upsert", connection -> Sql.update(connection, ENROLL_OR_RESET_END,
                tenant.value(), course.value(), person.value(), role.column(), startsOn,
                endsOn.<Object>map(day -> day).orElse(new Sql.Null(LocalDate.class))));
    }

    /**
     * Enrolls the person from {@code on}, open-ended, unless an enrollment in that role already covers that day:
     * how a submission an LMS sends makes its student known to the course. Returns whether it enrolled.
     */
    public boolean ensureEnrolled(TenantId tenant, CourseId course, PersonId person, EnrollmentRole role,
                                  LocalDate on) {
        return !transactions.writeOne(tenant, "enrollment ensure", ENROLL_UNLESS_CURRENT, row -> 1, tenant.value(),
                course.value(), person.value(), role.column(), on).isEmpty();
    }

    /** Ends the person's current enrollment in that role with the given last day; returns how many were ended. */
    public long end(TenantId tenant, CourseId course, PersonId person, EnrollmentRole role, LocalDate lastDay) {
        return transactions.write(tenant, "enrollment end", connection -> Sql.update(connection, END,
                tenant.value(), course.value(), person.value(), role.column(), lastDay));
    }

    /** True when, on that day, the educator teaches a course the student takes. */
    public boolean mayView(TenantId tenant, PersonId educator, PersonId student, LocalDate on,
                           Consistency consistency) {
        return viewable(tenant, educator, List.of(student), on, consistency).contains(student);
    }

    /** Those of the students whom, on that day, the educator may see ({@link #mayView} for each, in one read). */
    public Set<PersonId> viewable(TenantId tenant, PersonId educator, Collection<PersonId> students, LocalDate on,
                                  Consistency consistency) {
        if (students.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(transactions.query(tenant, consistency, "legitimate-interest check", VIEWABLE,
                row -> new PersonId(Sql.required(row, "person_id", UUID.class)),
                tenant.value(), educator.value(), students.stream().map(PersonId::value).toArray(UUID[]::new), on));
    }

    /** True when, on that day, the person teaches the course (as teacher or teaching assistant). */
    public boolean teaches(TenantId tenant, PersonId educator, CourseId course, LocalDate on,
                           Consistency consistency) {
        return transactions.queryOne(tenant, consistency, "teaching check", TEACHES,
                row -> Sql.required(row, "teaches", Boolean.class),
                tenant.value(), course.value(), educator.value(), on);
    }

    /** The educators who, on that day, teach the course and so may see that student's work in it. */
    public List<PersonId> educatorsOf(TenantId tenant, CourseId course, PersonId student, LocalDate on,
                                      Consistency consistency) {
        return transactions.query(tenant, consistency, "educators read", EDUCATORS,
                row -> new PersonId(Sql.required(row, "person_id", UUID.class)),
                tenant.value(), course.value(), student.value(), on);
    }
}
