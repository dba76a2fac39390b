// Internal Neo4j queries of the loader (kg pull, counts).

// name: pull_nodes
// Every paper and entity with its kind and properties (kg pull).
MATCH (n)
WHERE n:Paper OR n:Entity
RETURN n.id AS id, CASE WHEN n:Paper THEN 'Paper' ELSE n.label END AS label, properties(n) AS props
ORDER BY id;

// name: pull_relationships
// Every relationship between papers and entities (kg pull; derived tables left out).
MATCH (a)-[r:PROPOSES|USES|MENTIONS|EVALUATED_ON|OUTPERFORMS]->(b:Entity)
RETURN a.id AS source, type(r) AS type, b.id AS target, properties(r) AS props;

// name: count_nodes
// Papers, and entities per kind.
MATCH (n)
WHERE n:Paper OR n:Entity
RETURN CASE WHEN n:Paper THEN 'Paper' ELSE n.label END AS label, count(*) AS n
ORDER BY label;

// name: count_relationships
// Relationships per type (derived tables left out).
MATCH (a)-[r:PROPOSES|USES|MENTIONS|EVALUATED_ON|OUTPERFORMS]->(b:Entity)
RETURN type(r) AS type, count(*) AS n
ORDER BY type;
