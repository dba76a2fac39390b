// name: top_benchmarks
// The most used datasets and benchmarks: how many papers report results on each.
// params: limit: int = 10
// example: kg query top_benchmarks --param limit=5
MATCH (b:Entity)
WHERE b.evaluated_rank <= $limit
RETURN b.name AS benchmark, b.label AS label, b.evaluated_in AS papers
ORDER BY b.evaluated_rank
