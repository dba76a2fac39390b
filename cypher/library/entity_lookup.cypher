// name: entity_lookup
// Entities whose name or any alias is the given text (any case), with how many papers mention each.
// params: name: key
// example: kg query entity_lookup --param name=MHR
MATCH (:NameKey {key: $name})-[:NAMES]->(e:Entity)
RETURN e.id AS id, e.label AS label, e.name AS name, e.aliases AS aliases, e.papers AS papers
ORDER BY papers DESC, id
