// name: papers_on_benchmark
// Papers that report results on a dataset or benchmark, found by its name or any alias (any case).
// params: benchmark: key; limit: int = 100
// example: kg query papers_on_benchmark --param benchmark=BBH
MATCH (:NameKey {key: $benchmark})-[:NAMES]->(b:Entity)<-[r:EVALUATED_ON]-(p:Paper)
RETURN p.id AS paper, p.title AS title, b.name AS benchmark, r.evidence AS evidence
ORDER BY title, paper, benchmark
LIMIT $limit
