// name: benchmark_usage_by_month
// Papers per month reporting results on each dataset or benchmark (papers whose listing date gives a year).
// params: min_papers: int = 2; limit: int = 1000
// example: kg query benchmark_usage_by_month --param min_papers=2
// (m.month IS NOT NULL lets Neo4j read the months in index order and stop after the first
// $limit rows: 465 -> 40 ms at a million papers. The embedded store plans better without it,
// and drops it: see kg/query/dialect.py. u.ahead counts rows that come first whatever
// min_papers is (kg/store/schema.py): a row with $limit of them cannot be in the answer, so
// the embedded store reads the names of about 4,500 of 135,000 rows at a million papers.)
MATCH (b:Entity)-[u:USED_IN]->(m:Month)
WHERE m.month IS NOT NULL AND u.papers >= $min_papers AND u.ahead < $limit
RETURN m.month AS month, b.name AS benchmark, u.papers AS papers
ORDER BY month, papers DESC, benchmark
LIMIT $limit
