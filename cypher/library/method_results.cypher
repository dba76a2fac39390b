// name: method_results
// Every score reported for a method (found by its name or any alias, any case), by benchmark and metric, best first. (Ranked in the graph folder: at most 1000 per method.)
// params: method: key; limit: int = 1000
// example: kg query method_results --param method=TaskGen
// (METHOD_RESULTS_TOP holds each method's first 1000 results in this order, the benchmark's and
// the metric's names and the paper's title written out.)
MATCH (:NameKey {key: $method})-[:NAMES]->(m:Entity)-[r:METHOD_RESULTS_TOP]->(:Paper)
RETURN m.name AS method, r.benchmark AS benchmark, r.metric AS metric, r.value AS value, r.value_text AS value_text,
       r.title AS title, r.evidence AS evidence
ORDER BY method, benchmark, metric, CASE WHEN r.higher_is_better = false THEN -r.value ELSE r.value END DESC, title
LIMIT $limit
