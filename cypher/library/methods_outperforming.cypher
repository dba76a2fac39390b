// name: methods_outperforming
// Methods claimed to outperform a given method (by name or alias), with the benchmark named in the claim and the paper. (Ranked in the graph folder: limit at most 1000 per method.)
// params: method: key; limit: int = 100
// example: kg query methods_outperforming --param method=Poly
// (OUTPERFORMS_TOP holds each entity's first 1000 claims against it in this order, with the
// paper's title and the benchmark's name written out.)
MATCH (:NameKey {key: $method})-[:NAMES]->(l:Entity)<-[r:OUTPERFORMS_TOP]-(w:Entity)
RETURN w.name AS method, l.name AS beats, r.benchmark AS benchmark, r.title AS paper, r.evidence AS evidence
ORDER BY method, paper
LIMIT $limit
