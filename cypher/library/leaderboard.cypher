// name: leaderboard
// Every score reported on a dataset or benchmark (found by its name or any alias, any case), best first for each metric by the metric's direction; `kg leaderboard` keeps each method's best.
// params: benchmark: key; metric: key = ""; limit: int = 1000
// example: kg query leaderboard --param benchmark=GSM8K
// (One pattern from the name to the results: with a WITH after the name's lookup, LadybugDB joined
// whole tables once the graph held results (leaderboard of 6,452 scores at a million papers:
// 205 -> 76 ms). A result carries its paper's id, title and dates: joining the Paper table was most
// of LadybugDB's time planning the query.)
MATCH (:NameKey {key: $benchmark})-[:NAMES]->(b:Entity)<-[:ON_BENCHMARK]-(r:Result)
OPTIONAL MATCH (r)-[:BY_METHOD]->(m:Entity)
WITH b, r, m
OPTIONAL MATCH (r)-[:MEASURED_BY]->(x:Entity)
WITH b, r, m, coalesce(x.name, r.metric_text, '') AS metric
WHERE $metric = '' OR toLower(metric) = $metric
RETURN b.name AS benchmark, metric, coalesce(r.higher_is_better, true) AS higher_is_better, m.name AS method,
       r.value AS value, r.value_text AS value_text, r.paper AS paper, r.title AS title, r.date AS date, r.month AS month, r.evidence AS evidence
ORDER BY benchmark, metric, CASE WHEN r.higher_is_better = false THEN -r.value ELSE r.value END DESC,
         coalesce(m.name, ''), paper
LIMIT $limit
