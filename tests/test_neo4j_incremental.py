"""Successive loads of a growing corpus, and concurrent loaders, against the real Neo4j test server.

Five daily ``kg build --update`` + ``kg load`` rounds leave the database exactly as one load of the
full build (ids, relationship keys, every property), although batch 4 splits a person loaded by
batches 1–3 and batches 2–3 join unscoped posts into scoped ones.  Two loaders at once finish without
error and leave what one load leaves.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from incremental_corpus import write_batches
from test_parallel import _synth

import kg
from kg.cli import main
from kg.graph import KnowledgeGraph
from kg.neo4j.store import Neo4jSettings, connect, load_graph

pytestmark = pytest.mark.neo4j


def _snapshot(settings: Neo4jSettings) -> tuple[list[Any], list[Any]]:
    """Every node (labels, properties) and relationship (ends, type, properties), sorted."""
    driver = connect(settings)
    try:
        nodes = driver.execute_query("MATCH (n) RETURN labels(n) AS l, properties(n) AS p").records
        rels = driver.execute_query("MATCH (a)-[r]->(b) RETURN a.id AS a, b.id AS b, type(r) AS t, "
                                    "properties(r) AS p").records
    finally:
        driver.close()
    return (sorted((r["p"]["id"], r["l"], sorted(r["p"].items())) for r in nodes),
            sorted((r["a"], r["b"], r["t"], sorted(r["p"].items())) for r in rels))


def _clear(settings: Neo4jSettings) -> None:
    driver = connect(settings)
    try:
        driver.execute_query("MATCH (n) DETACH DELETE n")
    finally:
        driver.close()


def _cli(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_five_batch_loads_equal_one_full_load(neo4j_settings: Neo4jSettings, tmp_path: Path) -> None:
    days = write_batches(tmp_path / "in")
    uri = ["--uri", neo4j_settings.uri]
    out = tmp_path / "out"
    printed = []
    for i, day in enumerate(days):
        _cli("build", str(day), *(["--out", str(out)] if i == 0 else ["--update", str(out)]), "--no-progress")
        printed.append(_cli("load", str(out / "graph.json"), *uri))
    assert "re-keyed Official:王建国 → Official:王建国@临川县, Official:王建国@青川区" in printed[3]
    assert "re-keyed Post:副区长 → Post:副区长@青川区" in printed[2]
    assert "removed" not in printed[4]
    batches = _snapshot(neo4j_settings)

    _clear(neo4j_settings)
    _cli("build", *map(str, days), "--out", str(tmp_path / "full"), "--no-progress")
    _cli("load", str(tmp_path / "full" / "graph.json"), *uri)
    full = _snapshot(neo4j_settings)
    assert [n[0] for n in batches[0]] == [n[0] for n in full[0]]  # the same ids
    assert batches == full  # and the same labels, relationships and properties
    assert len(full[0]) == len(KnowledgeGraph.from_json(tmp_path / "full" / "graph.json"))
    assert not any(n[0] == "Official:王建国" for n in full[0])


def test_a_second_corpus_is_never_pruned(neo4j_settings: Neo4jSettings) -> None:
    records = list(_synth().articles(40, seed=2))
    one, two = kg.build(records[:20]), kg.build(records[20:])
    load_graph(one, neo4j_settings)
    stats = load_graph(two, neo4j_settings)
    assert stats.nodes_removed == 0 and stats.relationships_removed == 0
    ids = {n[0] for n in _snapshot(neo4j_settings)[0]}
    assert set(one.nx) | set(two.nx) == ids


def _load_at_once(settings: Neo4jSettings, graphs: list[KnowledgeGraph]) -> list[BaseException]:
    errors: list[BaseException] = []
    start = threading.Barrier(len(graphs))

    def run(graph: KnowledgeGraph) -> None:
        try:
            start.wait()
            load_graph(graph, settings, batch_size=40)  # small batches: the two loaders interleave
        except BaseException as exc:  # noqa: BLE001 - reported by the test below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(g,)) for g in graphs]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=600)
    return errors


def test_two_loaders_at_once_equal_one_load(neo4j_settings: Neo4jSettings) -> None:
    graph = kg.build(list(_synth().articles(150, seed=4)))
    load_graph(graph, neo4j_settings)
    once = _snapshot(neo4j_settings)
    _clear(neo4j_settings)
    assert _load_at_once(neo4j_settings, [graph, graph]) == []
    assert _snapshot(neo4j_settings) == once


def test_two_loaders_of_different_batches_at_once_leave_no_duplicate(neo4j_settings: Neo4jSettings) -> None:
    records = list(_synth().articles(150, seed=6))
    a, b = kg.build(records[:75]), kg.build(records[75:])
    load_graph(a, neo4j_settings)
    load_graph(b, neo4j_settings)
    nodes, rels = _snapshot(neo4j_settings)
    _clear(neo4j_settings)
    assert _load_at_once(neo4j_settings, [a, b]) == []
    nodes2, rels2 = _snapshot(neo4j_settings)
    assert [n[0] for n in nodes2] == [n[0] for n in nodes]  # one node per id: the constraint held
    assert [r[:3] for r in rels2] == [r[:3] for r in rels]  # no relationship written twice
    # articles and mentions of the shared nodes combine whichever loader came first
    assert {n[0]: dict(n[2])["articles"] for n in nodes2} == {n[0]: dict(n[2])["articles"] for n in nodes}
