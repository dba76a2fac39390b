// name: papers_on_benchmark
// Papers that report results on a dataset or benchmark, found by its name or any alias (any case).
// params: benchmark: str
// example: kg query papers_on_benchmark --param benchmark=BBH
MATCH (p:Paper)-[r:EVALUATED_ON]->(b:Entity)
WHERE toLower(b.name) = toLower($benchmark) OR any(a IN b.aliases WHERE toLower(a) = toLower($benchmark))
RETURN p.id AS paper, p.title AS title, b.name AS benchmark, r.evidence AS evidence
ORDER BY title, paper, benchmark
