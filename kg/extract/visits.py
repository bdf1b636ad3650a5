"""``INSPECTED`` for everyone on a visit: each participant of an inspection visit inspected each stop.

A visit report names its stops in one place (the itineraries :mod:`kg.extract.inspections` reads) and
its people in many others: the leader who 带领/率队, the group (调研组一行) whose named members joined,
companions in the last sentence (``县委常委甲某某陪同调研。``, ``副县长乙某某全程陪同视察活动。``,
``…参加视察。``), hosts written as ``在A、B的陪同下``.  An article reports one visit as a rule, so the
participants are gathered over the whole article and linked to every stop found in it; an article with
no stop has no visit and gets nothing here.
"""

from __future__ import annotations

import re

from .doc import Doc, Mention, Relation, Sentence
from .events import attend_visit_talks
from .subjects import clauses, named_before, subjects

#: 陪同调研, 全程陪同视察活动, 参加视察, 一同检查, 随行, 参加: joining the visit, the clause ends there
_JOIN = re.compile(r"(?:全程|一同|一起|共同)?(?:陪同|随行|随同|参加|参与|一同|共同|出席)(?:了)?"
                   r"(?:此次|本次|这次|相关|有关)?"
                   r"(?:实地)?(?:检查|调研|视察|督导|督查|考察|察看|暗访|走访|慰问|走访慰问|观摩|巡河|巡查|调研视察|视察调研|"
                   r"检查指导|调研指导|督导检查|活动|视察活动|调研活动|考察活动|观摩活动)?(?:活动|工作)?(?=[。，,；;]|$)"
                   # 一同视察重点项目建设情况: together with a visit verb, the object may follow
                   r"|(?:一同|一起|共同|陪同)(?:实地)?(?:检查|调研|视察|督导|督查|考察|察看|查看|暗访|走访|观摩)")
#: a clause that does something of its own is not part of a list of companions
_DOES = re.compile(r"主持|出席|带领|带队|率|来到|到|深入|前往|赴|查看|察看|强调|指出|表示|汇报|介绍|听取|了解|要求|考察|调研|视察|检查")  # noqa: E501 (CJK data)
_LEADS = re.compile(r"带领|带队|率领|率队|率(?!先)")
#: 以甲某某为组长，乙某某为副组长: the heads of the visiting group
_HEADS = re.compile(r"(?:为|任|担任)副?(?:组长|团长|队长)")
#: the attendees of a meeting as the subject of a visit
_MEETING_GROUP = re.compile(r"与会人员|与会领导|与会代表|参会人员|一行人|全体与会|观摩团")
#: 在县委书记甲某某、县长乙某某的陪同下: the hosts who showed the visitor round
_ESCORTED = re.compile(r"在([^。；;]{2,160}?)的?(?:陪同|陪伴|带领)下")
#: 陪同省政协副秘书长甲某某一行: the visitor the companion went round with
_ESCORTING = re.compile(r"陪同([^。；;，,]{2,60}?)一行")
#: 县委书记甲某某与副县长乙某某及有关部门同志一道: those who went round with the visitor
_TOGETHER = re.compile(r"[与和同]([^。；;，,]{2,80}?)(?:一道|一起|一同)")


def _roster(doc: Doc, sent: Sentence, pos: int) -> list[Mention]:
    """县委常委甲某某,副县长乙某某,政府办和相关乡镇负责人陪同调研: the officials of the clauses before
    ``pos`` back to the first one that does something of its own."""
    found: list[Mention] = []
    for cs, ce in reversed([c for c in clauses(doc, sent) if c[0] < pos]):
        ce = min(ce, pos)
        names = named_before(doc, sent, cs, ce, ("Official",))
        rest = doc.lexicon.title_pattern.sub("", doc.text[cs:ce])
        for n in names:
            rest = rest.replace(n.name, "")
        if _DOES.search(rest):
            break
        found = names + found
    return found


def _add(found: dict[tuple[str, str, str | None], Mention], people: list[Mention]) -> None:
    for p in people:
        found.setdefault(p.key, p)


class Visits:
    """Extractor: every participant of the article's visit inspected every stop of it."""

    name = "visits"

    def __call__(self, doc: Doc) -> None:
        visits = [r for r in doc.relations if r.type == "INSPECTED" and r.source.label in ("Official", "Organization")]
        if not visits:
            return
        stops: dict[tuple[str, str, str | None], Mention] = {}
        when: dict[tuple[str, str, str | None], Relation] = {}
        for r in visits:
            stops.setdefault(r.target.key, r.target)
            when.setdefault(r.target.key, r)
        people: dict[tuple[str, str, str | None], Mention] = {}
        _add(people, [r.source for r in visits])
        texts = {doc.sentences[r.sentence].text for r in visits}
        if any(_MEETING_GROUP.search(t) and not _LEADS.search(t) for t in texts):
            # 与会人员实地察看了…: those who attended the article's meeting went round together (but
            # 甲、乙带领与会人员…: the leaders named, the group is not told by name)
            _add(people, [r.source for r in doc.relations
                          if r.type in ("ATTENDED", "CHAIRED") and r.source.label == "Official"])
        for sent in doc.sentences:
            if sent.heading:
                continue
            for cs, ce in clauses(doc, sent):
                for m in [*_LEADS.finditer(doc.text, cs, ce), *_HEADS.finditer(doc.text, cs, ce)]:
                    _add(people, subjects(doc, sent, cs, m.start(), ("Official",)))
                for m in _JOIN.finditer(doc.text, cs, ce):
                    if doc.text.endswith("分别", cs, m.start()):
                        continue  # 甲、乙分别参加: each joined a part of it, not every stop
                    # 甲、乙,区政府领导丙、丁及有关部门负责同志参加: the subjects, and the roster of names
                    # before them (a list clause of names jieba did not title stops the subjects' list)
                    _add(people, subjects(doc, sent, cs, m.start(), ("Official",)) + _roster(doc, sent, m.start()))
            for pat in (_ESCORTED, _ESCORTING, _TOGETHER):
                for m in pat.finditer(doc.text, sent.start, sent.end):
                    _add(people, named_before(doc, sent, m.start(1), m.end(1), ("Official",)))
        attend_visit_talks(doc, [p for p in people.values() if p.label == "Official"])  # the visit's 座谈会
        done = {(r.source.key, r.target.key) for r in visits}
        for p in people.values():
            if doc.notes.get("cut", {}).get("companions×stops"):
                doc.fan_out("companions×stops", len(stops))  # the bound is spent: count, don't pair
                continue
            todo = [(key, t) for key, t in stops.items() if (p.key, key) not in done and p.key != key]
            # participants × stops: bounded per article, the rest counted as cut in report.json
            for key, t in todo[:doc.fan_out("companions×stops", len(todo))]:
                done.add((p.key, key))
                r = when[key]
                doc.relations.append(Relation("INSPECTED", p, t, r.sentence, "inspected:visit", r.date,
                                             r.date_precision, r.date_phrase))
