import json

import networkx as nx
import pytest

import kg
from kg import KgError, KnowledgeGraph
from kg.errors import GraphFormatError

ARTICLES = [
    {"id": "d1", "date": "2024-03-04", "title": "区委常委会召开会议",
     "text": "3月4日,区委书记王建国主持召开区委常委会会议,研究部署森林防火工作。"},
    {"id": "d2", "date": "2024-03-06", "title": "王建国督导检查安全生产",
     "text": "3月5日,区委书记王建国先后来到龙溪镇白石村、青川区滨江公园,督导检查安全生产工作。区领导陈立新参加检查。"},
    {"id": "d3", "date": "2024-03-15", "title": "青川区召开优化营商环境工作会议",
     "text": "3月14日,青川区召开优化营商环境工作会议。区委书记王建国出席会议并讲话,区长周敏主持会议。区领导陈立新参加会议。"},
    {"id": "d4", "date": "2024-04-02", "title": "王建国到桃源街道调研",
     "text": "4月1日,区委书记王建国到桃源街道滨河社区调研城市更新工作。"},
]


@pytest.fixture(scope="module")
def g() -> KnowledgeGraph:
    return kg.build(ARTICLES)


def test_same_official_across_articles_is_one_node_with_counted_mentions(g):
    assert g.find("王建国") == ["Official:王建国"]
    node = g.node("王建国")
    assert node["mentions"] >= 4
    assert node["articles"] == ["d1", "d2", "d3", "d4"]


def test_officials_most_mentioned_first(g):
    assert [o["name"] for o in g.officials()][0] == "王建国"


def test_meetings_of_an_official(g):
    rows = g.meetings_of("王建国")
    assert [(r["meeting"], r["role"], r["date"]) for r in rows] == [
        ("区委常委会会议", "chaired", "2024-03-04"), ("优化营商环境工作会议", "attended", "2024-03-14")]
    assert [r["meeting"] for r in g.meetings_of("王建国", role="chaired")] == ["区委常委会会议"]
    with pytest.raises(KgError):
        g.meetings_of("王建国", role="slept")


def test_who_attended_a_meeting(g):
    rows = g.attendees("优化营商环境工作会议")
    assert [(r["name"], r["role"]) for r in rows] == [("周敏", "chaired"), ("王建国", "attended"),
                                                      ("陈立新", "attended")]


def test_inspections_between_two_dates(g):
    march = g.inspections("王建国", since="2024-03-01", until="2024-03-31")
    assert [(r["target"], r["date"]) for r in march] == [("滨江公园", "2024-03-05"), ("白石村", "2024-03-05")]
    assert [r["target"] for r in g.inspections("王建国", since="2024-04-01")] == ["滨河社区"]
    assert {r["target"] for r in g.inspections("陈立新")} == {"白石村", "滨江公园"}


def test_what_lies_in_a_street(g):
    assert {r["name"] for r in g.contents("龙溪镇")} == {"白石村"}
    assert {r["name"] for r in g.contents("桃源街道")} == {"滨河社区"}


def test_evidence_for_an_edge(g):
    [row] = g.evidence("王建国", "白石村")
    assert row["type"] == "INSPECTED" and row["article"] == "d2"
    assert "先后来到龙溪镇白石村" in row["evidence"]


def test_subgraph_around_a_node(g):
    sub = g.subgraph("白石村", depth=1)
    assert set(sub.nx.nodes) == {"Community:白石村", "Official:王建国", "Official:陈立新", "Street:龙溪镇"}
    assert "Article:d2" in g.subgraph("白石村", include_articles=True).nx


def test_ambiguous_and_unknown_names_raise(g):
    with pytest.raises(KgError, match="no node named"):
        g.node("无此人")
    g2 = kg.build([{"id": "x", "text": "3月4日,王建国主持召开区委常委会会议。", "date": "2024-03-05"},
                   {"id": "y", "text": "3月11日,王建国主持召开区委常委会会议。", "date": "2024-03-12"}])
    with pytest.raises(KgError, match="ambiguous"):
        g2.node("区委常委会会议")


def test_json_round_trip_is_lossless_and_stable(g, tmp_path):
    path = tmp_path / "graph.json"
    text = g.to_json(path)
    back = KnowledgeGraph.from_json(path)
    assert nx.utils.graphs_equal(back.nx, g.nx)
    assert back.to_json() == text
    data = json.loads(text)
    assert {"nodes", "edges"} <= set(data)
    assert all({"id", "label", "name"} <= set(n) for n in data["nodes"])
    assert all({"source", "target", "type", "article", "evidence", "rule"} <= set(e) for e in data["edges"])


def test_same_input_gives_byte_identical_json():
    assert kg.build(ARTICLES).to_json() == kg.build(list(reversed(ARTICLES))).to_json()


def test_graphml_and_gexf(g, tmp_path):
    g.write_graphml(tmp_path / "g.graphml")
    g.write_gexf(tmp_path / "g.gexf")
    back = nx.read_graphml(tmp_path / "g.graphml")
    assert back.number_of_nodes() == g.nx.number_of_nodes()
    assert back.nodes["Official:王建国"]["articles"] == "d1;d2;d3;d4"
    assert nx.read_gexf(tmp_path / "g.gexf").number_of_edges() == g.nx.number_of_edges()


def test_bad_graph_files_raise_graph_format_error(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(GraphFormatError, match="invalid JSON"):
        KnowledgeGraph.from_json(bad)
    with pytest.raises(GraphFormatError):
        KnowledgeGraph.from_dict({"nodes": [{"label": "Official"}], "edges": []})
    with pytest.raises(GraphFormatError, match="cannot read"):
        KnowledgeGraph.from_json(tmp_path / "missing.json")


def test_every_node_is_mentioned_in_an_article_and_edges_carry_provenance(g):
    mentioned = {u for u, _, d in g.nx.edges(data=True) if d["type"] == "MENTIONED_IN"}
    assert mentioned == {n for n, d in g.nx.nodes(data=True) if d["label"] != "Article"}
    for _, _, d in g.nx.edges(data=True):
        assert d["article"] in {"d1", "d2", "d3", "d4"} and d["evidence"] and d["rule"]
