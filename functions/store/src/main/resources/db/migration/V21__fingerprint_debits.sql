-- What removed fingerprints still owe the integrity index's per-course counts (V12). Whatever deletes fingerprints
-- (an erasure, retention, a withdrawn consent) writes here, in its own transaction and from exactly the entries it
-- deleted, what their submissions had added to the counts; IndexDebits lowers the counts afterwards, a row per
-- transaction, deleting each row in the transaction that applies it. Lowering ~30,000 frequency rows (never a HOT
-- update: the count is in the primary key's included columns) was most of a 1,000-submission erasure's time;
-- inserting a few rows of arrays costs a few milliseconds.
--
-- A row is one course's share of one removal: up to 5,000 hashes in ascending order, how many of the removed
-- submissions held each (same position), and how many submissions the course's size loses (0 on every row of a
-- removal but its first for the course). No student, no submission, no time: nothing says whose the hashes were.
-- A logged table, so that a committed erasure's debits survive a crash and a later run applies them.
create table fingerprint_debits (
    institution_id uuid      not null,
    id             uuid      not null default uuidv7(),
    course_id      uuid      not null,
    submissions    integer   not null check (submissions >= 0),
    hashes         bigint[]  not null,
    holders        integer[] not null,
    primary key (institution_id, id),
    check (cardinality(hashes) = cardinality(holders))
);

alter table fingerprint_debits enable row level security;
create policy tenant_isolation on fingerprint_debits
    using (institution_id = current_tenant()) with check (institution_id = current_tenant());

grant select, insert, delete on fingerprint_debits to ${appRole};
-- An applier claims a row with SELECT ... FOR UPDATE, which wants an UPDATE privilege; no statement updates a debit.
grant update (id) on fingerprint_debits to ${appRole};
