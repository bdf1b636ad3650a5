"""Traditional → simplified Chinese, one character for one character.

Articles written in traditional characters (繁體) are converted to simplified when they are read,
so that 程遠航 and 程远航 are one node and the extractors' simplified lexicons and patterns apply.

The conversion uses OpenCC's ``t2s`` dictionaries (shipped by the pure-Python
``opencc-python-reimplemented``): phrases first, longest match from the left (``乾隆`` stays,
``乾燥`` → ``干燥``), then single characters.  Only entries that map *n* characters to *n* characters
are used (today that is all of them), so the converted text has the same length as the original and
every offset (article spans, evidence positions) stays valid.  It runs as a regular expression over
the phrases plus :meth:`str.translate`, tens of MB per second, instead of OpenCC's per-character
Python loop.

Simplified text is left alone: converting it would turn a few characters that are also correct in
simplified writing (``乾县``, the surname ``於``) into something else.  A text is converted only when
traditional-only characters make up a noticeable share of its Chinese characters
(:func:`looks_traditional`).
"""

from __future__ import annotations

import functools
import re
from importlib import resources

_CJK = re.compile(r"[\u3400-\u9fff\U00020000-\U0002ffff]")

#: Share of Chinese characters that must be traditional-only before a text is converted.
TRADITIONAL_SHARE = 0.05


def _dictionary(name: str) -> list[tuple[str, list[str]]]:
    text = resources.files("opencc").joinpath("dictionary", name).read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        key, _, values = line.partition("\t")
        if key and values:
            out.append((key, values.split(" ")))
    return out


@functools.lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], frozenset[str]]:
    """Traditional → simplified character for characters that differ, and the traditional-only ones
    among them (``聶``; not ``乾`` or ``於``, which OpenCC lists as also correct in simplified text)."""
    table: dict[str, str] = {}
    only: set[str] = set()
    for trad, candidates in _dictionary("TSCharacters.txt"):
        if len(trad) == 1 and len(candidates[0]) == 1 and candidates[0] != trad:
            table[trad] = candidates[0]
            if trad not in candidates:
                only.add(trad)
    return table, frozenset(only)


@functools.lru_cache(maxsize=1)
def _translation() -> dict[int, str]:
    return {ord(k): v for k, v in _tables()[0].items()}


@functools.lru_cache(maxsize=1)
def _phrases() -> tuple[re.Pattern[str], dict[str, str]]:
    phrases = {k: v[0] for k, v in _dictionary("TSPhrases.txt") if len(k) > 1 and len(v[0]) == len(k)}
    alternation = "|".join(re.escape(k) for k in sorted(phrases, key=len, reverse=True))
    return re.compile(alternation or r"(?!)"), phrases


def _char_table() -> dict[str, str]:
    return _tables()[0]


def traditional_chars(text: str) -> int:
    """How many characters of ``text`` exist only in traditional writing (the set meets the text in
    C, and only the few characters found are counted: every article is asked)."""
    return sum(text.count(c) for c in _tables()[1].intersection(text))


def looks_traditional(text: str) -> bool:
    """True if ``text`` is written (mostly) in traditional characters."""
    sample = text[:20_000]
    traditional = traditional_chars(sample)
    if not traditional:
        return False  # simplified text, the usual case: no need to count its Chinese characters
    cjk = len(_CJK.findall(sample))
    if not cjk:
        return False
    return traditional >= max(1.0, TRADITIONAL_SHARE * cjk)


def char_simplify(text: str) -> str:
    """Character-by-character conversion (ignores phrases)."""
    return text.translate(_translation())


def to_simplified(text: str) -> str:
    """``text`` in simplified characters, the same length as ``text`` (offsets stay valid)."""
    pattern, phrases = _phrases()
    table = _translation()
    parts = []
    pos = 0
    for m in pattern.finditer(text):
        parts.append(text[pos:m.start()].translate(table))
        parts.append(phrases[m.group(0)])
        pos = m.end()
    parts.append(text[pos:].translate(table))
    return "".join(parts)


def simplify_if_traditional(text: str) -> tuple[str, bool]:
    """``(text in simplified characters, whether it was converted)``; simplified text is returned as is."""
    if looks_traditional(text):
        return to_simplified(text), True
    return text, False


def simplify_name(name: str) -> str:
    """A name in simplified characters, character by character (for node keys: 程遠航 → 程远航)."""
    return char_simplify(name)
