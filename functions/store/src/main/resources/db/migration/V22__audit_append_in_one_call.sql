-- Appending a batch to a chain in one statement, so that a group commit costs one round trip: the chain's lock, its
-- head, the chain hashes and the insert all run in the database. Before, the writer sent the lock, then read the
-- head, then inserted, each waiting for the answer to the one before.
--
-- The hashes are exactly those the audit module computes and verifies (TreeHashes): the leaf hash
-- SHA-256(0x00 || payload) over the bytes as stored, and the chain hash SHA-256(previous chain hash || leaf hash),
-- the first entry's previous being 32 zero bytes. The payloads arrive concatenated with their lengths (the driver
-- binds no bytea arrays); the function hashes and stores them byte for byte and never reads them.
--
-- It runs as the caller (row-level security applies: the chain is the current tenant's) and takes the same advisory
-- lock as the three-statement append did, so every writer of a chain, of any function and any version, queues on
-- it. A prune never passes the head (V19), so the head read sees either the last entry or the anchor that replaced
-- it.
create function audit_append(appended_at timestamptz, payloads bytea, lengths integer[]) returns bigint
    language plpgsql volatile
    set search_path = ${flyway:defaultSchema}, pg_temp
    as $$
declare
    chain       uuid := current_tenant();
    entry_count integer := coalesce(cardinality(lengths), 0);
    head        bigint;
    hash        bytea;
    entry       bytea;
    entries     bytea[];
    hashes      bytea[];
    next_byte   integer := 1;
begin
    if chain is null then
        raise exception 'no tenant is set' using errcode = '42501';
    end if;
    if appended_at is null or payloads is null or entry_count = 0 then
        raise exception 'an append needs a time and at least one entry' using errcode = '22023';
    end if;
    perform pg_advisory_xact_lock(hashtextextended('margin.audit:' || chain::text, 0));
    select heads.seq, heads.chain_hash into head, hash from (
        (select seq, chain_hash from audit_entries where institution_id = chain order by seq desc limit 1)
        union all
        (select tree_size, chain_hash from audit_anchors where institution_id = chain order by tree_size desc limit 1)
    ) as heads order by heads.seq desc limit 1;
    if not found then
        head := 0;
        hash := decode(repeat('00', 32), 'hex');
    end if;
    for i in 1 .. entry_count loop
        if lengths[i] is null or lengths[i] < 0 or next_byte + lengths[i] - 1 > length(payloads) then
            raise exception 'the lengths do not split the payloads' using errcode = '22023';
        end if;
        entry := substring(payloads from next_byte for lengths[i]);
        next_byte := next_byte + lengths[i];
        hash := sha256(hash || sha256('\x00'::bytea || entry));
        entries[i] := entry;
        hashes[i] := hash;
    end loop;
    if next_byte <> length(payloads) + 1 then
        raise exception 'the lengths do not split the payloads' using errcode = '22023';
    end if;
    insert into audit_entries (institution_id, seq, recorded_at, payload, chain_hash)
    select chain, head + appended.n, appended_at, appended.payload, appended.chain_hash
    from unnest(entries, hashes) with ordinality as appended (payload, chain_hash, n);
    return head + entry_count;
end
$$;

revoke execute on function audit_append(timestamptz, bytea, integer[]) from public;
grant execute on function audit_append(timestamptz, bytea, integer[]) to ${appRole};
