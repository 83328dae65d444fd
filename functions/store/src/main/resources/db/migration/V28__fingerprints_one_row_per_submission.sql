-- A submission's index entries become one row: its passages and its words, each kind as parallel arrays in the order
-- they were filed, and the distinct hashes of both kinds as the row's keys, under one GIN index. An entry per row cost
-- every filing a heap tuple and two btree tuples for each of its entries. In the pipeline (42-entry submissions,
-- 30 s at 100 webhooks/s after a warm-up) a webhook wrote 21.6-28.5 KB of WAL before and 12.8 KB after; a 10,000-essay
-- course was filed in 135 s instead of 267 s.
--
-- A key is a hash mixed with its course (course_hash_key), so that a key's posting list holds only that course's
-- submissions: the index answers "which of this course's submissions hold this hash" with one key, where an index over
-- the course and the hash together intersected every lookup with the course's whole posting list (0.2-0.35 ms a hash
-- at 10,000 essays, against 0.06 ms). New keys go to a small pending list, merged into the index many at a time: with
-- every insert going straight into the index, each key a submission shares with much of its course rewrote that key's
-- whole posting list into the WAL (56-59 KB a webhook). The list is kept small (256 kB) because a search reads all of
-- it for every key it asks.

-- The last 16 hex digits of a course's id are random in a version 7 UUID; XOR keeps a course's hashes distinct.
create function course_hash_key(course uuid, hash bigint) returns bigint
    language sql immutable parallel safe
    return hash # ('x' || right(replace(course::text, '-', ''), 16))::bit(64)::bigint;

alter table fingerprints rename to fingerprint_entries;

create table fingerprints (
    institution_id    uuid      not null,
    submission_id     uuid      not null,
    course_id         uuid      not null,
    student_id        uuid      not null,
    passage_hashes    bigint[]  not null,
    passage_positions integer[] not null,
    passage_starts    integer[] not null,
    passage_ends      integer[] not null,
    word_hashes       bigint[]  not null,
    word_positions    integer[] not null,
    index_keys        bigint[]  not null,
    primary key (institution_id, submission_id),
    check (cardinality(passage_positions) = cardinality(passage_hashes)
        and cardinality(passage_starts) = cardinality(passage_hashes)
        and cardinality(passage_ends) = cardinality(passage_hashes)
        and cardinality(word_positions) = cardinality(word_hashes)),
    check (cardinality(passage_hashes) + cardinality(word_hashes) > 0)
);
-- Hashes are random: compressing them only costs the writer CPU. A long essay's arrays go out of line uncompressed.
alter table fingerprints
    alter column passage_hashes set storage external,
    alter column word_hashes set storage external,
    alter column index_keys set storage external;

insert into fingerprints (institution_id, submission_id, course_id, student_id, passage_hashes, passage_positions,
                          passage_starts, passage_ends, word_hashes, word_positions, index_keys)
select institution_id, submission_id, course_id, student_id,
       coalesce(array_agg(hash order by position) filter (where kind = 0), '{}'),
       coalesce(array_agg(position order by position) filter (where kind = 0), '{}'),
       coalesce(array_agg(start_offset order by position) filter (where kind = 0), '{}'),
       coalesce(array_agg(end_offset order by position) filter (where kind = 0), '{}'),
       coalesce(array_agg(hash order by position) filter (where kind = 1), '{}'),
       coalesce(array_agg(position order by position) filter (where kind = 1), '{}'),
       array_agg(distinct course_hash_key(course_id, hash))
from fingerprint_entries
group by institution_id, submission_id, course_id, student_id;

drop table fingerprint_entries;

create index fingerprints_by_key on fingerprints using gin (index_keys) with (fastupdate = on, gin_pending_list_limit = 256);

-- As before (V4, V20): the tenant's rows, narrowed by the row's own author.
alter table fingerprints enable row level security;
create policy tenant_isolation on fingerprints
    using (institution_id = current_tenant()) with check (institution_id = current_tenant());
create policy actor_visibility on fingerprints as restrictive
    using (case current_actor_role()
               when 'service' then true
               when 'administrator' then true
               when 'student' then student_id = current_actor_person()
               when 'educator' then student_id in (select student from actor_students() as student)
               else false end);

grant select, insert, update, delete on fingerprints to ${appRole};
grant execute on function course_hash_key(uuid, bigint) to ${appRole};

-- The course's submissions holding each of the seeds, with how many of the seeds each holds. Row-level security lets an
-- index serve only a leakproof operator, and no array operator is leakproof: under the policies the GIN index could not
-- be used, and each seed became a pass over the whole course (a check at 10,000 essays took seconds). Hence a function
-- that reads the index as the table's owner, within the caller's tenant only; the caller joins what it returns to
-- fingerprints under its own policies, so an actor is still shown only the submissions it may see.
create function fingerprint_holders(course uuid, seeds bigint[], excluding uuid)
    returns table (submission_id uuid, held bigint)
    language sql stable security definer
    set search_path = ${flyway:defaultSchema}, pg_temp
    as $$
        select f.submission_id, count(distinct seed.hash)
        from unnest(seeds) as seed(hash)
        join fingerprints f on f.index_keys @> array[course_hash_key(course, seed.hash)]
        where f.institution_id = current_tenant() and f.course_id = course
          and (excluding is null or f.submission_id <> excluding)
        group by f.submission_id
    $$;
revoke execute on function fingerprint_holders(uuid, bigint[], uuid) from public;
grant execute on function fingerprint_holders(uuid, bigint[], uuid) to ${appRole};
