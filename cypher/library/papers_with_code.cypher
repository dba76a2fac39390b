// name: papers_with_code
// Papers whose abstract links to code (GitHub, GitLab or Hugging Face), with the first such link.
// params: limit: int = 50
// example: kg query papers_with_code --param limit=10
MATCH (p:Paper)
WHERE p.code_url IS NOT NULL
RETURN p.title AS title, p.code_url AS code_url, p.date AS date
ORDER BY title
LIMIT $limit
