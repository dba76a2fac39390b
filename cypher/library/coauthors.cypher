// name: coauthors
// Who wrote with an author (the name in any case), by the number of papers together.
// params: author: key; limit: int = 50
// example: kg query coauthors --param author="Ada Lovelace"
MATCH (a:Author)
WHERE a.id = 'author:' + $author
WITH a
MATCH (a)-[:WROTE]->(p:Paper)
WITH a, p
MATCH (p)<-[:WROTE]-(c:Author)
WHERE c.id <> a.id
RETURN c.name AS coauthor, count(DISTINCT p) AS papers
ORDER BY papers DESC, coauthor
LIMIT $limit
