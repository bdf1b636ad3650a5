"""Traditional → simplified Chinese, one character for one character.

Articles written in traditional characters (繁體) are converted to simplified when they are read,
so that 聶加偉 and 聂加伟 are one node and the extractors' simplified lexicons and patterns apply.

The conversion uses OpenCC's dictionaries (``opencc-python-reimplemented``, pure Python): phrases
first (``乾隆`` stays, ``乾燥`` → ``干燥``), then single characters.  Every entry of its ``t2s``
dictionaries maps *n* characters to *n* characters, so offsets (article spans, evidence positions)
stay valid; :func:`to_simplified` checks this and falls back to character-by-character conversion
if a future dictionary ever breaks it.

Simplified text is left alone: converting it would turn a few characters that are also correct in
simplified writing (``乾县``, the surname ``於``) into something else.  A text is converted only when
traditional-only characters make up a noticeable share of its Chinese characters
(:func:`looks_traditional`).
"""

from __future__ import annotations

import functools
import re
from importlib import resources
from typing import Any

_CJK = re.compile(r"[\u3400-\u9fff\U00020000-\U0002ffff]")

#: Share of Chinese characters that must be traditional-only before a text is converted.
TRADITIONAL_SHARE = 0.05


@functools.lru_cache(maxsize=1)
def _converter() -> Any:
    from opencc import OpenCC

    return OpenCC("t2s")


@functools.lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], frozenset[str]]:
    """Traditional → simplified character for characters that differ, and the traditional-only ones
    among them (``聶``; not ``乾`` or ``於``, which OpenCC lists as also correct in simplified text)."""
    table: dict[str, str] = {}
    only: set[str] = set()
    text = resources.files("opencc").joinpath("dictionary", "TSCharacters.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        trad, _, simp = line.partition("\t")
        candidates = simp.split(" ") if simp else []
        if len(trad) == 1 and candidates and len(candidates[0]) == 1 and candidates[0] != trad:
            table[trad] = candidates[0]
            if trad not in candidates:
                only.add(trad)
    return table, frozenset(only)


def _char_table() -> dict[str, str]:
    return _tables()[0]


def traditional_chars(text: str) -> int:
    """How many characters of ``text`` exist only in traditional writing."""
    only = _tables()[1]
    return sum(1 for c in text if c in only)


def looks_traditional(text: str) -> bool:
    """True if ``text`` is written (mostly) in traditional characters."""
    sample = text[:20_000]
    cjk = len(_CJK.findall(sample))
    if not cjk:
        return False
    return traditional_chars(sample) >= max(1.0, TRADITIONAL_SHARE * cjk)


def char_simplify(text: str) -> str:
    """Character-by-character conversion (always length-preserving, ignores phrases)."""
    table = _char_table()
    return "".join(table.get(c, c) for c in text)


def to_simplified(text: str) -> str:
    """``text`` in simplified characters, the same length as ``text`` (offsets stay valid)."""
    if not text:
        return text
    out: str = _converter().convert(text)
    if len(out) != len(text):  # pragma: no cover - OpenCC's t2s tables are n:n today
        return char_simplify(text)
    return out


def simplify_if_traditional(text: str) -> tuple[str, bool]:
    """``(text in simplified characters, whether it was converted)``; simplified text is returned as is."""
    if looks_traditional(text):
        return to_simplified(text), True
    return text, False


def simplify_name(name: str) -> str:
    """A name in simplified characters, character by character (for node keys: 聶加偉 → 聂加伟)."""
    return char_simplify(name)
