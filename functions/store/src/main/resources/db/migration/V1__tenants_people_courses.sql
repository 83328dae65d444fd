-- Every tenant table leads with institution_id: each key, foreign key and index is scoped by tenant, so a row can
-- never point at another institution's row and every query can use the tenant as its first index column.

create function current_tenant() returns uuid
    language sql stable parallel safe
    -- An unset or reset setting reads as '' (or NULL on a fresh session): both mean "no tenant", which matches no row.
    as $$ select nullif(current_setting('app.tenant', true), '')::uuid $$;

create table institutions (
    id         uuid        primary key,
    name       text        not null check (length(name) between 1 and 200),
    created_at timestamptz not null default now()
);

-- A person is a pseudonym; whether they study or teach is said by their enrollments.
create table people (
    institution_id uuid        not null references institutions (id),
    id             uuid        not null default uuidv7(),
    created_at     timestamptz not null default now(),
    primary key (institution_id, id)
);

-- Identifying fields live apart from the pseudonym, as opaque bytes that the privacy module encrypts. The lookup
-- columns hold deterministic digests (e.g. keyed hashes) so that equality lookups work without decrypting.
create table person_identities (
    institution_id  uuid  not null,
    person_id       uuid  not null,
    lms_user_id     bytea not null,
    full_name       bytea,
    email           bytea,
    date_of_birth   bytea,
    lms_user_lookup bytea not null,
    email_lookup    bytea,
    primary key (institution_id, person_id),
    foreign key (institution_id, person_id) references people (institution_id, id) on delete cascade,
    unique (institution_id, lms_user_lookup)
);

create index person_identities_by_email_lookup on person_identities (institution_id, email_lookup)
    where email_lookup is not null;

create table courses (
    institution_id uuid        not null references institutions (id),
    id             uuid        not null default uuidv7(),
    code           text        not null check (length(code) between 1 and 100),
    title          text        not null check (length(title) between 1 and 300),
    created_at     timestamptz not null default now(),
    primary key (institution_id, id),
    unique (institution_id, code)
);

-- Who teaches and who takes which course, and when: the basis of an educator's legitimate interest in a student.
create table enrollments (
    institution_id uuid not null,
    course_id      uuid not null,
    person_id      uuid not null,
    role           text not null check (role in ('student', 'teacher', 'teaching_assistant')),
    starts_on      date not null,
    ends_on        date,
    primary key (institution_id, course_id, person_id, role, starts_on),
    foreign key (institution_id, course_id) references courses (institution_id, id),
    foreign key (institution_id, person_id) references people (institution_id, id) on delete cascade,
    check (ends_on is null or ends_on >= starts_on)
);

-- "Which courses does this person take or teach": the first half of every legitimate-interest check.
create index enrollments_by_person on enrollments (institution_id, person_id, role);
