// name: author_papers
// The papers an author wrote (the name in any case), latest listing first, with the author's place in each author list.
// params: author: key; limit: int = 100
// example: kg query author_papers --param author="Ada Lovelace"
MATCH (a:Author)
WHERE a.id = 'author:' + $author
WITH a
MATCH (a)-[w:WROTE]->(p:Paper)
RETURN a.name AS author, p.id AS paper, p.title AS title, p.date AS date, w.position AS position, size(p.authors) AS authors
ORDER BY coalesce(p.month, '') DESC, title
LIMIT $limit
