// Who held a post on a date: officials seen with that post (HOLDS_POST, or their current title) on or before it, latest first.
//
// Parameters:
//   $post  string         the post as written, e.g. 区委书记 (or a Post node id)
//   $date  string = null  ISO date; the first row is the latest holder seen on or before it (null: any time)
// Example:
//   kg query post_holders --param post=区委书记 --param date=2024-03-06
CALL {
  MATCH (o:Official)-[r:HOLDS_POST]->(p:Post)
  WHERE (p.name = $post OR p.id = $post) AND ($date IS NULL OR r.date <= $date)
  RETURN o, r.date AS seen, 'HOLDS_POST' AS source
  UNION
  MATCH (o:Official)
  WHERE o.title = $post AND ($date IS NULL OR o.title_date <= $date)
  RETURN o, o.title_date AS seen, 'title' AS source
}
WITH o, min(seen) AS first_seen, max(seen) AS last_seen, collect(DISTINCT source) AS sources
RETURN o.name AS official, first_seen, last_seen, sources
ORDER BY last_seen DESC, official
