-- Key management. Neither table belongs to a tenant: keysets serve every institution, and the audit names keys,
-- not people. The store keeps keysets as opaque bytes, encrypted by a key-encryption key it never sees.

-- One row per keyset version, never changed: a change of a keyset is a new version, and two administrators
-- writing the same version collide on the primary key instead of overwriting each other.
create table keysets (
    name             text        not null check (name ~ '^[a-z][a-z0-9_-]{0,62}$'),
    version          bigint      not null check (version >= 1),
    encrypted_keyset bytea       not null,
    created_at       timestamptz not null default now(),
    primary key (name, version)
);

-- Who did what to which key, when. Append-only: the application role may only insert and read, and a trigger
-- refuses updates, deletes and truncation to everybody else too.
create table key_audit (
    id          bigint      generated always as identity primary key,
    at          timestamptz not null,
    actor       text        not null check (length(actor) between 1 and 200),
    operation   text        not null check (operation ~ '^[A-Z_]{1,40}$'),
    purpose     text        not null check (purpose ~ '^[A-Z_]{1,40}$'),
    key_id      bigint      check (key_id between 0 and 4294967295),
    recorded_at timestamptz not null default now()
);

create function key_audit_refuse_change() returns trigger
    language plpgsql
    as $$
begin
    raise exception 'key_audit is append-only' using errcode = '42501';
end
$$;

create trigger key_audit_append_only before update or delete on key_audit
    for each row execute function key_audit_refuse_change();
create trigger key_audit_no_truncate before truncate on key_audit
    for each statement execute function key_audit_refuse_change();

-- Key rotation works across tenants: the re-encryption job visits every institution, and a key may be disabled
-- only when no row of any institution still uses it. These two functions run as the owner, past row-level
-- security, and give away no stored value: the ids of the institutions, and a count of rows per encrypted column
-- (all of them, or those whose value starts with a key's id prefix).
create function key_rotation_tenants() returns setof uuid
    language sql stable security definer
    set search_path = ${flyway:defaultSchema}, pg_temp
    as $$ select id from institutions order by id $$;

create function encrypted_column_rows(table_name text, column_name text, key_prefix bytea) returns bigint
    language plpgsql stable security definer
    set search_path = ${flyway:defaultSchema}, pg_temp
    as $$
declare
    counted bigint;
begin
    if (table_name, column_name) not in (
            ('person_identities', 'lms_user_id'), ('person_identities', 'full_name'),
            ('person_identities', 'email'), ('person_identities', 'date_of_birth'),
            ('person_identities', 'lms_user_lookup'), ('person_identities', 'email_lookup'),
            ('submissions', 'body'), ('submissions', 'source_lookup')) then
        raise exception 'not an encrypted column' using errcode = '22023';
    end if;
    execute format('select count(*) from %I where %I is not null'
                       || ' and ($1::bytea is null or substring(%I from 1 for length($1::bytea)) = $1::bytea)',
                   table_name, column_name, column_name)
        into counted using key_prefix;
    return counted;
end
$$;

revoke execute on function key_rotation_tenants(), encrypted_column_rows(text, text, bytea) from public;
grant execute on function key_rotation_tenants(), encrypted_column_rows(text, text, bytea) to ${appRole};
grant select, insert on keysets, key_audit to ${appRole};
