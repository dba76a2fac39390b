// name: methods_on_both
// Methods proposed by papers that report results on both of two datasets or benchmarks (names or aliases).
// params: a: key; b: key; limit: int = 100
// example: kg query methods_on_both --param a=SuperNI --param b=BBH
// (EVALUATED_BY joins a name to the papers reporting results on what it names: through NAMES
// and EVALUATED_ON this pattern had six nodes, and LadybugDB took 50-100 ms to plan it. Two
// MATCH clauses, not one pattern: with $a = $b both steps may use the same relationship.)
MATCH (:NameKey {key: $a})-[:EVALUATED_BY]->(p:Paper)
MATCH (p)<-[:EVALUATED_BY]-(:NameKey {key: $b})
MATCH (p)-[:PROPOSES]->(m:Entity)
WHERE m.label = 'Method'
RETURN DISTINCT m.name AS method, p.title AS paper
ORDER BY method, paper
LIMIT $limit
