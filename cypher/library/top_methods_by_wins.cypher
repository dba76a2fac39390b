// name: top_methods_by_wins
// Methods ranked by how many distinct methods they are claimed to outperform. (Ranked in the graph folder: limit at most 1000.)
// params: limit: int = 10
// example: kg query top_methods_by_wins --param limit=5
// sorted: beaten
MATCH (r:Ranked)-[:RANKS]->(w:Entity)
WHERE r.kind = 'wins' AND r.rank <= $limit
MATCH (w)-[:OUTPERFORMS]->(l:Entity)
WITH w, collect(DISTINCT l.name) AS beaten
RETURN w.name AS method, size(beaten) AS beats, beaten
ORDER BY beats DESC, method
