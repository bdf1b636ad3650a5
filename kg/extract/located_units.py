"""``LOCATED_IN`` from units named around a site (see :mod:`kg.extract.located`).

* kind-only sites — ``龙溪镇污水处理厂``: a site named only by its kind is named with its unit;
* a unit named elsewhere — ``将青川县城乡供水项目…``: written right before a site, where nothing marks it;
* lists — ``白石村村史馆、卫生室、文化小院``: the unit of a list's first site covers the sites after it;
* ``我县`` — the one county the article names;
* offices — ``东山街道办事处东塔社区``: the street of an office is a Street, and holds what follows it;
* hosts — ``青川区分别在龙溪工业园和石桥开发区举行…``: a unit holding an event at places of its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .doc import Doc, Mention, Sentence

CONTAINS = {
    "Region": ("Region", "Street", "Community", "Place", "Project", "Organization"),
    "Street": ("Community", "Place", "Project", "Organization"),
    "Community": ("Place", "Project", "Organization"),
}
LIST_SEP = re.compile(r"[、和及与]")
MAX_LIST = 20
NAMING_UNITS = ("Region", "Street", "Community")


def named_with_unit(doc: Doc) -> None:
    """龙溪镇污水处理厂, 白石村村史馆: a site named only by its kind, written right after the town,
    village or district it lies in, is named with it (the unit keeps its own node and the site lies in
    it); a site with a name of its own (星河湿地公园) and one after a chain of units (龙溪镇白石村村史馆)
    keep theirs.  The kind named again alone later is the same site when only one unit named it."""
    places = doc.mentions_of("Place")
    kinds = doc.lexicon["place_suffixes"] | doc.lexicon["place_weak_suffixes"]
    full: dict[str, set[str]] = {}
    bare: list[Mention] = []
    for p in places:
        if doc.text[p.start:p.end] != p.name or p.name not in kinds:
            continue
        unit = _unit_ending_at(doc, p.start)
        if unit is None:
            bare.append(p)
        elif doc.text[unit.start:unit.end] == unit.name and _unit_ending_at(doc, unit.start) is None:
            full.setdefault(p.name, set()).add(unit.name + p.name)
            p.name = unit.name + p.name
    for p in bare:  # 在污水处理厂: the one the article placed
        names = full.get(p.name, ())
        if len(names) == 1:
            p.name = next(iter(names))


def _unit_ending_at(doc: Doc, pos: int) -> Mention | None:
    return max((u for u in doc.near(pos, pos) if u.end == pos and u.label in NAMING_UNITS),
               key=lambda u: u.end - u.start, default=None)


def unit_named_before(doc: Doc, has_container: set[tuple[str, str, str | None]]) -> None:
    """将青川县城乡供水一体化项目…: a district, town or village the article names elsewhere, written
    right before a site or project where no mention marks it (or as the start of the site's own name),
    is where the site lies."""
    units: dict[str, Mention] = {}
    for u in doc.mentions_of(*NAMING_UNITS):
        if doc.text[u.start:u.end] == u.name and len(u.name) >= 3:
            units.setdefault(u.name, u)
    if not units:
        return
    lengths = sorted({len(n) for n in units}, reverse=True)
    for thing in doc.mentions_of("Place", "Project"):
        if thing.key in has_container:
            continue
        where: Mention | None = None
        for n in lengths:
            before = doc.text[max(0, thing.start - n):thing.start]
            head = thing.name[:n]
            for name in (head, before) if len(thing.name) > n + 1 else (before,):
                unit = units.get(name)
                if unit is not None and thing.label in CONTAINS[unit.label]:
                    where = unit
                    break
            if where is not None:
                break
        if where is not None:
            doc.relate("LOCATED_IN", thing, where, thing.sentence, "located:named-unit")
            has_container.add(thing.key)


def list_after_named_site(doc: Doc, by_start: dict[int, list[Mention]],
                           has_container: set[tuple[str, str, str | None]]) -> None:
    """白石村村史馆、卫生室、文化小院: a list whose first item is a site named with its village or
    community — the sites after it that name no unit of their own lie there too.  A unit written before
    a later item only (星河广场、临江区文化馆) names that one item."""
    for r in list(doc.relations):
        if r.type != "LOCATED_IN" or r.rule not in ("located:prefix", "located:adjacent") \
                or r.source.label not in ("Place", "Project") or r.target.label != "Community":
            continue  # a town's or district's list spans a wide area: 桃源街道改造项目、滨江公园
        site, unit = r.source, r.target
        if unit.start != site.start and unit.end != site.start:
            continue
        first = unit.start
        if first > 0 and LIST_SEP.match(doc.text, first - 1):
            continue  # not the list's first item
        pos = site.end
        for _ in range(MAX_LIST):
            sep = LIST_SEP.match(doc.text, pos)
            if sep is None:
                break
            pos = sep.end()
            thing = max((x for x in by_start.get(pos, ()) if x.label in ("Place", "Project")), key=lambda x: x.end,
                        default=None)
            if thing is None:
                bare = _BARE_ITEM.match(doc.text, pos)  # an item no extractor named: step over it
                if bare is None:
                    break
                pos = bare.end()
                continue
            if thing.key in has_container or any(u.label in NAMING_UNITS for u in by_start.get(pos, ())):
                break  # 卫生室、龙溪镇文化站: the next item names its own unit
            if thing.label in CONTAINS[unit.label]:
                doc.relate("LOCATED_IN", thing, unit, thing.sentence, "located:list-first")
                has_container.add(thing.key)
            pos = thing.end


_BARE_ITEM = re.compile(r"[\u4e00-\u9fff]{2,8}(?=[、和及与])")





def own_unit(doc: Doc, sent: Sentence, pos: int) -> Mention | None:
    """我县 at ``pos``: the one county (区, 市, 旗) the article names, if it names only one and the
    sentence does not name one before (临川市代表团到我市: the visitors' city is not ours)."""
    suffix = doc.text[pos + 1]
    zones = tuple(doc.lexicon["zone_suffixes"])
    named = {m.name: m for m in doc.mentions_of("Region") if m.name.endswith(suffix) and not m.name.endswith(zones)}
    if len(named) != 1 or any(m.start < pos for m in doc.mentions_of("Region", sentence=sent.index)):
        return None
    return next(iter(named.values()))


#: 东山街道办事处, 龙溪镇人民政府: the office of a street or town
_OFFICE = re.compile(r"(.{1,10}?(?:街道|镇|乡))(?:办事处|人民政府)$")


def unit_offices(doc: Doc) -> None:
    """东山街道办事处东塔社区: an office names its street or town (a Street node of its own), and a
    village or community written right after the office lies in that street or town."""
    for org in doc.mentions_of("Organization"):
        m = _OFFICE.match(org.name)
        if m is None or doc.text[org.start:org.end] != org.name:
            continue
        end = org.start + len(m.group(1))
        street = next((x for x in doc.near(org.start, end) if x.label == "Street" and x.start == org.start
                       and x.end == end), None) or doc.add(
            Mention("Street", m.group(1), org.start, end, org.sentence, "unit-office"))
        for x in doc.near(org.end, org.end + 1):
            if x.label == "Community" and x.start == org.end:
                doc.relate("LOCATED_IN", x, street, x.sentence, "located:office")


#: 青川区(分别)在A和B举行: the unit is the host, the places are its own
_HOST_AT = re.compile(r"(?:分别|先后|也|还|又)?在")


def host_places(doc: Doc, has_container: set[tuple[str, str, str | None]]) -> None:
    """青川区分别在龙溪工业园和石桥开发区举行开工仪式: the places a region or town holds an event at lie
    in it (the list right after 在, up to the first word that is no separator)."""
    for unit in doc.mentions_of("Region", "Street"):
        at = _HOST_AT.match(doc.text, unit.end)
        if at is None or doc.text[unit.start:unit.end] != unit.name:
            continue

        def hosted(pos: int, unit: Mention = unit) -> Mention | None:
            item = max((x for x in doc.near(pos, pos + 1) if x.start == pos and x.key != unit.key
                        and x.label in CONTAINS.get(unit.label, ())), key=lambda x: x.end, default=None)
            return None if item is None or (item.label == "Region" and not _ZONE.search(item.name)) else item

        list_in(doc, unit, at.end(), hosted, "located:host", has_container)


def list_in(doc: Doc, unit: Mention, pos: int, item_at: Callable[[int], Mention | None], rule: str,
            has_container: set[tuple[str, str, str | None]]) -> None:
    """A list (A、B和C) starting at ``pos`` lies in ``unit``: each item ``item_at`` finds, until it finds
    none or no separator follows (at most :data:`MAX_LIST` items)."""
    for _ in range(MAX_LIST):
        item = item_at(pos)
        if item is None:
            return
        if item.key not in has_container:
            doc.relate("LOCATED_IN", item, unit, item.sentence, rule)
            has_container.add(item.key)
        sep = LIST_SEP.match(doc.text, item.end)
        if sep is None:
            return
        pos = sep.end()


#: a zone may lie in a county: 开发区, 工业园区, 产业园
_ZONE = re.compile(r"(?:开发区|园区|产业园|工业园|新区|片区|示范区|经济区)$")
