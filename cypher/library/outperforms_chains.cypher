// name: outperforms_chains
// Chains of OUTPERFORMS claims starting from a method: who it beats, whom those beat, up to max_depth hops (at most 4).
// params: method: key; max_depth: int = 3; limit: int = 100
// example: kg query outperforms_chains --param method=PilotRL --param max_depth=2
// ordered lists: chain
MATCH (:NameKey {key: $method})-[:NAMES]->(m:Entity)
MATCH path = (m)-[:OUTPERFORMS*1..4]->(:Entity)
WHERE length(path) <= $max_depth
RETURN DISTINCT [n IN nodes(path) | n.name] AS chain, length(path) AS hops
ORDER BY hops, chain
LIMIT $limit
