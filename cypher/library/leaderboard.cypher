// name: leaderboard
// Every score reported on a dataset or benchmark (found by its name or any alias, any case), best first for each metric by the metric's direction; `kg leaderboard` keeps each method's best. (Ranked in the graph folder: at most 1000 per metric.)
// params: benchmark: key; metric: key = ""; limit: int = 1000
// example: kg query leaderboard --param benchmark=GSM8K
// (LEADERBOARD_TOP holds each benchmark's first 1000 results of each metric in this order, the
// method's and the metric's names written out: reading them through each result's links was most
// of the time at a million papers (GSM8K's 6,452 scores). The metric is compared lower-cased here,
// so that it matches the way `kg leaderboard --metric` writes it.)
MATCH (:NameKey {key: $benchmark})-[:NAMES]->(b:Entity)-[r:LEADERBOARD_TOP]->(:Paper)
WHERE $metric = '' OR toLower(r.metric) = $metric
RETURN b.name AS benchmark, r.metric AS metric, coalesce(r.higher_is_better, true) AS higher_is_better, r.method AS method,
       r.value AS value, r.value_text AS value_text, r.paper AS paper, r.title AS title, r.date AS date, r.month AS month,
       r.evidence AS evidence
ORDER BY benchmark, metric, CASE WHEN r.higher_is_better = false THEN -r.value ELSE r.value END DESC,
         coalesce(method, ''), paper
LIMIT $limit
