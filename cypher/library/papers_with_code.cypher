// name: papers_with_code
// Papers whose abstract links to code (GitHub or GitLab), with the first such link.
// params: limit: int = 50
// example: kg query papers_with_code --param limit=10
MATCH (p:Paper)
WITH p, [u IN p.urls WHERE u CONTAINS 'github.com' OR u CONTAINS 'gitlab.com'] AS code
WHERE size(code) > 0
RETURN p.title AS title, code[0] AS code_url, p.date AS date
ORDER BY title
LIMIT $limit
