// name: constraint_paper_id
// Paper ids (arxiv:<id> or title:<hash>) are unique; also the index every MERGE uses.
CREATE CONSTRAINT paper_id IF NOT EXISTS FOR (n:Paper) REQUIRE n.id IS UNIQUE;

// name: constraint_entity_id
// Every Method, Dataset, Benchmark, Task and Metric node also carries the label Entity.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;

// name: index_entity_name
// Exact lookups by canonical name.
CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name);

// name: index_paper_date
CREATE INDEX paper_date IF NOT EXISTS FOR (n:Paper) ON (n.date);

// name: fulltext_entity_names
// Full-text search over names and aliases: CALL db.index.fulltext.queryNodes('entity_names', 'MHR').
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliases];

// name: fulltext_paper_text
// Full-text search over titles and abstracts.
CREATE FULLTEXT INDEX paper_text IF NOT EXISTS FOR (n:Paper) ON EACH [n.title, n.abstract];
