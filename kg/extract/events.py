"""Who did what: ``CHAIRED`` and ``ATTENDED`` meetings, ``INSPECTED`` places.

The subject of an event is the officials (or, for inspections, organizations) named in the same
clause before the trigger word.  Itineraries (``先后来到A、B``) give one ``INSPECTED`` edge per stop;
``在A,聂加伟实地查看…`` gives one for A; officials who ``参加检查`` join every stop of the article's
inspection.
"""

from __future__ import annotations

import re

from .dates import ResolvedDate, parse_iso, sentence_date
from .doc import Doc, Mention, Sentence
from .entities import _pattern
from .meetings import main_meeting, meeting_after

_CLAUSE = re.compile(r"[^，,；;：:]+")
_CHAIR = re.compile(r"主持召开|主持")
_ATTEND = re.compile(r"(?:出席|参加|参会|列席|应邀出席)(?!检查|调研|视察|督导|考察|活动)")
_SPEAK_AT = re.compile(r"在(.{2,40}?)上(?:讲话|致辞|发言|作报告|作部署|指出|强调)")
_MOTION = re.compile(r"(?:先后|分别|一同|一起|再次|又|还|也|专程|实地)*(来到|走进|深入到|深入|前往|赶赴|奔赴|赴|到|走访)")
_STRONG_MOTION = {"来到", "走进", "深入到", "深入", "走访"}
_PURPOSE = re.compile(r"调研|检查|督导|督查|视察|考察|察看|查看|走访|慰问|看望|巡查|指导|暗访|检验")
_LIST_END = re.compile(r"[（(]|进行|开展|，|,|。|；|;|：|调研|检查|督导|督查|视察|考察|察看|查看|慰问|看望|了解|指导|巡查|实地|时|期间|的")
_LIST_SEP = re.compile(r"、|以及|及|和|与")
_AT_PLACE = re.compile(r"(?:\d{4}年)?(?:\d{1,2}月\d{1,2}日)?[，,]?在([^，,。]{2,30})[，,]")
_INSPECT_VERB = re.compile(r"查看|检查|了解|询问|督导|调研|察看|视察|考察|走访|慰问")
_ACCOMPANY = re.compile(r"(?:参加|陪同|一同|随同|共同)(?:检查|调研|视察|督导|考察|察看)")
TARGET_LABELS = ("Place", "Project", "Organization", "Street", "Community")


def clauses(doc: Doc, sent: Sentence) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _CLAUSE.finditer(doc.text, sent.start, sent.end)]


def subjects(doc: Doc, sent: Sentence, start: int, pos: int, labels: tuple[str, ...] = ("Official",)) -> list[Mention]:
    """People (or bodies) named between ``start`` and the trigger at ``pos``."""
    return [m for m in doc.mentions_of(*labels, sentence=sent.index) if start <= m.start and m.end <= pos]


def event_date(doc: Doc, sent: Sentence) -> ResolvedDate | None:
    """When an event in ``sent`` happened: a date in the sentence (近日 counts, as approximate), else
    the last exact date stated before it in the article (the dateline carries over), else the
    publication date (precision ``publication``)."""
    own = sentence_date(doc, sent)
    if own is not None:
        return own
    for s in reversed(doc.sentences[: sent.index]):
        d = sentence_date(doc, s)
        if d is not None and d.precision == "day":
            return d
    pub = parse_iso(doc.article.date)
    return ResolvedDate(pub.isoformat(), "publication", "") if pub else None


def _meeting_date(meeting: Mention) -> ResolvedDate | None:
    if meeting.qualifier:
        return ResolvedDate(meeting.qualifier, "day", meeting.attrs.get("date_phrase", ""))
    return None


class Events:
    """Extractor: CHAIRED, ATTENDED and INSPECTED relations."""

    name = "events"

    def __call__(self, doc: Doc) -> None:
        for sent in doc.sentences:
            if sent.heading:
                continue
            date = event_date(doc, sent)
            for cs, ce in clauses(doc, sent):
                self._meetings(doc, sent, cs, ce, date)
                self._itinerary(doc, sent, cs, ce, date)
            self._at_place(doc, sent, date)
        self._accompany(doc)

    # -- meetings -------------------------------------------------------------------------------

    def _meetings(self, doc: Doc, sent: Sentence, cs: int, ce: int, date: str | None) -> None:
        for pat, rel in ((_CHAIR, "CHAIRED"), (_ATTEND, "ATTENDED")):
            for m in pat.finditer(doc.text, cs, ce):
                who = subjects(doc, sent, cs, m.start(), ("Official", "Person") if rel == "ATTENDED" else ("Official",))
                if not who:
                    continue
                meeting = meeting_after(doc, sent, m.end())
                if meeting is None and rel == "CHAIRED" and "由" in doc.text[cs:m.start()]:
                    before = [x for x in doc.mentions_of("Meeting", sentence=sent.index) if x.end <= cs]
                    meeting = before[-1] if before else main_meeting(doc)
                if meeting is None and rel == "ATTENDED" and re.match(r"会|仪式|活动", doc.text[m.end():m.end() + 2]):
                    meeting = main_meeting(doc)
                if meeting is None:
                    continue
                when = _meeting_date(meeting) or date  # a dated meeting dates its participants
                for p in who:
                    doc.relate(rel, p, meeting, sent.index, f"{rel.lower()}:{m.group(0)}", when)
        for m in _SPEAK_AT.finditer(doc.text, cs, ce):
            who = subjects(doc, sent, cs, m.start(), ("Official", "Person"))
            meeting = meeting_after(doc, sent, m.start(1))
            if meeting is None and re.search(r"会议?$", m.group(1)):
                meeting = main_meeting(doc)
            for p in who:
                if meeting is not None:
                    doc.relate("ATTENDED", p, meeting, sent.index, "attended:spoke-at", _meeting_date(meeting) or date)

    # -- inspections ----------------------------------------------------------------------------

    def _itinerary(self, doc: Doc, sent: Sentence, cs: int, ce: int, date: str | None) -> None:
        starts = doc.token_starts(sent)
        for m in _MOTION.finditer(doc.text, cs, ce):
            verb = m.group(1)
            if m.start(1) not in starts or (m.end() < sent.end and m.end() not in starts):
                continue  # 送到, 做到, 落到实处: not a movement
            rest_end = _LIST_END.search(doc.text, m.end(), ce)
            list_end = rest_end.start() if rest_end else ce
            if list_end - m.end() < 2:
                continue
            who = subjects(doc, sent, cs, m.start(), ("Official", "Organization"))
            purposeful = verb in _STRONG_MOTION or _PURPOSE.search(doc.text, list_end, sent.end) is not None
            targets = self.targets(doc, sent, m.end(), list_end, create=bool(who and purposeful))
            if not targets or not who or not purposeful:
                continue
            for p in who:
                for t in targets:
                    if t.label in TARGET_LABELS:
                        doc.relate("INSPECTED", p, t, sent.index, f"inspected:itinerary:{verb}", date)
                        doc.notes.setdefault("stops", []).append(t)

    def targets(self, doc: Doc, sent: Sentence, start: int, end: int, *, create: bool) -> list[Mention]:
        """The stops of an itinerary list, as mentions.

        With ``create``, a stop that no extractor named becomes a new Place; otherwise only stops ending
        in a site word (中心, 基地 …) do.
        """
        out: list[Mention] = []
        pos = start
        container: Mention | None = None
        shared = True  # a region written before the first stop covers the 、-separated stops after it
        weak = _pattern(doc.lexicon, "place_weak_suffixes")
        for sep in list(_LIST_SEP.finditer(doc.text, start, end)) + [None]:
            item_end = sep.start() if sep else end
            s, e = pos, item_end
            quoted = doc.text[s:s + 1] in "“‘《"
            while s < e and doc.text[s] in "“”‘’\"'《》 ":
                s += 1
            while e > s and doc.text[e - 1] in "“”‘’\"'《》 ":
                e -= 1
            pos = sep.end() if sep else end
            if e - s < 2:
                continue
            if not create and not (weak.search(doc.text, s, e) and weak.search(doc.text, s, e).end() == e):  # type: ignore[union-attr]
                known = [x for x in doc.mentions if x.start >= s and x.end == e and x.label in TARGET_LABELS]
                if not known:
                    continue
            inside = [x for x in doc.mentions if x.start >= s and x.end <= e and x.label != "Meeting"
                      and x.label not in ("Official", "Person")]
            regions = [x for x in inside if x.label in ("Region", "Street")]
            named = [x for x in inside if x.label in TARGET_LABELS and x.end == e]
            if named:
                target = max(named, key=lambda x: x.end - x.start)
            elif inside and any(x.start == s and x.end == e for x in inside):
                target = next(x for x in inside if x.start == s and x.end == e)
            else:
                ps = max((x.end for x in regions if x.start == s), default=s)
                if e - ps < 2:
                    continue
                target = doc.add(Mention("Place", doc.text[ps:e], ps, e, sent.index, "itinerary-stop"))
            prefix = [x for x in regions if x.start == s and x.end == target.start]
            if quoted:
                shared = False
            if prefix:
                container = prefix[0] if not out else container
            elif shared and container is not None and out and target.label == out[0].label and target.start == s:
                # 江海区中环广场、白水带风景区: the region written once covers the list
                doc.relate("LOCATED_IN", target, container, sent.index, "located:list-prefix")
            if sep is not None and sep.group(0) != "、":
                shared = False
            out.append(target)
        return out

    def _at_place(self, doc: Doc, sent: Sentence, date: str | None) -> None:
        m = _AT_PLACE.match(doc.text, sent.start, sent.end)
        if not m:
            return
        rest = doc.text[m.end():sent.end]
        verb = _INSPECT_VERB.search(rest)
        if not verb:
            return
        who = subjects(doc, sent, m.end(), m.end() + verb.start(), ("Official",))
        if not who:
            return
        s, e = m.start(1), m.end(1)
        known = [x for x in doc.mentions if x.start >= s and x.end == e and x.label in TARGET_LABELS]
        if known:
            target = max(known, key=lambda x: x.end - x.start)
        else:
            regions = [x for x in doc.mentions if x.label in ("Region", "Street") and x.start == s and x.end < e]
            ps = max((x.end for x in regions), default=s)
            target = doc.add(Mention("Place", doc.text[ps:e], ps, e, sent.index, "visited-at"))
        for p in who:
            doc.relate("INSPECTED", p, target, sent.index, "inspected:at-place", date)

    def _accompany(self, doc: Doc) -> None:
        stops: list[Mention] = []
        for t in doc.notes.get("stops", []):
            if t.key not in [s.key for s in stops]:
                stops.append(t)
        if not stops:
            return
        for sent in doc.sentences:
            for cs, ce in clauses(doc, sent):
                for m in _ACCOMPANY.finditer(doc.text, cs, ce):
                    for p in subjects(doc, sent, cs, m.start(), ("Official",)):
                        for t in stops:
                            doc.relate("INSPECTED", p, t, sent.index, "inspected:accompanied", event_date(doc, sent))
