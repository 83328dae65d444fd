-- Consent per student and purpose, and the events held back until a child's parent has consented.

-- One row per consent given; withdrawing sets withdrawn_at, so the history stays (retention reads withdrawn_at to
-- expire what was processed under the consent). At most one current consent per student and purpose.
create table consents (
    institution_id uuid        not null,
    id             uuid        not null default uuidv7(),
    person_id      uuid        not null,
    purpose        text        not null check (purpose in ('analysis', 'profiling', 'integrity', 'analytics')),
    given_by       text        not null check (given_by in ('student', 'parent_or_guardian', 'institution')),
    -- COPPA's verifiable methods (16 CFR 312.5(b)); only a parent's or guardian's consent carries one.
    verification   text        check (verification in ('signed_form', 'credit_card_check', 'toll_free_call',
                                                       'video_call', 'government_id', 'knowledge_based_questions',
                                                       'facial_recognition_match', 'text_plus')),
    given_at       timestamptz not null,
    withdrawn_at   timestamptz,
    primary key (institution_id, id),
    foreign key (institution_id, person_id) references people (institution_id, id) on delete cascade,
    check ((given_by = 'parent_or_guardian') = (verification is not null)),
    check (withdrawn_at is null or withdrawn_at >= given_at)
);

create unique index consents_current on consents (institution_id, person_id, purpose) where withdrawn_at is null;
create index consents_by_person on consents (institution_id, person_id, purpose, given_at);
-- Retention's question: whose consent was withdrawn, and since when.
create index consents_withdrawn on consents (institution_id, withdrawn_at) where withdrawn_at is not null;

-- A child's canonical events, kept encrypted (bound to tenant and row id) until a parent consents; position keeps
-- the order in which they arrived, event_id makes holding a redelivered event a no-op.
create table held_events (
    institution_id uuid        not null,
    id             uuid        not null,
    position       bigint      generated always as identity,
    person_id      uuid        not null,
    event_id       text        not null check (length(event_id) between 1 and 200),
    event          bytea       not null,
    held_at        timestamptz not null default now(),
    primary key (institution_id, id),
    foreign key (institution_id, person_id) references people (institution_id, id) on delete cascade,
    unique (institution_id, event_id)
);

create index held_events_by_person on held_events (institution_id, person_id, position);

alter table consents enable row level security;
create policy tenant_isolation on consents
    using (institution_id = current_tenant()) with check (institution_id = current_tenant());

alter table held_events enable row level security;
create policy tenant_isolation on held_events
    using (institution_id = current_tenant()) with check (institution_id = current_tenant());

grant select, insert, update, delete on consents, held_events to ${appRole};
