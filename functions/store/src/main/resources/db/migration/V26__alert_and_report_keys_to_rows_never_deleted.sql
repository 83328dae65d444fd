-- Keys that each alert and each integrity report checked on insert and that guard nothing the statements writing
-- them do not already: every alert and every report locked the row of its course (and an alert the row of its
-- rule) FOR KEY SHARE, and as every submission of a course reaches both from several functions at once, those rows
-- are locked by many transactions together, which PostgreSQL records as a multixact made anew by each locker. Alone,
-- the two checks took 0.6 of an alert's 1.3 ms.
--
-- An alert's course is its submission's (RAISE reads it from the submission row, whose own key keeps the course) or
-- the enrolment's (RAISE_INACTIVITY, keyed to the course likewise), and a report's course is its submission's
-- (IntegrityReports.SAVE); courses are never deleted. An alert's rule is one the evaluator read from the tenant's
-- rules, and a rule is never deleted, only disabled (AlertRules.disable). The keys to the submission and to the
-- people stay: those rows are deleted, and the cascade is what removes the alerts and reports with them.
alter table alerts drop constraint alerts_institution_id_rule_id_fkey;
alter table alerts drop constraint alerts_institution_id_course_id_fkey;
alter table integrity_reports drop constraint integrity_reports_institution_id_course_id_fkey;
