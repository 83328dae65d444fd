-- FERPA's legitimate educational interest, enforced again beneath the application: on whose behalf a transaction
-- runs (app.actor_role, app.actor_person, set with the tenant at its start) narrows every table of student data.
-- Restrictive policies, so they hold in addition to tenant_isolation, never instead of it.
--   service, administrator: the whole tenant
--   student: own rows only
--   educator: rows of students enrolled today in a course the educator teaches today
--   no actor set: nothing

create function current_actor_role() returns text
    language sql stable parallel safe
    as $$ select nullif(current_setting('app.actor_role', true), '') $$;

create function current_actor_person() returns uuid
    language sql stable parallel safe
    as $$ select nullif(current_setting('app.actor_person', true), '')::uuid $$;

-- Today as the functions count it (their clocks are UTC), whatever the session's time zone.
create function actor_today() returns date
    language sql stable parallel safe
    as $$ select (now() at time zone 'UTC')::date $$;

-- The students the acting educator may see today. Policies use it in a FROM clause,
-- "student_id IN (SELECT student FROM actor_students() AS student)", so that PostgreSQL inlines its body and runs it
-- once per statement as a hashed subplan, not once per row; it reads the educator's
-- enrolments through enrollments_by_person and each course's students through the primary key.
create function actor_students() returns setof uuid
    language sql stable parallel safe
    as $$
        select student.person_id
        from enrollments educator
        join enrollments student
          on student.institution_id = educator.institution_id and student.course_id = educator.course_id
        where educator.institution_id = current_tenant() and educator.person_id = current_actor_person()
          and educator.role in ('teacher', 'teaching_assistant')
          and educator.starts_on <= actor_today() and (educator.ends_on is null or educator.ends_on >= actor_today())
          and student.role = 'student'
          and student.starts_on <= actor_today() and (student.ends_on is null or student.ends_on >= actor_today())
    $$;

create policy actor_visibility on submissions as restrictive
    using (case current_actor_role()
               when 'service' then true
               when 'administrator' then true
               when 'student' then student_id = current_actor_person()
               when 'educator' then student_id in (select student from actor_students() as student)
               else false end);

create policy actor_visibility on writing_metrics as restrictive
    using (case current_actor_role()
               when 'service' then true
               when 'administrator' then true
               when 'student' then student_id = current_actor_person()
               when 'educator' then student_id in (select student from actor_students() as student)
               else false end);

create policy actor_visibility on profile_aggregates as restrictive
    using (case current_actor_role()
               when 'service' then true
               when 'administrator' then true
               when 'student' then student_id = current_actor_person()
               when 'educator' then student_id in (select student from actor_students() as student)
               else false end);

create policy actor_visibility on alerts as restrictive
    using (case current_actor_role()
               when 'service' then true
               when 'administrator' then true
               when 'student' then student_id = current_actor_person()
               when 'educator' then student_id in (select student from actor_students() as student)
               else false end);

-- Identities: an educator also sees their own.
create policy actor_visibility on person_identities as restrictive
    using (case current_actor_role()
               when 'service' then true
               when 'administrator' then true
               when 'student' then person_id = current_actor_person()
               when 'educator' then person_id = current_actor_person()
                                    or person_id in (select student from actor_students() as student)
               else false end);

-- Keyed by submission: visible when the submission is, through the submissions policy above.
create policy actor_visibility on fingerprints as restrictive
    using (case current_actor_role()
               when 'service' then true
               when 'administrator' then true
               else exists (select 1 from submissions s
                            where s.institution_id = fingerprints.institution_id and s.id = fingerprints.submission_id)
               end);

create policy actor_visibility on integrity_reports as restrictive
    using (case current_actor_role()
               when 'service' then true
               when 'administrator' then true
               else exists (select 1 from submissions s
                            where s.institution_id = integrity_reports.institution_id
                              and s.id = integrity_reports.submission_id)
               end);

grant execute on function current_actor_role(), current_actor_person(), actor_today(), actor_students() to ${appRole};
