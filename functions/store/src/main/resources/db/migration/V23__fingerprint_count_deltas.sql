-- Filings no longer raise the integrity index's per-course counts (V12) themselves: under load every filing of a
-- course waited for the course's size row and its common hashes' rows, which each filing locked until it committed
-- (a filing took 45-62 ms with 32 senders against 4 ms alone). A filing now appends what it adds, as one row, to the
-- table erasures already append their debits to (V21), and an applier folds pending rows into the counts, many at a
-- time: one change per hash per batch instead of one per filing. Reads add the pending rows to the stored counts, so
-- the counts read are exact at every moment.
--
-- A row is a signed change: holders > 0 and submissions 1 for a filing (a credit), holders < 0 and submissions <= 0
-- for a removal (a debit). Rows already pending are debits and are turned into their signed form.
alter table fingerprint_debits rename to fingerprint_count_deltas;
alter table fingerprint_count_deltas drop constraint fingerprint_debits_submissions_check;
update fingerprint_count_deltas
set submissions = -submissions,
    holders = array(select -n from unnest(holders) with ordinality as h(n, i) order by i);

-- A check reads its course's pending rows, and the applier takes them in the order they were written.
create index fingerprint_count_deltas_by_course on fingerprint_count_deltas (institution_id, course_id, id);

-- Appliers take turns under an advisory lock instead of claiming rows with FOR UPDATE (V21's reason for this grant).
revoke update (id) on fingerprint_count_deltas from ${appRole};
