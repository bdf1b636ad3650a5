// The most active officials in a period: meetings chaired, meetings attended, inspections.
//
// Parameters:
//   $since  string = null  first ISO date (undated facts are left out as soon as a bound is given)
//   $until  string = null  last ISO date
//   $limit  int = 10       at most this many officials
// Example:
//   kg query most_active_officials --param since=2024-03-01 --param until=2024-03-31
MATCH (o:Official)-[r:CHAIRED|ATTENDED|INSPECTED]->(t)
WHERE ($since IS NULL OR r.date >= $since) AND ($until IS NULL OR r.date <= $until)
  AND (r.date IS NOT NULL OR ($since IS NULL AND $until IS NULL))
WITH o,
     count(DISTINCT CASE WHEN type(r) = 'CHAIRED' THEN t.id END) AS chaired,
     count(DISTINCT CASE WHEN type(r) = 'ATTENDED' THEN t.id END) AS attended,
     count(DISTINCT CASE WHEN type(r) = 'INSPECTED' THEN t.id + '@' + coalesce(r.date, '') END) AS inspected,
     count(DISTINCT r.article) AS articles
RETURN o.name AS official, o.title AS title, chaired + attended + inspected AS total, chaired, attended,
       inspected, articles
ORDER BY total DESC, articles DESC, official
LIMIT $limit
