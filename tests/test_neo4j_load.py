"""Loading into the real Neo4j test server: idempotent, merging corpora, reading back."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from neo4j_graphs import sample_graph, second_corpus

import kg
from kg.errors import KgError, Neo4jError
from kg.graph import KnowledgeGraph, union
from kg.model import LABELS, Node, Provenance
from kg.neo4j.catalog import cypher_dir
from kg.neo4j.store import (
    Neo4jSettings,
    connect,
    graph_rows,
    load_graph,
    merge_node,
    node_queries,
    read_subgraph,
    rel_queries,
    run_query,
)

SAMPLES = Path(kg.__file__).parent / "samples"


def snapshot(settings: Neo4jSettings) -> tuple[int, int, list[tuple[str, dict[str, object]]]]:
    driver = connect(settings)
    try:
        nodes = driver.execute_query("MATCH (n) RETURN count(n) AS c").records[0]["c"]
        rels = driver.execute_query("MATCH ()-[r]->() RETURN count(r) AS c").records[0]["c"]
        props = driver.execute_query("MATCH (n) RETURN n.id AS id, properties(n) AS p ORDER BY id").records
        return nodes, rels, [(r["id"], r["p"]) for r in props]
    finally:
        driver.close()


# -- no server needed ---------------------------------------------------------------------------


def test_schema_has_a_uniqueness_constraint_per_label() -> None:
    text = (cypher_dir() / "schema.cypher").read_text(encoding="utf-8")
    for label in LABELS:
        assert re.search(rf"FOR \(n:{label}\) REQUIRE n\.id IS UNIQUE;", text), label
        assert re.search(rf"FOR \(n:{label}\) ON \(n\.name\);", text), label
    assert all("IF NOT EXISTS" in line for line in text.splitlines() if line.startswith("CREATE"))


def test_labels_and_types_are_allow_listed() -> None:
    g = KnowledgeGraph()
    g.nx.add_node("x", label="Official`) DETACH DELETE (n", name="x", mentions=1, articles=[])
    with pytest.raises(Neo4jError, match="not one of kg's allow-list"):
        graph_rows(g)
    g = KnowledgeGraph()
    g.nx.add_node("a", label="Official", name="a")
    g.nx.add_node("b", label="Meeting", name="b")
    g.nx.add_edge("a", "b", key="k", type="KNOWS]->() DETACH DELETE a//", article="x")
    with pytest.raises(Neo4jError, match="type of edge"):
        graph_rows(g)
    with pytest.raises(Neo4jError):
        node_queries("Evil")
    with pytest.raises(Neo4jError):
        rel_queries("CHAIRED", "Official", "Evil")


def test_mentions_combine_idempotently() -> None:
    old = {"label": "Official", "name": "x", "mentions": 4, "articles": ["a1", "a2"]}
    assert merge_node(old, {**old})["mentions"] == 4                                        # re-load
    assert merge_node(old, {**old, "mentions": 7, "articles": ["a1", "a2", "a3"]})["mentions"] == 7
    assert merge_node(old, {**old, "mentions": 1, "articles": ["a1"]})["mentions"] == 4     # subset
    assert merge_node(old, {**old, "mentions": 3, "articles": ["a5"]})["mentions"] == 7     # disjoint
    part = merge_node(old, {**old, "mentions": 4, "articles": ["a2", "a9"]})               # half new
    assert part["mentions"] == 6 and part["articles"] == ["a1", "a2", "a9"]


# -- against the server -------------------------------------------------------------------------


@pytest.mark.neo4j
def test_loading_twice_changes_nothing(neo4j_settings: Neo4jSettings) -> None:
    g = sample_graph()
    first = load_graph(g, neo4j_settings)
    assert (first.nodes, first.nodes_created) == (20, 20)
    assert (first.relationships, first.relationships_created) == (47, 47)
    before = snapshot(neo4j_settings)
    second = load_graph(g, neo4j_settings, batch_size=7)
    assert (second.nodes_created, second.relationships_created) == (0, 0)
    assert snapshot(neo4j_settings) == before
    assert before[:2] == (20, 47)


@pytest.mark.neo4j
def test_second_corpus_merges_like_knowledge_graph_merge(neo4j_settings: Neo4jSettings) -> None:
    a, b = sample_graph(), second_corpus()
    load_graph(a, neo4j_settings)
    load_graph(b, neo4j_settings)
    driver = connect(neo4j_settings)
    try:
        stored = read_subgraph(driver)
        nie = stored.node("程远航")
        assert nie["articles"] == ["a1", "a2", "a3", "a5"] and nie["mentions"] == 3 + 2
        holds = [e for e in stored.edges("HOLDS_POST") if e["source"] == "Official:程远航"]
        assert len(holds) == 1
        assert (holds[0]["first_seen"], holds[0]["last_seen"], holds[0]["articles"]) == \
            ("2024-03-01", "2024-05-20", ["a1", "a5"])
        assert stored.to_dict() == union([a, b]).to_dict()
        before = snapshot(neo4j_settings)
        load_graph(b, neo4j_settings)          # re-loading either corpus changes nothing
        load_graph(a, neo4j_settings)
        load_graph(union([a, b]), neo4j_settings)   # nor does loading their union
        assert snapshot(neo4j_settings) == before
    finally:
        driver.close()


@pytest.mark.neo4j
def test_read_subgraph_round_trip(neo4j_settings: Neo4jSettings) -> None:
    g = sample_graph()
    driver = connect(neo4j_settings)
    try:
        load_graph(g, driver)
        assert read_subgraph(driver).to_dict() == g.to_dict()
        around = read_subgraph(driver, around="翠竹社区")
        assert sorted(around.nx.nodes) == ["Article:a3", "Community:翠竹社区", "Official:程远航",
                                           "Project:鸿拓新材总部项目", "Street:云塘街道"]
        assert around.nx.nodes["Official:程远航"] == g.nx.nodes["Official:程远航"]
        two = read_subgraph(driver, around="Community:翠竹社区", depth=2)
        assert "Region:青川区" in two.nx and "Project:锦湖新城花园项目" in two.nx
        # relationships alone bring their end nodes, with all their properties
        chaired = read_subgraph(driver, "MATCH (:Official)-[r:CHAIRED]->(m) WHERE m.date < $d RETURN r",
                                {"d": "2024-04-01"})
        assert sorted(chaired.nx.edges(keys=True)) == [
            ("Official:李明", "Meeting:项目推进会@2024-03-05", "CHAIRED|a2"),
            ("Official:程远航", "Meeting:区委常委会会议@2024-03-01", "CHAIRED|a1"),
            ("Official:程远航", "Meeting:区委常委会会议@2024-03-01", "CHAIRED|a2")]
        assert chaired.node("李明")["title"] == "区长"
        with pytest.raises(KgError, match="no node named"):
            read_subgraph(driver, around="无名氏")
        g2 = KnowledgeGraph()
        g2.add_node(Node("Street", "区委书记", provenance=Provenance("a9", "x", "r")))
        load_graph(g2, driver)
        with pytest.raises(KgError, match="ambiguous"):
            read_subgraph(driver, around="区委书记")
    finally:
        driver.close()


@pytest.mark.neo4j
def test_graph_built_from_the_bundled_samples(neo4j_settings: Neo4jSettings) -> None:
    graph = kg.build([str(SAMPLES / "qingchuan-daily-2024-03-06.txt"),
                      str(SAMPLES / "qingchuan-corpus.jsonl")])
    stats = load_graph(graph, neo4j_settings)
    assert stats.nodes == len(graph) and stats.relationships == graph.nx.number_of_edges()
    assert load_graph(graph, neo4j_settings).relationships_created == 0

    def ask(query: str, /, **params: str) -> list[dict[str, object]]:
        return run_query(query, params, neo4j_settings)[1]

    meetings = ask("official_meetings", name="王建国")
    rows = [(r["meeting"], r["role"], r["date"]) for r in meetings]
    assert ("区委常委会会议", "CHAIRED", "2024-03-04") in rows
    expected = sorted(m["meeting"] for m in graph.meetings_of("王建国"))
    assert sorted(str(r["meeting"]) for r in meetings) == expected
    inspections = ask("official_inspections", name="李晓峰", since="2024-03-01", until="2024-03-05")
    expected_inspections = graph.inspections("李晓峰", since="2024-03-01", until="2024-03-05")
    assert [(r["target"], r["date"]) for r in inspections] == \
        [(r["target"], r["date"]) for r in expected_inspections]
    top = ask("most_active_officials", limit="1")
    assert top[0]["official"] == "李晓峰"
    inside = {r["name"] for r in ask("area_contents", area="桃源街道")}
    assert {"滨河社区", "新华社区", "柳岸社区", "老城片区改造项目"} <= inside
    community = ask("community_profile", community="滨河社区")
    assert {"王建国", "李晓峰", "桃源街道"} <= {r["other"] for r in community}
