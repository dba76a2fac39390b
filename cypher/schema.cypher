// name: constraint_paper_id
// Paper ids (arxiv:<id> or title:<hash>) are unique; also the index every MERGE uses.
CREATE CONSTRAINT paper_id IF NOT EXISTS FOR (n:Paper) REQUIRE n.id IS UNIQUE;

// name: constraint_entity_id
// Every Method, Dataset, Benchmark, Task and Metric node also carries the label Entity.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;

// name: constraint_name_key
// Lower-cased names and aliases: the index behind every lookup of an entity by name.
CREATE CONSTRAINT name_key IF NOT EXISTS FOR (n:NameKey) REQUIRE n.key IS UNIQUE;

// name: constraint_paper_key
// Paper ids and lower-cased titles: the index behind every lookup of a paper.
CREATE CONSTRAINT paper_key IF NOT EXISTS FOR (n:PaperKey) REQUIRE n.key IS UNIQUE;

// name: constraint_month
CREATE CONSTRAINT month_key IF NOT EXISTS FOR (n:Month) REQUIRE n.month IS UNIQUE;

// name: constraint_paper_code
CREATE CONSTRAINT paper_code_rank IF NOT EXISTS FOR (n:PaperCode) REQUIRE n.rank IS UNIQUE;

// name: index_entity_name
// Exact lookups by canonical name.
CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name);

// name: index_entity_evaluated_rank
// The ranking queries read the first ranks (top_benchmarks and the like): range indexes on the ranks.
CREATE INDEX entity_evaluated_rank IF NOT EXISTS FOR (n:Entity) ON (n.evaluated_rank);

// name: index_entity_wins_rank
CREATE INDEX entity_wins_rank IF NOT EXISTS FOR (n:Entity) ON (n.wins_rank);

// name: index_entity_once_rank
CREATE INDEX entity_once_rank IF NOT EXISTS FOR (n:Entity) ON (n.once_rank);

// name: index_entity_once_label_rank
CREATE INDEX entity_once_label_rank IF NOT EXISTS FOR (n:Entity) ON (n.once_label_rank);

// name: index_entity_users_rank
CREATE INDEX entity_users_rank IF NOT EXISTS FOR (n:Entity) ON (n.users_rank);

// name: index_paper_date
CREATE INDEX paper_date IF NOT EXISTS FOR (n:Paper) ON (n.date);

// name: fulltext_entity_names
// Full-text search over names and aliases: CALL db.index.fulltext.queryNodes('entity_names', 'MHR').
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliases];

// name: fulltext_paper_text
// Full-text search over titles and abstracts.
CREATE FULLTEXT INDEX paper_text IF NOT EXISTS FOR (n:Paper) ON EACH [n.title, n.abstract];
