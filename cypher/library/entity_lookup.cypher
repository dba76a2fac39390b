// name: entity_lookup
// Entities whose name or any alias is the given text (any case), with how many papers mention each.
// params: name: str
// example: kg query entity_lookup --param name=MHR
MATCH (e:Entity)
WHERE toLower(e.name) = toLower($name) OR any(a IN e.aliases WHERE toLower(a) = toLower($name))
OPTIONAL MATCH (p:Paper)-[:MENTIONS]->(e)
RETURN e.id AS id, [l IN labels(e) WHERE l <> 'Entity'][0] AS label, e.name AS name, e.aliases AS aliases,
       count(DISTINCT p) AS papers
ORDER BY papers DESC, id
