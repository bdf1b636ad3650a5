"""Settle overlapping mentions after the entity extractors ran.

A name inside a longer name of another kind is usually part of it, not an entity of its own here:
``区委常委会`` inside the meeting ``区委常委会会议``, ``广东`` inside ``广东繁星人才集团``, the project in
``青岚区重大工程建设项目总指挥部``.  Exceptions are kept on purpose: the project inside its ceremony
(``锦湖新城花园项目开工仪式``) and the village inside its party committee (``东南村党委``).
"""

from __future__ import annotations

import re

from .chunk import REGION_END
from .doc import Doc, Mention

#: inner label -> outer labels that swallow it
SWALLOWED_BY = {
    "Organization": ("Meeting", "Project", "Place"),
    "Region": ("Organization", "Place", "Project", "Meeting", "Street", "Community"),
    "Project": ("Organization",),
    "Place": ("Organization", "Meeting", "Project"),
    "Street": ("Organization", "Meeting", "Project", "Place"),
    "Community": ("Meeting", "Project", "Place"),
}


#: labels of names that may begin with the street or village they lie in (龙溪镇污水处理厂, 白石村村史馆)
_NAMED_AFTER = ("Place", "Project", "Organization")


def _inside(inner: Mention, outer: Mention) -> bool:
    longer = (outer.end - outer.start) > (inner.end - inner.start)
    return outer.start <= inner.start and inner.end <= outer.end and longer


class Overlaps:
    """Extractor: drops mentions swallowed by a longer mention, and exact duplicates of another label."""

    name = "overlaps"

    def __call__(self, doc: Doc) -> None:
        keep = []
        starts: dict[int, list[Mention]] = {}
        for m in doc.mentions:
            starts.setdefault(m.start, []).append(m)
        for m in doc.mentions:
            if m.label == "Region" and m.end - m.start >= 3 and REGION_END.search(doc.text[m.start:m.end]) \
                    and not any(o.label == "Organization" and o.end > m.end and o.name.endswith("公司")
                                for o in starts.get(m.start, ())):
                keep.append(m)  # 水口区 in 水口区第十八届人民代表大会: a full region name stands on its own
                continue  # (but 青川县某某食品有限公司 is the company's registered name, not the county)
            outers = SWALLOWED_BY.get(m.label, ())
            if m.label in ("Street", "Community") and any(o.end > m.end and o.label in _NAMED_AFTER
                                                          for o in starts.get(m.start, ())):
                keep.append(m)  # 白石村 in 白石村文化广场: the site is named after the unit it lies in
                continue
            if m.label in ("Street", "Community") and doc.text[m.start - 1:m.start] == "至":
                keep.append(m)  # 柳塘村 in 白石村至柳塘村公路工程: the far end of a route is a place too
                continue
            if m.rule == "gazetteer" and doc.text[m.start:m.end] != m.name:
                outers = (*outers, "Region")  # 佛山 in 佛山经开区: one name, not also the city
            if any(o.label in outers and _inside(m, o) for o in doc.near(m.start, m.end) if o is not m):
                continue
            keep.append(m)
        # the same span found by two extractors: keep the more specific label
        rank = {"Official": 0, "Person": 1, "Meeting": 2, "Project": 3, "Street": 4, "Community": 5,
                "Region": 6, "Place": 7, "Organization": 8}
        best: dict[tuple[int, int], Mention] = {}
        for m in keep:
            k = (m.start, m.end)
            if k not in best or rank.get(m.label, 9) < rank.get(best[k].label, 9):
                best[k] = m
        doc.mentions = sorted(best.values(), key=lambda m: (m.start, m.end))
        _zone_aliases(doc)


#: a zone's short name and the endings of the full names it stands for
_ZONE_ALIASES = {"经开区": ("经济开发区", "经济技术开发区", "经开区"), "高新区": ("高新区", "高新技术产业开发区"),
                 "开发区": ("开发区",), "新区": ("新区",)}


def _zone_aliases(doc: Doc) -> None:
    """A bare 经开区 in an article that named 云岭经济开发区 is that zone."""
    for m in doc.mentions:
        endings = _ZONE_ALIASES.get(m.name) if m.label == "Region" else None
        if not endings:
            continue
        full = {o.name for o in doc.mentions if o.label == "Region" and o.name != m.name and o.name.endswith(endings)}
        if len(full) == 1:
            m.name = full.pop()


#: the kind a list of stops is told to be: 先后来到A、B、C等项目现场 / …D项目建设现场 / 察看了A、B等项目
_PROJECT_TOUR = re.compile(r"(?:等(?:重点|在建)?项目|项目建设|项目施工)(?:现场|工地)?(?![\u4e00-\u9fff])"
                           r"|等(?:重点|在建)?项目(?:现场|工地)")
#: sites a project builds (a school, a hospital); companies stay organizations
_BUILT_ORG = re.compile(r"(?:学校|小学|中学|幼儿园|医院|校区)$")
#: 甲乙科技二期: a name ending in its phase is a stage of a project
_PHASE_END = re.compile(r"[一二三四五六七八九十\d]期$")
#: a stop named by a brand and its trade (某某饲料, 某某机电, 某某龙虾店, 某某加油站) is a business, an
#: Organization, not a site
_FIRM_END = re.compile(r"(?:[^门商书]店|商场|影城|影院|加油站|美食城|饲料|机电|彩印|玻璃|科技|鞋业|纸业|电子|电器|药业|服饰|"  # noqa: E501 (CJK data)
                       r"实业|置业|木业|红木|建材|酒业|茶业|宾馆|饭店|酒家)$")
_CLAUSE_MARK = re.compile(r"[，,。；;：:]")


class StopLabels:
    """Extractor (after the itineraries): the label of a stop as its visit tells it.  The stops of a tour
    the text calls a tour of projects (``先后来到A、B、C等项目现场``) are projects, whatever their names
    end in; so is a stop named by its phase (``某某二期``); a stop named by a brand and its trade
    (``某某饲料``, ``某某加油站``) is a business.  Every mention of such a name in the article takes the label."""

    name = "stop-labels"

    def __call__(self, doc: Doc) -> None:
        stops = {id(r.target): r.target for r in doc.relations if r.type == "INSPECTED"}
        if not stops:
            return
        relabel: set[tuple[str, str]] = set()
        firms: set[tuple[str, str]] = set()
        for m in stops.values():
            if m.label == "Place" and _PHASE_END.search(m.name):
                relabel.add((m.label, m.name))
            elif m.label == "Place" and _FIRM_END.search(m.name) and len(m.name) >= 4:
                firms.add((m.label, m.name))
        for sent in doc.sentences:
            if "项目" not in sent.text:
                continue
            for cue in _PROJECT_TOUR.finditer(doc.text, sent.start, sent.end):
                marks = [x.end() for x in _CLAUSE_MARK.finditer(doc.text, sent.start, cue.start())]
                start = marks[-1] if marks else sent.start
                listed = [m for m in doc.near(start, cue.start())
                          if id(m) in stops and start <= m.start and m.end <= cue.start() + 2]
                if not cue.group(0).startswith("等") and any(
                        m.label == "Organization" and not _BUILT_ORG.search(m.name) for m in listed):
                    continue  # 走进甲公司、乙物流园、丙项目建设现场: a round of firms and one project
                relabel.update((m.label, m.name) for m in listed if m.label == "Place"
                               or m.label == "Organization" and _BUILT_ORG.search(m.name))
        if not relabel and not firms:
            return
        for m in doc.mentions:
            if (m.label, m.name) in relabel:
                m.label = "Project"
            elif (m.label, m.name) in firms:
                m.label = "Organization"
        doc.mentions = list(doc.mentions)  # the labels changed: the index is rebuilt
