"""Dates in the text, resolved against the article's publication date.

``2022年12月30日`` is absolute; ``12月31日`` takes its year from the publication date (rolling back a
year when that would put it after publication, as in a January paper reporting 12月31日); ``近日``,
``日前``, ``昨天``, ``上午``, ``本周`` are relative and marked with their precision.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from .doc import Doc, Sentence

_FULL = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_MONTH_DAY = re.compile(r"(?<![\d年])(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_RELATIVE = {
    "今天": (0, "day"), "今日": (0, "day"), "当天": (0, "day"), "当日": (0, "day"), "上午": (0, "day"),
    "下午": (0, "day"), "晚上": (0, "day"), "昨天": (-1, "day"), "昨日": (-1, "day"), "前天": (-2, "day"),
    "近日": (0, "approximate"), "日前": (0, "approximate"), "近期": (0, "approximate"),
    "连日来": (0, "approximate"), "本周": (0, "week"), "上周": (-7, "week"),
}
_REL = re.compile("|".join(sorted(_RELATIVE, key=len, reverse=True)))
#: what every date holds, a digit or a relative word: one search before the three patterns
_ANY_DATE = re.compile(r"\d|" + _REL.pattern)


@dataclass(frozen=True)
class ResolvedDate:
    iso: str
    precision: str  # "day", "approximate", "week"
    phrase: str


def parse_iso(s: str | None) -> date | None:
    if not s:
        return None
    try:
        return date.fromisoformat(s[:10])
    except ValueError:
        return None


def resolve(phrase_match: re.Match[str], kind: str, pub: date | None) -> ResolvedDate | None:
    text = phrase_match.group(0)
    try:
        if kind == "full":
            y, m, d = (int(x) for x in phrase_match.groups())
            return ResolvedDate(date(y, m, d).isoformat(), "day", text)
        if kind == "md":
            if pub is None:
                return None
            m, d = (int(x) for x in phrase_match.groups())
            guess = date(pub.year, m, d)
            if guess > pub + timedelta(days=7):  # 12月31日 in a January paper is last year
                guess = date(pub.year - 1, m, d)
            return ResolvedDate(guess.isoformat(), "day", text)
    except ValueError:
        return None
    if kind == "rel" and pub is not None:
        days, precision = _RELATIVE[text]
        return ResolvedDate((pub + timedelta(days=days)).isoformat(), precision, text)
    return None


def dates_in(text: str, pub: date | None, start: int = 0, end: int | None = None) -> list[tuple[int, ResolvedDate]]:
    """All resolvable dates in ``text[start:end]`` with their offsets, in order."""
    end = len(text) if end is None else end
    if _ANY_DATE.search(text, start, end) is None:
        return []
    found: list[tuple[int, ResolvedDate]] = []
    taken: list[tuple[int, int]] = []
    for kind, pat in (("full", _FULL), ("md", _MONTH_DAY), ("rel", _REL)):
        for m in pat.finditer(text, start, end):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            r = resolve(m, kind, pub)
            if r:
                found.append((m.start(), r))
                taken.append((m.start(), m.end()))
    return sorted(found, key=lambda x: x[0])


def date_near(doc: Doc, sent: Sentence, pos: int, pub_iso: str | None, *, governs: bool = True) -> ResolvedDate | None:
    """The date of an event named at ``pos``.

    A date written right before the name (``12月6日中共中央政治局会议``) always applies.  Otherwise, when
    the event ``governs`` its sentence (it is what was convened or held), the nearest date before it in
    the sentence applies (``2022年12月30日,区委书记…主持召开区委常委会会议``); else there is none.
    """
    pub = parse_iso(pub_iso)
    found = dates_in(doc.text, pub, sent.start, sent.end)
    before = [(p, d) for p, d in found if p < pos]
    if not before:
        return None
    p, d = before[-1]
    gap = doc.text[p + len(d.phrase):pos]
    if len(gap) <= 2 or governs or re.fullmatch(r"[上下]午|(?:[上下]午)?(?:召开|举行|举办|开幕)的", gap):
        return d
    return None


def sentence_date(doc: Doc, sent: Sentence) -> ResolvedDate | None:
    """The first date stated in a sentence, if any (computed once per sentence: events look back)."""
    cache: dict[int, ResolvedDate | None] = doc.notes.setdefault("_sentence_dates", {})
    if sent.index not in cache:
        found = dates_in(doc.text, parse_iso(doc.article.date), sent.start, sent.end)
        cache[sent.index] = found[0][1] if found else None
    return cache[sent.index]
