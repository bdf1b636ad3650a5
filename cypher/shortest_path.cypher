// The shortest connection between two officials through meetings, inspections, places and posts (not articles).
//
// Parameters:
//   $from  string  one official (name or node id)
//   $to    string  the other official
// Example:
//   kg query shortest_path --param from=程远航 --param to=谭庆林
MATCH (a:Official) WHERE a.name = $from OR a.id = $from
MATCH (b:Official) WHERE (b.name = $to OR b.id = $to) AND a <> b
MATCH p = shortestPath((a)-[:CHAIRED|ATTENDED|INSPECTED|LOCATED_IN|HOLDS_POST*..10]-(b))
RETURN length(p) AS hops,
       reduce(s = a.name, i IN range(0, length(p) - 1) |
              s + CASE WHEN startNode(relationships(p)[i]) = nodes(p)[i]
                       THEN ' -' + type(relationships(p)[i]) + '-> '
                       ELSE ' <-' + type(relationships(p)[i]) + '- ' END + nodes(p)[i + 1].name) AS route,
       [n IN nodes(p) | n.id] AS ids
