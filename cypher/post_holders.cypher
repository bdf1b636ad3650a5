// Who held a post on a date: officials seen with that post (HOLDS_POST, or their current title), those holding it on the date first.
//
// Parameters:
//   $post  string         the post as written, e.g. 区委书记 (or a Post node id)
//   $date  string = null  ISO date: keep officials first seen with the post on or before it, and put
//                          those whose first..last sighting spans it first (null: any time)
// Example:
//   kg query post_holders --param post=区委书记 --param date=2024-03-06
CALL {
  MATCH (o:Official)-[r:HOLDS_POST]->(p:Post)
  WHERE (p.name = $post OR p.id = $post) AND ($date IS NULL OR r.first_seen <= $date)
  RETURN o, r.first_seen AS first, coalesce(r.last_seen, r.first_seen) AS last, 'HOLDS_POST' AS source
  UNION
  MATCH (o:Official)
  WHERE o.title = $post AND ($date IS NULL OR o.title_date <= $date)
  RETURN o, o.title_date AS first, o.title_date AS last, 'title' AS source
}
WITH o, min(first) AS first_seen, max(last) AS last_seen, collect(DISTINCT source) AS sources
RETURN o.name AS official, first_seen, last_seen,
       $date IS NOT NULL AND first_seen <= $date AND last_seen >= $date AS on_date, sources
ORDER BY on_date DESC, last_seen DESC, official
