"""The package as a new user gets it: ``python -m build --wheel``, then a fresh venv with only that wheel.

The build runs on a copy of the files a wheel is made from (so the repository gets no build/ or
egg-info), in build's isolated environment; the venv is outside the repository and installs the
wheel's dependencies with pip (from PyPI or pip's cache).  From that venv, ``kg build`` on the
bundled samples, ``kg load`` into the test server, ``kg query --list`` and a catalog query must work
and agree with the source tree.  Slow (a minute or two): marked ``neo4j``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import kg
from kg.neo4j.catalog import catalog
from kg.neo4j.conn import connect

pytestmark = pytest.mark.neo4j

ROOT = Path(__file__).resolve().parent.parent
#: What the wheel is built from; anything else the build needs makes this test fail.
SOURCES = ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "kg", "cypher")


def run(cmd: list[str], cwd: Path, timeout: float = 900) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "KG_CYPHER_DIR", "VIRTUAL_ENV", "PYTHONHOME", "PYTHONSTARTUP")}
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert proc.returncode == 0, f"{' '.join(cmd)} exited {proc.returncode}:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    return proc


@pytest.fixture(scope="module")
def wheel_venv(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(the built wheel, the bin/ of a fresh venv with it installed)."""
    top = tmp_path_factory.mktemp("wheel")
    src = top / "src"
    src.mkdir()
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, src / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(ROOT / name, src / name)
    run([sys.executable, "-m", "build", "--wheel", "--outdir", str(top / "dist"), str(src)], cwd=top)
    (wheel,) = (top / "dist").glob("kg-*.whl")
    run([sys.executable, "-m", "venv", str(top / "venv")], cwd=top)
    bin_dir = top / "venv" / "bin"
    run([str(bin_dir / "python"), "-m", "pip", "install", "-q", "--disable-pip-version-check", str(wheel)], cwd=top)
    return wheel, bin_dir


def test_the_wheel_carries_the_catalog(wheel_venv: tuple[Path, Path]) -> None:
    wheel, _ = wheel_venv
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {f"kg/cypher/{p.name}" for p in (ROOT / "cypher").glob("*.cypher")}
    assert "kg/cypher/schema.cypher" in expected and len(expected) > 5
    assert {n for n in names if n.startswith("kg/cypher/")} == expected
    with zipfile.ZipFile(wheel) as z:
        assert z.read("kg/cypher/official_meetings.cypher") == (ROOT / "cypher/official_meetings.cypher").read_bytes()
    assert {"kg/samples/qingchuan-corpus.jsonl", "kg/view/assets/vis-network.min.js",
            "kg/lexicons/titles.txt", "kg/neo4j/catalog.py"} <= names


def test_build_load_and_query_from_the_installed_wheel(wheel_venv: tuple[Path, Path], neo4j_settings: object,
                                                       neo4j_uri: str, tmp_path: Path) -> None:
    _, bin_dir = wheel_venv
    work = tmp_path / "work"
    work.mkdir()
    where = run([str(bin_dir / "python"), "-c", "import kg, pathlib; print(pathlib.Path(kg.__file__).parent)"],
                cwd=work).stdout.strip()
    installed = Path(where)
    assert installed.is_relative_to(bin_dir.parent) and installed != ROOT / "kg"  # the wheel's kg, not ours
    samples = installed / "samples"

    built = run([str(bin_dir / "kg"), "build", str(samples), "--out", "out", "--jobs", "1"], cwd=work).stdout
    source = kg.build([str(samples)])  # the source tree's kg, on the very same files
    counts = source.counts()
    assert built.startswith(f"{len(source.nodes('Article'))} articles read, ")
    for label, n in counts["nodes"].items():
        assert any(line.split() == [label, str(n)] for line in built.splitlines()), (label, n, built)
    for rel, n in counts["edges"].items():
        assert any(line.split() == [rel, str(n)] for line in built.splitlines()), (rel, n, built)
    assert (work / "out" / "graph.json").read_text(encoding="utf-8") == source.to_json()
    assert (work / "out" / "graph.html").stat().st_size > 100_000  # the view, with its inlined assets

    conn = ["--uri", neo4j_uri]
    loaded = run([str(bin_dir / "kg"), "load", "out/graph.json", *conn], cwd=work).stdout
    assert loaded.startswith("out/graph.json: loaded ") and neo4j_uri in loaded
    driver = connect(neo4j_settings)  # type: ignore[arg-type]
    try:
        n_nodes = driver.execute_query("MATCH (n) RETURN count(n) AS c").records[0]["c"]
        n_rels = driver.execute_query("MATCH ()-[r]->() RETURN count(r) AS c").records[0]["c"]
        constraints = driver.execute_query("SHOW CONSTRAINTS YIELD name RETURN count(*) AS c").records[0]["c"]
    finally:
        driver.close()
    assert (n_nodes, n_rels) == (len(source), source.nx.number_of_edges())
    assert constraints > 0  # cypher/schema.cypher ran, from the wheel's copy

    listed = run([str(bin_dir / "kg"), "query", "--list"], cwd=work).stdout
    names = [line.split()[0] for line in listed.splitlines() if line and not line.startswith(" ")]
    assert names == list(catalog())
    assert f"{'official_meetings':<24} {catalog()['official_meetings'].description}" in listed.splitlines()

    out = run([str(bin_dir / "kg"), "query", "official_meetings", "-p", "name=王建国", "--json", *conn],
              cwd=work).stdout
    rows = json.loads(out)
    expected = source.meetings_of("王建国")
    assert rows and sorted((r["meeting"], r["role"], r["date"]) for r in rows) == \
        sorted((m["meeting"], m["role"].upper(), m["date"]) for m in expected)
    table = run([str(bin_dir / "kg"), "query", "official_meetings", "-p", "name=王建国", *conn], cwd=work).stdout
    assert table.splitlines()[0].split() == ["meeting", "role", "date", "article", "evidence", "id"]
    assert table.rstrip().endswith(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
