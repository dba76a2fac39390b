// name: methods_on_both
// Methods proposed by papers that report results on both of two datasets or benchmarks (names or aliases).
// params: a: str; b: str
// example: kg query methods_on_both --param a=SuperNI --param b=BBH
MATCH (p:Paper)-[:PROPOSES]->(m:Method)
MATCH (p)-[:EVALUATED_ON]->(x:Entity)
WHERE toLower(x.name) = toLower($a) OR any(n IN x.aliases WHERE toLower(n) = toLower($a))
MATCH (p)-[:EVALUATED_ON]->(y:Entity)
WHERE toLower(y.name) = toLower($b) OR any(n IN y.aliases WHERE toLower(n) = toLower($b))
RETURN DISTINCT m.name AS method, p.title AS paper
ORDER BY method, paper
