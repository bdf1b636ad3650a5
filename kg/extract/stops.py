"""The stops of an itinerary: what an item of a list of sites names, and how far the list runs.

* units: 石桥镇, 龙溪镇柳塘村, and 肖岭、沙坪等乡镇 written without their ending;
* a list that runs on past its clause (``先后调研了A、B；C、D，以及E``): a clause after the list that
  tells nothing but further sites carries it on;
* an item is cut to its site: 中山门街道辖区 is the street, 区建设局会议室 the bureau (a room of an
  organization is the organization), 县政协机关 the organization's offices, named with 机关;
* a visit already under way goes on with plain movement words (随后,他赶到柳塘村).

:mod:`kg.extract.inspections` reads the lists; this module tells what is in them.
"""

from __future__ import annotations

import re

from .doc import Doc, Mention, Sentence
from .subjects import CLAUSE

#: 肖岭、沙坪等乡镇: short names of units, the kind told after 等
_UNIT_KIND = re.compile(r"等(乡镇|镇|乡(?!村)|街道|村|社区|村居)")  # not 等乡村振兴点位
#: a site as seen from its name's ending, for stops no extractor named (Place otherwise)
_STREET_END = re.compile(r"(?:街道|镇|乡)$")
_COMMUNITY_END = re.compile(r"(?:社区|村|居委会|村委会)$")


def unit_label(item: str) -> str | None:
    """石桥镇, 柳塘村: a stop that is a town or a village (short, with its unit's ending)."""
    if len(item) > 8:
        return None
    if _COMMUNITY_END.search(item) and len(item) >= 3:
        return "Community"
    if _STREET_END.search(item) and len(item) >= 3:
        return "Street"
    return None


def unit_stop(doc: Doc, sent: Sentence, s: int, e: int, label: str) -> Mention:
    """A town or village stop no extractor named; 龙溪镇柳塘村 is the village, in the town."""
    if label == "Community":
        town = re.match(r"[\u4e00-\u9fff]{2,4}?(?:镇|乡)", doc.text[s:e])
        if town and e - (s + town.end()) >= 3:
            street = doc.add(Mention("Street", town.group(0), s, s + town.end(), sent.index, "itinerary-stop"))
            village = doc.add(Mention("Community", doc.text[s + town.end():e], s + town.end(), e, sent.index,
                                      "itinerary-stop"))
            doc.relate("LOCATED_IN", village, street, sent.index, "located:prefix")
            return village
    return doc.add(Mention(label, doc.text[s:e], s, e, sent.index, "itinerary-stop"))


def short_unit(doc: Doc, sent: Sentence, s: int, e: int, end: int) -> Mention | None:
    """肖岭、沙坪、石城等乡镇: a unit written without its ending, the kind told after 等; it is the unit
    of that name the article names in full (龙溪乡), else a new one."""
    kind = _UNIT_KIND.match(doc.text, end)
    item = doc.text[s:e]
    if kind is None or not 2 <= len(item) <= 4 or not re.fullmatch(r"[\u4e00-\u9fff]+", item):
        return None
    full = _units_by_short(doc).get(item)
    if full is not None:
        return full
    k = kind.group(1)
    label = "Community" if k in ("村", "社区", "村居") else "Street"
    name = item + k if k in ("镇", "乡", "街道", "村", "社区") and not item.endswith(k) else item
    return doc.add(Mention(label, name, s, e, sent.index, "itinerary-stop"))


def _units_by_short(doc: Doc) -> dict[str, Mention]:
    """The article's towns and villages by their names without the ending (built once per article)."""
    index = doc.notes.get("_units_by_short")
    if index is None:
        index = {}
        for m in doc.mentions_of("Street", "Community"):
            short = re.sub(r"(?:街道|镇|乡|社区|村)$", "", m.name)
            if len(short) >= 2:
                index.setdefault(short, m)
        doc.notes["_units_by_short"] = index
    return index


#: a clause that tells something (an act, a purpose, a remark) is not one more item of a list
_TELLS = re.compile(r"了|要|是|将|把|对|在|从|向|为|听取|了解|询问|查看|察看|指出|强调|要求|表示|进行|调研|检查|督导|"
                    r"实地|介绍|汇报|详细|认真|看望|慰问|观看|参观|考察|视察|走访|来到|前往|深入|走进|目前|现有|已")
_LEAD = re.compile(r"以及|及|还有|和|并")
#: 甲纸业、乙机电等企业: the items of a list told as companies are organizations
FIRMS = re.compile(r"等[\u4e00-\u9fff\d]{0,4}?(?:企业|公司|厂家|工厂|商户|商家|门店|酒店|餐馆|饭店)")
#: 今年以来新开工项目: an item told by its time is a kind of work, not a site
WHEN = re.compile(r"今年|去年|近年|近期|当前|目前|新(?:开工|竣工|投产|签约)")
#: 中山门街道辖区, 白石河沿岸一带: the area of a site is the site
_AREA_TAIL = re.compile(r"(?:辖区内|辖区|境内|一带|周边)$")
#: 区建设局会议室: a room of an organization
_ROOM = re.compile(r"(?:会议室|会商室|报告厅|办公室|服务大厅|办事大厅|大厅)$")


def under_way(doc: Doc) -> bool:
    """Whether an itinerary of the article has already named a stop (a visit is under way)."""
    return bool(doc.notes.get("stops"))


def further_lists(doc: Doc, sent: Sentence, end: int) -> list[tuple[int, int]]:
    """The clauses right after ``end`` (the end of a list's clause) that carry the list on: nothing in
    them but names (先后调研了A、B；C、D，以及E、F，实地了解…: C–F are stops too).  The caller stops at
    the first clause in which it finds no site."""
    out: list[tuple[int, int]] = []
    pos = end
    while pos < sent.end and doc.text[pos] in "，,；;" and len(out) < 8:
        m = CLAUSE.match(doc.text, pos + 1, sent.end)
        if m is None:
            break
        s, e = m.span()
        lead = _LEAD.match(doc.text, s, e)
        if lead:
            s = lead.end()
        if e - s < 2 or _TELLS.search(doc.text, s, e) or any(
                x.label in ("Official", "Person") and s <= x.start < e for x in doc.near(s, e)):
            break
        out.append((s, e))
        pos = e
    return out


def trim(doc: Doc, s: int, e: int) -> int:
    """The end of the site an item names: without an area word, and a room cut off its organization."""
    area = _AREA_TAIL.search(doc.text, s, e)
    if area and area.start() - s >= 2:
        e = area.start()
    room = _ROOM.search(doc.text, s, e)
    if room and any(x.label == "Organization" and x.end == room.start() and x.start >= s
                    for x in doc.near(room.start(), room.start())):
        e = room.start()
    return e


def organ(doc: Doc, sent: Sentence, s: int, e: int) -> Mention | None:
    """县政协机关: an organization named with 机关 (its offices), as a stop."""
    if e - s < 4 or not doc.text.endswith("机关", s, e):
        return None
    org = [x for x in doc.near(e - 2, e - 2) if x.label == "Organization" and x.end == e - 2 and x.start >= s]
    if not org:
        return None
    start = min(x.start for x in org)
    return doc.add(Mention("Organization", doc.text[start:e], start, e, sent.index, "itinerary-stop"))


def affiliations(doc: Doc, who: list[Mention]) -> list[Mention]:
    """Without the organizations that only tell whom a visitor works for: part of an official's title
    (省政协办公厅主任甲某某一行到…) or of unnamed staff (区委办、区执法局相关负责人深入…)."""
    out = []
    for x in who:
        if x.label == "Organization" and (_titled(doc, x.end) or _STAFF.match(doc.text, _list_end(doc, x.end))):
            continue
        out.append(x)
    return out


#: 相关负责人, 负责同志: people told by their organization, not by name
_STAFF = re.compile(r"的?(?:相关|有关|主要)?(?:负责人|负责同志|工作人员|班子成员|干部|同志)")


def _titled(doc: Doc, end: int) -> bool:
    title = doc.lexicon.title_pattern.match(doc.text, end)
    after = title.end() if title else end
    return any(m.label == "Official" and m.start == after for m in doc.near(after, after))


def _list_end(doc: Doc, pos: int) -> int:
    """The end of the list of organizations that goes on at ``pos`` (区委办、区政府办和区执法局)."""
    for _ in range(20):
        if doc.text[pos:pos + 1] not in ("、", "和", "及", "与"):
            break
        nxt = [m for m in doc.near(pos + 1, pos + 1) if m.start == pos + 1 and m.label == "Organization"]
        if not nxt:
            break
        pos = max(m.end for m in nxt)
    return pos


def adverbial(doc: Doc, sent: Sentence, end: int) -> bool:
    """深入推进, 深入开展: 深入 before a verb is an adverb (deeply), not a movement into somewhere."""
    from .doc import word_tags

    word = next((w for w, s, _ in doc.tokens(sent) if s == end), None)
    tag = word_tags().get(word) if word else None
    return word != "到" and tag is not None and tag in ("v", "vn", "vd")
