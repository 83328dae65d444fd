-- The hourly inactivity check carries no institution: it visits every institution with an enabled inactivity
-- rule. Listing them crosses tenants, so, like key_rotation_tenants() of V5, this runs as the owner, past
-- row-level security, and gives away nothing but the institutions' ids.
create function inactivity_rule_tenants() returns setof uuid
    language sql stable security definer
    set search_path = ${flyway:defaultSchema}, pg_temp
    as $$ select distinct institution_id from alert_rules where enabled and kind = 'inactivity' order by 1 $$;

revoke execute on function inactivity_rule_tenants() from public;
grant execute on function inactivity_rule_tenants() to ${appRole};
