"""``KnowledgeGraph.to_pandas()``: every node and edge, every property, and back to an equal graph."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import kg
from kg.graph import KnowledgeGraph

SAMPLES = Path(kg.__file__).parent / "samples"


@pytest.fixture(scope="module")
def samples() -> KnowledgeGraph:
    g = kg.build([str(SAMPLES)])
    g.nx.graph["title"] = "青川区 samples"
    return g


def typed(value: Any) -> Any:
    """A value with its type spelled out, so 3 and 3.0, or "1" and 1, are different."""
    if isinstance(value, list):
        return ("list", [typed(v) for v in value])
    return (type(value).__name__, value)


def nodes_of(g: KnowledgeGraph) -> dict[str, dict[str, Any]]:
    return {n: {k: typed(v) for k, v in d.items()} for n, d in g.nx.nodes(data=True)}


def edges_of(g: KnowledgeGraph) -> dict[tuple[str, str, str], dict[str, Any]]:
    return {(u, v, k): {a: typed(b) for a, b in d.items()} for u, v, k, d in g.nx.edges(keys=True, data=True)}


def test_every_node_and_edge_with_every_property(samples: KnowledgeGraph) -> None:
    nodes, edges = samples.to_pandas()
    assert len(nodes) == len(samples) and len(edges) == samples.nx.number_of_edges()
    assert set(nodes.index) == set(samples.nx.nodes)
    props = {k for _, d in samples.nx.nodes(data=True) for k in d}
    assert set(nodes.columns) == props
    assert {k for *_, d in samples.nx.edges(data=True) for k in d} | {"source", "target", "key"} == set(edges.columns)
    wang = nodes.loc["Official:王建国"]
    assert (wang["label"], wang["name"], wang["title"]) == ("Official", "王建国", "区委书记")
    assert wang["mentions"] == samples.nx.nodes["Official:王建国"]["mentions"]
    assert wang["articles"] == samples.nx.nodes["Official:王建国"]["articles"]
    assert str(nodes["mentions"].dtype) == "Int64"
    # what analysts do with it
    top = nodes[nodes["label"] == "Official"].sort_values("mentions", ascending=False)
    assert top.iloc[0]["name"] == samples.officials()[0]["name"]
    chaired = edges[edges["type"] == "CHAIRED"].merge(nodes, left_on="source", right_index=True)
    assert set(chaired["name"]) == {r["name"] for r in samples.nodes("Official")
                                    if any(m["role"] == "chaired" for m in samples.meetings_of(r["id"]))}
    assert nodes.attrs["graph"] == {"title": "青川区 samples"}


def test_round_trip_gives_an_equal_graph(samples: KnowledgeGraph) -> None:
    back = KnowledgeGraph.from_pandas(*samples.to_pandas())
    assert nodes_of(back) == nodes_of(samples)
    assert edges_of(back) == edges_of(samples)
    assert back.nx.graph == samples.nx.graph
    assert back.to_json() == samples.to_json()


def test_round_trip_keeps_types_of_sparse_and_odd_properties() -> None:
    g = KnowledgeGraph()
    g.nx.add_node("Official:甲", label="Official", name="甲", mentions=3, articles=["a1", "a2"], rank=7)
    g.nx.add_node("Place:乙", label="Place", name="乙", mentions=1, articles=[], score=0.5, flag=True)
    g.nx.add_node("Place:丙", label="Place", name='<img src=x onerror="alert(1)">', mentions=0, articles=["a1"])
    g.nx.add_edge("Official:甲", "Place:乙", key="INSPECTED|a1", type="INSPECTED", article="a1",
                  evidence="甲到乙调研。", rule="r", date="2024-03-05", weight=2)
    g.nx.add_edge("Official:甲", "Place:乙", key="INSPECTED|a2", type="INSPECTED", article="a2",
                  evidence="甲再到乙。", rule="r")
    g.nx.add_edge("Place:丙", "Place:乙", key="LOCATED_IN|a1", type="LOCATED_IN", article="a1", evidence="", rule="r",
                  articles=["a1"])
    nodes, edges = g.to_pandas()
    assert pd.isna(nodes.loc["Place:乙", "rank"]) and nodes.loc["Official:甲", "rank"] == 7
    back = KnowledgeGraph.from_pandas(nodes, edges)
    assert nodes_of(back) == nodes_of(g)
    assert edges_of(back) == edges_of(g)


def test_empty_graph() -> None:
    nodes, edges = KnowledgeGraph().to_pandas()
    assert len(nodes) == 0 and len(edges) == 0
    assert len(KnowledgeGraph.from_pandas(nodes, edges)) == 0


def test_without_pandas_a_clear_kg_error(monkeypatch: pytest.MonkeyPatch, samples: KnowledgeGraph) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # what `import pandas` does when it is not installed
    with pytest.raises(kg.MissingDependencyError, match=r"pip install 'kg\[pandas\]'") as info:
        samples.to_pandas()
    assert isinstance(info.value, kg.KgError) and isinstance(info.value, ImportError)
