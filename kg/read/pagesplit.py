"""Split an e-paper page dump into articles and repair what page layout does to text.

A page is a sequence of paragraphs (non-blank lines).  An article starts at a headline: a short
line without sentence punctuation that is followed by a byline (``临州日报讯(记者/…)``,
``□文/图 临州日报记者 …``, ``本报讯``).  A short line right before a headline is the page's
section (栏目).  Layout damage is repaired before splitting:

* a paragraph cut in two by blank lines (``……联席会议`` / ``工作机制``) is joined again;
* a paragraph printed twice in one article is kept once, and so is a sentence repeated verbatim;
* a closing line that the layout pushed under the wrong article (``区领导方志成、方友东参加检查工作。`` at
  the end of a groundbreaking report, when the inspection is the article above) goes back to the
  nearest article before it that reports such an activity.

Each article keeps ``spans``: ``(offset in article text, offset in page, length)`` triples, so any
character offset in the repaired text maps back to the page (:func:`to_page_offset`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# sentence-final punctuation, optionally followed by closing quotes/brackets
_TERMINAL = re.compile(r"[。！？!?…；;][”’」』）)]*$")
_INNER_PUNCT = re.compile(r"[，,；;：:、]")
#: A lead paragraph opening with a dateline-byline: 临州日报讯(记者/方若溪 通讯员/罗志刚) / 本报讯 记者 …
LEAD_BYLINE = re.compile(r"^\s*(?:[\u4e00-\u9fff]{0,10}[日晚早]?报讯|本报讯|本台讯|新华社[^\s，,]{0,10}电)\s*"
                         r"(?:[（(]([^）)]{0,60})[）)])?")
#: A byline on its own line: □文/图 临州日报记者 方若溪 / 文/记者 张三 / 记者 张三 通讯员 李四
BYLINE_LINE = re.compile(r"^\s*[□■◎●]?\s*(?:(?:文|图|文/图|文／图|图/文|图／文)\s*[/／:：]?\s*)?"
                         r"(?:[\u4e00-\u9fff]{0,8}(?:日报|晚报|报社|电视台|融媒体中心))?\s*"
                         r"(?:记者|通讯员|实习生)[\s/／:：]*[\u4e00-\u9fff·]{2,4}")


@dataclass
class Paragraph:
    text: str
    start: int  # offset in the page
    line: int   # 1-based line number in the page
    pieces: list[tuple[int, int, int]] = field(default_factory=list)  # (offset in text, page offset, length)


@dataclass
class PageArticle:
    """One article cut from a page, before it becomes a :class:`kg.model.Article`."""

    title: str
    text: str
    line: int
    section: str | None = None
    byline: str | None = None
    spans: list[tuple[int, int, int]] = field(default_factory=list)
    #: the date in the page header (临江日报 2024年3月6日 第A03版), the paper's publication date
    page_date: str | None = None


def is_heading(text: str) -> bool:
    """A short line without sentence punctuation: a headline, sub-heading or section name.
    A colon inside is allowed (网格员：守好万家灯火), one at the end is not (会议指出：)."""
    t = text.strip()
    inner = t.replace("：", "", 1) if 0 < t.find("：") < len(t) - 1 else t
    return 0 < len(t) <= 48 and not _TERMINAL.search(t) and not _INNER_PUNCT.search(inner) and not is_byline(t)


def is_byline(text: str) -> bool:
    t = text.strip()
    return bool(LEAD_BYLINE.match(t) and LEAD_BYLINE.match(t).group(0).strip()) or (  # type: ignore[union-attr]
        len(t) <= 48 and bool(BYLINE_LINE.match(t)) and not _TERMINAL.search(t))


def paragraphs(page: str) -> list[Paragraph]:
    """Non-blank lines of ``page`` with their offsets, leading/trailing blanks trimmed."""
    out = []
    pos = 0
    for lineno, line in enumerate(page.splitlines(keepends=True), 1):
        stripped = line.strip()
        if stripped:
            start = pos + line.index(stripped[0])
            out.append(Paragraph(stripped, start, lineno, [(0, start, len(stripped))]))
        pos += len(line)
    return out


def _is_fragment(p: Paragraph) -> bool:
    """A paragraph that stops mid-sentence: no final punctuation, and too long or too punctuated to be a heading."""
    return not _TERMINAL.search(p.text[-16:]) and not is_heading(p.text) and not _is_byline_line(p.text)


def _is_byline_line(text: str) -> bool:
    """A byline standing alone on its line (not a lead paragraph that opens with one)."""
    t = text.strip()
    lead = LEAD_BYLINE.match(t)
    if lead and lead.group(0).strip():
        return len(t) - lead.end() < 4
    return is_byline(t)


def join_fragments(paras: list[Paragraph]) -> list[Paragraph]:
    """Join paragraphs that the layout cut mid-sentence or mid-word."""
    out: list[Paragraph] = []
    parts: list[list[str]] = []  # text pieces per output paragraph, joined once at the end
    lengths: list[int] = []
    open_fragment = False
    for p in paras:
        if out and open_fragment and not is_heading(p.text) and not is_byline(p.text):
            prev = out[-1]
            shift = lengths[-1]
            prev.pieces.extend((o + shift, s, n) for o, s, n in p.pieces)
            parts[-1].append(p.text)
            lengths[-1] += len(p.text)
            open_fragment = not _TERMINAL.search(p.text[-16:])
            continue
        out.append(Paragraph(p.text, p.start, p.line, list(p.pieces)))
        parts.append([p.text])
        lengths.append(len(p.text))
        open_fragment = _is_fragment(p)
    for para, texts in zip(out, parts, strict=True):
        if len(texts) > 1:
            para.text = "".join(texts)
    return out


_SENTENCE = re.compile(r"[^。！？!?]*[。！？!?]+[”’」』）)]*|[^。！？!?]+$")


def _drop_repeats(paras: list[Paragraph]) -> list[Paragraph]:
    """Drop paragraphs printed twice, and long sentences repeated verbatim, keeping the first."""
    seen_paras: set[str] = set()
    seen_sentences: set[str] = set()
    out = []
    for p in paras:
        if p.text in seen_paras and len(p.text) > 12:
            continue
        seen_paras.add(p.text)
        keep: list[tuple[int, int]] = []  # (start, end) in p.text
        for m in _SENTENCE.finditer(p.text):
            s = m.group(0)
            if len(s) >= 12 and s in seen_sentences:
                continue
            seen_sentences.add(s)
            keep.append((m.start(), m.end()))
        if not keep:
            continue
        if keep == [(0, len(p.text))] or sum(e - s for s, e in keep) == len(p.text):
            out.append(p)
            continue
        out.append(_slice(p, keep))
    return out


def _slice(p: Paragraph, keep: list[tuple[int, int]]) -> Paragraph:
    """The paragraph with only the ``keep`` ranges, offsets mapped through its pieces."""
    text = []
    pieces = []
    pos = 0
    for s, e in keep:
        for o, src, n in p.pieces:
            lo, hi = max(s, o), min(e, o + n)
            if lo < hi:
                pieces.append((pos + lo - s, src + lo - o, hi - lo))
        text.append(p.text[s:e])
        pos += e - s
    return Paragraph("".join(text), p.start, p.line, _coalesce(pieces))


def _coalesce(pieces: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    out: list[tuple[int, int, int]] = []
    for o, s, n in sorted(pieces):
        if out and out[-1][0] + out[-1][2] == o and out[-1][1] + out[-1][2] == s:
            po, ps, pn = out[-1]
            out[-1] = (po, ps, pn + n)
        else:
            out.append((o, s, n))
    return out


def split_page(page: str) -> list[PageArticle]:
    """Split a page into articles (a page without bylines is one article)."""
    paras = join_fragments(paragraphs(page))
    if not paras:
        return []
    starts = [i for i in range(len(paras) - 1)
              if is_heading(paras[i].text) and is_byline(paras[i + 1].text)]
    if not starts:
        starts = [0]
    bodies: list[tuple[list[Paragraph], str | None]] = []
    # text before the first headline: a page header if it is all headings, otherwise an article of its own
    head = paras[: starts[0]]
    if head and not all(is_heading(p.text) for p in head):
        starts.insert(0, 0)
    for n, i in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(paras)
        section = None
        # a heading just before the next headline is that article's section, not this article's text
        if n + 1 < len(starts) and end - 1 > i and _is_section_line(paras, end - 1, end):
            end -= 1
        if i > 0 and _is_section_line(paras, i - 1, i):
            section = paras[i - 1].text
        bodies.append((_drop_repeats(paras[i:end]), section))
    _rehome_orphans(bodies)
    page_date = _header_date(head) if head and all(is_heading(p.text) for p in head) else None
    out = [_assemble(body, section) for body, section in bodies]
    for a in out:
        a.page_date = page_date
    return out


_HEADER_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")


def _header_date(head: list[Paragraph]) -> str | None:
    for p in head:
        m = _HEADER_DATE.search(p.text)
        if m:
            y, mo, d = (int(x) for x in (m.groups()[:3] if m.group(1) else m.groups()[3:]))
            if 1 <= mo <= 12 and 1 <= d <= 31:
                return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


_ORPHAN = re.compile(r"^[^。！？]{0,30}(?:参加|陪同|一同|随同)(检查|调研|视察|督导|考察)[^。！？]{0,8}[。！？]$")
_ACTIVITY = {"检查": "检查", "调研": "调研", "视察": "视察", "督导": "督导|检查", "考察": "考察"}


def _rehome_orphans(bodies: list[tuple[list[Paragraph], str | None]]) -> None:
    """Move a short closing line about joining an activity to the article that reports the activity."""
    for n in range(1, len(bodies)):
        paras = bodies[n][0]
        if len(paras) < 2:
            continue
        m = _ORPHAN.match(paras[-1].text)
        if not m:
            continue
        activity = re.compile(_ACTIVITY[m.group(1)])
        if any(activity.search(p.text) for p in paras[:-1]):
            continue
        for k in range(n - 1, -1, -1):
            if any(activity.search(p.text) for p in bodies[k][0]):
                bodies[k][0].append(paras.pop())
                break


def _is_section_line(paras: list[Paragraph], idx: int, headline: int) -> bool:
    """A heading directly before a headline (nothing but headings between) names the section."""
    return idx < headline and all(is_heading(p.text) for p in paras[idx:headline + 1]) and headline - idx == 1


def _assemble(body: list[Paragraph], section: str | None) -> PageArticle:
    text_parts = []
    spans: list[tuple[int, int, int]] = []
    pos = 0
    for k, p in enumerate(body):
        if k:
            text_parts.append("\n")
            pos += 1
        spans.extend((pos + o, s, n) for o, s, n in p.pieces)
        text_parts.append(p.text)
        pos += len(p.text)
    title = body[0].text if is_heading(body[0].text) else ""
    byline = None
    for p in body[:3]:
        m = LEAD_BYLINE.match(p.text)
        if m and m.group(0).strip():
            byline = m.group(0).strip()
            break
        if BYLINE_LINE.match(p.text) and len(p.text) <= 48:
            byline = p.text
            break
    return PageArticle(title=title, text="".join(text_parts), line=body[0].line, section=section,
                       byline=byline, spans=spans)


def to_page_offset(spans: list[tuple[int, int, int]] | tuple[tuple[int, int, int], ...], offset: int) -> int | None:
    """Map an offset in an article's repaired text back to the page it was cut from."""
    for o, s, n in spans:
        if o <= offset < o + n:
            return s + offset - o
    return None
