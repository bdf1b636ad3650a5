"""`kg load` and `kg query` against the real Neo4j test server."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from neo4j_graphs import sample_graph, second_corpus

from kg.cli import main
from kg.neo4j.catalog import catalog
from kg.neo4j.store import Neo4jSettings, run_query


def test_query_list_needs_no_server() -> None:
    result = CliRunner().invoke(main, ["query", "--list"], env={"NEO4J_URI": "bolt://127.0.0.1:1"})
    assert result.exit_code == 0
    for name, q in catalog().items():
        assert f"{name:<24} {q.description}" in result.output
    shown = CliRunner().invoke(main, ["query", "shortest_path", "--show"])
    assert "shortestPath" in shown.output and "$from string" in shown.output


def test_query_usage_errors() -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["query"]).output == "Error: name a query (kg query --list shows them)\n"
    bad = runner.invoke(main, ["query", "official_meetings", "-p", "name"])
    assert bad.exit_code == 1 and "--param wants key=value" in bad.output
    missing = runner.invoke(main, ["query", "official_meetings"])
    assert missing.output.startswith("Error: query official_meetings needs --param name=")


@pytest.mark.neo4j
def test_load_and_query(neo4j_settings: Neo4jSettings, tmp_path: Path) -> None:
    runner = CliRunner()
    env = {"NEO4J_URI": neo4j_settings.uri}
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    sample_graph().to_json(first)
    second_corpus().to_json(second)

    loaded = runner.invoke(main, ["load", str(first), str(second)], env=env)
    assert loaded.exit_code == 0, loaded.output
    lines = loaded.output.splitlines()
    assert lines[0] == (f"{first}: loaded 20 nodes (20 new), 47 relationships (47 new) in "
                        f"{lines[0].split(' in ')[1].split()[0]} into {neo4j_settings.uri}")
    assert "5 nodes (3 new)" in lines[1]  # 王芳, the new meeting and article a5 are new
    again = runner.invoke(main, ["load", str(first), "--uri", neo4j_settings.uri, "--batch-size", "5"])
    assert "(0 new), 47 relationships (0 new)" in again.output

    table = runner.invoke(main, ["query", "official_meetings", "--param", "name=程远航"], env=env)
    assert table.exit_code == 0, table.output
    out = table.output.splitlines()
    assert out[0].split() == ["meeting", "role", "date", "article", "evidence", "id"]
    assert out[2].split()[:4] == ["区委常委会会议", "CHAIRED", "2024-03-01", "a1"]
    assert out[-1] == "(5 rows)"

    as_json = runner.invoke(main, ["query", "official_inspections", "-p", "name=程远航",
                                   "-p", "since=2024-03-01", "--json", "--uri", neo4j_settings.uri])
    params = {"name": "程远航", "since": "2024-03-01"}
    assert json.loads(as_json.output) == run_query("official_inspections", params, neo4j_settings)[1]
    assert [r["target"] for r in json.loads(as_json.output)] == ["锦湖新城花园项目", "翠竹社区"]


@pytest.mark.neo4j
def test_build_straight_into_neo4j(neo4j_settings: Neo4jSettings, tmp_path: Path) -> None:
    samples = Path(__file__).resolve().parent.parent / "kg" / "samples"
    result = CliRunner().invoke(main, ["build", str(samples), "--out", str(tmp_path), "--no-html", "--jobs", "1",
                                       "--neo4j", "--uri", neo4j_settings.uri])
    assert result.exit_code == 0, result.output
    assert "Neo4j:" in result.output
    graph = json.loads((tmp_path / "graph.json").read_text(encoding="utf-8"))
    _, rows = run_query("official_meetings", {"name": "王建国"}, neo4j_settings)
    chaired = {r["meeting"] for r in rows if r["role"] == "CHAIRED"}
    assert "区委常委会会议" in chaired
    _, officials = run_query("most_active_officials", {"limit": 100}, neo4j_settings)
    assert {r["official"] for r in officials} >= {"王建国", "周敏", "李晓峰"}
    assert len([n for n in graph["nodes"] if n["label"] == "Official"]) >= 3
