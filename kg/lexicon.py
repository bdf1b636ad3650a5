"""Lexicons: titles, suffixes, trigger words and gazetteers that drive the rule-based extractors.

Each lexicon is a plain UTF-8 file in ``kg/lexicons/`` (one entry per line or several separated by
spaces; ``#`` starts a comment).  Users extend them without touching the package:

* ``Lexicon.load(extra_dirs=["my_lexicons/"])`` (CLI: ``kg build --lexicon my_lexicons/``) appends the
  entries of same-named files in those folders (e.g. ``my_lexicons/titles.txt`` with ``街道办主任``);
* ``Lexicon.load(extra={"streets": ["云塘街道"]})`` adds entries from Python.

The extra lexicon ``streets.txt`` / ``communities.txt`` / ``places.txt`` / ``organizations.txt`` names
known entities of a user's own district; they are recognised even where rules would miss them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from .errors import LexiconError

#: Lexicon names and what they hold; each is ``<name>.txt``.
LEXICONS = {
    "titles": "official titles (区委书记, 副区长 …)",
    "person_roles": "roles of people who are not officials (记者, 网格员 …)",
    "surnames": "Chinese surnames",
    "meeting_suffixes": "words ending a meeting or ceremony name (会议, 开工仪式 …)",
    "org_suffixes": "words ending an organization name (局, 党委, 公司 …)",
    "place_suffixes": "words ending a site name anywhere (广场, 风景区, 产业园 …)",
    "place_weak_suffixes": "words ending a site name where it is visited (中心, 基地 …)",
    "region_suffixes": "words ending a region name (区, 县, 市, 高新区 …)",
    "zone_suffixes": "words ending a development zone's name (经济开发区, 高新区 …), a Region",
    "street_suffixes": "words ending a township-level name (街道, 镇, 乡)",
    "community_suffixes": "words ending a village-level name (社区, 村, 居委会)",
    "project_suffixes": "words ending a project name (项目, 工程)",
    "regions": "gazetteer of provinces and prefecture-level cities",
    "counties": "gazetteer of county-level units (districts, counties, county-level cities); full names only",
    "generic": "words that cannot be the distinctive part of a name (各, 该, 重点 …)",
    "boundaries": "verbs and function words that end a name on the left / follow a personal name",
    "streets": "known streets/towns of the user's district (optional)",
    "communities": "known communities/villages (optional)",
    "places": "known places (optional)",
    "organizations": "known organizations (optional)",
}


def _parse(text: str) -> list[str]:
    out: list[str] = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        out.extend(w for w in line.split() if w)
    return out


@dataclass
class Lexicon:
    """All word lists, as sets, plus the compiled patterns built from them."""

    words: dict[str, set[str]] = field(default_factory=dict)

    @classmethod
    def load(cls, extra_dirs: Iterable[str | Path] = (), extra: Mapping[str, Iterable[str]] | None = None) -> Lexicon:
        """The packaged lexicons, extended by files in ``extra_dirs`` and entries in ``extra``."""
        words: dict[str, set[str]] = {}
        pkg = Path(__file__).resolve().parent / "lexicons"
        for name in LEXICONS:
            f = pkg / f"{name}.txt"
            words[name] = set(_parse(f.read_text(encoding="utf-8"))) if f.is_file() else set()
        for d in extra_dirs:
            d = Path(d)
            if not d.is_dir():
                raise LexiconError(f"{d}: lexicon folder not found")
            known = False
            for name in LEXICONS:
                f = d / f"{name}.txt"
                if f.is_file():
                    known = True
                    try:
                        words[name] |= set(_parse(f.read_text(encoding="utf-8")))
                    except (OSError, UnicodeDecodeError) as exc:
                        raise LexiconError(f"{f}: cannot read lexicon: {exc}") from exc
            if not known:
                examples = ", ".join(list(LEXICONS)[:4])
                raise LexiconError(f"{d}: no lexicon files in it (expected names like {examples}.txt)")
        for name, entries in (extra or {}).items():
            if name not in LEXICONS:
                raise LexiconError(f"unknown lexicon {name!r}; known: {', '.join(LEXICONS)}")
            words[name] |= {e.strip() for e in entries if e.strip()}
        return cls(words)

    def __getitem__(self, name: str) -> set[str]:
        return self.words[name]

    @cached_property
    def fingerprint(self) -> str:
        """A short digest of the entries, so caches and worker processes can tell lexicons apart."""
        import hashlib

        h = hashlib.sha1()
        for name in sorted(self.words):
            h.update(name.encode())
            h.update("\n".join(sorted(self.words[name])).encode())
        return h.hexdigest()[:12]

    @cached_property
    def regions_by_short(self) -> dict[str, str]:
        """Gazetteer short forms (佛山, 广东) → full names (佛山市, 广东省)."""
        out: dict[str, str] = {}
        # a short form two units share (吉林省, 吉林市) stands for the province: the higher level first, and
        # in a fixed order, so that the graph does not depend on the order of a set
        for full in sorted(self.words["regions"], key=lambda f: (not f.endswith(("省", "自治区", "特别行政区")), f)):
            short = re.sub(r"(壮族|回族|维吾尔)?(自治区|特别行政区|省|市)$", "", full)
            if len(short) >= 2:
                out.setdefault(short, full)
        return out

    def suffix_pattern(self, name: str) -> re.Pattern[str]:
        key = (self.fingerprint, name)  # built once per lexicon: rules ask for it per candidate
        pattern = _SUFFIX_PATTERNS.get(key)
        if pattern is None:
            pattern = _SUFFIX_PATTERNS[key] = _alternation(self.words[name])
        return pattern

    @cached_property
    def title_pattern(self) -> re.Pattern[str]:
        return _alternation(self.words["titles"])

    def user_words(self) -> list[str]:
        """Words to add to jieba's dictionary so segmentation keeps them whole."""
        names = ("titles", "person_roles", "meeting_suffixes", "org_suffixes", "streets", "communities", "places",
                 "organizations")
        return sorted({w for n in names for w in self.words[n] if len(w) >= 2})


_SUFFIX_PATTERNS: dict[tuple[str, str], re.Pattern[str]] = {}


def _alternation(words: Iterable[str]) -> re.Pattern[str]:
    """One pattern matching any of ``words``, the longest where several start at one place.

    Written as a trie (``北(?:京(?:市)?|海)``) rather than a flat list (``北京市|北京|北海``): re tries
    a flat list's words one by one at every place, a trie's branches only along the text.  The
    matches are the same: the words matching at one place are prefixes of one another, and both forms
    try them longest first."""
    words = [w for w in words if w]
    if any(len(w) > 64 for w in words):  # a trie nests a group per character: keep re's recursion shallow
        alts = sorted((re.escape(w) for w in words), key=lambda w: (-len(w), w))
        return re.compile("(?:" + "|".join(alts) + ")")
    trie: dict[str, Any] = {}
    for w in words:
        if w:
            node = trie
            for c in w:
                node = node.setdefault(c, {})
            node[""] = {}
    return re.compile("(?:" + _trie_pattern(trie) + ")") if trie else re.compile(r"(?!x)x")


def _trie_pattern(node: dict[str, Any]) -> str:
    alts = [re.escape(c) + _trie_pattern(node[c]) for c in sorted(node) if c]
    if not alts:
        return ""
    if "" in node:  # a word ends here: the longer words first, then this one
        return "(?:" + "|".join(alts) + ")?"
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
