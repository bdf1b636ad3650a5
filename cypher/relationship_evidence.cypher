// The evidence behind the relationships between two nodes: sentence, article, date and extractor rule.
//
// Parameters:
//   $source  string         one end (name or node id), e.g. an official
//   $target  string         the other end (name or node id), e.g. a meeting; either direction matches
//   $type    string = null  one relationship type only (CHAIRED, ATTENDED, INSPECTED, ...)
// Example:
//   kg query relationship_evidence --param source=程远航 --param target=区委常委会会议
MATCH (a) WHERE a.name = $source OR a.id = $source
MATCH (b) WHERE b.name = $target OR b.id = $target
MATCH (a)-[r]-(b)
WHERE $type IS NULL OR type(r) = toUpper($type)
RETURN type(r) AS type, startNode(r).name AS source, endNode(r).name AS target, r.date AS date,
       r.article AS article, r.rule AS rule, r.evidence AS evidence
ORDER BY type, date, article, source
