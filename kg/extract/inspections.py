"""``INSPECTED``: where officials went on duty.

* itineraries — ``先后来到A、B和C`` (also 深入, 走进, 前往/赴/到 … 调研, 考察了A和B): one edge per stop;
  a stop no extractor named becomes a ``Place`` when an official goes there with a purpose;
* visits — ``在A,王建国实地查看…`` gives an edge to A;
* companions — officials who ``陪同调研`` / ``参加检查`` join every stop of the article's itinerary.

The subject may be a pronoun or a group (``检查组一行``): see :mod:`kg.extract.subjects`.
"""

from __future__ import annotations

import re

from .dates import ResolvedDate
from .doc import Doc, Mention, Sentence
from .entities import _pattern
from .subjects import clauses, subjects

_MOTION = re.compile(r"(?:先后|分别|一同|一起|再次|又|还|也|专程|实地|随后|还先后)*"
                     r"(来到|走进|深入到|深入|前往|赶赴|奔赴|赴|到|走访|(?:考察|视察|参观|暗访)了)")
_STRONG = {"来到", "走进", "深入到", "深入", "走访"}
_PURPOSE = re.compile(r"调研|检查|督导|督查|视察|考察|察看|查看|走访|慰问|看望|巡查|指导|暗访|检验|观摩")
_LIST_END = re.compile(r"[（(，,。；;：:]|进行|开展|调研|检查|督导|督查|视察|考察|察看|查看|慰问|看望|了解|指导|巡查|"
                       r"实地|观摩|时|期间|等地|等处|等")
_LIST_SEP = re.compile(r"、|以及|及|和|与")
_AT_PLACE = re.compile(r"(?:\d{4}年)?(?:\d{1,2}月\d{1,2}日)?[上下]?午?[，,]?在([^，,。]{2,30})[，,]")
_VISIT_VERB = re.compile(r"查看|检查|了解|询问|督导|调研|察看|视察|考察|走访|慰问|听取")
_ACCOMPANY = re.compile(r"(?:参加|陪同|一同|随同|共同)(?:检查|调研|视察|督导|考察|察看|督查|暗访)|陪同(?=[。，,；;]|$)")
_GENERIC_STOP = re.compile(r"^(?:生产|企业|施工|项目|建设|田间|基层|生产一线|农户|群众|居民|村民|困难群众|部分|有关|相关|各|在建)?"  # noqa: E501 (CJK data)
                           r"(?:车间|家中|家里|地头|田间地头|现场|一线|工地|企业|单位|部门|园区|基层)$|(?:家中|家里)$")
#: a stop that names an activity or a topic, not a site: 立面整治效果, 森林防火, 项目进度
_TOPIC = re.compile(r"(?:效果|情况|工作|进度|进展|建设|治理|管理|服务|问题|成效|措施|铺装|整治|防火|生产|发展|收购|采摘)$")  # noqa: E501 (CJK data)
_ADMIN_END = re.compile(r"(?:区|县|市|省|州|旗|镇|乡|街道)$")
TARGET_LABELS = ("Place", "Project", "Organization", "Street", "Community")


def quoted_item(doc: Doc, s: int, e: int) -> bool:
    return doc.text[s - 1:s] in ("“", "‘", "《") and doc.text[e:e + 1] in ("”", "’", "》")


def distinctive(doc: Doc, sent: Sentence, start: int, end: int) -> bool:
    """A site's name needs a word of its own, not only common words (社区调解室, 消防控制室, 幼儿园 are
    no names; 卧龙岭监控中心, 青石农贸市场 are): an unknown word, a place name, or a rare word."""
    from .doc import segmenter, word_tags

    tags = word_tags()
    freq = segmenter(doc.lexicon).FREQ
    words = [w for w, s, e in doc.tokens(sent) if start <= s and e <= end]
    if len(words) <= 1 and end - start <= 3:
        return False
    for w in words[:-1] or words:
        tag = tags.get(w)
        if tag is None or tag[:2] in ("ns", "nr", "nz", "nt") or (freq.get(w) or 0) < 800:
            return True
    return False


def _sentence_locative(doc: Doc, sent: Sentence) -> Mention | None:
    """The region or street of a sentence opening ``在海澄港区，…``."""
    m = _AT_PLACE.match(doc.text, sent.start, sent.end)
    if not m:
        return None
    whole = [x for x in doc.mentions if x.label in ("Region", "Street") and x.start == m.start(1) and x.end == m.end(1)]
    return whole[0] if whole else None


class Inspections:
    """Extractor: INSPECTED relations (and LOCATED_IN for stops written as ``X区的A``)."""

    name = "inspections"

    def __call__(self, doc: Doc) -> None:
        from .events import event_date

        for sent in doc.sentences:
            if sent.heading:
                continue
            date = event_date(doc, sent)
            for cs, ce in clauses(doc, sent):
                self._itinerary(doc, sent, cs, ce, date)
            self._at_place(doc, sent, date)
        self._accompany(doc)

    def _itinerary(self, doc: Doc, sent: Sentence, cs: int, ce: int, date: ResolvedDate | None) -> None:
        for m in _MOTION.finditer(doc.text, cs, ce):
            verb = m.group(1)
            glued = any(x.end == m.start(1) and x.label in ("Official", "Person") for x in doc.mentions)
            if not glued and m.start(1) not in doc.token_starts(sent):
                continue  # 送到, 做到, 落到实处: not a movement (but 欧阳丹到…: jieba glued 到 to the name)
            list_end_m = _LIST_END.search(doc.text, m.end(), ce)
            list_end = list_end_m.start() if list_end_m else ce
            if list_end - m.end() < 2:
                continue
            who = subjects(doc, sent, cs, m.start(), ("Official", "Organization"), lists=False, groups=True)
            purposeful = verb in _STRONG or verb.endswith("了") or _PURPOSE.search(doc.text, list_end, sent.end) is not None  # noqa: E501 (CJK data)
            targets = self.targets(doc, sent, m.end(), list_end, create=bool(who and purposeful))
            if not targets or not who or not purposeful:
                continue
            where = _sentence_locative(doc, sent)
            for t in targets:
                if where is not None and t.label in ("Place", "Project") and not any(
                        r.type == "LOCATED_IN" and r.source is t for r in doc.relations):
                    doc.relate("LOCATED_IN", t, where, sent.index, "located:在")
            for p in who:
                for t in targets:
                    if t.label in TARGET_LABELS:
                        doc.relate("INSPECTED", p, t, sent.index, f"inspected:itinerary:{verb}", date)
                        doc.notes.setdefault("stops", []).append(t)

    def targets(self, doc: Doc, sent: Sentence, start: int, end: int, *, create: bool) -> list[Mention]:
        """The stops of an itinerary list, as mentions.

        With ``create``, a stop that no extractor named becomes a new Place; otherwise only stops ending
        in a site word (中心, 基地 …) do.  A region written before the first stop of a ``、`` list covers
        the stops after it; ``X区的A`` places A in X.
        """
        out: list[Mention] = []
        pos = start
        container: Mention | None = None
        shared = True
        weak = _pattern(doc.lexicon, "place_weak_suffixes")
        for sep in list(_LIST_SEP.finditer(doc.text, start, end)) + [None]:
            s, e = pos, (sep.start() if sep else end)
            pos = sep.end() if sep else end
            quoted = doc.text[s:s + 1] in "“‘《"
            while s < e and doc.text[s] in "“”‘’\"'《》 了":
                s += 1
            while e > s and doc.text[e - 1] in "“”‘’\"'《》 ":
                e -= 1
            if doc.text.endswith("现场", s, e) and e - s > 4:
                e -= 2  # 幸福里小区改造项目现场: the project
                if doc.text.endswith("建设", s, e) and e - s > 4:
                    e -= 2  # …三期项目建设现场
            if e - s < 2:
                continue
            target, prefix = self._stop(doc, sent, s, e, create=create, weak=weak)
            if target is None:
                continue
            if quoted:
                shared = False
            if prefix is not None:
                if doc.text[prefix.end:prefix.end + 1] == "的":
                    doc.relate("LOCATED_IN", target, prefix, sent.index, "located:的")
                container = prefix if not out else container
            elif shared and container is not None and out and target.label == out[0].label and target.start == s:
                # 青岚区星河广场、卧龙岭风景区: the region written once covers the list
                doc.relate("LOCATED_IN", target, container, sent.index, "located:list-prefix")
            if sep is not None and sep.group(0) != "、":
                shared = False
            out.append(target)
        return out

    def _stop(self, doc: Doc, sent: Sentence, s: int, e: int, *, create: bool,
              weak: re.Pattern[str]) -> tuple[Mention | None, Mention | None]:
        """The mention a list item names, and the region or street written before it."""
        inside = [x for x in doc.mentions if x.start >= s and x.end <= e
                  and x.label not in ("Meeting", "Official", "Person")]
        regions = [x for x in inside if x.label in ("Region", "Street", "Community")]
        named = [x for x in inside if x.label in TARGET_LABELS and x.end == e]
        whole = [x for x in inside if x.start == s and x.end == e]
        if named:
            target = max(named, key=lambda x: x.end - x.start)
        elif whole:
            target = whole[0]
        else:
            ps = s
            while True:  # 麻江坪县大塘乡高山蔬菜基地: past every unit written before the site
                nxt = max((x.end for x in regions if x.start == ps and x.end < e), default=ps)
                if nxt == ps:
                    break
                ps = nxt
            if doc.text[ps:ps + 1] == "的":
                ps += 1
            item = doc.text[ps:e]
            prefix_unit = [x for x in regions if x.end == ps and x.label in ("Street", "Community")]
            if prefix_unit and (item.startswith(("部分", "个别", "各", "多个", "多家", "几")) or _GENERIC_STOP.search(item)):  # noqa: E501 (CJK data)
                return prefix_unit[0], None  # 暗访了龙眼镇部分销售网点: the town was visited
            w = weak.search(doc.text, ps, e)
            site = w is not None and w.end() == e
            if e - ps < 2 or not (create or site) or _GENERIC_STOP.search(item) or _ADMIN_END.search(item) \
                    or item[:1] in "各全该本其这那几多" or item.startswith(("部分", "个别")) \
                    or (not site and len(item) > 16) or _TOPIC.search(item) \
                    or doc.lexicon.suffix_pattern("person_roles").match(item) \
                    or any(x.label in ("Person", "Official") and ps <= x.start < e for x in doc.mentions):
                return None, None
            strong = _pattern(doc.lexicon, "place_suffixes").search(doc.text, ps, e)
            if not (strong and strong.end() == e) and not quoted_item(doc, s, e) and not distinctive(doc, sent, ps, e):
                return None, None
            target = doc.add(Mention("Place", item, ps, e, sent.index, "itinerary-stop"))
        prefix = [x for x in regions if x.end in (target.start, target.start - 1) and x is not target]
        return target, (max(prefix, key=lambda x: x.start) if prefix else None)

    def _at_place(self, doc: Doc, sent: Sentence, date: ResolvedDate | None) -> None:
        m = _AT_PLACE.match(doc.text, sent.start, sent.end)
        if not m:
            return
        verb = _VISIT_VERB.search(doc.text, m.end(), sent.end)
        if not verb:
            return
        who = subjects(doc, sent, m.end(), verb.start(), ("Official",), lists=False, groups=True)
        if not who:
            return
        s, e = m.start(1), m.end(1)
        if doc.text.endswith("现场", s, e) and e - s > 4:
            e -= 2
        known = [x for x in doc.mentions if x.start >= s and x.end == e and x.label in TARGET_LABELS]
        if known:
            target = max(known, key=lambda x: x.end - x.start)
        else:
            regions = [x for x in doc.mentions if x.start == s and x.end <= e and (
                x.label in ("Region", "Street") or x.label == "Community" and doc.text[x.end:x.end + 1] == "的")]
            if any(x.end == e for x in regions):
                return  # 在龙溪镇,…: a town is not a site
            ps = max((x.end for x in regions), default=s)
            if doc.text[ps:ps + 1] == "的":
                ps += 1
            item = doc.text[ps:e]
            if not distinctive(doc, sent, ps, e):
                return
            if len(item) < 2 or _GENERIC_STOP.search(item) or _TOPIC.search(item) \
                    or re.search(r"会上|期间|时$|中$|上$", item):
                return
            target = doc.add(Mention("Place", item, ps, e, sent.index, "visited-at"))
        for p in who:
            doc.relate("INSPECTED", p, target, sent.index, "inspected:at-place", date)

    @staticmethod
    def _accompany(doc: Doc) -> None:
        from .events import event_date

        stops: list[Mention] = []
        seen: set[tuple[str, str, str | None]] = set()
        for t in doc.notes.get("stops", []):
            if t.key not in seen:
                seen.add(t.key)
                stops.append(t)
        if not stops:
            return
        for sent in doc.sentences:
            if _ACCOMPANY.search(doc.text, sent.start, sent.end) is None:
                continue
            for cs, ce in clauses(doc, sent):
                for m in _ACCOMPANY.finditer(doc.text, cs, ce):
                    for p in subjects(doc, sent, cs, m.start(), ("Official",)):
                        # companions × stops: bounded per article, the rest counted as cut
                        for t in stops[:doc.fan_out("companions×stops", len(stops))]:
                            doc.relate("INSPECTED", p, t, sent.index, "inspected:accompanied", event_date(doc, sent))
