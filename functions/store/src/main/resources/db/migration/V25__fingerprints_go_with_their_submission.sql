-- The key from an index entry to its submission (V20) was checked once per entry: a filing looked up and locked the
-- same submission row 42 times, a quarter of the filing's execution alone (0.45 of 1.6 ms) and, under load, about
-- 0.85 ms of the database's CPU per submission. The one statement that files entries (Fingerprints.file) copies the
-- submission, its course and its author from the submission row it reads, and locks that row once (FOR KEY SHARE),
-- as the key's check did: a deletion of the submission waits until the filing has committed, and a filing that
-- comes after the deletion finds no submission and files nothing. The trigger below deletes the entries with their
-- submission, as the key's cascade did. The paths that delete submissions (an erasure, retention, a withdrawn
-- consent) delete the entries first, with their debits to the index's counts (IndexCounts); the trigger takes what
-- they did not see, such as the entries of a filing that committed while the deletion waited for its lock.
alter table fingerprints drop constraint fingerprints_submission_author;
-- Only that key used this index; every submission paid for it.
alter table submissions drop constraint submissions_author;

-- As the key's cascade did, it deletes whatever entries the submission has, whoever acts: hence security definer.
create function fingerprints_go_with_their_submission() returns trigger
    language plpgsql volatile security definer
    set search_path = ${flyway:defaultSchema}, pg_temp
    as $$
begin
    delete from fingerprints f using gone
    where f.institution_id = gone.institution_id and f.submission_id = gone.id;
    return null;
end
$$;

create trigger submissions_take_their_fingerprints after delete on submissions
    referencing old table as gone
    for each statement execute function fingerprints_go_with_their_submission();
