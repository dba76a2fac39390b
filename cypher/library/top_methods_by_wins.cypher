// name: top_methods_by_wins
// Methods ranked by how many distinct methods they are claimed to outperform.
// params: limit: int = 10
// example: kg query top_methods_by_wins --param limit=5
MATCH (w:Method)-[:OUTPERFORMS]->(l:Method)
WITH DISTINCT w, l
ORDER BY l.name
WITH w, collect(l.name) AS beaten
RETURN w.name AS method, size(beaten) AS beats, beaten
ORDER BY beats DESC, method
LIMIT $limit
