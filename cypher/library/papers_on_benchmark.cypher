// name: papers_on_benchmark
// Papers that report results on a dataset or benchmark, found by its name or any alias (any case). (Ranked in the graph folder: limit at most 1000 per dataset or benchmark.)
// params: benchmark: key; limit: int = 100
// example: kg query papers_on_benchmark --param benchmark=BBH
// (EVALUATED_ON_TOP holds each entity's first 1000 papers by title with the claim's evidence:
// the first 100 of ImageNet's 25,800 papers at a million papers read 1,000 rows, not 25,800.)
MATCH (:NameKey {key: $benchmark})-[:NAMES]->(b:Entity)-[r:EVALUATED_ON_TOP]->(p:Paper)
RETURN p.id AS paper, p.title AS title, b.name AS benchmark, r.evidence AS evidence
ORDER BY title, paper, benchmark
LIMIT $limit
