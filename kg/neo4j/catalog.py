"""The Cypher catalog: one parameterised question per ``cypher/NAME.cypher`` file.

Each file starts with a ``//`` header::

    // Meetings an official chaired or attended, in date order.
    //
    // Parameters:
    //   $name  string         the official's name, or a node id such as "Official:程远航"
    //   $role  string = null  "CHAIRED" or "ATTENDED" to keep one kind only
    // Example:
    //   kg query official_meetings --param name=程远航

The first line is the one-line description (``kg query --list``); parameter lines give name, type
(``string``, ``int``, ``float``, ``bool``) and, for optional ones, a default (``null`` for none).

The catalog lives in the repository's ``cypher/`` directory.  :func:`cypher_dir` looks for it in
``$KG_CYPHER_DIR``, then ``kg/cypher/`` inside the installed package, then ``cypher/`` next to the
package (a source checkout or an editable install, ``pip install -e .``).
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import KgError

_PARAM = re.compile(r"^//\s+\$(\w+)\s+(string|int|float|bool)(?:\s*=\s*(\S+))?\s*(.*)$")
_TYPES = {"string": str, "int": int, "float": float, "bool": bool}


def cypher_dir() -> Path:
    """The directory holding ``schema.cypher`` and the catalog queries."""
    here = Path(__file__).resolve().parent
    candidates = [Path(os.environ["KG_CYPHER_DIR"])] if os.environ.get("KG_CYPHER_DIR") else []
    candidates += [here.parent / "cypher", here.parent.parent / "cypher"]
    for c in candidates:
        if (c / "schema.cypher").is_file():
            return c
    raise KgError("cannot find kg's cypher/ directory (looked in "
                  + ", ".join(str(c) for c in candidates) + "); set KG_CYPHER_DIR")


def split_statements(text: str) -> list[str]:
    """Statements of a Cypher script: full-line ``//`` comments dropped, split at a ``;`` ending a line."""
    lines = [ln for ln in text.splitlines() if not ln.lstrip().startswith("//")]
    parts = re.split(r";\s*$", "\n".join(lines), flags=re.MULTILINE)
    return [p.strip() for p in parts if p.strip()]


@dataclass(frozen=True)
class Param:
    """A declared query parameter."""

    name: str
    type: str
    required: bool
    default: Any
    help: str

    def convert(self, text: str) -> Any:
        """Convert a ``--param key=value`` string to this parameter's type."""
        if text.lower() == "null" and not self.required:
            return None
        try:
            if self.type == "bool":
                if text.lower() not in ("true", "false", "yes", "no", "1", "0"):
                    raise ValueError(text)
                return text.lower() in ("true", "yes", "1")
            return _TYPES[self.type](text)
        except ValueError:
            raise KgError(f"parameter {self.name} must be {self.type}, not {text!r}") from None


@dataclass(frozen=True)
class CatalogQuery:
    """One catalog file: its name, description, parameters, example and Cypher text."""

    name: str
    description: str
    params: tuple[Param, ...]
    example: str
    text: str

    def bind(self, given: dict[str, str | Any]) -> dict[str, Any]:
        """Parameters for the driver: given strings converted, defaults filled, unknown/missing refused."""
        known = {p.name: p for p in self.params}
        unknown = sorted(set(given) - set(known))
        if unknown:
            raise KgError(f"query {self.name} has no parameter {', '.join(unknown)}; "
                          f"it takes: {', '.join(known) or 'none'}")
        out: dict[str, Any] = {}
        for p in self.params:
            if p.name in given:
                v = given[p.name]
                out[p.name] = p.convert(v) if isinstance(v, str) else v
            elif p.required:
                raise KgError(f"query {self.name} needs --param {p.name}=... ({p.help})")
            else:
                out[p.name] = p.default
        return out


def parse_query_file(path: Path) -> CatalogQuery:
    """Read one catalog file and its header."""
    text = path.read_text(encoding="utf-8")
    header = []
    for line in text.splitlines():
        if not line.startswith("//"):
            break
        header.append(line)
    if not header:
        raise KgError(f"{path}: catalog query has no // header")
    description = header[0][2:].strip()
    params: list[Param] = []
    example: list[str] = []
    in_example = False
    for line in header[1:]:
        m = _PARAM.match(line)
        if m and not in_example:
            name, typ, default, help_ = m.groups()
            value = None if default in (None, "null") else Param(name, typ, True, None, "").convert(default)
            params.append(Param(name, typ, default is None, value, help_.strip()))
        elif line[2:].strip().lower().startswith("example"):
            in_example = True
        elif in_example and line[2:].strip():
            example.append(line[2:].strip())
    body = split_statements(text)
    if len(body) != 1:
        raise KgError(f"{path}: a catalog file holds exactly one statement, found {len(body)}")
    return CatalogQuery(path.stem, description, tuple(params), "\n".join(example), body[0])


def catalog() -> dict[str, CatalogQuery]:
    """All catalog queries by name (every ``*.cypher`` except ``schema.cypher``)."""
    d = cypher_dir()
    return {p.stem: parse_query_file(p) for p in sorted(d.glob("*.cypher")) if p.stem != "schema"}


def get_query(name: str) -> CatalogQuery:
    """One catalog query by name; raises :class:`KgError` listing the names when unknown."""
    queries = catalog()
    if name not in queries:
        raise KgError(f"no query {name!r}; known: {', '.join(queries)}")
    return queries[name]


def plain(value: Any) -> Any:
    """A driver value as plain JSON-able data: nodes as property maps, paths as lists of nodes."""
    import neo4j.graph as ng  # local: keeps this module importable for --list without the driver

    if isinstance(value, ng.Node):
        return {"labels": sorted(value.labels), **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, ng.Relationship):
        return {"type": value.type, **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, ng.Path):
        return [plain(n) for n in value.nodes]
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def cell(value: Any) -> str:
    """How a value shows in a table cell."""
    if value is None:
        return ""
    if isinstance(value, dict):
        return str(value.get("name") or value.get("id") or json.dumps(value, ensure_ascii=False))
    if isinstance(value, list):
        return ", ".join(cell(v) for v in value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def width(text: str) -> int:
    """Display width: CJK characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def format_table(columns: list[str], rows: list[dict[str, Any]], max_width: int = 60) -> str:
    """A plain-text table; long cells are cut to ``max_width`` columns with an ellipsis."""
    def fit(s: str) -> str:
        s = s.replace("\n", " ")
        if width(s) <= max_width:
            return s
        out, w = "", 0
        for ch in s:
            w += width(ch)
            if w > max_width - 1:
                break
            out += ch
        return out + "…"

    table = [[fit(c) for c in columns]] + [[fit(cell(r.get(c))) for c in columns] for r in rows]
    widths = [max(width(row[i]) for row in table) for i in range(len(columns))]

    def line(cells: list[str]) -> str:
        return "  ".join(c + " " * (widths[i] - width(c)) for i, c in enumerate(cells)).rstrip()

    sep = "  ".join("-" * w for w in widths)
    return "\n".join([line(table[0]), sep, *(line(r) for r in table[1:])])
