// An official's (or organization's) inspections and visits in a date range, in date order.
//
// Parameters:
//   $name   string         the official's or organization's name, or a node id
//   $since  string = null  first ISO date to include (e.g. 2024-01-01); undated inspections are
//                          left out as soon as a bound is given
//   $until  string = null  last ISO date to include
// Example:
//   kg query official_inspections --param name=程远航 --param since=2024-01-01 --param until=2024-06-30
MATCH (o)-[r:INSPECTED]->(t)
WHERE (o:Official OR o:Organization) AND (o.name = $name OR o.id = $name)
  AND ($since IS NULL OR r.date >= $since) AND ($until IS NULL OR r.date <= $until)
  AND (r.date IS NOT NULL OR ($since IS NULL AND $until IS NULL))
RETURN r.date AS date, t.name AS target, labels(t)[0] AS label, r.article AS article, r.evidence AS evidence
ORDER BY date, article, target
