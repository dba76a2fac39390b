// name: papers_with_code
// Papers whose abstract links to code (GitHub, GitLab or Hugging Face), with the first such link. (Ranked in the graph folder: limit at most 1000.)
// params: limit: int = 50
// example: kg query papers_with_code --param limit=10
MATCH (c:PaperCode)
WHERE c.rank <= $limit
RETURN c.title AS title, c.code_url AS code_url, c.date AS date
ORDER BY c.rank
