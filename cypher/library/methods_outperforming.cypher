// name: methods_outperforming
// Methods claimed to outperform a given method (by name or alias), with the benchmark named in the claim and the paper.
// params: method: key; limit: int = 100
// example: kg query methods_outperforming --param method=Poly
MATCH (:NameKey {key: $method})-[:NAMES]->(l:Entity)<-[r:OUTPERFORMS]-(w:Entity)
MATCH (p:Paper {id: r.paper})
OPTIONAL MATCH (b:Entity {id: r.benchmark})
RETURN w.name AS method, l.name AS beats, b.name AS benchmark, p.title AS paper, r.evidence AS evidence
ORDER BY method, paper
LIMIT $limit
