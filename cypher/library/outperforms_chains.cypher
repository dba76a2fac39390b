// name: outperforms_chains
// Chains of OUTPERFORMS claims starting from a method: who it beats, whom those beat, up to max_depth hops (at most 4).
// params: method: str; max_depth: int = 3
// example: kg query outperforms_chains --param method=PilotRL --param max_depth=2
MATCH path = (m:Method)-[:OUTPERFORMS*1..4]->(:Method)
WHERE (toLower(m.name) = toLower($method) OR any(a IN m.aliases WHERE toLower(a) = toLower($method)))
  AND length(path) <= $max_depth
RETURN DISTINCT [n IN nodes(path) | n.name] AS chain, length(path) AS hops
ORDER BY hops, chain
