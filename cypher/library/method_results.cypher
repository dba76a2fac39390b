// name: method_results
// Every score reported for a method (found by its name or any alias, any case), by benchmark and metric, best first.
// params: method: key; limit: int = 1000
// example: kg query method_results --param method=TaskGen
// (One pattern from the name to the results: with a WITH after the name's lookup, LadybugDB joined
// whole tables once the graph held results (leaderboard of 6,452 scores at a million papers:
// 205 -> 76 ms). A result carries its paper's title: joining the Paper table took 30 of the 40 ms
// LadybugDB spent planning this query at 100,000 papers.)
MATCH (:NameKey {key: $method})-[:NAMES]->(m:Entity)<-[:BY_METHOD]-(r:Result)-[:ON_BENCHMARK]->(b:Entity)
WITH m, r, b
OPTIONAL MATCH (r)-[:MEASURED_BY]->(x:Entity)
RETURN m.name AS method, b.name AS benchmark, coalesce(x.name, r.metric_text, '') AS metric, r.value AS value,
       r.value_text AS value_text, r.title AS title, r.evidence AS evidence
ORDER BY method, benchmark, metric, CASE WHEN r.higher_is_better = false THEN -r.value ELSE r.value END DESC, title
LIMIT $limit
