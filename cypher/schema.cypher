// name: constraint_paper_id
// Paper ids (arxiv:<id> or title:<hash>) are unique; also the index every MERGE uses.
CREATE CONSTRAINT paper_id IF NOT EXISTS FOR (n:Paper) REQUIRE n.id IS UNIQUE;

// name: constraint_entity_id
// Every Method, Dataset, Benchmark, Task and Metric node also carries the label Entity.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;

// name: constraint_result_id
// Results (leaderboard entries) are keyed by paper, method, benchmark, metric and value.
CREATE CONSTRAINT result_id IF NOT EXISTS FOR (n:Result) REQUIRE n.id IS UNIQUE;

// name: constraint_name_key
// Lower-cased names and aliases: the index behind every lookup of an entity by name.
CREATE CONSTRAINT name_key IF NOT EXISTS FOR (n:NameKey) REQUIRE n.key IS UNIQUE;

// name: constraint_paper_key
// Paper ids and lower-cased titles: the index behind every lookup of a paper.
CREATE CONSTRAINT paper_key IF NOT EXISTS FOR (n:PaperKey) REQUIRE n.key IS UNIQUE;

// name: constraint_month
CREATE CONSTRAINT month_key IF NOT EXISTS FOR (n:Month) REQUIRE n.month IS UNIQUE;

// name: constraint_author_id
// Authors are keyed by their name, spacing and case normalised.
CREATE CONSTRAINT author_id IF NOT EXISTS FOR (n:Author) REQUIRE n.id IS UNIQUE;

// name: constraint_prolific_author
CREATE CONSTRAINT prolific_author_rank IF NOT EXISTS FOR (n:ProlificAuthor) REQUIRE n.rank IS UNIQUE;

// name: constraint_paper_code
CREATE CONSTRAINT paper_code_rank IF NOT EXISTS FOR (n:PaperCode) REQUIRE n.rank IS UNIQUE;

// name: index_entity_name
// Exact lookups by canonical name.
CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name);

// name: constraint_ranked
CREATE CONSTRAINT ranked_id IF NOT EXISTS FOR (n:Ranked) REQUIRE n.id IS UNIQUE;

// name: index_ranked_kind_rank
// The ranking queries read the first ranks of one kind.
CREATE INDEX ranked_kind_rank IF NOT EXISTS FOR (n:Ranked) ON (n.kind, n.rank);

// name: index_paper_date
CREATE INDEX paper_date IF NOT EXISTS FOR (n:Paper) ON (n.date);

// name: fulltext_entity_names
// Full-text search over names and aliases: CALL db.index.fulltext.queryNodes('entity_names', 'MHR').
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliases];

// name: fulltext_paper_text
// Full-text search over titles and abstracts.
CREATE FULLTEXT INDEX paper_text IF NOT EXISTS FOR (n:Paper) ON EACH [n.title, n.abstract];
