// Who chaired or attended a meeting (officials, other people, organizations), chair first.
//
// Parameters:
//   $meeting  string  the meeting's name (every meeting of that name) or its node id
// Example:
//   kg query meeting_attendees --param meeting=区委常委会会议
MATCH (m:Meeting) WHERE m.name = $meeting OR m.id = $meeting
MATCH (p)-[r:CHAIRED|ATTENDED]->(m)
WITH m, p, r ORDER BY r.article
WITH m, p, type(r) AS role, min(r.date) AS rdate, collect(DISTINCT r.article) AS articles
RETURN m.name AS meeting, coalesce(m.date, rdate) AS date, role, p.name AS name, labels(p)[0] AS label,
       p.title AS title, articles
ORDER BY date, meeting, CASE role WHEN 'CHAIRED' THEN 0 ELSE 1 END, name
