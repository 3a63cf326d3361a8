-- The KTLO share per quarter, from the commit records of `ktlo commits --format ndjson`, as `ktlo report` computes it
-- (calendar quarters, buckets as the records carry them). Tested against ktlo's own figures (Tests/KtloTests).
--
--   ktlo commits --repo api --format ndjson -o ktlo-records/api.ndjson     # one file per repository, anywhere
--   duckdb < examples/warehouse/ktlo-share.sql                             # in the folder holding ktlo-records/
--
-- Schemas/commit-record.schema.json describes a record. The same steps suit any SQL engine that reads JSON.

-- 1. The records: only the fields the shares need, with their types fixed.
CREATE OR REPLACE TEMP VIEW ktlo_records AS
SELECT * FROM read_json('ktlo-records/*.ndjson', format = 'newline_delimited', columns = {
    repository: 'VARCHAR', sha: 'VARCHAR', author: 'STRUCT(name VARCHAR, email VARCHAR)',
    author_time: 'VARCHAR', category: 'VARCHAR', bucket: 'VARCHAR', added: 'BIGINT', deleted: 'BIGINT',
    merge: 'BOOLEAN', bot: 'BOOLEAN', ktlo_version: 'VARCHAR'});

-- 2. One row per commit: a commit saved twice (overlapping runs) counts once, merges carry no effort. The person is
--    the mailmapped e-mail (the name when there is none), whatever its case, and the day is the author's own calendar
--    day, which is the date written in author_time (it keeps the author's UTC offset).
CREATE OR REPLACE TEMP VIEW ktlo_commits AS
SELECT repository, sha, category, bucket, bot, added + deleted AS churn,
       lower(CASE WHEN author.email = '' THEN author.name ELSE author.email END) AS person,
       CAST(substr(author_time, 1, 10) AS DATE) AS day
FROM ktlo_records
WHERE NOT merge
QUALIFY row_number() OVER (PARTITION BY repository, sha) = 1;

-- 3. Dev-days: each (person, day) with a commit is one dev-day, split equally among that person's commits of the
--    day in every repository, and bots spend none.
CREATE OR REPLACE TEMP VIEW ktlo_effort AS
SELECT *,
       CASE WHEN bot THEN 0.0 ELSE 1.0 / count(*) OVER (PARTITION BY person, day, bot) END AS dev_days,
       year(day) || '-Q' || quarter(day) AS quarter
FROM ktlo_commits;

-- 4. The share of each quarter and of the whole range: KTLO effort over the effort in any bucket, per measure (0
--    when a quarter has effort but none of it KTLO, NULL when it has no effort in a bucket, as in ktlo's JSON).
--    Quarters without commits, which ktlo lists with no effort, have no row here.
SELECT coalesce(quarter, 'total') AS period,
       count(*) AS commits,
       count(DISTINCT person) FILTER (WHERE NOT bot) AS authors,
       round(sum(dev_days), 4) AS dev_days,
       round(coalesce(sum(dev_days) FILTER (WHERE bucket = 'ktlo'), 0)
             / nullif(sum(dev_days) FILTER (WHERE bucket IS NOT NULL), 0), 4) AS ktlo_share_dev_days,
       round(count(*) FILTER (WHERE bucket = 'ktlo')
             / nullif(count(*) FILTER (WHERE bucket IS NOT NULL), 0), 4) AS ktlo_share_commits,
       round(coalesce(sum(churn) FILTER (WHERE bucket = 'ktlo'), 0)
             / nullif(sum(churn) FILTER (WHERE bucket IS NOT NULL), 0), 4) AS ktlo_share_churn
FROM ktlo_effort
GROUP BY GROUPING SETS ((quarter), ())
ORDER BY quarter NULLS LAST;
