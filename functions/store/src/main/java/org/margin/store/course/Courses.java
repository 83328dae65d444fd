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

    public Optional<Course> find(TenantId tenant, CourseId course, Consistency consistency) {
        return transactions.queryFirst(tenant, consistency, "course read",
                "SELECT code, title FROM courses WHERE institution_id = $1 AND id = $2",
                row -> new Course(course, Sql.required(row, "code", String.class),
                        Sql.required(row, "title", String.class)),
                tenant.value(), course.value());
    }
}
