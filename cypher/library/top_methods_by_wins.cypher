// name: top_methods_by_wins
// Methods ranked by how many distinct methods they are claimed to outperform.
// params: limit: int = 10
// example: kg query top_methods_by_wins --param limit=5
// sorted: beaten
MATCH (w:Entity)
WHERE w.wins_rank <= $limit
MATCH (w)-[:OUTPERFORMS]->(l:Entity)
WITH w, collect(DISTINCT l.name) AS beaten
RETURN w.name AS method, size(beaten) AS beats, beaten
ORDER BY beats DESC, method
