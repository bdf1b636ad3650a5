"""Who is the subject of an event: the people named before the trigger word.

In order: the officials named in the trigger's clause before it (``区领导陈立新、黄海燕等参加会议``);
with them, those of the clauses just before that hold nothing but titled names
(``区委副书记、区长沈晓峰，区委副书记潘建明出席会议``); failing those, a pronoun (``他先后来到``) is the
official last named before, and a group (``检查组一行``, ``与会人员``) is the one its leader led
(``沈国庆带领执法检查组…``) — or, with no leader named, the article's first official.
"""

from __future__ import annotations

import bisect
import re

from .doc import Doc, Mention, Sentence

CLAUSE = re.compile(r"[^，,；;：:]+")
_PRONOUN = re.compile(r"(?:^|[，,])\s*(?:他|她)(?:们)?")
_GROUP = re.compile(r"(?:(?:检查|调研|视察|督导|督查|考察|工作|观摩|巡察|评估|验收|暗访|指导)组|代表团|考察团|观摩团|与会人员|与会领导|参会人员|一行|代表们|委员们|活动组|视察团|调研团)")  # noqa: E501 (CJK data)
_LEADS = re.compile(r"带领|带队|率领|率队|率")
_ADVERBS = re.compile(r"先后|详细|仔细|认真|随后|随即|还|又|也|一同|一起|分别|并|再|接着|其间|当天|同时|专程|[上下]午")
_FILLER = re.compile(r"[、\s等和及与]|同志")
_ACTS = re.compile(r"致辞|讲话|发言|主持|出席|参加|陪同|调研|检查|宣布|通报|介绍|表示|强调|指出|要求|汇报")


def clauses(doc: Doc, sent: Sentence) -> list[tuple[int, int]]:
    """``(start, end)`` of the comma-separated clauses of a sentence."""
    return [(m.start(), m.end()) for m in CLAUSE.finditer(doc.text, sent.start, sent.end)]


def named_before(doc: Doc, sent: Sentence, start: int, pos: int, labels: tuple[str, ...]) -> list[Mention]:
    return [m for m in doc.mentions_of(*labels, sentence=sent.index) if start <= m.start and m.end <= pos]


def _only_names(doc: Doc, start: int, end: int) -> bool:
    """A clause that is nothing but titled officials (区委副书记、区长沈晓峰; 市政府秘书长卢建新):
    without its names, titles and regions, at most a short organization prefix is left."""
    keep = [True] * (end - start)
    for m in doc.near(start, end):
        if m.label in ("Official", "Person", "Region", "Organization") and start <= m.start and m.end <= end:
            for k in range(m.start, m.end):
                keep[k - start] = False
    for t in doc.lexicon.title_pattern.finditer(doc.text, start, end):
        for k in range(t.start(), t.end()):
            keep[k - start] = False
    rest = _FILLER.sub("", "".join(c for c, k in zip(doc.text[start:end], keep, strict=True) if k))
    if _ACTS.search(rest) or any(b in rest for b in doc.lexicon["boundaries"] if len(b) >= 2):
        return False
    return len(rest) <= 4 and any(m.label == "Official" and start <= m.start < end for m in doc.near(start, end))


def _only_titles(doc: Doc, start: int, end: int) -> bool:
    """县委常委出席会议: a clause whose subject is titles without names (the names are in the list before)."""
    rest = doc.lexicon.title_pattern.sub("", doc.text[start:end])
    return start < end and rest != doc.text[start:end] and not _FILLER.sub("", rest).strip()


def subjects(doc: Doc, sent: Sentence, cs: int, pos: int, labels: tuple[str, ...] = ("Official",),
             *, lists: bool = True, groups: bool = False) -> list[Mention]:
    """The subjects of a trigger at ``pos`` in the clause starting at ``cs``."""
    found = named_before(doc, sent, cs, pos, labels)
    if lists and (found or _only_titles(doc, cs, pos)):
        for ps, pe in reversed([c for c in clauses(doc, sent) if c[1] <= cs]):
            if not _only_names(doc, ps, pe):
                break
            found = named_before(doc, sent, ps, pe, labels) + found
    if found or not groups:
        return found
    if named_before(doc, sent, cs, pos, ("Person",)):
        return []  # 董事长周启航一行: a visitor who is no official
    head = doc.text[cs:pos]
    if _PRONOUN.search(head) or head.strip().startswith(("他", "她")) or not _ADVERBS.sub("", head).strip():
        # 他先后来到…; and a clause with no subject at all (…督导检查安全生产工作，先后来到A、B)
        topic = topic_official(doc, before=pos)
        return [topic] if topic else []
    ref = _SURNAME_TITLE.match(_ADVERBS.sub("", head).strip())
    referred = _referred(doc, ref.group(1), ref.group(2), before=pos) if ref else []
    if referred:
        return referred  # 张区长随后到…: the 区长 named 张炜
    if _GROUP.search(head):
        return leaders(doc, before=cs)
    return []


#: 张区长, 李书记一行: an official named by surname and post, named in full earlier in the article
_SURNAME_TITLE = re.compile(r"([\u4e00-\u9fff])(书记|区长|县长|市长|镇长|乡长|州长|旗长|省长|主任|主席|局长|部长)"
                            r"(?:一行)?$")


def _referred(doc: Doc, surname: str, post: str, *, before: int) -> list[Mention]:
    """The official named in full before ``before`` with that surname and a title ending in that post
    (the last few officials only: an article names a handful)."""
    key = (id(doc._span_index()), len(doc.mentions))
    cached = doc.notes.get("_officials_by_start")
    if cached is None or cached[0] != key:
        officials = doc.mentions_of("Official")
        cached = doc.notes["_officials_by_start"] = (key, [m.start for m in officials], officials)
    _, starts, officials = cached
    k = bisect.bisect_left(starts, before)
    for m in reversed(officials[max(0, k - 60):k]):
        if m.name.startswith(surname) and any(t.endswith(post) for t in m.attrs.get("title", "").split("、")):
            return [m]
    return []


def topic_official(doc: Doc, *, before: int) -> Mention | None:
    """The official a 他 refers to: the last one named first in a clause before ``before`` (a subject),
    not one named inside it (他听取社区党委书记孙秀梅…: 孙秀梅 is an object)."""
    starts, subjects_ = _clause_subjects(doc)
    k = bisect.bisect_left(starts, before) - 1
    return subjects_[k] if k >= 0 else None


def _clause_subjects(doc: Doc) -> tuple[list[int], list[Mention]]:
    """The clauses whose first person is an official (not after 他/她), by clause start; computed once for
    the doc's current mentions, so that asking for each trigger costs a binary search, not a scan."""
    key = (id(doc._span_index()), len(doc.mentions))
    cached = doc.notes.get("_clause_subjects")
    if cached is not None and cached[0] == key:
        return cached[1], cached[2]
    people = doc.mentions_of("Official", "Person")
    starts: list[int] = []
    found: list[Mention] = []
    i = 0
    for sent in doc.sentences:
        for cs, ce in clauses(doc, sent):
            while i < len(people) and people[i].start < cs:
                i += 1
            if i < len(people) and people[i].start < ce:
                first = people[i]
                if first.label == "Official" and not re.search(r"他|她", doc.text[cs:first.start]):
                    starts.append(cs)
                    found.append(first)
    doc.notes["_clause_subjects"] = (key, starts, found)
    return starts, found


def leaders(doc: Doc, *, before: int) -> list[Mention]:
    """The officials who led a group (带领, 带队, 率) in the article before ``before``; else its first official."""
    for sent in doc.sentences:
        if sent.start >= before:
            break
        for cs, ce in clauses(doc, sent):
            m = _LEADS.search(doc.text, cs, ce)
            if m:
                who = named_before(doc, sent, cs, m.start(), ("Official",))
                if who:
                    return who
    first = [m for m in doc.mentions if m.label == "Official" and m.end <= before]
    return first[:1]
