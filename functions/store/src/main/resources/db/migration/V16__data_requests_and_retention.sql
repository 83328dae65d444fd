-- Data-subject requests (GDPR Art. 15/17/20, CCPA, FERPA) and their legal deadlines. The subject is a pseudonym
-- without a foreign key: the record of an erasure must outlive the erased person, as the institution's proof
-- that it answered. Nothing here identifies anyone beyond that pseudonym; the receipt holds counts and times.
create table data_requests (
    institution_id uuid        not null references institutions (id),
    id             uuid        not null default uuidv7(),
    subject_id     uuid        not null,
    kind           text        not null check (kind in ('export', 'erasure')),
    regime         text        not null check (regime in ('gdpr', 'ccpa', 'ferpa')),
    -- 'tool': made through Margin's own tools; 'outside': received elsewhere (a letter, a form) and filed here.
    channel        text        not null check (channel in ('tool', 'outside')),
    received_at    timestamptz not null,
    due_at         timestamptz not null,
    status         text        not null default 'received' check (status in ('received', 'completed', 'refused')),
    completed_at   timestamptz,
    receipt        jsonb,
    primary key (institution_id, id),
    check (due_at > received_at),
    check ((status = 'received') = (completed_at is null)),
    check (receipt is null or jsonb_typeof(receipt) = 'object')
);

-- Open requests by deadline, and a subject's requests.
create index data_requests_by_due on data_requests (institution_id, status, due_at);
create index data_requests_by_subject on data_requests (institution_id, subject_id, received_at);

-- How long each category of an institution's data is kept. A category without a row keeps the default period
-- the data-governance function defines; every period is finite.
create table retention_policies (
    institution_id uuid        not null references institutions (id),
    category       text        not null
        check (category in ('submissions', 'metrics', 'alerts', 'fingerprints', 'audit')),
    period_days    integer     not null check (period_days between 1 and 36500),
    updated_at     timestamptz not null default now(),
    primary key (institution_id, category)
);

alter table data_requests enable row level security;
create policy tenant_isolation on data_requests
    using (institution_id = current_tenant()) with check (institution_id = current_tenant());

alter table retention_policies enable row level security;
create policy tenant_isolation on retention_policies
    using (institution_id = current_tenant()) with check (institution_id = current_tenant());

-- Requests are never deleted: their history is the institution's evidence.
grant select, insert, update on data_requests to ${appRole};
grant select, insert, update, delete on retention_policies to ${appRole};

-- Dead letters belong to no tenant, and the application role may not delete them. An erasure must still remove
-- the undelivered events that carry the student's pseudonym: this function counts (erase = false) or deletes
-- (erase = true) them, and only for a person of the current tenant, so no tenant reaches another's dead letters.
-- It returns a count, never a stored value.
create function student_dead_letters(person uuid, erase boolean) returns bigint
    language plpgsql volatile security definer
    set search_path = ${flyway:defaultSchema}, pg_temp
    as $$
declare
    affected bigint;
begin
    if not exists (select 1 from people where institution_id = current_tenant() and id = person) then
        return 0;
    end if;
    if erase then
        delete from dead_letters where position(convert_to(person::text, 'UTF8') in event) > 0;
        get diagnostics affected = row_count;
    else
        select count(*) into affected from dead_letters
        where position(convert_to(person::text, 'UTF8') in event) > 0;
    end if;
    return affected;
end
$$;

-- The scheduled expiry run names no institution: it visits every one (each has at least the default periods).
create function retention_tenants() returns setof uuid
    language sql stable security definer
    set search_path = ${flyway:defaultSchema}, pg_temp
    as $$ select id from institutions order by id $$;

revoke execute on function student_dead_letters(uuid, boolean), retention_tenants() from public;
grant execute on function student_dead_letters(uuid, boolean), retention_tenants() to ${appRole};

-- Erasure and expiry delete submissions, and each deleted submission's alerts go with it: without this index every
-- one of them would scan the tenant's alerts.
create index alerts_by_submission on alerts (institution_id, submission_id) where submission_id is not null;
