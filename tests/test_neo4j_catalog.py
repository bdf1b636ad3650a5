"""Every query of the Cypher catalog, against the real Neo4j test server, on a hand-built graph."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from neo4j_graphs import sample_graph

from kg.errors import KgError
from kg.neo4j.catalog import catalog, format_table, get_query, split_statements
from kg.neo4j.store import Neo4jSettings, connect, load_graph, run_query

pytestmark = pytest.mark.neo4j


@pytest.fixture(scope="module")
def loaded(neo4j_uri: str) -> Iterator[Neo4jSettings]:
    settings = Neo4jSettings.from_env(uri=neo4j_uri)
    driver = connect(settings)
    try:
        driver.execute_query("MATCH (n) DETACH DELETE n", database_=settings.database)
        load_graph(sample_graph(), driver)
    finally:
        driver.close()
    yield settings


def ask(settings: Neo4jSettings, query: str, /, **params: Any) -> list[dict[str, Any]]:
    return run_query(query, params, settings)[1]


def cols(rows: list[dict[str, Any]], *names: str) -> list[tuple[Any, ...]]:
    return [tuple(r[n] for n in names) for r in rows]


def test_every_catalog_query_is_tested() -> None:
    tested = {name[len("test_"):] for name in globals() if name.startswith("test_")}
    assert set(catalog()) <= tested, set(catalog()) - tested


def test_official_meetings(loaded: Neo4jSettings) -> None:
    rows = ask(loaded, "official_meetings", name="程远航")
    assert cols(rows, "meeting", "role", "date", "article") == [
        ("区委常委会会议", "CHAIRED", "2024-03-01", "a1"),
        ("区委常委会会议", "CHAIRED", "2024-03-01", "a2"),
        ("项目推进会", "ATTENDED", "2024-03-05", "a2"),
        ("安全生产工作会议", "CHAIRED", "2024-04-10", "a3"),
    ]
    assert rows[1]["evidence"] == "3月1日，程远航主持召开区委常委会会议。"
    assert [r["meeting"] for r in ask(loaded, "official_meetings", name="Official:程远航", role="attended")] \
        == ["项目推进会"]
    assert ask(loaded, "official_meetings", name="无名氏") == []


def test_meeting_attendees(loaded: Neo4jSettings) -> None:
    rows = ask(loaded, "meeting_attendees", meeting="项目推进会")
    assert cols(rows, "role", "name", "label", "date") == [
        ("CHAIRED", "李明", "Official", "2024-03-05"),
        ("ATTENDED", "程远航", "Official", "2024-03-05"),
        ("ATTENDED", "谭庆林", "Official", "2024-03-05"),
        ("ATTENDED", "青川区委组织部", "Organization", "2024-03-05"),
    ]
    first = ask(loaded, "meeting_attendees", meeting="区委常委会会议")[0]
    assert (first["name"], first["title"], first["articles"]) == ("程远航", "区委书记", ["a1", "a2"])


def test_official_inspections(loaded: Neo4jSettings) -> None:
    rows = ask(loaded, "official_inspections", name="程远航")
    assert cols(rows, "date", "target", "label") == [
        ("2024-03-05", "锦湖新城花园项目", "Project"),
        ("2024-04-10", "翠竹社区", "Community"),
        (None, "鸿拓新材总部项目", "Project"),  # undated: last, and only without a range
    ]
    march = ask(loaded, "official_inspections", name="程远航", since="2024-03-01", until="2024-03-31")
    assert cols(march, "target", "evidence") == [("锦湖新城花园项目", "程远航来到锦湖新城花园项目检查。")]
    assert [r["target"] for r in ask(loaded, "official_inspections", name="程远航", since="2024-04-01")] \
        == ["翠竹社区"]


def test_area_contents(loaded: Neo4jSettings) -> None:
    rows = ask(loaded, "area_contents", area="云塘街道")
    assert cols(rows, "label", "name", "hops", "within") == [
        ("Community", "翠竹社区", 1, "云塘街道"),
        ("Project", "锦湖新城花园项目", 1, "云塘街道"),
        ("Project", "鸿拓新材总部项目", 2, "翠竹社区"),
    ]
    region = ask(loaded, "area_contents", area="青川区")
    assert cols(region, "label", "name", "hops") == [
        ("Community", "翠竹社区", 2), ("Place", "星河广场", 1), ("Project", "锦湖新城花园项目", 2),
        ("Project", "鸿拓新材总部项目", 3), ("Street", "云塘街道", 1),
    ]
    assert [r["name"] for r in ask(loaded, "area_contents", area="青川区", label="Project")] \
        == ["锦湖新城花园项目", "鸿拓新材总部项目"]


def test_co_attendance(loaded: Neo4jSettings) -> None:
    rows = ask(loaded, "co_attendance")
    assert cols(rows, "official", "other", "meetings") == [
        ("程远航", "谭庆林", 3), ("李明", "程远航", 2), ("李明", "谭庆林", 2),
        ("方志成", "程远航", 1), ("方志成", "谭庆林", 1),
    ]
    assert rows[0]["examples"] == ["区委常委会会议", "项目推进会", "安全生产工作会议"]
    mine = ask(loaded, "co_attendance", name="程远航", min=2)
    assert cols(mine, "official", "other", "meetings") == [("程远航", "谭庆林", 3), ("程远航", "李明", 2)]
    assert len(ask(loaded, "co_attendance", limit=1)) == 1


def test_most_active_officials(loaded: Neo4jSettings) -> None:
    rows = ask(loaded, "most_active_officials")
    assert cols(rows, "official", "total", "chaired", "attended", "inspected", "articles") == [
        ("程远航", 6, 2, 1, 3, 3), ("谭庆林", 4, 0, 3, 1, 3),
        ("李明", 2, 1, 1, 0, 2), ("方志成", 1, 0, 1, 0, 1),
    ]
    march = ask(loaded, "most_active_officials", since="2024-03-01", until="2024-03-31", limit=3)
    assert cols(march, "official", "total", "chaired", "attended", "inspected") == [
        ("程远航", 3, 1, 1, 1), ("谭庆林", 3, 0, 2, 1), ("方志成", 1, 0, 1, 0),
    ]


def test_relationship_evidence(loaded: Neo4jSettings) -> None:
    rows = ask(loaded, "relationship_evidence", source="程远航", target="区委常委会会议")
    assert cols(rows, "type", "source", "target", "date", "article", "rule", "evidence") == [
        ("CHAIRED", "程远航", "区委常委会会议", "2024-03-01", "a1", "chaired-rule",
         "区委书记程远航主持召开区委常委会会议。"),
        ("CHAIRED", "程远航", "区委常委会会议", "2024-03-01", "a2", "chaired-rule",
         "3月1日，程远航主持召开区委常委会会议。"),
    ]
    # either direction, and one type only
    back = ask(loaded, "relationship_evidence", source="区委常委会会议", target="程远航", type="chaired")
    assert len(back) == 2
    assert ask(loaded, "relationship_evidence", source="程远航", target="区委常委会会议",
               type="ATTENDED") == []


def test_shortest_path(loaded: Neo4jSettings) -> None:
    rows = ask(loaded, "shortest_path", **{"from": "方志成", "to": "谭庆林"})
    assert cols(rows, "hops", "route") == [(2, "方志成 -ATTENDED-> 区委常委会会议 <-ATTENDED- 谭庆林")]
    far = ask(loaded, "shortest_path", **{"from": "方志成", "to": "李明"})
    assert far[0]["hops"] == 4 and far[0]["route"].startswith("方志成 -ATTENDED-> 区委常委会会议 <-")
    assert far[0]["ids"][0] == "Official:方志成" and far[0]["ids"][-1] == "Official:李明"
    assert not any("Article" in i for i in far[0]["ids"])


def test_community_profile(loaded: Neo4jSettings) -> None:
    rows = ask(loaded, "community_profile", community="翠竹社区")
    assert cols(rows, "relation", "direction", "label", "other", "date") == [
        ("INSPECTED", "in", "Official", "程远航", "2024-04-10"),
        ("LOCATED_IN", "in", "Project", "鸿拓新材总部项目", "2024-03-01"),
        ("LOCATED_IN", "out", "Street", "云塘街道", "2024-04-10"),
        ("MENTIONED_IN", "out", "Article", "a3", "2024-04-10"),
    ]
    assert rows[0]["evidence"] == "程远航深入翠竹社区调研。"


def test_official_timeline(loaded: Neo4jSettings) -> None:
    rows = ask(loaded, "official_timeline", name="程远航")
    assert cols(rows, "date", "event", "what") == [
        ("2024-03-01", "CHAIRED", "区委常委会会议"), ("2024-03-01", "CHAIRED", "区委常委会会议"),
        ("2024-03-01", "HOLDS_POST", "区委书记"),
        ("2024-03-05", "ATTENDED", "项目推进会"), ("2024-03-05", "INSPECTED", "锦湖新城花园项目"),
        ("2024-04-10", "CHAIRED", "安全生产工作会议"), ("2024-04-10", "INSPECTED", "翠竹社区"),
        (None, "INSPECTED", "鸿拓新材总部项目"),
    ]


def test_post_holders(loaded: Neo4jSettings) -> None:
    before = ask(loaded, "post_holders", post="区委书记", date="2024-01-01")
    assert cols(before, "official", "last_seen") == [("李明", "2023-06-01")]
    then = ask(loaded, "post_holders", post="区委书记", date="2024-03-06")
    assert cols(then, "official", "first_seen", "last_seen") == [
        ("程远航", "2024-03-01", "2024-03-01"), ("李明", "2023-06-01", "2023-06-01")]
    anytime = ask(loaded, "post_holders", post="区委书记")
    assert anytime[0]["official"] == "程远航" and anytime[0]["last_seen"] == "2024-04-10"
    assert sorted(anytime[0]["sources"]) == ["HOLDS_POST", "title"]


# -- the catalog itself (no server needed, but cheap) ------------------------------------------


def test_catalog_headers_and_params() -> None:
    queries = catalog()
    assert len(queries) >= 11 and "schema" not in queries
    for q in queries.values():
        assert q.description and q.example.startswith(f"kg query {q.name}"), q.name
        declared = {p.name for p in q.params}
        used = set(__import__("re").findall(r"\$(\w+)", q.text))
        assert used == declared, (q.name, used ^ declared)


def test_bind_converts_and_checks() -> None:
    q = get_query("co_attendance")
    assert q.bind({"min": "2"}) == {"name": None, "min": 2, "limit": 25}
    with pytest.raises(KgError, match="must be int"):
        q.bind({"min": "two"})
    with pytest.raises(KgError, match="has no parameter nope"):
        q.bind({"nope": "1"})
    with pytest.raises(KgError, match="needs --param name"):
        get_query("official_meetings").bind({})
    with pytest.raises(KgError, match="no query 'nope'"):
        get_query("nope")


def test_split_statements_and_table() -> None:
    assert split_statements("// c\nCREATE INDEX a;\nCREATE INDEX b;\n") == \
        ["CREATE INDEX a", "CREATE INDEX b"]
    table = format_table(["name", "n"], [{"name": "程远航", "n": 3}, {"name": "ab", "n": None}])
    assert table.splitlines() == ["name    n", "------  -", "程远航  3", "ab"]
