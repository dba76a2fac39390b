// name: benchmarks_used_together
// Pairs of datasets or benchmarks that the same papers report results on, with how many papers do.
// params: min_papers: int = 2; limit: int = 100
// example: kg query benchmarks_used_together --param min_papers=2
MATCH (a:Entity)-[c:CO_USED]->(b:Entity)
WHERE c.papers >= $min_papers AND a.evaluated_in >= $min_papers AND b.evaluated_in >= $min_papers
RETURN a.name AS benchmark_a, b.name AS benchmark_b, c.papers AS papers
ORDER BY papers DESC, benchmark_a, benchmark_b
LIMIT $limit
