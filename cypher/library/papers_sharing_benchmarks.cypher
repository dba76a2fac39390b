// name: papers_sharing_benchmarks
// Papers that share at least k datasets or benchmarks with a given paper (by id or exact title).
// params: paper: key; k: int = 1; limit: int = 50
// example: kg query papers_sharing_benchmarks --param paper=arxiv:2211.03831 --param k=2
// sorted: shared
// (The other paper's id and title are read from its EVALUATED_ON, which carries them, not from
// the Paper table: half the time for the 25,800 papers of the most used benchmark at a million papers.
// A key names one paper and a paper has one EVALUATED_ON per entity, so each (other paper, entity)
// row comes once and the names need no DISTINCT, which cost a quarter of the time.)
MATCH (:PaperKey {key: $paper})-[:KEYS]->(p:Paper)-[:EVALUATED_ON]->(b:Entity)<-[e:EVALUATED_ON]-(q:Paper)
WHERE q <> p
WITH e.paper AS paper, e.title AS title, collect(b.name) AS shared
WHERE size(shared) >= $k
RETURN paper, title, size(shared) AS shared_count, shared
ORDER BY shared_count DESC, title, paper
LIMIT $limit
