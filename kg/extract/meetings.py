"""Meetings and ceremonies: ``区委常委会会议``, ``疫情防控工作会``, ``锦湖新城花园项目开工仪式``.

A name ends in a lexicon suffix and starts after the verb or date before it.  A suffix with no
name in front (``会议指出``, ``出席开工仪式``) is a *reference* to a meeting named elsewhere in the
article: it resolves to the last named meeting with the same suffix, else the article's main meeting.
"""

from __future__ import annotations

import re

from .chunk import ends_at_token, is_generic, name_start
from .dates import date_near
from .doc import Doc, Mention, Sentence
from .entities import _pattern

_NOT_EVENT_AFTER = re.compile(r"^(?:工作机制|机制|制度|精神|纪要|室|厅|中心|场所|期间)")
#: 区十七届人大常委会第十五次会议召开 / 在…隆重开幕: the meeting is held in its own sentence
_HELD_AFTER = re.compile(r"(?:近日|日前|今天|昨天|[上下]午)?(?:在[^，。]{1,20})?(?:召开|举行|开幕|举办|隆重开幕|隆重召开)")  # noqa: E501 (CJK data)
_YEAR_BEFORE = re.compile(r"\d{4}年度?$")
_ONLY_ORDINAL = re.compile(r"^[第\d一二三四五六七八九十百次届（）()]+$")
_PHASE = re.compile(r"^[一二三四五六七八九十\d]+期")
_MAIN_VERBS = re.compile(r"(?:召开|举行|举办|主持召开|主持|开幕|隆重|启动)了?(?:\d{4}年度?|第[一二三四五六七八九十\d]+次|[一二三四五六七八九十\d]+届)*$")  # noqa: E501 (CJK data)


class Meetings:
    """Extractor: named meetings (label ``Meeting``, keyed by name and date) and references to them."""

    name = "meetings"

    def __call__(self, doc: Doc) -> None:
        pattern = _pattern(doc.lexicon, "meeting_suffixes")
        refs: list[Mention] = []
        for sent in doc.sentences:
            prev: Mention | None = None
            for match in _suffixes(doc, sent, pattern):
                found = self._candidate(doc, sent, match, prev)
                if found is None:
                    continue
                if found.attrs.get("ref"):
                    refs.append(found)
                else:
                    doc.add(found)
                    prev = found
        doc.notes["meeting_refs"] = refs
        _unify(doc)

    @staticmethod
    def _candidate(doc: Doc, sent: Sentence, match: re.Match[str], prev: Mention | None) -> Mention | None:
        """A named meeting ending at ``match``, a reference (a bare suffix), or None (not an event)."""
        s, e = match.start(), match.end()
        start = name_start(doc, sent, s, max_len=28, stop_at_region=False, ordinals=True)
        while start < s and doc.text[start] in "（(":
            start += 1
        part = doc.text[start:s]
        year = _YEAR_BEFORE.search(doc.text, max(sent.start, start - 6), start)
        held = year is not None and _MAIN_VERBS.search(doc.text[max(sent.start, year.start() - 8):year.start()])
        if part and _ONLY_ORDINAL.match(part) and year and held:
            start = year.start()  # 举行2023年第十次专题学习会: named by its number
            part = doc.text[start:s]
        if not part or is_generic(part, doc.lexicon["generic"]) or e - start < 3 or _ONLY_ORDINAL.match(part):
            return Mention("Meeting", match.group(0), s, e, sent.index, "meeting-reference", attrs={"ref": "1"})
        if _NOT_EVENT_AFTER.match(doc.text[e:e + 4]) and doc.text[e:e + 2] != "精神":
            return None  # 联席会议工作机制: a standing arrangement, not a meeting
        name = doc.text[start:e]
        if _PHASE.match(name) and prev is not None and "项目" in prev.name and doc.text[start - 1] in "及和与暨、":
            # 鸿拓新材总部项目一期封顶仪式及二期奠基仪式: the second shares the first's project
            name = prev.name[: prev.name.index("项目") + 2] + name
        mention = Mention("Meeting", name, start, e, sent.index, "meeting-suffix")
        main = bool(_MAIN_VERBS.search(doc.text[max(sent.start, start - 14):start])) \
            or bool(_HELD_AFTER.match(doc.text, e))
        mention.attrs["main_verb"] = "1" if main else ""
        when = date_near(doc, sent, start, doc.article.date, governs=main)
        if when:
            mention.attrs.update(date=when.iso, date_phrase=when.phrase, date_precision=when.precision)
            mention.qualifier = when.iso if when.precision == "day" else None
        return mention


def _unify(doc: Doc) -> None:
    """One node per meeting in an article: nested and shortened names join the full one, and a dated
    mention dates the undated ones (the headline's)."""
    named = doc.mentions_of("Meeting")
    for inner in named:
        # 江陂区第十届人民代表大会 inside 江陂区第十届人民代表大会第三次会议 is the same event
        if any(o is not inner and o.start <= inner.start and inner.end <= o.end
               and o.end - o.start > inner.end - inner.start for o in named):
            doc.mentions.remove(inner)
    named = doc.mentions_of("Meeting")
    for short in named:
        # 防汛抗旱工作调度会, in an article that named 全县防汛抗旱工作调度会
        longer = [o for o in named if o.name != short.name and o.name.endswith(short.name)
                  and len(o.name) - len(short.name) <= 6]
        if longer:
            short.name = min(longer, key=lambda o: (o.start, o.name)).name
    dated: dict[str, Mention] = {}
    for mention in doc.mentions_of("Meeting"):
        if mention.qualifier and mention.name not in dated:
            dated[mention.name] = mention
    for mention in doc.mentions_of("Meeting"):
        if not mention.qualifier and mention.name in dated:
            src = dated[mention.name]
            mention.qualifier = src.qualifier
            mention.attrs.update({k: v for k, v in src.attrs.items() if k.startswith("date")})


def _suffixes(doc: Doc, sent: Sentence, pattern: re.Pattern[str]) -> list[re.Match[str]]:
    """Meeting suffixes that end a word; where one does not (推进会 in 推进会议), look again one
    character later (会议)."""
    out: list[re.Match[str]] = []
    pos = sent.start
    while True:
        m = pattern.search(doc.text, pos, sent.end)
        if m is None:
            return out
        if ends_at_token(doc, sent, m.end()) or re.match(r"[上后前中]|精神", doc.text[m.end():m.end() + 2]):
            out.append(m)
            pos = m.end()
        else:
            pos = m.start() + 1


def main_meeting(doc: Doc, before: int | None = None) -> Mention | None:
    """The meeting the article is about: the one in its headline, else the last convened or held
    (召开, 举行, 主持) before ``before``, else the last named before it, else the first convened
    anywhere, else the first named."""
    named = [m for m in doc.mentions_of("Meeting") if not m.attrs.get("ref")]
    if not named:
        return None
    title = doc.title_sentence
    if title is not None:
        for m in named:
            if m.sentence == title.index:
                return m
    held = [m for m in named if m.attrs.get("main_verb")]
    if before is not None:
        # the meeting held most recently before the reference (会后，…随即召开全市…会议。…主持会议),
        # else the last one named before it
        for pool in (held, named):
            earlier = [m for m in pool if m.start < before]
            if earlier:
                return earlier[-1]
    return held[0] if held else named[0]


def resolve_reference(doc: Doc, ref: Mention) -> Mention | None:
    """The named meeting a bare ``会议`` / ``开工仪式`` refers to."""
    if ref.name in ("会议", "会", "大会", "全会"):
        return main_meeting(doc, before=ref.start)
    named = [m for m in doc.mentions_of("Meeting") if not m.attrs.get("ref")]
    same = [m for m in named if m.name.endswith(ref.name) and m.start < ref.start]
    if same:
        return same[-1]
    same = [m for m in named if m.name.endswith(ref.name)]
    if same:
        return same[0]
    return main_meeting(doc)


def meeting_after(doc: Doc, sent: Sentence, pos: int) -> Mention | None:
    """The first meeting (named or reference, resolved) starting at or after ``pos`` in the sentence."""
    cands = [m for m in doc.mentions_of("Meeting", sentence=sent.index) if m.start >= pos]
    refs = [r for r in doc.notes.get("meeting_refs", []) if r.sentence == sent.index and r.start >= pos]
    first = min(cands + refs, key=lambda m: m.start, default=None)
    if first is not None and first.attrs.get("ref"):
        return resolve_reference(doc, first)
    return first
