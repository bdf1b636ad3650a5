"""``LOCATED_IN``: what lies where.

* adjacency — a region or street written right before a street, community, site or project
  (``青岚区云塘街道``, ``云塘街道石板桥社区``), or before the town it names in brackets (``临江州(龙溪镇)``);
* ``位于`` — ``位于高新区的鸿拓新材总部项目``, ``该项目位于云塘街道``;
* sections — under a sub-heading that opens with a street (``松林街道 建立特殊群体需求台账``), the
  communities named without a street lie in that street;
* scopes — ``在龙溪镇，…先后来到A、B``, ``抵达龙溪镇后…``: what the rest of the sentence names lies there;
* ``该镇``/``该村`` … — ``该镇白石村``: in the last town the article named;
* ``X的A、B`` — ``白石村的文化广场、卫生室``: each listed site lies in X;
* lists sharing a prefix — ``龙溪镇白石村、柳塘村``: the town written once covers the list;
* the article's district — a street that opens a sub-heading lies in the one district the article
  names (an e-paper page's section ``松林街道 …`` under a district's report); a street merely named in
  the running text is not placed by world knowledge.

Units named around a site (kind-only sites, lists after a named site, ``我县``) are in
:mod:`kg.extract.located_units`.
"""

from __future__ import annotations

import bisect
import re

from .doc import Doc, Mention, Sentence
from .located_units import (
    CONTAINS,
    host_places,
    list_after_named_site,
    list_in,
    named_with_unit,
    own_unit,
    unit_named_before,
    unit_offices,
)

_LOCATED = re.compile(r"位于|坐落于|地处|落户")
_UNDER = re.compile(r"(?:下辖|所辖|辖区内|辖内)的?")
_LEVELS = (("省", 4), ("自治区", 4), ("市", 3), ("州", 3), ("盟", 3), ("区", 2), ("县", 2), ("旗", 2))


def _level(name: str) -> int:
    for suffix, level in _LEVELS:
        if name.endswith(suffix):
            return level
    return 1
_ORGAN = re.compile(r"(?:党委|党工委|党组|人大|人大工委|人大主席团|党总支|党支部|支部|政府|办事处|两委)$")
_COUNTY = re.compile(r"(?:区|县|旗|自治县)$")


class Located:
    """Extractor: LOCATED_IN relations."""

    name = "located"

    def __call__(self, doc: Doc) -> None:
        named_with_unit(doc)
        unit_offices(doc)
        has_container: set[tuple[str, str, str | None]] = set()
        ordered = sorted(doc.mentions, key=lambda m: (m.start, -m.end))
        by_start: dict[int, list[Mention]] = {}
        for m in ordered:
            by_start.setdefault(m.start, []).append(m)
        for outer in ordered:
            inner_labels = CONTAINS.get(outer.label)
            if not inner_labels:
                continue
            for inner in by_start.get(outer.end, []):
                if inner.label == "Region" and _level(inner.name) >= _level(outer.name):
                    continue  # 广东省珠岚市: a city in its province; never a province in a city
                if inner.label in inner_labels and not (outer.label == "Region" and inner.label == "Organization"):
                    doc.relate("LOCATED_IN", inner, outer, inner.sentence, "located:adjacent")
                    has_container.add(inner.key)
            if doc.text[outer.end:outer.end + 1] in "(（":
                # 临江州(龙溪镇)至…: the town told in brackets after the unit it lies in
                for inner in by_start.get(outer.end + 1, []):
                    if inner.label in ("Street", "Community") and inner.label in inner_labels \
                            and doc.text[inner.end:inner.end + 1] in ")）":
                        doc.relate("LOCATED_IN", inner, outer, inner.sentence, "located:bracket")
                        has_container.add(inner.key)
        self._prefix(doc, by_start, has_container)
        unit_named_before(doc, has_container)
        for r in doc.relations:
            if r.type == "LOCATED_IN":
                has_container.add(r.source.key)
        self._located_at(doc, has_container)
        self._under(doc, has_container)
        self._sections(doc, has_container)
        by_end: dict[int, list[Mention]] = {}
        for m in ordered:
            by_end.setdefault(m.end, []).append(m)
        self._anaphora(doc, has_container)
        self._possessive(doc, by_start, has_container)
        self._shared_prefix(doc, by_start, by_end, has_container)
        list_after_named_site(doc, by_start, has_container)
        self._scopes(doc, by_start, has_container)
        self._visit_area(doc, by_start, has_container)
        host_places(doc, has_container)
        self._district(doc, has_container)

    @staticmethod
    def _prefix(doc: Doc, by_start: dict[int, list[Mention]], has_container: set[tuple[str, str, str | None]]) -> None:
        """龙溪镇白石村文化广场, 白石村村史馆: a name that begins with units lies in the last of them."""
        for thing in doc.mentions:
            if thing.label not in ("Place", "Project", "Organization"):
                continue
            where: Mention | None = None
            pos = thing.start
            while True:
                unit = max((x for x in by_start.get(pos, ()) if x.label in ("Region", "Street", "Community")
                            and x.end < thing.end), key=lambda x: x.end, default=None)
                if unit is None or doc.text[unit.end:unit.end + 1] == "至":
                    break  # 龙溪镇白石村至柳塘村公路: a route joins the villages, it lies in the town
                where, pos = unit, unit.end
            if where is None or thing.label not in CONTAINS.get(where.label, ()) \
                    or not thing.name.startswith(doc.text[thing.start:where.end]) or "、" in thing.name:
                continue
            if thing.label == "Organization" and (where.label == "Region" or _ORGAN.search(thing.name)):
                continue  # 某市某某有限公司: a registered name; 龙溪镇党委: the unit's own organ, not a site in it
            if where.label == "Region" and where.name in doc.lexicon.regions_by_short:
                continue  # 佛山西站, 北京某某腐乳: a city written without its 市 is part of the name
            doc.relate("LOCATED_IN", thing, where, thing.sentence, "located:prefix")
            has_container.add(thing.key)

    @staticmethod
    def _located_at(doc: Doc, has_container: set[tuple[str, str, str | None]]) -> None:
        for sent in doc.sentences:
            for m in _LOCATED.finditer(doc.text, sent.start, sent.end):
                after = sorted((x for x in doc.mentions_of("Region", "Street", "Community", sentence=sent.index)
                                if x.start >= m.end() and x.start - m.end() <= 2), key=lambda x: (x.start, -x.end))
                if not after:
                    continue
                where = after[0]
                # 落户北溪县临江镇: the smallest unit of a chain
                deeper = True
                while deeper:
                    deeper = False
                    for x in doc.mentions_of("Street", "Community", sentence=sent.index):
                        if x.start == where.end and x.label in CONTAINS.get(where.label, ()):
                            where, deeper = x, True
                            break
                tail = doc.text[where.end:sent.end]
                paren = re.match(r"[（(][^）)]{1,12}[）)]", tail)
                skip = paren.end() if paren else 0
                thing: Mention | None = None
                if tail[skip:skip + 1] == "的":
                    at = where.end + skip + 1
                    cands = [x for x in doc.mentions_of("Project", "Place", "Organization", "Community", "Street",
                                                         sentence=sent.index) if x.start == at]
                    thing = max(cands, key=lambda x: x.end, default=None)
                else:
                    before = [x for x in doc.mentions_of("Project", "Place", "Organization", "Community", "Street",
                                                          sentence=sent.index) if x.end <= m.start()]
                    thing = before[-1] if before else None
                    if thing is None and re.search(r"(?:该|此|本)?项目", doc.text[sent.start:m.start()]):
                        # 该项目位于…: the project the article has been talking about
                        earlier = [x for x in doc.mentions_of("Project") if x.end <= m.start()]
                        thing = earlier[-1] if earlier else None
                if thing is not None and thing.label in CONTAINS.get(where.label, ()):
                    doc.relate("LOCATED_IN", thing, where, sent.index, "located:位于")
                    has_container.add(thing.key)

    @staticmethod
    def _under(doc: Doc, has_container: set[tuple[str, str, str | None]]) -> None:
        """康宁路街道下辖的紫藤社区、梅园社区: each listed unit lies in the one before 下辖."""
        for sent in doc.sentences:
            for m in _UNDER.finditer(doc.text, sent.start, sent.end):
                before = [x for x in doc.mentions_of("Region", "Street", sentence=sent.index) if x.end == m.start()]
                if not before:
                    continue
                outer = before[0]
                end = re.search(r"[，,。；;]", doc.text[m.end():sent.end])
                stop = m.end() + end.start() if end else sent.end
                for x in doc.mentions_of(*CONTAINS.get(outer.label, ()), sentence=sent.index):
                    if m.end() <= x.start < stop and x.label != "Organization":
                        doc.relate("LOCATED_IN", x, outer, sent.index, "located:下辖")
                        has_container.add(x.key)

    @staticmethod
    def _sections(doc: Doc, has_container: set[tuple[str, str, str | None]]) -> None:
        street: Mention | None = None
        for sent in doc.sentences:
            if sent.heading:
                opening = [x for x in doc.mentions_of("Street", sentence=sent.index) if x.start == sent.start]
                street = opening[0] if opening else None
                continue
            if street is None:
                continue
            for x in doc.mentions_of("Community", sentence=sent.index):
                if x.key not in has_container:
                    doc.relate("LOCATED_IN", x, street, sent.index, "located:section")
                    has_container.add(x.key)

    @staticmethod
    def _district(doc: Doc, has_container: set[tuple[str, str, str | None]]) -> None:
        zones = tuple(doc.lexicon["zone_suffixes"])
        counties = {m.name: m for m in doc.mentions_of("Region") if _COUNTY.search(m.name)
                    and not m.name.endswith(zones)}
        if len(counties) != 1:
            return
        region = next(iter(counties.values()))
        for x in doc.mentions_of("Street"):
            sent = doc.sentences[x.sentence]
            if x.key not in has_container and sent.heading and x.start == sent.start:
                doc.relate("LOCATED_IN", x, region, x.sentence, "located:article-district")
                has_container.add(x.key)

    @staticmethod
    def _anaphora(doc: Doc, has_container: set[tuple[str, str, str | None]]) -> None:
        """该镇白石村, 该街道柳岸社区: in the last town (street, village …) the article named before."""
        units: dict[str, list[Mention]] = {}
        for x in doc.mentions_of("Region", "Street", "Community"):
            units.setdefault(x.label, []).append(x)
        starts = {label: [x.start for x in xs] for label, xs in units.items()}
        for sent in doc.sentences:
            for m in _THAT_UNIT.finditer(doc.text, sent.start, sent.end):
                label, ending = _THAT_LEVEL[m.group(1)]
                pos = m.end() + (doc.text[m.end():m.end() + 1] == "的")
                thing = max((x for x in doc.near(pos, pos) if x.start == pos and x.label in CONTAINS.get(label, ())),
                            key=lambda x: x.end, default=None)
                if thing is None or thing.key in has_container or not _site(thing):
                    continue
                before = units.get(label, [])
                i = bisect.bisect_left(starts.get(label, []), m.start())
                # the nearest unit of that level (a few steps back at most: 该镇 follows its town closely)
                where = next((before[j] for j in range(i - 1, max(-1, i - 9), -1) if before[j].name.endswith(ending)),
                             None)
                if where is not None and where.key != thing.key:
                    doc.relate("LOCATED_IN", thing, where, sent.index, "located:该")
                    has_container.add(thing.key)

    @staticmethod
    def _possessive(doc: Doc, by_start: dict[int, list[Mention]],
                    has_container: set[tuple[str, str, str | None]]) -> None:
        """柳岸社区的超市、中学和农贸市场: each site listed after ``X的`` lies in X."""
        for unit in doc.mentions_of("Region", "Street", "Community"):
            pos = unit.end
            if doc.text[pos:pos + 1] != "的":
                continue

            def site_at(pos: int, unit: Mention = unit) -> Mention | None:
                thing = max((x for x in by_start.get(pos, ()) if x.label in CONTAINS[unit.label]),
                            key=lambda x: x.end, default=None)
                bad = thing is None or not _site(thing) or (unit.label == "Region" and thing.label == "Region")
                return None if bad else thing

            list_in(doc, unit, pos + 1, site_at, "located:的", has_container)

    @staticmethod
    def _shared_prefix(doc: Doc, by_start: dict[int, list[Mention]], by_end: dict[int, list[Mention]],
                       has_container: set[tuple[str, str, str | None]]) -> None:
        """龙溪镇白石村、柳塘村: a unit written before the first item of a list covers the towns and
        villages after it that name none of their own (青川县龙溪镇…、桃源镇: the county covers the second
        town).  Sites are left alone: in 星河广场、临江区文化馆、滨江公园 the district names one site."""
        inherited: dict[int, Mention] = {}
        for m in sorted(doc.mentions, key=lambda x: (x.start, -x.end)):
            if m.label not in ("Street", "Community"):
                continue
            sep = _LIST_SEP_BEFORE.search(doc.text, max(0, m.start - 2), m.start)
            if sep is None or doc.sentence_at(sep.start()).index != m.sentence:
                continue
            # the previous item, as the chain of names written one after the other (县 镇 村 site)
            chain: list[Mention] = []
            pos = sep.start()
            if not by_end.get(pos):
                # 龙溪镇石门社区、月亮湖、白石村: step over one item no extractor named
                bare = _BARE_BEFORE.search(doc.text, max(0, pos - 6), pos)
                pos = bare.start() if bare is not None and doc.sentence_at(bare.start()).index == m.sentence else pos
            while len(chain) < 6:
                prev = max(by_end.get(pos, ()), key=lambda x: x.start, default=None)
                if prev is None:
                    break
                chain.insert(0, prev)
                pos = prev.start
            where: Mention | None = None
            for unit in chain[:-1]:
                if m.label in CONTAINS.get(unit.label, ()) and unit.label != m.label:
                    where = unit  # the deepest unit that can hold the item
            if where is None and len(chain) == 1:
                where = inherited.get(id(chain[0]))
            if where is None or m.key in has_container or m.label not in CONTAINS.get(where.label, ()) \
                    or (where.label == "Region" and m.label == "Organization"):
                continue
            doc.relate("LOCATED_IN", m, where, m.sentence, "located:shared-prefix")
            has_container.add(m.key)
            inherited[id(m)] = where

    @staticmethod
    def _scopes(doc: Doc, by_start: dict[int, list[Mention]], has_container: set[tuple[str, str, str | None]]) -> None:
        """在龙溪镇，…先后来到A、B / 抵达龙溪镇后，…: the sites the rest of the sentence names lie there."""
        for sent in doc.sentences:
            opens: list[tuple[int, Mention]] = []
            for m in _SCOPE.finditer(doc.text, sent.start, sent.end):
                if m.group(1) == "在" and m.start() > sent.start and doc.text[m.start() - 1] not in "，,；;：:":
                    continue  # 在 opens a clause of its own: 在龙溪镇，…
                where = max((x for x in by_start.get(m.end(), ()) if x.label in CONTAINS), key=lambda x: x.end,
                            default=None)
                while where is not None:  # 在龙溪镇白石村，: the smallest unit of the chain
                    deeper = max((x for x in by_start.get(where.end, ()) if x.label in CONTAINS.get(where.label, ())
                                  and x.label in CONTAINS), key=lambda x: x.end, default=None)
                    if deeper is None:
                        break
                    where = deeper
                if where is None:
                    continue
                close = _SCOPE_CLOSE.match(doc.text, where.end)
                if close is not None:
                    opens.append((close.end(), where))
            for i, (start, where) in enumerate(opens):
                end = opens[i + 1][0] if i + 1 < len(opens) else sent.end
                for x in doc.mentions_of(*CONTAINS[where.label], sentence=sent.index):
                    if start <= x.start < end and x.key not in has_container and x.key != where.key and _site(x) \
                            and not (where.label == "Region" and x.label == "Region"):
                        doc.relate("LOCATED_IN", x, where, sent.index, "located:scope")
                        has_container.add(x.key)

    @staticmethod
    def _visit_area(doc: Doc, by_start: dict[int, list[Mention]],
                    has_container: set[tuple[str, str, str | None]]) -> None:
        """市领导到临江区调研…先后来到A、B: a visit announced to one unit (到/赴/深入 X 调研, 活动在 X 开展)
        covers the stops that follow, up to the next such announcement; only stops the visit inspected,
        and villages named on the way (与松林村干部座谈), that no other rule placed lie there."""
        stops = {r.target.key for r in doc.relations if r.type == "INSPECTED"}
        if not stops:
            return
        area: Mention | None = None
        since = 0
        for sent in doc.sentences:
            found = Located._announced(doc, sent, by_start)
            if found is not None:
                area, since = found
            if area is None:
                continue
            for x in doc.mentions_of(*CONTAINS[area.label], sentence=sent.index):
                if x.start >= since and (x.key in stops or x.label == "Community") and x.key not in has_container \
                        and x.key != area.key \
                        and _site(x) and (area.label != "Region" or x.label == "Street"):
                    doc.relate("LOCATED_IN", x, area, sent.index, "located:visit-area")
                    has_container.add(x.key)

    @staticmethod
    def _announced(doc: Doc, sent: Sentence, by_start: dict[int, list[Mention]]) -> tuple[Mention, int] | None:
        """The one unit this sentence says a visit goes to, and where its stops may begin."""
        found: list[tuple[Mention, int]] = []
        for m in _TO_AREA.finditer(doc.text, sent.start, sent.end):
            where = max((x for x in by_start.get(m.end(), ()) if x.label in CONTAINS), key=lambda x: x.end,
                        default=None)
            while where is not None:  # 到青川区云塘街道: the smallest unit of the chain
                deeper = max((x for x in by_start.get(where.end, ()) if x.label in CONTAINS.get(where.label, ())
                              and x.label in CONTAINS), key=lambda x: x.end, default=None)
                if deeper is None:
                    break
                where = deeper
            end = where.end if where is not None else m.end() + 2
            if where is None and doc.text[m.end():end] in ("我县", "我区", "我市", "我旗"):
                where = own_unit(doc, sent, m.end())  # 来我县调研: the article's own county
            if where is not None and _AREA_VERB.match(doc.text, end):
                found.append((where, end))
        if len({w.key for w, _ in found}) != 1:
            return None  # 赴云塘街道、柳岸街道: two areas, the stops may lie in either
        return found[0]


#: a site, not a body that governs a unit (区委, 市发改委, 镇人大): only sites lie somewhere by scope or list
_GOVERNING = re.compile(r"(?:委|局|办|部|厅|政协|人大|常委会|委员会|政府|办事处|组|团|队)$")
_THAT_UNIT = re.compile(r"该(街道|社区|镇|乡|村|区|县|市)")
_THAT_LEVEL = {"街道": ("Street", "街道"), "镇": ("Street", "镇"), "乡": ("Street", "乡"),
               "社区": ("Community", "社区"), "村": ("Community", "村"),
               "区": ("Region", "区"), "县": ("Region", "县"), "市": ("Region", "市")}
_LIST_SEP_BEFORE = re.compile(r"[、和及与]$")
_BARE_BEFORE = re.compile(r"[、和及与](?=[\u4e00-\u9fff]{2,5}$)")
_SCOPE = re.compile(r"(在|来到|抵达|到达|走进)")
_SCOPE_CLOSE = re.compile(r"后?[，,]")
_TO_AREA = re.compile(r"(?:到|来到|赴|深入|走进|前往|来|在)")
_AREA_VERB = re.compile(r"[，,]?(?:开展|进行|调研|督查|督导|视察|考察|检查|走访|指导|慰问|察看|查看|实地|就|专题)")


def _site(m: Mention) -> bool:
    if m.label != "Organization":
        return True
    return not (m.name[:1] in "省市州区县镇乡" or _ORGAN.search(m.name) or _GOVERNING.search(m.name))
