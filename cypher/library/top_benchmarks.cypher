// name: top_benchmarks
// The most used datasets and benchmarks: how many papers report results on each.
// params: limit: int = 10
// example: kg query top_benchmarks --param limit=5
MATCH (p:Paper)-[:EVALUATED_ON]->(b:Entity)
RETURN b.name AS benchmark, [l IN labels(b) WHERE l <> 'Entity'][0] AS label, count(DISTINCT p) AS papers
ORDER BY papers DESC, benchmark, label
LIMIT $limit
