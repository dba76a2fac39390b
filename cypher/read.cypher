// Internal Neo4j queries of the loader (kg pull, counts).

// name: pull_nodes
// Every paper and entity with its kind and properties (kg pull).
MATCH (n)
WHERE n:Paper OR n:Entity
RETURN n.id AS id, CASE WHEN n:Paper THEN 'Paper' ELSE n.label END AS label, properties(n) AS props
ORDER BY id;

// name: pull_relationships
// Every relationship between papers and entities (kg pull; derived tables left out).
MATCH (a)-[r:PROPOSES|USES|EVALUATED_ON|OUTPERFORMS]->(b:Entity)
RETURN a.id AS source, type(r) AS type, b.id AS target, properties(r) AS props;

// name: pull_results
// Every result with the ids it links (kg pull).
MATCH (p:Paper)-[:REPORTS]->(r:Result)-[:ON_BENCHMARK]->(b:Entity)
OPTIONAL MATCH (r)-[:BY_METHOD]->(m:Entity)
OPTIONAL MATCH (r)-[:MEASURED_BY]->(x:Entity)
RETURN r.id AS id, p.id AS paper, b.id AS benchmark, m.id AS method, x.id AS metric, properties(r) AS props
ORDER BY id;

// name: count_nodes
// Papers, entities per kind, results and authors.
MATCH (n)
WHERE n:Paper OR n:Entity OR n:Result OR n:Author
RETURN CASE WHEN n:Paper THEN 'Paper' WHEN n:Result THEN 'Result' WHEN n:Author THEN 'Author' ELSE n.label END AS label,
       count(*) AS n
ORDER BY label;

// name: count_relationships
// Relationships per type (derived tables left out).
MATCH (a)-[r:PROPOSES|USES|EVALUATED_ON|OUTPERFORMS|WROTE]->(b)
WHERE b:Entity OR b:Paper
RETURN type(r) AS type, count(*) AS n
ORDER BY type;

// name: similar_names
// Names and aliases of entities containing a fragment (lower-case): suggestions for a lookup that found nothing.
// params: fragment: str; limit: int = 200
MATCH (k:NameKey)-[:NAMES]->(e:Entity)
WHERE k.key CONTAINS $fragment
RETURN k.key AS key, e.name AS name
LIMIT $limit;

// name: similar_titles
// Paper titles containing a fragment (lower-case): suggestions for a paper lookup that found nothing.
// params: fragment: str; limit: int = 200
MATCH (k:PaperKey)-[:KEYS]->(p:Paper)
WHERE k.key CONTAINS $fragment
RETURN k.key AS key, p.title AS name
LIMIT $limit;

// name: similar_authors
// Authors whose name contains a fragment (lower-case): suggestions for an author lookup that found nothing.
// params: fragment: str; limit: int = 200
MATCH (a:Author)
WHERE a.id CONTAINS $fragment
RETURN a.id AS key, a.name AS name
LIMIT $limit;
