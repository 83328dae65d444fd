-- Row-level security on every tenant table. The application role is neither the owner nor BYPASSRLS, so these
-- policies bind it; the owner (which runs migrations) is exempt because FORCE is not set.
alter table institutions enable row level security;
create policy tenant_isolation on institutions
    using (id = current_tenant()) with check (id = current_tenant());

alter table people enable row level security;
create policy tenant_isolation on people
    using (institution_id = current_tenant()) with check (institution_id = current_tenant());

alter table person_identities enable row level security;
create policy tenant_isolation on person_identities
    using (institution_id = current_tenant()) with check (institution_id = current_tenant());

alter table courses enable row level security;
create policy tenant_isolation on courses
    using (institution_id = current_tenant()) with check (institution_id = current_tenant());

alter table enrollments enable row level security;
create policy tenant_isolation on enrollments
    using (institution_id = current_tenant()) with check (institution_id = current_tenant());

alter table submissions enable row level security;
create policy tenant_isolation on submissions
    using (institution_id = current_tenant()) with check (institution_id = current_tenant());

alter table writing_metrics enable row level security;
create policy tenant_isolation on writing_metrics
    using (institution_id = current_tenant()) with check (institution_id = current_tenant());

alter table profile_aggregates enable row level security;
create policy tenant_isolation on profile_aggregates
    using (institution_id = current_tenant()) with check (institution_id = current_tenant());

alter table alert_rules enable row level security;
create policy tenant_isolation on alert_rules
    using (institution_id = current_tenant()) with check (institution_id = current_tenant());

alter table alerts enable row level security;
create policy tenant_isolation on alerts
    using (institution_id = current_tenant()) with check (institution_id = current_tenant());

alter table fingerprints enable row level security;
create policy tenant_isolation on fingerprints
    using (institution_id = current_tenant()) with check (institution_id = current_tenant());

grant usage on schema ${flyway:defaultSchema} to ${appRole};
grant execute on function current_tenant() to ${appRole};
grant select, insert, update on institutions, courses, enrollments to ${appRole};
grant select, insert, update, delete on people, person_identities, submissions, writing_metrics,
    profile_aggregates, alert_rules, alerts, fingerprints to ${appRole};
