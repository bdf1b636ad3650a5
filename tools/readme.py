"""Keep README.md true: what it shows is what kg prints.

    python tools/readme.py            # check; exit 1 and show the differences when the README drifted
    python tools/readme.py --update   # rewrite the shown outputs from what kg prints now

Three kinds of things in the README are checked (``tests/test_readme.py`` runs the check):

* shown command output: a fenced ``text`` block whose first line is ``$ kg …`` is run (from a scratch
  folder in which ``kg/`` is the package, so ``kg/samples/`` means the bundled samples) and must print
  exactly the lines below it;
* Python sessions: ``>>>`` examples in fenced ``python`` blocks run in order, in one namespace, from the
  repository's root; each output must match what is shown (``...`` stands for any text, and runs of
  whitespace are equal, as in doctest with ELLIPSIS and NORMALIZE_WHITESPACE);
* the traditional-characters example ``(繁體 → 简体, so both spellings are one node)`` must be what kg's
  conversion makes of it.

``--update`` rewrites the first two (the counts change whenever the extraction rules do); an output
shown with ``...`` that still matches is kept as written.  The third is fixed by hand.
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import doctest
import io
import os
import re
import shlex
import sys
import tempfile
import traceback
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
_FENCE = re.compile(r"^```(\w*)\s*$")
_TRADITIONAL = re.compile(r"\((\S+) → (\S+), so both spellings are one node\)")
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


@dataclass
class Shown:
    """A piece of the README that shows output: lines ``[start, end)`` hold it; ``actual`` is what kg prints."""

    what: str
    start: int
    end: int
    shown: str
    actual: str
    matches: bool


def blocks(lines: list[str]) -> list[tuple[str, int, int]]:
    """Fenced blocks as (language, first line inside, line of the closing fence)."""
    out, open_at, lang = [], None, ""
    for i, line in enumerate(lines):
        m = _FENCE.match(line)
        if not m:
            continue
        if open_at is None:
            open_at, lang = i + 1, m.group(1)
        else:
            out.append((lang, open_at, i))
            open_at = None
    return out


@contextlib.contextmanager
def chdir(path: str | Path) -> Iterator[None]:
    """``contextlib.chdir`` of Python 3.11, for 3.10."""
    before = os.getcwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(before)


def run_kg(command: str) -> str:
    """What ``kg ARGS`` prints on stdout, run in a scratch folder where ``kg/`` is the package."""
    from click.testing import CliRunner

    from kg.cli import main

    args = shlex.split(command)
    if args[:1] != ["kg"]:
        raise ValueError(f"not a kg command: {command!r}")
    with tempfile.TemporaryDirectory() as tmp, chdir(tmp):
        os.symlink(ROOT / "kg", Path(tmp) / "kg", target_is_directory=True)
        result = CliRunner().invoke(main, args[1:], catch_exceptions=False)
    if result.exit_code != 0:
        raise RuntimeError(f"$ {command} exited {result.exit_code}:\n{result.output}")
    return str(result.stdout)


def command_outputs(lines: list[str]) -> list[Shown]:
    found = []
    for lang, start, end in blocks(lines):
        if lang != "text" or start >= end or not lines[start].startswith("$ kg "):
            continue
        command = lines[start][2:].strip()
        shown = "\n".join(line.rstrip() for line in lines[start + 1:end])
        actual = "\n".join(line.rstrip() for line in run_kg(command).rstrip("\n").splitlines())
        found.append(Shown(f"README.md:{start + 1}: $ {command}", start + 1, end, shown, actual, shown == actual))
    return found


def sessions(lines: list[str]) -> list[Shown]:
    """Run every ``>>>`` example of the python blocks, in order, in one namespace, from the repository root."""
    found: list[Shown] = []
    parser, checker = doctest.DocTestParser(), doctest.OutputChecker()
    namespace: dict[str, Any] = {"__name__": "__readme__"}
    with chdir(ROOT):
        for lang, start, end in blocks(lines):
            if lang != "python":
                continue
            for ex in parser.get_examples("\n".join(lines[start:end]) + "\n", "README.md"):
                got = _run(ex.source, namespace)
                first = start + ex.lineno + ex.source.count("\n")  # the line after the source
                want_end = first + ex.want.count("\n")
                what = f"README.md:{start + ex.lineno + 1}: >>> {ex.source.splitlines()[0]}"
                found.append(Shown(what, first, want_end, ex.want.rstrip("\n"), got.rstrip("\n"),
                                   checker.check_output(ex.want, got, FLAGS)))
    return found


def _run(source: str, namespace: dict[str, Any]) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        try:
            exec(compile(source, "<README.md>", "single"), namespace)  # noqa: S102 - the README's own examples
        except Exception:
            return out.getvalue() + "Traceback (most recent call last):\n" + traceback.format_exc().splitlines()[-1]
    return out.getvalue()


def traditional_examples(text: str) -> list[str]:
    """Problems with the README's traditional → simplified examples (none when each is a real conversion)."""
    from kg.read.script import looks_traditional, to_simplified

    problems = []
    matches = _TRADITIONAL.findall(text)
    if not matches:
        problems.append("README.md shows no traditional-characters example '(繁體 → 简体, so both spellings …)'")
    for trad, simp in matches:
        if trad == simp or not looks_traditional(trad) or to_simplified(trad) != simp:
            problems.append(f"README.md: {trad} → {simp} is not kg's conversion: kg makes {to_simplified(trad)}")
    return problems


def check(text: str | None = None) -> tuple[list[Shown], list[str]]:
    """(every shown output with what kg prints now, other problems)."""
    text = README.read_text(encoding="utf-8") if text is None else text
    lines = text.split("\n")
    return command_outputs(lines) + sessions(lines), traditional_examples(text)


def report(shown: list[Shown], problems: list[str]) -> str:
    parts = []
    for s in shown:
        if not s.matches:
            diff = difflib.unified_diff(s.shown.splitlines(), s.actual.splitlines(), "README", "kg prints",
                                        lineterm="", n=2)
            parts.append(f"{s.what}\n" + "\n".join(diff))
    return "\n\n".join(parts + problems)


def update(text: str) -> tuple[str, int]:
    """The README with every drifted output replaced by what kg prints; and how many were replaced."""
    lines = text.split("\n")
    shown, _ = check(text)
    drifted = [s for s in shown if not s.matches]
    for s in sorted(drifted, key=lambda s: s.start, reverse=True):
        if "Traceback (most recent call last)" in s.actual:
            raise SystemExit(f"{s.what} raises; fix the example by hand:\n{s.actual}")
        lines[s.start:s.end] = s.actual.split("\n") if s.actual else []
    return "\n".join(lines), len(drifted)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--update", action="store_true", help="rewrite the README's shown outputs")
    opts = ap.parse_args(argv)
    text = README.read_text(encoding="utf-8")
    if opts.update:
        new, n = update(text)
        if n:
            README.write_text(new, encoding="utf-8")
        print(f"README.md: {n} shown output{'s' if n != 1 else ''} updated")
    shown, problems = check()
    bad = report(shown, problems)
    if bad:
        print(bad, file=sys.stderr)
        return 1
    print(f"README.md: {len(shown)} shown outputs match what kg prints")
    return 0


if __name__ == "__main__":
    sys.exit(main())
