// name: benchmarks_used_together
// Pairs of datasets or benchmarks that the same papers report results on, with how many papers do.
// params: min_papers: int = 2
// example: kg query benchmarks_used_together --param min_papers=2
MATCH (a:Entity)<-[:EVALUATED_ON]-(p:Paper)-[:EVALUATED_ON]->(b:Entity)
WHERE a.id < b.id
WITH a, b, count(DISTINCT p) AS papers
WHERE papers >= $min_papers
RETURN a.name AS benchmark_a, b.name AS benchmark_b, papers
ORDER BY papers DESC, benchmark_a, benchmark_b
