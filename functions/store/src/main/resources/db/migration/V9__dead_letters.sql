-- Events that the broker could not deliver after its retries, kept for operators to inspect and replay. Operator
-- data across tenants: no institution_id and no row-level security. The event is kept whole, as its sender made
-- it; Margin events carry pseudonymous ids only.
create table dead_letters (
    id           uuid        not null default uuidv7() primary key,
    received_at  timestamptz not null default now(),
    type         text        not null,
    source       text        not null,
    event_id     text        not null,
    -- From Knative's extensions: the subscriber that kept failing (knativeerrordest) and its last HTTP status
    -- (knativeerrorcode; NULL when it never answered).
    destination  text,
    status       integer,
    -- The event in CloudEvents structured JSON.
    event        bytea       not null,
    -- How many copies arrived: a dead-letter sink, too, is delivered to at least once.
    copies       integer     not null default 1 check (copies >= 1),
    -- NULL until replayed, and again when a copy arrives after a replay (it failed once more).
    replayed_at  timestamptz,
    replay_count integer     not null default 0 check (replay_count >= 0),
    unique (source, event_id)
);

-- Listing, newest first, and a page's keyset.
create index dead_letters_by_received on dead_letters (received_at desc, id desc);
-- Replaying a type's entries that are not yet replayed.
create index dead_letters_unreplayed_by_type on dead_letters (type, received_at) where replayed_at is null;

grant select, insert on dead_letters to ${appRole};
grant update (copies, replayed_at, replay_count) on dead_letters to ${appRole};
