// Projects, places, communities and organizations in a street or region (directly or through smaller areas).
//
// Parameters:
//   $area   string         the street's, region's or community's name, or a node id
//   $label  string = null  keep one label only: Project, Place, Community, Street, Organization ...
// Example:
//   kg query area_contents --param area=云塘街道 --param label=Project
MATCH (a) WHERE (a:Street OR a:Region OR a:Community) AND (a.name = $area OR a.id = $area)
MATCH path = (x)-[:LOCATED_IN*1..4]->(a)
WHERE ($label IS NULL OR $label IN labels(x)) AND x <> a
WITH a, x, min(length(path)) AS hops, collect(DISTINCT nodes(path)[1].name) AS parents
RETURN labels(x)[0] AS label, x.name AS name, hops,
       CASE WHEN hops = 1 THEN a.name ELSE parents[0] END AS within, x.id AS id
ORDER BY label, name
