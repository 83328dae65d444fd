-- Alert rules of several kinds: a metric against a threshold, a drop against the student's own baseline, a
-- similarity finding, and inactivity. A rule keeps its kind and its parameters (a JSON object the alerts function
-- owns and validates); the store only keeps them. Metric rules of V3 are carried over into that form, with the
-- metric named as the events name it (camelCase).
alter table alert_rules
    add column kind       text,
    add column parameters jsonb;

update alert_rules set
    kind = case condition when 'below_own_mean_by_sd' then 'baseline_drop' else 'metric_threshold' end,
    parameters = case condition
        when 'below_own_mean_by_sd' then jsonb_build_object(
            'metric', (select string_agg(case when position = 1 then word else initcap(word) end, '' order by position)
                       from unnest(string_to_array(metric, '_')) with ordinality as words (word, position)),
            'standardDeviations', threshold,
            'minimumHistory', 5)
        else jsonb_build_object(
            'metric', (select string_agg(case when position = 1 then word else initcap(word) end, '' order by position)
                       from unnest(string_to_array(metric, '_')) with ordinality as words (word, position)),
            'comparison', condition,
            'threshold', threshold)
    end;

alter table alert_rules
    alter column kind set not null,
    alter column parameters set not null,
    add constraint alert_rules_kind check (kind in ('metric_threshold', 'baseline_drop', 'similarity', 'inactivity')),
    add constraint alert_rules_parameters_object check (jsonb_typeof(parameters) = 'object'),
    drop column metric,
    drop column condition,
    drop column threshold;

-- The scheduled inactivity check reads an institution's rules of one kind.
create index alert_rules_by_kind on alert_rules (institution_id, kind) where enabled;

-- An alert names the kind of its rule; inactivity alerts concern a student in a course, not a submission, and
-- similarity and inactivity alerts have no metric. The dedup key names the condition's occasion (a submission, or
-- a student's stretch of inactivity in a course) so that the same occasion raises a rule's alert once per
-- recipient, however often its event is delivered or the schedule runs.
alter table alerts
    add column kind      text,
    add column dedup_key text;

update alerts set
    kind = (select r.kind from alert_rules r where r.institution_id = alerts.institution_id and r.id = alerts.rule_id),
    dedup_key = 'submission:' || submission_id;

alter table alerts
    alter column kind set not null,
    alter column dedup_key set not null,
    alter column submission_id drop not null,
    alter column metric drop not null,
    add constraint alerts_kind check (kind in ('metric_threshold', 'baseline_drop', 'similarity', 'inactivity')),
    add constraint alerts_submission_unless_inactivity check ((submission_id is null) = (kind = 'inactivity')),
    drop constraint alerts_institution_id_rule_id_submission_id_educator_id_key,
    add constraint alerts_once_per_occasion unique (institution_id, rule_id, dedup_key, educator_id);

-- An educator's alerts newest first, page after page (keyset on raised_at, id), with or without a status.
drop index alerts_by_educator;
create index alerts_by_educator on alerts (institution_id, educator_id, status, raised_at desc, id desc);
create index alerts_by_educator_in_time on alerts (institution_id, educator_id, raised_at desc, id desc);
