// name: methods_on_both
// Methods proposed by papers that report results on both of two datasets or benchmarks (names or aliases).
// params: a: key; b: key; limit: int = 100
// example: kg query methods_on_both --param a=SuperNI --param b=BBH
MATCH (:NameKey {key: $a})-[:NAMES]->(x:Entity)<-[:EVALUATED_ON]-(p:Paper)
MATCH (p)-[:EVALUATED_ON]->(y:Entity)<-[:NAMES]-(:NameKey {key: $b})
MATCH (p)-[:PROPOSES]->(m:Entity)
WHERE m.label = 'Method'
RETURN DISTINCT m.name AS method, p.title AS paper
ORDER BY method, paper
LIMIT $limit
