package org.margin.store.subject;

/**
 * The integrity index's per-course counts (V12) when submissions leave it: each submission counted once per
 * distinct hash it filed and once per course, so removing a set of submissions takes back exactly what filing them
 * added, and a count that reaches zero goes. Both statements run before the fingerprints themselves are deleted.
 * {@code doomed} is a query of submission ids of tenant $1 (its other parameters from $2 on).
 */
public final class IndexCounts {

    private IndexCounts() {
    }

    public static String lowerHashFrequencies(String doomed) {
        return """
                WITH held AS (
                    SELECT f.course_id, f.hash, count(DISTINCT f.submission_id) AS n
                    FROM fingerprints f
                    WHERE f.institution_id = $1 AND f.submission_id IN (%s)
                    GROUP BY f.course_id, f.hash),
                lowered AS (
                    UPDATE fingerprint_frequencies q SET submissions = q.submissions - held.n
                    FROM held
                    WHERE q.institution_id = $1 AND q.course_id = held.course_id AND q.hash = held.hash
                      AND q.submissions > held.n
                    RETURNING 1)
                DELETE FROM fingerprint_frequencies q USING held
                WHERE q.institution_id = $1 AND q.course_id = held.course_id AND q.hash = held.hash
                  AND q.submissions <= held.n""".formatted(doomed);
    }

    public static String lowerCourseSizes(String doomed) {
        return """
                WITH held AS (
                    SELECT f.course_id, count(DISTINCT f.submission_id) AS n
                    FROM fingerprints f
                    WHERE f.institution_id = $1 AND f.submission_id IN (%s)
                    GROUP BY f.course_id),
                lowered AS (
                    UPDATE fingerprinted_courses q SET submissions = q.submissions - held.n
                    FROM held
                    WHERE q.institution_id = $1 AND q.course_id = held.course_id AND q.submissions > held.n
                    RETURNING 1)
                DELETE FROM fingerprinted_courses q USING held
                WHERE q.institution_id = $1 AND q.course_id = held.course_id AND q.submissions <= held.n"""
                .formatted(doomed);
    }
}
