// name: proposed_benchmarks_and_users
// Datasets and benchmarks proposed by a paper of the corpus, and how many other papers mention them. (Ranked in the graph folder: limit at most 1000.)
// params: min_users: int = 0; limit: int = 100
// example: kg query proposed_benchmarks_and_users --param min_users=1
MATCH (r:Ranked)-[:RANKS]->(b:Entity)
WHERE r.kind = 'users' AND r.rank <= $limit AND b.papers - 1 >= $min_users
MATCH (origin:Paper)-[:PROPOSES]->(b)
RETURN b.name AS benchmark, origin.title AS proposed_in, origin.date AS proposed_on, b.papers - 1 AS users
ORDER BY users DESC, benchmark, proposed_in
LIMIT $limit
