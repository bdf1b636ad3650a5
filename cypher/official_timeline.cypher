// An official's timeline: meetings chaired and attended, inspections and posts (first seen), in date order.
//
// Parameters:
//   $name  string  the official's name or node id
// Example:
//   kg query official_timeline --param name=程远航
MATCH (o:Official)-[r:CHAIRED|ATTENDED|INSPECTED|HOLDS_POST]->(x)
WHERE o.name = $name OR o.id = $name
RETURN coalesce(r.date, r.first_seen, x.date) AS date, type(r) AS event, x.name AS what, labels(x)[0] AS label,
       r.article AS article, r.evidence AS evidence
ORDER BY date, event, what, article
