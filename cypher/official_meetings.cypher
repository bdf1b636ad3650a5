// Meetings an official chaired or attended, in date order (one row per meeting, role and article).
//
// Parameters:
//   $name  string         the official's name, or a node id such as "Official:程远航"
//   $role  string = null  CHAIRED or ATTENDED to keep one kind only
// Example:
//   kg query official_meetings --param name=程远航 --param role=CHAIRED
MATCH (o:Official)-[r:CHAIRED|ATTENDED]->(m:Meeting)
WHERE (o.name = $name OR o.id = $name) AND ($role IS NULL OR type(r) = toUpper($role))
RETURN m.name AS meeting, type(r) AS role, coalesce(r.date, m.date) AS date, r.article AS article,
       r.evidence AS evidence, m.id AS id
ORDER BY date, meeting, role, article
