-- Two kinds of index entry: passages (winnowed pairs of content words, as before) and words (each distinct
-- content word of a submission once, for the word-overlap score that finds heavy rewrites). The key gains the
-- kind, and carries the rest of the row so that reading a candidate's entries is an index-only scan.
alter table fingerprints
    add column kind smallint not null default 0 check (kind in (0, 1));
alter table fingerprints drop constraint fingerprints_pkey;
alter table fingerprints
    add primary key (institution_id, submission_id, kind, position) include (hash, start_offset, end_offset);

-- How many of a course's submissions hold each hash, and how many submissions the course has filed: a check
-- skips hashes held by too much of the course (boilerplate, topic words) and weighs words by their rarity.
-- Counted when a submission is first filed; a deleted submission's counts are not taken back (they only grow
-- a little stale, towards treating a hash as commoner than it is).
create table fingerprint_frequencies (
    institution_id uuid    not null,
    course_id      uuid    not null,
    hash           bigint  not null,
    submissions    integer not null check (submissions > 0),
    primary key (institution_id, course_id, hash) include (submissions),
    foreign key (institution_id, course_id) references courses (institution_id, id) on delete cascade
);

create table fingerprinted_courses (
    institution_id uuid    not null,
    course_id      uuid    not null,
    submissions    integer not null check (submissions > 0),
    primary key (institution_id, course_id),
    foreign key (institution_id, course_id) references courses (institution_id, id) on delete cascade
);

alter table fingerprint_frequencies enable row level security;
create policy tenant_isolation on fingerprint_frequencies
    using (institution_id = current_tenant()) with check (institution_id = current_tenant());

alter table fingerprinted_courses enable row level security;
create policy tenant_isolation on fingerprinted_courses
    using (institution_id = current_tenant()) with check (institution_id = current_tenant());

grant select, insert, update, delete on fingerprint_frequencies to ${appRole};
grant select, insert, update, delete on fingerprinted_courses to ${appRole};
