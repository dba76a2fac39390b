// name: entities_mentioned_once
// Entities only one paper mentions (long tail, or extraction noise worth a look); label filters by type. (Ranked in the graph folder: limit at most 1000.)
// params: label: str = any; limit: int = 100
// example: kg query entities_mentioned_once --param label=Benchmark
MATCH (r:Ranked)-[:RANKS]->(e:Entity)
WHERE r.kind = CASE WHEN $label = 'any' THEN 'once' ELSE 'once:' + $label END AND r.rank <= $limit
RETURN e.label AS label, e.name AS name, e.id AS id
ORDER BY r.rank
