"""Parallel and distributed builds give the graph of a one-process build, byte for byte.

``--jobs 2`` (worker processes) and ``--engine dask`` (a loopback ``LocalCluster`` of two worker
processes) are compared with ``--jobs 1`` on the bundled samples and on a small synthetic corpus
written by ``bench/synth.py``; the report's accounting and the progress callback stay exact.
"""

from __future__ import annotations

import importlib.util
import itertools
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.errors import KgError
from kg.lexicon import Lexicon
from kg.model import Article
from kg.parallel import default_jobs, extract_stream
from kg.pipeline import build
from kg.report import Report

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "kg" / "samples"


def _synth() -> ModuleType:
    spec = importlib.util.spec_from_file_location("kg_bench_synth", ROOT / "bench" / "synth.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with the samples, a synthetic JSONL corpus, a synthetic page and a file with no Chinese."""
    d = tmp_path_factory.mktemp("corpus")
    synth = _synth()
    synth.write_jsonl(d / "synth.jsonl", 150, seed=7)
    (d / "page.txt").write_text(synth.page(12, seed=8), encoding="utf-8")
    (d / "latin.jsonl").write_text(json.dumps({"id": "x", "text": "no Chinese here"}) + "\n", encoding="utf-8")
    for f in SAMPLES.iterdir():
        (d / f.name).write_bytes(f.read_bytes())
    return d


def _build(src: Path, **kw: Any) -> tuple[str, Report, list[tuple[int, str]]]:
    report = Report()
    seen: list[tuple[int, str]] = []
    graph = build([src], report=report, progress=lambda n, a: seen.append((n, a.id)), **kw)
    return graph.to_json(), report, seen


@pytest.fixture(scope="module")
def serial(corpus: Path) -> tuple[str, Report, list[tuple[int, str]]]:
    return _build(corpus, jobs=1)


def _same(result: tuple[str, Report, list[tuple[int, str]]],
          expected: tuple[str, Report, list[tuple[int, str]]]) -> None:
    text, report, seen = result
    assert text == expected[0]
    assert report.as_dict() == expected[1].as_dict()
    assert report.balanced and report.articles_read == report.articles_in_graph + report.articles_skipped
    assert seen == expected[2]


def test_serial_build_is_meaningful(serial: tuple[str, Report, list[tuple[int, str]]]) -> None:
    text, report, seen = serial
    data = json.loads(text)
    labels = {n["label"] for n in data["nodes"]}
    assert {"Official", "Meeting", "Project", "Street", "Community", "Article"} <= labels
    assert report.articles_in_graph > 150 and len(seen) == report.articles_in_graph
    assert [n for n, _ in seen] == list(range(1, len(seen) + 1))


@pytest.mark.parametrize("batch_size", [1, 7, 32])
def test_jobs_2_same_graph_as_jobs_1(corpus: Path, serial: tuple[str, Report, list[tuple[int, str]]],
                                     batch_size: int) -> None:
    _same(_build(corpus, jobs=2, batch_size=batch_size), serial)


def test_samples_alone_jobs_2(serial: tuple[str, Report, list[tuple[int, str]]]) -> None:
    one = build([SAMPLES], jobs=1).to_json()
    assert build([SAMPLES], jobs=2, batch_size=2).to_json() == one
    assert build([SAMPLES], jobs=2).to_json() == one  # one batch: extracted in this process


def test_cli_jobs(corpus: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"j{jobs}"
        res = runner.invoke(main, ["build", str(corpus), "--out", str(out), "--no-html", "--jobs", jobs])
        assert res.exit_code == 0, res.output
        outs.append((out / "graph.json").read_bytes())
    assert outs[0] == outs[1]
    res = runner.invoke(main, ["build", str(corpus), "--out", str(tmp_path / "bad"), "--jobs", "0"])
    assert res.exit_code != 0


def test_bounded_in_flight() -> None:
    """The reader is pulled only as results come back: the stream is never read far ahead."""
    pulled = 0

    def articles() -> Iterator[Article]:
        nonlocal pulled
        for i in itertools.count():
            pulled += 1
            yield Article(id=f"a{i}", text=f"区委书记王建国主持召开区委常委会会议。第{i}次。")

    lex = Lexicon.load()
    stream = extract_stream(articles(), lex, jobs=2, batch_size=4, window=3)
    for k, (art, ex) in enumerate(itertools.islice(stream, 40)):
        assert art.id == f"a{k}" and ex is not None and ex.article is art
        assert pulled <= k + 1 + 4 * 4  # in flight: 3 batches, plus the one being filled
    stream.close()


def test_bad_options() -> None:
    with pytest.raises(KgError):
        build(["区委书记王建国主持召开区委常委会会议。"], engine="spark")
    with pytest.raises(KgError):
        build(["区委书记王建国主持召开区委常委会会议。"], scheduler="tcp://127.0.0.1:1")
    with pytest.raises(KgError):
        build(["区委书记王建国主持召开区委常委会会议。"], jobs=0)
    assert default_jobs() >= 1


# -- Dask ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as c:
        yield c


def test_dask_same_graph_as_jobs_1(corpus: Path, serial: tuple[str, Report, list[tuple[int, str]]],
                                   cluster: Any) -> None:
    _same(_build(corpus, engine="dask", scheduler=cluster.scheduler_address, batch_size=16), serial)


def test_dask_with_client_and_samples(cluster: Any) -> None:
    from distributed import Client

    with Client(cluster) as client:
        one = build([SAMPLES], jobs=1).to_json()
        assert build([SAMPLES], engine="dask", scheduler=client, batch_size=2).to_json() == one
        assert client.status == "running"  # a client we were given is left open


def test_cli_dask(corpus: Path, serial: tuple[str, Report, list[tuple[int, str]]], cluster: Any,
                  tmp_path: Path) -> None:
    res = CliRunner().invoke(main, ["build", str(corpus), "--out", str(tmp_path), "--no-html", "--engine", "dask",
                                    "--scheduler", cluster.scheduler_address])
    assert res.exit_code == 0, res.output
    assert (tmp_path / "graph.json").read_text(encoding="utf-8") == serial[0]
