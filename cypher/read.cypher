// name: pull_nodes
// Every node of the knowledge graph with its labels and properties (kg pull).
MATCH (n)
WHERE n:Paper OR n:Entity
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, properties(n) AS props
ORDER BY id;

// name: pull_relationships
// Every relationship between knowledge-graph nodes (kg pull).
MATCH (a)-[r]->(b)
WHERE (a:Paper OR a:Entity) AND b:Entity
RETURN a.id AS source, type(r) AS type, b.id AS target, properties(r) AS props;

// name: count_nodes
// Nodes per label.
MATCH (n)
WHERE n:Paper OR n:Entity
RETURN [l IN labels(n) WHERE l <> 'Entity'][0] AS label, count(*) AS n
ORDER BY label;

// name: count_relationships
// Relationships per type.
MATCH (a)-[r]->(b)
WHERE (a:Paper OR a:Entity) AND b:Entity
RETURN type(r) AS type, count(*) AS n
ORDER BY type;

// name: list_constraints
// Constraints and indexes the loader created.
SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties
RETURN name, type, labelsOrTypes, properties
ORDER BY name;
