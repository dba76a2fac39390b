// name: benchmark_usage_by_month
// Papers per month reporting results on each dataset or benchmark (papers whose listing date gives a year).
// params: min_papers: int = 1
// example: kg query benchmark_usage_by_month --param min_papers=2
MATCH (p:Paper)-[:EVALUATED_ON]->(b:Entity)
WHERE p.month IS NOT NULL
WITH p.month AS month, b.name AS benchmark, count(DISTINCT p) AS papers
WHERE papers >= $min_papers
RETURN month, benchmark, papers
ORDER BY month, papers DESC, benchmark
