create table submissions (
    institution_id uuid        not null,
    id             uuid        not null default uuidv7(),
    course_id      uuid        not null,
    student_id     uuid        not null,
    submitted_at   timestamptz not null,
    -- The text as opaque bytes: the privacy module encrypts it before it reaches the store.
    body           bytea       not null,
    created_at     timestamptz not null default now(),
    primary key (institution_id, id),
    foreign key (institution_id, course_id) references courses (institution_id, id),
    foreign key (institution_id, student_id) references people (institution_id, id) on delete cascade
);

create index submissions_by_student on submissions (institution_id, student_id, submitted_at);
create index submissions_by_course on submissions (institution_id, course_id, submitted_at);

-- One row of analysis figures per submission. Course, student and time are copied from the submission so that a
-- student's time series and a course's distribution are read from this table alone.
create table writing_metrics (
    institution_id              uuid             not null,
    submission_id               uuid             not null,
    course_id                   uuid             not null,
    student_id                  uuid             not null,
    submitted_at                timestamptz      not null,
    word_count                  double precision not null check (word_count >= 0),
    sentence_count              double precision not null check (sentence_count >= 0),
    character_count             double precision not null check (character_count >= 0),
    syllable_count              double precision not null check (syllable_count >= 0),
    flesch_reading_ease         double precision not null,
    flesch_kincaid_grade        double precision not null,
    gunning_fog                 double precision not null,
    smog_index                  double precision not null,
    coleman_liau_index          double precision not null,
    automated_readability_index double precision not null,
    type_token_ratio            double precision not null check (type_token_ratio between 0 and 1),
    mtld                        double precision not null check (mtld >= 0),
    sentence_length_mean        double precision not null check (sentence_length_mean >= 0),
    sentence_length_sd          double precision not null check (sentence_length_sd >= 0),
    analyzed_at                 timestamptz      not null default now(),
    primary key (institution_id, submission_id),
    foreign key (institution_id, submission_id) references submissions (institution_id, id) on delete cascade
);

-- A student's time series: an ordered range scan.
create index writing_metrics_by_student on writing_metrics (institution_id, student_id, submitted_at);

-- A course's distribution of every metric: covering, so class analytics is an index-only scan of one course's
-- entries instead of one heap visit per submission.
create index writing_metrics_by_course on writing_metrics (institution_id, course_id, submitted_at)
    include (student_id, word_count, sentence_count, character_count, syllable_count, flesch_reading_ease,
             flesch_kincaid_grade, gunning_fog, smog_index, coleman_liau_index, automated_readability_index,
             type_token_ratio, mtld, sentence_length_mean, sentence_length_sd);

-- Running figures per student: a count, and per metric a sum and a sum of squares, from which a profile read
-- derives mean and standard deviation with one primary-key lookup. Sums rather than running means keep the
-- update a plain addition, so concurrent recordings for one student commute.
create table profile_aggregates (
    institution_id                          uuid             not null,
    student_id                              uuid             not null,
    submission_count                        bigint           not null check (submission_count > 0),
    first_submitted_at                      timestamptz      not null,
    last_submitted_at                       timestamptz      not null,
    word_count_sum                          double precision not null,
    word_count_sum_squares                  double precision not null,
    sentence_count_sum                      double precision not null,
    sentence_count_sum_squares              double precision not null,
    character_count_sum                     double precision not null,
    character_count_sum_squares             double precision not null,
    syllable_count_sum                      double precision not null,
    syllable_count_sum_squares              double precision not null,
    flesch_reading_ease_sum                 double precision not null,
    flesch_reading_ease_sum_squares         double precision not null,
    flesch_kincaid_grade_sum                double precision not null,
    flesch_kincaid_grade_sum_squares        double precision not null,
    gunning_fog_sum                         double precision not null,
    gunning_fog_sum_squares                 double precision not null,
    smog_index_sum                          double precision not null,
    smog_index_sum_squares                  double precision not null,
    coleman_liau_index_sum                  double precision not null,
    coleman_liau_index_sum_squares          double precision not null,
    automated_readability_index_sum         double precision not null,
    automated_readability_index_sum_squares double precision not null,
    type_token_ratio_sum                    double precision not null,
    type_token_ratio_sum_squares            double precision not null,
    mtld_sum                                double precision not null,
    mtld_sum_squares                        double precision not null,
    sentence_length_mean_sum                double precision not null,
    sentence_length_mean_sum_squares        double precision not null,
    sentence_length_sd_sum                  double precision not null,
    sentence_length_sd_sum_squares          double precision not null,
    updated_at                              timestamptz      not null default now(),
    primary key (institution_id, student_id),
    foreign key (institution_id, student_id) references people (institution_id, id) on delete cascade
);
