-- Which transaction raised each alert, so that an educator's agent can ask for the alerts raised since its last
-- listing and get each exactly once. Alerts are ordered by raised_at, the time their transaction began, but become
-- visible when it commits, so a time cannot say what a listing has not seen yet: an alert whose transaction began
-- before an earlier listing and committed after it would be missed. A listing instead records the database snapshot
-- it read (pg_current_snapshot()); the alerts it did not see are those whose transaction was still running or not yet
-- begun then: raised_xid in the snapshot's in-progress list, or at or after its xmax. The index serves both lookups.
--
-- Existing rows take this migration's transaction id: a snapshot taken before it lists them once more.
alter table alerts add column raised_xid xid8 not null default pg_current_xact_id();
create index alerts_by_educator_in_commits on alerts (institution_id, educator_id, raised_xid);
