package org.margin.store.course;

import java.util.Optional;
import java.util.UUID;
import org.margin.store.Consistency;
import org.margin.store.tenant.Sql;
import org.margin.store.tenant.TenantId;
import org.margin.store.tenant.TenantTransactions;

public final class Courses {

    private final TenantTransactions transactions;

    public Courses(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    /** Creates a course; its code is unique within the institution (DUPLICATE otherwise). */
    public CourseId create(TenantId tenant, String code, String title) {
        return transactions.write(tenant, "course creation", connection ->
                Sql.rows(connection,
                        "INSERT INTO courses (institution_id, code, title) VALUES ($1, $2, $3) RETURNING id",
                        row -> new CourseId(Sql.required(row, "id", UUID.class)),
                        tenant.value(), code, title).single());
    }

    /**
     * The course with this code, created with {@code title} if the institution has none yet: how a course an LMS
     * names for the first time comes to exist. Concurrent calls for one code create it once.
     */
    public CourseId ensure(TenantId tenant, String code, String title) {
        return transactions.write(tenant, "course ensure", connection ->
                Sql.rows(connection, """
                                INSERT INTO courses (institution_id, code, title) VALUES ($1, $2, $3)
                                ON CONFLICT (institution_id, code) DO NOTHING RETURNING id""",
                                row -> new CourseId(Sql.required(row, "id", UUID.class)), tenant.value(), code, title)
                        .next()
                        .switchIfEmpty(Sql.rows(connection,
                                "SELECT id FROM courses WHERE institution_id = $1 AND code = $2",
                                row -> new CourseId(Sql.required(row, "id", UUID.class)), tenant.value(), code)
                                .single()));
    }

    public Optional<CourseId> findByCode(TenantId tenant, String code, Consistency consistency) {
        return transactions.queryFirst(tenant, consistency, "course lookup",
                "SELECT id FROM courses WHERE institution_id = $1 AND code = $2",
                row -> new CourseId(Sql.required(row, "id", UUID.class)), tenant.value(), code);
    }

    public Optional<Course> find(TenantId tenant, CourseId course, Consistency consistency) {
        return transactions.queryFirst(tenant, consistency, "course read",
                "SELECT code, title FROM courses WHERE institution_id = $1 AND id = $2",
                row -> new Course(course, Sql.required(row, "code", String.class),
                        Sql.required(row, "title", String.class)),
                tenant.value(), course.value());
    }
}
