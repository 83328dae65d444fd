-- Each index entry carries its submission's author, so that row-level security narrows the index the way it narrows
-- submissions: by one probe per row into the acting educator's students, hashed once per statement
-- (actor_students()), instead of a correlated lookup of the submission (and its own policy) for every entry a
-- check reads. The author is part of the key the entry's submission is referenced by, so it cannot disagree with
-- the submission.

-- The indexes are rebuilt below with the author in them; dropping them first spares maintaining them per row.
alter table fingerprints drop constraint fingerprints_pkey;
drop index fingerprints_by_course_hash;
alter table fingerprints drop constraint fingerprints_institution_id_submission_id_fkey;

alter table fingerprints add column student_id uuid;
update fingerprints f set student_id = s.student_id
from submissions s
where s.institution_id = f.institution_id and s.id = f.submission_id;
alter table fingerprints alter column student_id set not null;

alter table submissions add constraint submissions_author unique (institution_id, id, student_id);
alter table fingerprints add constraint fingerprints_submission_author
    foreign key (institution_id, submission_id, student_id)
    references submissions (institution_id, id, student_id) on delete cascade;

-- Reading a candidate's entries stays index-only, now including the column the policy reads.
alter table fingerprints
    add primary key (institution_id, submission_id, kind, position)
    include (hash, start_offset, end_offset, student_id);
-- A check uses the per-course index only to count which submissions hold its seeds: the entries' positions and
-- offsets are read on the primary key, so this index carries just the submission and its author.
create index fingerprints_by_course_hash on fingerprints (institution_id, course_id, hash)
    include (submission_id, student_id);

drop policy actor_visibility on fingerprints;
create policy actor_visibility on fingerprints as restrictive
    using (case current_actor_role()
               when 'service' then true
               when 'administrator' then true
               when 'student' then student_id = current_actor_person()
               when 'educator' then student_id in (select student from actor_students() as student)
               else false end);
