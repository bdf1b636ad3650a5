// Officials who appear together at meetings, with the number of meetings they shared.
//
// Parameters:
//   $name   string = null  only pairs that include this official (name or node id)
//   $min    int = 1        at least this many shared meetings
//   $limit  int = 25       at most this many pairs
// Example:
//   kg query co_attendance --param name=程远航 --param min=2
MATCH (a:Official)-[:CHAIRED|ATTENDED]->(m:Meeting)<-[:CHAIRED|ATTENDED]-(b:Official)
WHERE a <> b AND (($name IS NULL AND a.id < b.id) OR a.name = $name OR a.id = $name)
WITH a, b, m ORDER BY m.date, m.name
WITH a, b, collect(DISTINCT m.name) AS names, count(DISTINCT m) AS meetings
WHERE meetings >= $min
RETURN a.name AS official, b.name AS other, meetings, names[..5] AS examples
ORDER BY meetings DESC, official, other
LIMIT $limit
