// name: upsert_papers
// MERGE papers on id and update their properties. $rows: [{id, props}].
UNWIND $rows AS row
MERGE (n:Paper {id: row.id})
SET n += row.props;

// name: upsert_methods
// MERGE Method nodes on id (label Entity too); aliases are unioned with those already stored. $rows: [{id, props}].
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n:Method, n.name = row.props.name,
    n.aliases = [a IN coalesce(n.aliases, []) WHERE NOT a IN row.props.aliases] + row.props.aliases;

// name: upsert_datasets
// MERGE Dataset nodes on id (label Entity too); aliases are unioned with those already stored. $rows: [{id, props}].
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n:Dataset, n.name = row.props.name,
    n.aliases = [a IN coalesce(n.aliases, []) WHERE NOT a IN row.props.aliases] + row.props.aliases;

// name: upsert_benchmarks
// MERGE Benchmark nodes on id (label Entity too); aliases are unioned with those already stored. $rows: [{id, props}].
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n:Benchmark, n.name = row.props.name,
    n.aliases = [a IN coalesce(n.aliases, []) WHERE NOT a IN row.props.aliases] + row.props.aliases;

// name: upsert_tasks
// MERGE Task nodes on id (label Entity too); aliases are unioned with those already stored. $rows: [{id, props}].
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n:Task, n.name = row.props.name,
    n.aliases = [a IN coalesce(n.aliases, []) WHERE NOT a IN row.props.aliases] + row.props.aliases;

// name: upsert_metrics
// MERGE Metric nodes on id (label Entity too); aliases are unioned with those already stored. $rows: [{id, props}].
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n:Metric, n.name = row.props.name,
    n.aliases = [a IN coalesce(n.aliases, []) WHERE NOT a IN row.props.aliases] + row.props.aliases;

// name: merge_proposes
// MERGE PROPOSES relationships, one per (paper, target): the paper is the source. $rows: [{source, target, paper, props}].
UNWIND $rows AS row
MATCH (a:Paper {id: row.source})
MATCH (b:Entity {id: row.target})
MERGE (a)-[r:PROPOSES]->(b)
SET r += row.props, r.paper = row.paper;

// name: merge_uses
// MERGE USES relationships, one per (paper, target): the paper is the source. $rows: [{source, target, paper, props}].
UNWIND $rows AS row
MATCH (a:Paper {id: row.source})
MATCH (b:Entity {id: row.target})
MERGE (a)-[r:USES]->(b)
SET r += row.props, r.paper = row.paper;

// name: merge_mentions
// MERGE MENTIONS relationships, one per (paper, target): the paper is the source. $rows: [{source, target, paper, props}].
UNWIND $rows AS row
MATCH (a:Paper {id: row.source})
MATCH (b:Entity {id: row.target})
MERGE (a)-[r:MENTIONS]->(b)
SET r += row.props, r.paper = row.paper;

// name: merge_evaluated_on
// MERGE EVALUATED_ON relationships, one per (paper, target): the paper is the source. $rows: [{source, target, paper, props}].
UNWIND $rows AS row
MATCH (a:Paper {id: row.source})
MATCH (b:Entity {id: row.target})
MERGE (a)-[r:EVALUATED_ON]->(b)
SET r += row.props, r.paper = row.paper;

// name: merge_outperforms
// MERGE OUTPERFORMS relationships, one per (source, target, paper). $rows: [{source, target, paper, props}].
UNWIND $rows AS row
MATCH (a:Entity {id: row.source})
MATCH (b:Entity {id: row.target})
MERGE (a)-[r:OUTPERFORMS {paper: row.paper}]->(b)
SET r += row.props;
