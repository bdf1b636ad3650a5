import json
from pathlib import Path

from click.testing import CliRunner

from kg.cli import main

SAMPLES = Path(__file__).resolve().parent.parent / "kg" / "samples"


def test_help_lists_commands_and_examples():
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    assert "build" in result.output
    build_help = CliRunner().invoke(main, ["build", "--help"])
    assert "--out" in build_help.output and "Examples" in build_help.output


def test_build_on_samples_writes_outputs_and_a_counts_table(tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(SAMPLES), "--out", str(out), "--no-html", "--gexf"])
    assert result.exit_code == 0, result.output
    for name in ("graph.json", "graph.graphml", "graph.gexf", "report.json"):
        assert (out / name).is_file()
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    officials = {n["name"] for n in graph["nodes"] if n["label"] == "Official"}
    assert {"王建国", "周敏", "李晓峰"} <= officials
    assert "Official" in result.output and "INSPECTED" in result.output
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["articles_read"] == report["articles_in_graph"] == 9


def test_missing_input_is_reported_not_a_traceback(tmp_path):
    result = CliRunner().invoke(main, ["build", str(tmp_path / "nope.txt"), "--out", str(tmp_path / "o"),
                                       "--no-html", "--strict"])
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    assert "nope.txt" in result.output


def test_bad_date_is_a_clean_error(tmp_path):
    result = CliRunner().invoke(main, ["build", str(SAMPLES), "--date", "yesterday", "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert result.output.startswith("Error:") and "date" in result.output


def test_extra_lexicon_folder(tmp_path):
    lex = tmp_path / "lex"
    lex.mkdir()
    (lex / "titles.txt").write_text("街道办主任\n", encoding="utf-8")
    src = tmp_path / "a.txt"
    src.write_text("街道办主任赵小川出席桃源街道议事会。", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(src), "--lexicon", str(lex), "--out", str(tmp_path / "o"),
                                       "--no-html"])
    assert result.exit_code == 0, result.output
    graph = json.loads((tmp_path / "o" / "graph.json").read_text(encoding="utf-8"))
    assert [n["title"] for n in graph["nodes"] if n["name"] == "赵小川"] == ["街道办主任"]
