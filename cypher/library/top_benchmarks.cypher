// name: top_benchmarks
// The most used datasets and benchmarks: how many papers report results on each. (Ranked in the graph folder: limit at most 1000.)
// params: limit: int = 10
// example: kg query top_benchmarks --param limit=5
MATCH (r:Ranked)-[:RANKS]->(b:Entity)
WHERE r.kind = 'evaluated' AND r.rank <= $limit
RETURN b.name AS benchmark, b.label AS label, b.evaluated_in AS papers
ORDER BY r.rank
