// name: entities_mentioned_once
// Entities only one paper mentions (long tail, or extraction noise worth a look); label filters by type.
// params: label: str = any
// example: kg query entities_mentioned_once --param label=Benchmark
MATCH (p:Paper)-[:MENTIONS]->(e:Entity)
WHERE $label = 'any' OR $label IN labels(e)
WITH e, count(DISTINCT p) AS papers
WHERE papers = 1
RETURN [l IN labels(e) WHERE l <> 'Entity'][0] AS label, e.name AS name, e.id AS id
ORDER BY label, name, id
