"""``LOCATED_IN``: what lies where.

* adjacency — a region or street written right before a street, community, site or project
  (``青岚区云塘街道``, ``云塘街道石板桥社区``);
* ``位于`` — ``位于高新区的鸿拓新材总部项目``, ``该项目位于云塘街道``;
* sections — under a sub-heading that opens with a street (``松林街道 建立特殊群体需求台账``), the
  communities named without a street lie in that street;
* the article's district — streets named without a region lie in the one district the article names.
"""

from __future__ import annotations

import re

from .doc import Doc, Mention

CONTAINS = {
    "Region": ("Region", "Street", "Community", "Place", "Project", "Organization"),
    "Street": ("Community", "Place", "Project", "Organization"),
    "Community": ("Place", "Project", "Organization"),
}
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
        self._prefix(doc, by_start, has_container)
        for r in doc.relations:
            if r.type == "LOCATED_IN":
                has_container.add(r.source.key)
        self._located_at(doc, has_container)
        self._under(doc, has_container)
        self._sections(doc, has_container)
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
                if unit is None:
                    break
                where, pos = unit, unit.end
            if where is None or thing.label not in CONTAINS.get(where.label, ()) \
                    or not thing.name.startswith(doc.text[thing.start:where.end]) or "、" in thing.name:
                continue
            if thing.label == "Organization" and (where.label == "Region" or _ORGAN.search(thing.name)):
                continue  # 某市某某有限公司: a registered name; 龙溪镇党委: the unit's own organ, not a site in it
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
            if x.key not in has_container:
                doc.relate("LOCATED_IN", x, region, x.sentence, "located:article-district")
                has_container.add(x.key)
