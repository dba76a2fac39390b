// name: coauthors
// Who wrote with an author (the name in any case), by the number of papers together.
// params: author: author; limit: int = 50
// example: kg query coauthors --param author="Ada Lovelace"
// (An author is on a paper once, so count(*) counts papers; grouped by the co-author's node, its
// name read for the groups only.)
MATCH (a:Author {id: $author})-[:WROTE]->(p:Paper)<-[:WROTE]-(c:Author)
WHERE c <> a
WITH c, count(*) AS papers
RETURN c.name AS coauthor, papers
ORDER BY papers DESC, coauthor
LIMIT $limit
