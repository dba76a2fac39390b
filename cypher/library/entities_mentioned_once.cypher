// name: entities_mentioned_once
// Entities only one paper mentions (long tail, or extraction noise worth a look); label filters by type.
// params: label: str = any; limit: int = 100
// example: kg query entities_mentioned_once --param label=Benchmark
MATCH (e:Entity)
WHERE ($label = 'any' AND e.once_rank <= $limit) OR (e.label = $label AND e.once_label_rank <= $limit)
RETURN e.label AS label, e.name AS name, e.id AS id
ORDER BY label, name, id
