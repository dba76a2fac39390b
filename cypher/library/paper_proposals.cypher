// name: paper_proposals
// What a paper proposes (methods, datasets, benchmarks), the paper given by id or exact title (any case).
// params: paper: key
// example: kg query paper_proposals --param "paper=Multi-Head Adapter Routing for Cross-Task Generalization"
MATCH (:PaperKey {key: $paper})-[:KEYS]->(p:Paper)-[r:PROPOSES]->(e:Entity)
RETURN p.title AS title, e.label AS label, e.name AS name, e.aliases AS aliases, r.evidence AS evidence
ORDER BY title, label, name
