// name: proposed_benchmarks_and_users
// Datasets and benchmarks proposed by a paper of the corpus, and the other papers that use them.
// params: min_users: int = 0
// example: kg query proposed_benchmarks_and_users --param min_users=1
MATCH (origin:Paper)-[:PROPOSES]->(b:Entity)
WHERE b:Benchmark OR b:Dataset
OPTIONAL MATCH (user:Paper)-[:MENTIONS]->(b)
WHERE user.id <> origin.id
WITH b, origin, user
ORDER BY user.title
WITH b, origin, collect(DISTINCT user.title) AS used_by
WHERE size(used_by) >= $min_users
RETURN b.name AS benchmark, origin.title AS proposed_in, origin.date AS proposed_on, used_by
ORDER BY size(used_by) DESC, benchmark, proposed_in
