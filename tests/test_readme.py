"""The README shows what kg prints: its command outputs, Python sessions and examples are run here.

When the extraction rules change the counts, refresh the README with ``python tools/readme.py --update``.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
HINT = "\n\nthe README drifted; refresh it with: python tools/readme.py --update"


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("kg_readme_tool", ROOT / "tools" / "readme.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


readme = _tool()


@pytest.fixture(scope="module")
def checked() -> tuple[list[Any], list[str]]:
    return readme.check()  # type: ignore[no-any-return]


def test_shown_command_output_is_what_kg_prints(checked: tuple[list[Any], list[str]]) -> None:
    shown, _ = checked
    commands = [s for s in shown if "$ kg " in s.what]
    assert any(s.what.endswith("$ kg build kg/samples/ --out out/") for s in commands)
    build = next(s for s in commands if s.what.endswith("$ kg build kg/samples/ --out out/"))
    assert "articles read" in build.actual and "LOCATED_IN" in build.actual  # kg really ran
    bad = [s for s in commands if not s.matches]
    assert not bad, readme.report(bad, []) + HINT


def test_python_sessions_show_what_kg_gives(checked: tuple[list[Any], list[str]]) -> None:
    shown, _ = checked
    examples = [s for s in shown if ">>> " in s.what]
    assert len(examples) >= 15
    assert any("g.meetings_of(" in s.what and "'role': 'chaired'" in s.actual for s in examples)
    bad = [s for s in examples if not s.matches]
    assert not bad, readme.report(bad, []) + HINT


def test_traditional_example_is_a_real_conversion(checked: tuple[list[Any], list[str]]) -> None:
    _, problems = checked
    assert problems == []
    assert "(陳遠航 → 陈远航, so both spellings are one node)" in (ROOT / "README.md").read_text(encoding="utf-8")
    wrong = readme.traditional_examples("kg converts (聶加偉 → 程远航, so both spellings are one node).")
    assert wrong == ["README.md: 聶加偉 → 程远航 is not kg's conversion: kg makes 聂加伟"]


def test_update_restores_drifted_outputs(checked: tuple[list[Any], list[str]]) -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    build = next(s for s in checked[0] if s.what.endswith("$ kg build kg/samples/ --out out/"))
    assert all(s.matches for s in checked[0])
    located = next(line for line in build.shown.splitlines() if line.startswith("LOCATED_IN"))
    drifted = text.replace(located, "LOCATED_IN          99", 1)
    # the subgraph's size, whatever it is today
    drifted = re.sub(r"(g\.subgraph\([^\n]*\n)<KnowledgeGraph \d+ nodes, \d+ edges>",
                     r"\1<KnowledgeGraph 1 nodes, 2 edges>", drifted, count=1)
    assert drifted != text
    shown, _ = readme.check(drifted)
    assert sum(not s.matches for s in shown) == 2
    new, n = readme.update(drifted)
    assert (new, n) == (text, 2)
