"""Incremental builds: ``kg build NEW --update DIR`` and ``kg.update`` equal one full build, byte for byte.

The order is defined: an update equals a full build over the old inputs followed by the new ones.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from click.testing import CliRunner
from incremental_corpus import BATCHES, write_batches
from test_parallel import _synth

import kg
from kg.cli import main
from kg.errors import GraphFormatError, KgError
from kg.incremental import STATE_FILE, load_state

FILES = ("graph.json", "graph.graphml", "graph.html", "report.json", STATE_FILE)


def _run(*args: str) -> str:
    result = CliRunner().invoke(main, ["build", *args, "--no-progress"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_five_cli_updates_equal_one_full_build_byte_for_byte(tmp_path: Path) -> None:
    days = write_batches(tmp_path / "in")
    _run(*map(str, days), "--out", str(tmp_path / "full"))
    inc = tmp_path / "inc"
    _run(str(days[0]), "--out", str(inc))
    ids = []
    for day in days[1:]:
        out = _run(str(day), "--update", str(inc))
        assert "new articles added" in out
        ids.append(kg.KnowledgeGraph.from_json(inc / "graph.json").find("王建国", "Official"))
    # the name turns ambiguous in batch 4: the test covers re-resolution, not just appending
    assert ids[1] == ["Official:王建国"] and ids[2] == ["Official:王建国@临川县", "Official:王建国@青川区"]
    for name in FILES:
        assert (inc / name).read_bytes() == (tmp_path / "full" / name).read_bytes(), name
    report = json.loads((inc / "report.json").read_text(encoding="utf-8"))
    assert (report["articles_read"], report["articles_in_graph"]) == (12, 9)
    assert report["skipped_by_reason"] == {"article:duplicate": 2, "article:no-chinese": 1}


def test_library_update_after_each_batch_equals_build_and_extracts_only_new_articles() -> None:
    records = [r for b in BATCHES for r in b]
    full = kg.build(records).to_json()
    g = kg.build(BATCHES[0], incremental=True)
    done: list[str] = []
    for batch in BATCHES[1:]:
        g = kg.update(g, batch, progress=lambda n, a: done.append(a.id))
    # each new article was extracted once; the duplicates and the text without Chinese never reach extraction
    assert done == ["d2-1", "d2-2", "d3-1", "d3-2", "d4-1", "d4-2", "d5-1"]
    assert g.to_json() == full
    assert g.report.articles_in_graph == 9 and g.report.balanced


def test_synthetic_corpus_in_uneven_batches_equals_full_build(tmp_path: Path) -> None:
    records = list(_synth().articles(240, seed=5))
    full = kg.build(records)
    cuts = sorted(random.Random(1).sample(range(1, len(records)), 4))
    parts = [records[a:b] for a, b in zip([0, *cuts], [*cuts, len(records)], strict=True)]
    g = kg.build(parts[0], incremental=True)
    g.state.save(tmp_path)
    for part in parts[1:]:  # through the saved state each time, as the CLI does
        g = kg.update(tmp_path, part)
        g.state.save(tmp_path)
    assert g.to_json() == full.to_json()


def test_updating_with_articles_already_in_the_graph_changes_nothing_but_the_report(tmp_path: Path) -> None:
    days = write_batches(tmp_path / "in")
    _run(str(days[0]), str(days[1]), "--out", str(tmp_path / "g"))
    before = (tmp_path / "g" / "graph.json").read_bytes()
    out = _run(str(days[1]), "--update", str(tmp_path / "g"))
    assert "0 new articles added" in out
    assert (tmp_path / "g" / "graph.json").read_bytes() == before
    report = json.loads((tmp_path / "g" / "report.json").read_text(encoding="utf-8"))
    assert report["skipped_by_reason"] == {"article:duplicate": 2} and report["balanced"]


def test_update_refuses_another_lexicon_and_a_folder_without_state(tmp_path: Path) -> None:
    g = kg.build(BATCHES[0], incremental=True)
    with pytest.raises(KgError, match="another lexicon"):
        kg.update(g, BATCHES[1], extra_lexicon={"titles": ["街道办主任"]})
    with pytest.raises(GraphFormatError, match="no build-state.json"):
        kg.update(tmp_path, BATCHES[1])
    with pytest.raises(KgError, match="keeps no build state"):
        kg.update(kg.build(BATCHES[0]), BATCHES[1])
    (tmp_path / STATE_FILE).write_text("{\"format\": \"other\"}", encoding="utf-8")
    with pytest.raises(GraphFormatError, match="not a kg build state"):
        load_state(tmp_path)
    result = CliRunner().invoke(main, ["build", "x.txt", "--update", str(tmp_path / "none")])
    assert result.exit_code == 1 and "no build-state.json" in result.output


def test_a_graph_object_is_updated_once(tmp_path: Path) -> None:
    g = kg.build(BATCHES[0], incremental=True)
    kg.update(g, BATCHES[1])
    with pytest.raises(KgError, match="keeps no build state"):
        kg.update(g, BATCHES[2])


def test_no_state_writes_no_build_state_and_cannot_be_updated(tmp_path: Path) -> None:
    days = write_batches(tmp_path / "in")
    out = tmp_path / "out"
    first = CliRunner().invoke(main, ["build", str(days[0]), "--out", str(out), "--no-html", "--no-state"])
    assert first.exit_code == 0, first.output
    assert (out / "graph.json").is_file() and not (out / STATE_FILE).exists()
    assert "build-state.json" not in first.output
    again = CliRunner().invoke(main, ["build", str(days[1]), "--update", str(out)])
    assert again.exit_code == 1 and "without --no-state" in again.output
