-- Audit retention without a rewritable log. A chain is pruned only up to a signed checkpoint whose entries are all
-- older than the institution's audit period; before the entries go, an anchor keeps what verifying the rest needs:
-- the checkpoint (tree size, root, signature, key, signing time), the chain hash of its last entry, and the compact
-- range of its tree (RFC 9162: the roots of the maximal complete subtrees, largest first, one per set bit of the
-- tree size), from which later roots and consistency proofs are computed. The compact range must fold to the signed
-- root, so the anchor is as trustworthy as the checkpoint's signature, which the verifier checks.
--
-- The application role cannot delete entries: it may only call audit_prune(), which runs as the owner, checks the
-- period and the anchor itself, and deletes up to the anchor; the trigger admits a delete only inside that call and
-- only at or below the chain's newest anchor. Anchors and checkpoints are never deleted.

create table audit_anchors (
    institution_id uuid        not null,
    tree_size      bigint      not null check (tree_size >= 1),
    root_hash      bytea       not null check (length(root_hash) = 32),
    signature      bytea       not null check (length(signature) between 1 and 512),
    key_id         bigint      not null check (key_id between 0 and 4294967295),
    signed_at      timestamptz not null,
    -- The chain hash of entry tree_size: the next entry chains from it.
    chain_hash     bytea       not null check (length(chain_hash) = 32),
    -- The compact range's hashes, 32 bytes apiece, concatenated in order.
    compact_range  bytea       not null check (length(compact_range) % 32 = 0 and length(compact_range) <= 64 * 32),
    anchored_at    timestamptz not null default now(),
    primary key (institution_id, tree_size)
);

create trigger audit_anchors_append_only before update or delete on audit_anchors
    for each row execute function audit_refuse_change();
create trigger audit_anchors_no_truncate before truncate on audit_anchors
    for each statement execute function audit_refuse_change();

alter table audit_anchors enable row level security;
create policy tenant_isolation on audit_anchors
    using (institution_id = current_tenant()) with check (institution_id = current_tenant());

grant select on audit_anchors to ${appRole};

-- Entries: a delete passes only inside audit_prune() for its chain (a transaction-local mark that the function
-- sets) and only at or below the chain's newest anchor; updates and every other delete are refused as before.
create function audit_entries_refuse_change() returns trigger
    language plpgsql
    as $$
begin
    if tg_op = 'DELETE'
            and current_setting('margin.audit_pruning', true) = old.institution_id::text
            and old.seq <= (select max(tree_size) from audit_anchors where institution_id = old.institution_id) then
        return old;
    end if;
    raise exception '% is append-only', tg_table_name using errcode = '42501';
end
$$;

drop trigger audit_entries_append_only on audit_entries;
create trigger audit_entries_append_only before update or delete on audit_entries
    for each row execute function audit_entries_refuse_change();

-- The newest prune point of the current tenant's chain: the largest checkpoint beyond the chain's anchor that
-- covers only entries recorded before now() minus the audit period (the institution's policy, else seven years,
-- RetentionCategory.AUDIT's default). Null when there is none.
create function audit_prune_point() returns bigint
    language plpgsql stable security definer
    set search_path = ${flyway:defaultSchema}, pg_temp
    as $$
declare
    chain    uuid := current_tenant();
    anchored bigint;
    cutoff   timestamptz;
    young    bigint;
begin
    if chain is null then
        return null;
    end if;
    select coalesce(max(tree_size), 0) into anchored from audit_anchors where institution_id = chain;
    cutoff := now() - make_interval(days => coalesce(
            (select period_days from retention_policies where institution_id = chain and category = 'audit'),
            7 * 365));
    select min(seq) into young from audit_entries
    where institution_id = chain and seq > anchored and recorded_at >= cutoff;
    return (select max(c.tree_size) from audit_checkpoints c
            where c.institution_id = chain and c.tree_size > anchored
              and (young is null or c.tree_size < young)
              and exists (select 1 from audit_entries e where e.institution_id = chain and e.seq = c.tree_size));
end
$$;

-- Anchors the current tenant's chain at the checkpoint of tree size point (which must be audit_prune_point())
-- with the given compact range, and deletes the entries up to it; returns how many were deleted. The checkpoint's
-- fields and the chain hash are copied from the tables, never taken from the caller; the compact range is taken
-- only if it has one hash per set bit of the tree size and folds (RFC 9162 node hashing) to the signed root.
create function audit_prune(point bigint, compact_range bytea) returns bigint
    language plpgsql volatile security definer
    set search_path = ${flyway:defaultSchema}, pg_temp
    as $$
declare
    chain      uuid := current_tenant();
    checkpoint audit_checkpoints%rowtype;
    last_hash  bytea;
    folded     bytea;
    subtrees   integer;
    deleted    bigint;
begin
    if chain is null then
        raise exception 'no tenant is set' using errcode = '42501';
    end if;
    -- Two prunes of one chain queue; appends do not wait: they insert only after the head, which a prune never
    -- passes, and see either the entries or the anchor that replaces them, both committed at once.
    perform pg_advisory_xact_lock(hashtextextended('margin.audit-prune:' || chain::text, 0));
    if point is null or point is distinct from audit_prune_point() then
        raise exception 'not the chain''s prune point' using errcode = '22023';
    end if;
    select * into checkpoint from audit_checkpoints where institution_id = chain and tree_size = point;
    select chain_hash into last_hash from audit_entries where institution_id = chain and seq = point;
    subtrees := length(replace(point::bit(64)::text, '0', ''));
    if compact_range is null or length(compact_range) <> 32 * subtrees then
        raise exception 'a compact range has one hash per set bit of the tree size' using errcode = '22023';
    end if;
    folded := substring(compact_range from 32 * (subtrees - 1) + 1 for 32);
    for i in reverse subtrees - 1 .. 1 loop
        folded := sha256('\x01'::bytea || substring(compact_range from 32 * (i - 1) + 1 for 32) || folded);
    end loop;
    if folded is distinct from checkpoint.root_hash then
        raise exception 'the compact range does not give the checkpoint''s root' using errcode = '22023';
    end if;
    insert into audit_anchors (institution_id, tree_size, root_hash, signature, key_id, signed_at, chain_hash,
                               compact_range)
    values (chain, point, checkpoint.root_hash, checkpoint.signature, checkpoint.key_id, checkpoint.signed_at,
            last_hash, compact_range);
    perform set_config('margin.audit_pruning', chain::text, true);
    delete from audit_entries where institution_id = chain and seq <= point;
    get diagnostics deleted = row_count;
    perform set_config('margin.audit_pruning', '', true);
    return deleted;
end
$$;

revoke execute on function audit_prune_point() from public;
revoke execute on function audit_prune(bigint, bytea) from public;
grant execute on function audit_prune_point() to ${appRole};
grant execute on function audit_prune(bigint, bytea) to ${appRole};
