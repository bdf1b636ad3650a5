// Everything known about a community: where it lies, what lies in it, who inspected it, which articles mention it.
//
// Parameters:
//   $community  string  the community's (社区/村) name or node id
// Example:
//   kg query community_profile --param community=翠竹社区
MATCH (c:Community) WHERE c.name = $community OR c.id = $community
MATCH (c)-[r]-(x)
RETURN c.name AS community, type(r) AS relation,
       CASE WHEN startNode(r) = c THEN 'out' ELSE 'in' END AS direction, labels(x)[0] AS label,
       CASE WHEN x:Article AND coalesce(x.title, '') <> '' THEN x.title ELSE x.name END AS other,
       r.date AS date, r.article AS article, r.evidence AS evidence
ORDER BY relation, direction, other, date, article
