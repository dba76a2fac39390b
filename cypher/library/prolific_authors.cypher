// name: prolific_authors
// Authors with the most papers in the graph (sources that name authors: JSON Lines, arXiv, kg fetch).
// params: limit: int = 20
// example: kg query prolific_authors --param limit=10
MATCH (a:Author)
RETURN a.name AS author, a.papers AS papers
ORDER BY papers DESC, author
LIMIT $limit
