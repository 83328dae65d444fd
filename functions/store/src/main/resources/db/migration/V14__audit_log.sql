-- The tamper-evident audit log: one hash chain per tenant, and signed checkpoints of its Merkle tree (RFC 9162).
-- The application role may insert and read, never change or remove; a trigger refuses UPDATE, DELETE and TRUNCATE
-- to every role, the owner included, so a rewrite needs a superuser switching triggers off, and the verifier finds it.
--
-- Key-management actions belong to no institution: they are chained under the nil UUID, the installation's own
-- chain, so institution_id has no foreign key to institutions.

create table audit_entries (
    institution_id uuid        not null,
    seq            bigint      not null check (seq >= 1),
    recorded_at    timestamptz not null,
    -- The entry's canonical bytes: pseudonyms and codes only, never a name, a text or an LMS id.
    payload        bytea       not null check (length(payload) between 2 and 8192),
    -- SHA-256(previous chain_hash || SHA-256(0x00 || payload)); the first entry's previous is 32 zero bytes.
    chain_hash     bytea       not null check (length(chain_hash) = 32),
    primary key (institution_id, seq)
);

create table audit_checkpoints (
    institution_id uuid        not null,
    tree_size      bigint      not null check (tree_size >= 1),
    root_hash      bytea       not null check (length(root_hash) = 32),
    signature      bytea       not null check (length(signature) between 1 and 512),
    key_id         bigint      not null check (key_id between 0 and 4294967295),
    signed_at      timestamptz not null,
    primary key (institution_id, tree_size)
);

create function audit_refuse_change() returns trigger
    language plpgsql
    as $$
begin
    raise exception '% is append-only', tg_table_name using errcode = '42501';
end
$$;

create trigger audit_entries_append_only before update or delete on audit_entries
    for each row execute function audit_refuse_change();
create trigger audit_entries_no_truncate before truncate on audit_entries
    for each statement execute function audit_refuse_change();
create trigger audit_checkpoints_append_only before update or delete on audit_checkpoints
    for each row execute function audit_refuse_change();
create trigger audit_checkpoints_no_truncate before truncate on audit_checkpoints
    for each statement execute function audit_refuse_change();

alter table audit_entries enable row level security;
create policy tenant_isolation on audit_entries
    using (institution_id = current_tenant()) with check (institution_id = current_tenant());

alter table audit_checkpoints enable row level security;
create policy tenant_isolation on audit_checkpoints
    using (institution_id = current_tenant()) with check (institution_id = current_tenant());

-- The checkpoint job visits every chain; like key_rotation_tenants() of V5 this runs as the owner, past row-level
-- security, and gives away nothing but the chains' institution ids.
create function audit_chains() returns setof uuid
    language sql stable security definer
    set search_path = ${flyway:defaultSchema}, pg_temp
    as $$ select distinct institution_id from audit_entries order by 1 $$;

revoke execute on function audit_chains() from public;
grant execute on function audit_chains() to ${appRole};
grant select, insert on audit_entries, audit_checkpoints to ${appRole};
