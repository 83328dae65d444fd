-- Where a submission came from: a deterministic lookup value of its LMS submission id (never the id itself), so that
-- an LMS that sends the same submission twice (a retried webhook, a second event kind for one submission) stores it
-- once.
alter table submissions add column source_lookup bytea;

create unique index submissions_by_source on submissions (institution_id, source_lookup)
    where source_lookup is not null;
