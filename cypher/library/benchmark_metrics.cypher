// name: benchmark_metrics
// The metrics a dataset or benchmark (by name or any alias, any case) is reported with: results, papers and methods per metric, and whether higher is better.
// params: benchmark: key
// example: kg query benchmark_metrics --param benchmark=MATH
// (One pattern from the name to the results: with a WITH after the name's lookup, LadybugDB joined
// whole tables once the graph held results (leaderboard of 6,452 scores at a million papers:
// 205 -> 76 ms). Papers are counted by the result's paper column, not by reading the Paper table.)
MATCH (:NameKey {key: $benchmark})-[:NAMES]->(b:Entity)<-[:ON_BENCHMARK]-(r:Result)
OPTIONAL MATCH (r)-[:BY_METHOD]->(m:Entity)
WITH b, r, m
OPTIONAL MATCH (r)-[:MEASURED_BY]->(x:Entity)
WITH b, r, m, coalesce(x.name, r.metric_text, '') AS metric, coalesce(r.higher_is_better, true) AS higher
RETURN b.name AS benchmark, metric, higher AS higher_is_better, count(r) AS results, count(DISTINCT r.paper) AS papers,
       count(DISTINCT m) AS named_methods
ORDER BY benchmark, results DESC, metric
