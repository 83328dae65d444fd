-- V17's actor visibility for the tables of consent (V15) and data-subject requests (V16): a student sees their
-- own consents, held events and requests; an educator none of them (consent and rights are the institution's and
-- the student's business, not a teacher's); administrators and services the whole tenant; no actor set, nothing.
-- Restrictive, so they hold in addition to tenant_isolation. Without a WITH CHECK the same rule bounds writes.

create policy actor_visibility on consents as restrictive
    using (case current_actor_role()
               when 'service' then true
               when 'administrator' then true
               when 'student' then person_id = current_actor_person()
               else false end);

create policy actor_visibility on held_events as restrictive
    using (case current_actor_role()
               when 'service' then true
               when 'administrator' then true
               when 'student' then person_id = current_actor_person()
               else false end);

create policy actor_visibility on data_requests as restrictive
    using (case current_actor_role()
               when 'service' then true
               when 'administrator' then true
               when 'student' then subject_id = current_actor_person()
               else false end);
