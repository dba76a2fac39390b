// Loader statements (kg load, kg build --neo4j). Every row carries the id of the load ($load) in
// `kg_load`; after a load, `delete_stale_*` removes what an earlier load wrote and this one did not,
// so that the server holds exactly what the graph folder holds.

// name: upsert_papers
// MERGE papers on id; their properties become exactly the row's. $rows: [{id, props}].
UNWIND $rows AS row
MERGE (n:Paper {id: row.id})
SET n = row.props, n.id = row.id, n.kg_load = $load;

// name: upsert_entities
// MERGE entities on id (label Entity, and their kind as a second label for Neo4j Browser). $rows: [{id, label, props}].
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n = row.props, n.id = row.id, n.kg_load = $load
SET n:$(row.label);

// name: upsert_results
// MERGE results on id; their properties become exactly the row's. $rows: [{id, props}].
UNWIND $rows AS row
MERGE (n:Result {id: row.id})
SET n = row.props, n.id = row.id, n.kg_load = $load;

// name: upsert_name_keys
// Lower-cased names and aliases of entities, for indexed lookups by any name. $rows: [{key}].
UNWIND $rows AS row
MERGE (n:NameKey {key: row.key})
SET n.kg_load = $load;

// name: upsert_paper_keys
// Paper ids and lower-cased titles, for indexed lookups of a paper. $rows: [{key}].
UNWIND $rows AS row
MERGE (n:PaperKey {key: row.key})
SET n.kg_load = $load;

// name: upsert_months
// Months papers were listed in. $rows: [{month}].
UNWIND $rows AS row
MERGE (n:Month {month: row.month})
SET n.kg_load = $load;

// name: upsert_authors
// Authors, keyed by their normalised name. $rows: [{id, props}].
UNWIND $rows AS row
MERGE (n:Author {id: row.id})
SET n = row.props, n.id = row.id, n.kg_load = $load;

// name: merge_wrote
// Author -> Paper, with the author's position in the paper's list. $rows: [{from, to, props}].
UNWIND $rows AS row
MATCH (a:Author {id: row.from})
MATCH (b:Paper {id: row.to})
MERGE (a)-[r:WROTE]->(b)
SET r = row.props, r.kg_load = $load;

// name: upsert_paper_code
// Papers linking to code, ranked by title. $rows: [{rank, props}].
UNWIND $rows AS row
MERGE (n:PaperCode {rank: row.rank})
SET n = row.props, n.rank = row.rank, n.kg_load = $load;

// name: upsert_prolific_authors
// The first authors by papers, ranked. $rows: [{rank, props}].
UNWIND $rows AS row
MERGE (n:ProlificAuthor {rank: row.rank})
SET n = row.props, n.rank = row.rank, n.kg_load = $load;

// name: upsert_ranked
// The first ranks of each ranking the named queries read. $rows: [{id, props}].
UNWIND $rows AS row
MERGE (n:Ranked {id: row.id})
SET n = row.props, n.id = row.id, n.kg_load = $load;

// name: merge_proposes
// One PROPOSES per (paper, entity). $rows: [{from, to, props}].
UNWIND $rows AS row
MATCH (a:Paper {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:PROPOSES]->(b)
SET r = row.props, r.kg_load = $load;

// name: merge_uses
// One USES per (paper, entity). $rows: [{from, to, props}].
UNWIND $rows AS row
MATCH (a:Paper {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:USES]->(b)
SET r = row.props, r.kg_load = $load;

// name: merge_evaluated_on
// One EVALUATED_ON per (paper, entity). $rows: [{from, to, props}].
UNWIND $rows AS row
MATCH (a:Paper {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:EVALUATED_ON]->(b)
SET r = row.props, r.kg_load = $load;

// name: merge_outperforms
// One OUTPERFORMS per (winner, loser, paper). $rows: [{from, to, props}].
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:OUTPERFORMS {paper: row.props.paper}]->(b)
SET r = row.props, r.kg_load = $load;

// name: merge_reports
// Paper -> the results it reports. $rows: [{from, to}].
UNWIND $rows AS row
MATCH (a:Paper {id: row.from})
MATCH (b:Result {id: row.to})
MERGE (a)-[r:REPORTS]->(b)
SET r.kg_load = $load;

// name: merge_on_benchmark
// Result -> the dataset or benchmark it is measured on. $rows: [{from, to}].
UNWIND $rows AS row
MATCH (a:Result {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:ON_BENCHMARK]->(b)
SET r.kg_load = $load;

// name: merge_by_method
// Result -> the method it scores. $rows: [{from, to}].
UNWIND $rows AS row
MATCH (a:Result {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:BY_METHOD]->(b)
SET r.kg_load = $load;

// name: merge_measured_by
// Result -> its metric, when it is a known one. $rows: [{from, to}].
UNWIND $rows AS row
MATCH (a:Result {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:MEASURED_BY]->(b)
SET r.kg_load = $load;

// name: merge_names
// NameKey -> Entity. $rows: [{from, to}].
UNWIND $rows AS row
MATCH (a:NameKey {key: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:NAMES]->(b)
SET r.kg_load = $load;

// name: merge_keys
// PaperKey -> Paper. $rows: [{from, to}].
UNWIND $rows AS row
MATCH (a:PaperKey {key: row.from})
MATCH (b:Paper {id: row.to})
MERGE (a)-[r:KEYS]->(b)
SET r.kg_load = $load;

// name: merge_ranks
// Ranked -> Entity. $rows: [{from, to}].
UNWIND $rows AS row
MATCH (a:Ranked {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:RANKS]->(b)
SET r.kg_load = $load;

// name: merge_co_used
// Datasets or benchmarks reported on together, with how many papers do. $rows: [{from, to, props}].
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:CO_USED]->(b)
SET r = row.props, r.kg_load = $load;

// name: merge_used_in
// Papers per month reporting results on a dataset or benchmark. $rows: [{from, to, props}].
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Month {month: row.to})
MERGE (a)-[r:USED_IN]->(b)
SET r = row.props, r.kg_load = $load;

// name: merge_evaluated_by
// NameKey -> a paper reporting results on an entity of that name. $rows: [{from, to}].
UNWIND $rows AS row
MATCH (a:NameKey {key: row.from})
MATCH (b:Paper {id: row.to})
MERGE (a)-[r:EVALUATED_BY]->(b)
SET r.kg_load = $load;

// name: merge_evaluated_on_top
// An entity -> one of its first papers by title (kg.store.schema). $rows: [{from, to, props}].
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Paper {id: row.to})
MERGE (a)-[r:EVALUATED_ON_TOP]->(b)
SET r = row.props, r.kg_load = $load;

// name: merge_outperforms_top
// One of the first claims against an entity, one per (winner, loser, paper). $rows: [{from, to, props}].
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:OUTPERFORMS_TOP {paper: row.props.paper}]->(b)
SET r = row.props, r.kg_load = $load;

// name: merge_leaderboard_top
// One of the first results of a benchmark and metric, one per result. $rows: [{from, to, props}].
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Paper {id: row.to})
MERGE (a)-[r:LEADERBOARD_TOP {result: row.props.result}]->(b)
SET r = row.props, r.kg_load = $load;

// name: merge_method_results_top
// One of the first results of a method, one per result. $rows: [{from, to, props}].
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Paper {id: row.to})
MERGE (a)-[r:METHOD_RESULTS_TOP {result: row.props.result}]->(b)
SET r = row.props, r.kg_load = $load;

// name: delete_stale_relationships
// Relationships of kg's types ($types) that an earlier load wrote and this one did not, 10,000 a
// transaction. One scan of the relationships, which streams: replacing a million-paper graph
// failed on the server's transaction memory limit when they were reached from the nodes of
// kg's labels (a scan over several labels keeps a set of the nodes it has seen, and the
// relationships expanded from them were all held before the first delete).
MATCH ()-[r]->()
WHERE type(r) IN $types AND (r.kg_load IS NULL OR r.kg_load <> $load)
CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS;

// name: delete_stale_nodes
// Nodes of kg's labels ($labels) that an earlier load wrote and this one did not (batches of 10,000).
MATCH (n)
WHERE any(label IN labels(n) WHERE label IN $labels) AND (n.kg_load IS NULL OR n.kg_load <> $load)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS;

// Delta loads (kg load after kg build --update, on a server that holds the previous build): the
// papers written again lose their rows, then the rows that changed are written as above.

// name: delete_papers
// Papers whose rows a build wrote again, with their results, lookup keys and every relationship. $ids.
UNWIND $ids AS id
MATCH (p:Paper {id: id})
OPTIONAL MATCH (p)-[:REPORTS]->(r:Result)
OPTIONAL MATCH (k:PaperKey)-[:KEYS]->(p)
DETACH DELETE r, k, p;

// name: delete_papers_outperforms
// Comparisons stated by those papers (between entities, so not removed with the papers). $ids.
MATCH ()-[r:OUTPERFORMS]->()
WHERE r.paper IN $ids
DELETE r;

// name: delete_entities
// Entities gone from the graph. $keys: [[id]].
UNWIND $keys AS key
MATCH (n:Entity {id: key[0]})
DETACH DELETE n;

// name: delete_name_keys
UNWIND $keys AS key
MATCH (n:NameKey {key: key[0]})
DETACH DELETE n;

// name: delete_months
UNWIND $keys AS key
MATCH (n:Month {month: key[0]})
DETACH DELETE n;

// name: delete_ranked
UNWIND $keys AS key
MATCH (n:Ranked {id: key[0]})
DETACH DELETE n;

// name: delete_paper_code
UNWIND $keys AS key
MATCH (n:PaperCode {rank: key[0]})
DETACH DELETE n;

// name: delete_prolific_authors
UNWIND $keys AS key
MATCH (n:ProlificAuthor {rank: key[0]})
DETACH DELETE n;

// name: delete_authors
UNWIND $keys AS key
MATCH (n:Author {id: key[0]})
DETACH DELETE n;

// name: delete_names
// A name no longer naming an entity. $keys: [[name key, entity id]].
UNWIND $keys AS key
MATCH (:NameKey {key: key[0]})-[r:NAMES]->(:Entity {id: key[1]})
DELETE r;

// name: delete_ranks
UNWIND $keys AS key
MATCH (:Ranked {id: key[0]})-[r:RANKS]->(:Entity {id: key[1]})
DELETE r;

// name: delete_co_used
UNWIND $keys AS key
MATCH (:Entity {id: key[0]})-[r:CO_USED]->(:Entity {id: key[1]})
DELETE r;

// name: delete_used_in
UNWIND $keys AS key
MATCH (:Entity {id: key[0]})-[r:USED_IN]->(:Month {month: key[1]})
DELETE r;

// name: delete_evaluated_by
UNWIND $keys AS key
MATCH (:NameKey {key: key[0]})-[r:EVALUATED_BY]->(:Paper {id: key[1]})
DELETE r;

// name: delete_evaluated_on_top
UNWIND $keys AS key
MATCH (:Entity {id: key[0]})-[r:EVALUATED_ON_TOP]->(:Paper {id: key[1]})
DELETE r;

// name: delete_outperforms_top
// Every claim of a (winner, loser) pair: the pair is written again whole.
UNWIND $keys AS key
MATCH (:Entity {id: key[0]})-[r:OUTPERFORMS_TOP]->(:Entity {id: key[1]})
DELETE r;

// name: delete_leaderboard_top
// Every result of a (benchmark, paper) pair: the pair is written again whole.
UNWIND $keys AS key
MATCH (:Entity {id: key[0]})-[r:LEADERBOARD_TOP]->(:Paper {id: key[1]})
DELETE r;

// name: delete_method_results_top
// Every result of a (method, paper) pair: the pair is written again whole.
UNWIND $keys AS key
MATCH (:Entity {id: key[0]})-[r:METHOD_RESULTS_TOP]->(:Paper {id: key[1]})
DELETE r;

// name: loaded_generation
// Which build of a graph folder the server holds (set at the end of every load).
OPTIONAL MATCH (s:KGState {id: 'graph'})
RETURN s.generation AS generation;

// name: set_loaded_generation
MERGE (s:KGState {id: 'graph'})
SET s.generation = $generation;
