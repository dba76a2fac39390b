// name: paper_proposals
// What a paper proposes (methods, datasets, benchmarks), the paper given by id or exact title (any case).
// params: paper: str
// example: kg query paper_proposals --param "paper=Multi-Head Adapter Routing for Cross-Task Generalization"
MATCH (p:Paper)-[r:PROPOSES]->(e:Entity)
WHERE p.id = $paper OR toLower(p.title) = toLower($paper)
RETURN p.title AS title, [l IN labels(e) WHERE l <> 'Entity'][0] AS label, e.name AS name, e.aliases AS aliases,
       r.evidence AS evidence
ORDER BY title, label, name
