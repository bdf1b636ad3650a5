"""Who took part in meetings: ``CHAIRED`` (主持, 主持召开, 会议由…主持) and ``ATTENDED`` (出席, 参加,
在…上讲话, and speaking at the article's meeting: 作动员讲话, 致辞, 作交流发言 …).

The subjects are the officials named before the trigger (see :mod:`kg.extract.subjects`).  A meeting
named after the trigger is the one; a bare ``会议`` or none is the article's main meeting.
"""

from __future__ import annotations

import re

from .dates import ResolvedDate, parse_iso, sentence_date
from .doc import Doc, Mention, Sentence
from .meetings import main_meeting, meeting_after
from .subjects import clauses, subjects

_CHAIR = re.compile(r"主持召开|主持")
_ATTEND = re.compile(r"(?:出席|参加|参会|列席|应邀出席)(?!检查|调研|视察|督导|考察|活动)")
_SPEAK_AT = re.compile(r"在(.{2,40}?)上(?:讲话|致辞|发言|作报告|作部署|指出|强调|作动员讲话|作动员|作总结讲话)")
#: speaking at the article's meeting (no meeting named): 作动员讲话, 致辞, 作交流发言, 通报…情况, 宣布…开工
_SPEAK = re.compile(r"(?:作|做)(?:了)?(?:动员|总结|交流|表态|重要|具体|工作)?(?:讲话|发言|部署|报告|点评|安排)|"
                    r"讲话|致辞|发言|通报|宣布|就座|揭牌|颁奖|作说明|解读|向(?:大会|会议)作|进行(?:具体)?部署|介绍了")
#: 在主席台就座的有A、B、C / 出席会议的有A、B: names without titles, all of them present
_ROSTRUM = re.compile(r"(?:就座的|出席会议的|出席的领导|参加会议的|出席大会的|出席开幕式的)(?:领导|同志)?(?:还)?有")


def event_date(doc: Doc, sent: Sentence) -> ResolvedDate | None:
    """When an event in ``sent`` happened: a date in the sentence (近日 counts, as approximate), else
    the last exact date stated before it in the article (the dateline carries over), else the
    publication date (precision ``publication``)."""
    cache: dict[int, ResolvedDate | None] = doc.notes.setdefault("_event_dates", {})
    if sent.index in cache:
        return cache[sent.index]
    when = sentence_date(doc, sent)
    if when is None:
        when = _last_exact(doc, sent.index)
    if when is None:
        pub = parse_iso(doc.article.date)
        when = ResolvedDate(pub.isoformat(), "publication", "") if pub else None
    cache[sent.index] = when
    return when


def _last_exact(doc: Doc, index: int) -> ResolvedDate | None:
    """The last exact date stated before sentence ``index`` (memoised: each sentence is read once)."""
    memo: dict[int, ResolvedDate | None] = doc.notes.setdefault("_last_exact", {})
    i = index
    while i > 0 and i not in memo:  # back to the nearest sentence already known
        i -= 1
    when = memo.get(i) if i > 0 else None
    for k in range(i, index):  # then forward, remembering each step
        d = sentence_date(doc, doc.sentences[k])
        if d is not None and d.precision == "day":
            when = d
        memo[k + 1] = when
    return when


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
            self._rostrum(doc, sent, date)
        # who chaired a meeting did not also "attend" it (主持会议并讲话)
        chaired = {(r.source.key, r.target.key) for r in doc.relations if r.type == "CHAIRED"}
        doc.relations = [r for r in doc.relations
                         if not (r.type == "ATTENDED" and (r.source.key, r.target.key) in chaired)]

    # -- meetings -------------------------------------------------------------------------------

    @staticmethod
    def _rostrum(doc: Doc, sent: Sentence, date: ResolvedDate | None) -> None:
        """在主席台就座的有林正清、邵华: each listed name attended the article's meeting."""
        from .people import Names

        m = _ROSTRUM.search(doc.text, sent.start, sent.end)
        main = main_meeting(doc, before=sent.end)
        if not m or main is None:
            return
        names = Names(doc)
        pos = m.end()
        while pos < sent.end:
            end = names.name_at(pos)
            if end is None:
                break
            person = doc.covered(pos, end, "Official") or doc.add(
                Mention("Official", doc.text[pos:end], pos, end, sent.index, "rostrum-list"))
            doc.relate("ATTENDED", person, main, sent.index, "attended:rostrum", _meeting_date(main) or date)
            if doc.text[end:end + 1] != "、":
                break
            pos = end + 1

    def _meetings(self, doc: Doc, sent: Sentence, cs: int, ce: int, date: ResolvedDate | None) -> None:
        for pat, rel in ((_CHAIR, "CHAIRED"), (_ATTEND, "ATTENDED")):
            for m in pat.finditer(doc.text, cs, ce):
                who = subjects(doc, sent, cs, m.start(), ("Official", "Person") if rel == "ATTENDED" else ("Official",))
                if not who:
                    continue
                meeting = meeting_after(doc, sent, m.end())
                if meeting is None and rel == "CHAIRED" and "由" in doc.text[cs:m.start()]:
                    before = [x for x in doc.mentions_of("Meeting", sentence=sent.index) if x.end <= cs]
                    meeting = before[-1] if before else main_meeting(doc)
                if meeting is None and rel == "ATTENDED" and re.match(r"会|仪式|活动|座谈", doc.text[m.end():m.end() + 2]):  # noqa: E501 (CJK data)
                    meeting = main_meeting(doc, before=m.start())
                if meeting is None:
                    continue
                when = _meeting_date(meeting) or date  # a dated meeting dates its participants
                for p in who[:doc.fan_out("lists×meetings", len(who))]:
                    doc.relate(rel, p, meeting, sent.index, f"{rel.lower()}:{m.group(0)}", when)
        main = main_meeting(doc, before=cs)
        if main is not None:
            for m in _SPEAK.finditer(doc.text, cs, ce):
                if _SPEAK_AT.search(doc.text, cs, ce):
                    break
                for p in subjects(doc, sent, cs, m.start(), ("Official",)):
                    doc.relate("ATTENDED", p, main, sent.index, f"attended:{m.group(0)}", _meeting_date(main) or date)
        for m in _SPEAK_AT.finditer(doc.text, cs, ce):
            who = subjects(doc, sent, cs, m.start(), ("Official", "Person"))
            meeting = meeting_after(doc, sent, m.start(1))
            if meeting is None and re.search(r"会议?$", m.group(1)):
                meeting = main_meeting(doc)
            for p in who:
                if meeting is not None:
                    doc.relate("ATTENDED", p, meeting, sent.index, "attended:spoke-at", _meeting_date(meeting) or date)
