// name: papers_sharing_benchmarks
// Papers that share at least k datasets or benchmarks with a given paper (by id or exact title).
// params: paper: key; k: int = 1; limit: int = 50
// example: kg query papers_sharing_benchmarks --param paper=arxiv:2211.03831 --param k=2
// sorted: shared
MATCH (:PaperKey {key: $paper})-[:KEYS]->(p:Paper)-[:EVALUATED_ON]->(b:Entity)<-[:EVALUATED_ON]-(q:Paper)
WHERE q <> p
WITH q, collect(DISTINCT b.name) AS shared
WHERE size(shared) >= $k
RETURN q.id AS paper, q.title AS title, size(shared) AS shared_count, shared
ORDER BY shared_count DESC, title, paper
LIMIT $limit
