// name: author_papers
// The papers an author wrote (the name in any case), latest listing first, with the author's place in each author list.
// params: author: author; limit: int = 100
// example: kg query author_papers --param author="Ada Lovelace"
// (`author` arrives as the author's id, so both engines look the author up by primary key; WROTE
// carries the length of the paper's author list: reading the list itself took most of the time.)
MATCH (a:Author {id: $author})-[w:WROTE]->(p:Paper)
RETURN a.name AS author, p.id AS paper, p.title AS title, p.date AS date, w.position AS position, w.authors AS authors
ORDER BY coalesce(p.month, '') DESC, title
LIMIT $limit
