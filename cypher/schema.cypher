// kg's Neo4j schema: one uniqueness constraint per label on `id` (kg's deterministic node key,
// e.g. "Official:程远航", "Meeting:区委常委会会议@2022-12-30"), which also backs MERGE lookups;
// indexes on `name` for every label, on `date` for meetings and articles and on the `date` of the
// event relationships (relationships are MERGEd from their end nodes: no index on their `key`).
// Every statement is IF NOT EXISTS: running it again is harmless.
// `kg load` runs this file before loading; to run it by hand:
//   cypher-shell -u neo4j -p "$NEO4J_PASSWORD" -f cypher/schema.cypher

// uniqueness of node keys
CREATE CONSTRAINT official_id IF NOT EXISTS FOR (n:Official) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT meeting_id IF NOT EXISTS FOR (n:Meeting) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT project_id IF NOT EXISTS FOR (n:Project) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT street_id IF NOT EXISTS FOR (n:Street) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT community_id IF NOT EXISTS FOR (n:Community) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT region_id IF NOT EXISTS FOR (n:Region) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT place_id IF NOT EXISTS FOR (n:Place) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT post_id IF NOT EXISTS FOR (n:Post) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT meetingseries_id IF NOT EXISTS FOR (n:MeetingSeries) REQUIRE n.id IS UNIQUE;

// names
CREATE INDEX official_name IF NOT EXISTS FOR (n:Official) ON (n.name);
CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name);
CREATE INDEX meeting_name IF NOT EXISTS FOR (n:Meeting) ON (n.name);
CREATE INDEX project_name IF NOT EXISTS FOR (n:Project) ON (n.name);
CREATE INDEX street_name IF NOT EXISTS FOR (n:Street) ON (n.name);
CREATE INDEX community_name IF NOT EXISTS FOR (n:Community) ON (n.name);
CREATE INDEX region_name IF NOT EXISTS FOR (n:Region) ON (n.name);
CREATE INDEX organization_name IF NOT EXISTS FOR (n:Organization) ON (n.name);
CREATE INDEX place_name IF NOT EXISTS FOR (n:Place) ON (n.name);
CREATE INDEX article_name IF NOT EXISTS FOR (n:Article) ON (n.name);
CREATE INDEX post_name IF NOT EXISTS FOR (n:Post) ON (n.name);
CREATE INDEX meetingseries_name IF NOT EXISTS FOR (n:MeetingSeries) ON (n.name);

// dates (ISO strings)
CREATE INDEX meeting_date IF NOT EXISTS FOR (n:Meeting) ON (n.date);
CREATE INDEX article_date IF NOT EXISTS FOR (n:Article) ON (n.date);
CREATE INDEX chaired_date IF NOT EXISTS FOR ()-[r:CHAIRED]-() ON (r.date);
CREATE INDEX attended_date IF NOT EXISTS FOR ()-[r:ATTENDED]-() ON (r.date);
CREATE INDEX inspected_date IF NOT EXISTS FOR ()-[r:INSPECTED]-() ON (r.date);
CREATE INDEX holds_post_first_seen IF NOT EXISTS FOR ()-[r:HOLDS_POST]-() ON (r.first_seen);

