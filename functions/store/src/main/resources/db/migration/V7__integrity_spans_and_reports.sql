-- Where each fingerprint's k-gram lies in its submission's original text (characters, end exclusive), so that a
-- check reports matched spans in both texts from the index alone, without reading the other submission.
alter table fingerprints
    add column start_offset integer not null default 0,
    add column end_offset   integer not null default 0;
alter table fingerprints
    alter column start_offset drop default,
    alter column end_offset drop default,
    add constraint fingerprints_offsets check (start_offset >= 0 and end_offset >= start_offset);

drop index fingerprints_by_course_hash;
create index fingerprints_by_course_hash on fingerprints (institution_id, course_id, hash)
    include (submission_id, position, start_offset, end_offset);

-- The latest similarity check of a submission: ids, scores and offsets, encoded by the integrity function.
create table integrity_reports (
    institution_id uuid        not null,
    submission_id  uuid        not null,
    course_id      uuid        not null,
    report         bytea       not null,
    checked_at     timestamptz not null default now(),
    primary key (institution_id, submission_id),
    foreign key (institution_id, submission_id) references submissions (institution_id, id) on delete cascade,
    foreign key (institution_id, course_id) references courses (institution_id, id)
);

alter table integrity_reports enable row level security;
create policy tenant_isolation on integrity_reports
    using (institution_id = current_tenant()) with check (institution_id = current_tenant());

grant select, insert, update, delete on integrity_reports to ${appRole};
