create table alert_rules (
    institution_id uuid             not null,
    id             uuid             not null default uuidv7(),
    -- NULL: the rule applies to every course of the institution.
    course_id      uuid,
    metric         text             not null,
    condition      text             not null check (condition in ('below', 'above', 'below_own_mean_by_sd')),
    threshold      double precision not null,
    created_by     uuid             not null,
    enabled        boolean          not null default true,
    created_at     timestamptz      not null default now(),
    primary key (institution_id, id),
    foreign key (institution_id, course_id) references courses (institution_id, id),
    foreign key (institution_id, created_by) references people (institution_id, id)
);

create index alert_rules_by_course on alert_rules (institution_id, course_id) where enabled;

-- One row per alert and recipient: an educator who, when it was raised, taught the course the student takes.
create table alerts (
    institution_id  uuid             not null,
    id              uuid             not null default uuidv7(),
    rule_id         uuid             not null,
    course_id       uuid             not null,
    student_id      uuid             not null,
    educator_id     uuid             not null,
    submission_id   uuid             not null,
    metric          text             not null,
    observed        double precision not null,
    status          text             not null default 'open' check (status in ('open', 'acknowledged', 'dismissed')),
    raised_at       timestamptz      not null default now(),
    status_changed_at timestamptz,
    primary key (institution_id, id),
    foreign key (institution_id, rule_id) references alert_rules (institution_id, id),
    foreign key (institution_id, course_id) references courses (institution_id, id),
    foreign key (institution_id, student_id) references people (institution_id, id) on delete cascade,
    foreign key (institution_id, educator_id) references people (institution_id, id) on delete cascade,
    foreign key (institution_id, submission_id) references submissions (institution_id, id) on delete cascade,
    -- Events arrive at least once: raising the same rule for the same submission again adds nothing.
    unique (institution_id, rule_id, submission_id, educator_id)
);

create index alerts_by_educator on alerts (institution_id, educator_id, status, raised_at desc);
create index alerts_by_course on alerts (institution_id, course_id, raised_at desc);

-- Winnowing fingerprints: the selected hashes of a submission and where each was found.
create table fingerprints (
    institution_id uuid    not null,
    course_id      uuid    not null,
    submission_id  uuid    not null,
    hash           bigint  not null,
    position       integer not null check (position >= 0),
    primary key (institution_id, submission_id, position),
    foreign key (institution_id, submission_id) references submissions (institution_id, id) on delete cascade,
    foreign key (institution_id, course_id) references courses (institution_id, id)
);

-- The per-course index: which submissions of this course share this hash, read without visiting the heap.
create index fingerprints_by_course_hash on fingerprints (institution_id, course_id, hash)
    include (submission_id, position);
