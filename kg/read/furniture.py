"""Page furniture: the parts of a web page's text that are no part of the article.

Site headers and breadcrumbs (``您现在的位置：首页 > 新闻 > …``), the editor and source fields
(``来源：…  编辑：…  浏览次数：``), footers (addresses, telephone numbers, ICP numbers, copyright), buttons
(``收藏``, ``打印``, ``搜本站``) and the advertising lines reposting sites insert.  Pages copied as text
keep all of it, often glued to the headline (``…守护群众平安作者：来源：添加时间：…``).  A name found
there is no fact the article states: ``来源：县融媒体中心`` does not say the centre took part in anything.

:func:`furniture_spans` says which parts of one sentence or line are furniture, so that the extractors
read only the rest.
"""

from __future__ import annotations

import re

#: a field of the page's metadata block, wherever it stands in the line
_FIELD = re.compile(r"(?:信息来源|稿件来源|文章来源|来源|作者|责任编辑|责编|编辑|审核人|审核|审校|校对|监制|上传|"
                    r"发布时间|发布日期|添加时间|更新时间|发表时间|浏览次数|阅读次数|阅读量|浏览量|点击数|点击量|"
                    r"点击率|字号|字体|访问量)\s*[:：]")
#: a field that is furniture only at the start of a line (a sentence may well say 会议时间：)
_LEAD_FIELD = re.compile(r"^\s*[(（【\[|｜•]*\s*(?:时间|日期|地址|电话|联系电话|邮编|传真|电邮|邮箱|E-?mail)\s*[:：]",
                         re.IGNORECASE)
#: lines that are furniture as a whole (three patterns: Chinese words need no IGNORECASE, and a pattern
#: whose every branch starts with a literal lets re skip ahead to the places where one may begin —
#: this runs on every sentence)
_LINE = re.compile(
    r"(?:您(?:现在|当前|所在)的?位置|当前(?:位置|所在)|所在位置)\s*[:：]"
    r"|公网安备|版权所有|©|主办单位\s*[:：]|技术支持\s*[:：]"
    r"|网站地图|本站仅提供|本平台仅提供|不代表本站立场|特别声明\s*[:：]|分辨率浏览|扫一扫|手机打开当前页")
_LINE_LATIN = re.compile(r"ICP备|ICP证|Copyright|All Rights Reserved", re.IGNORECASE)
#: the characters a match of _LINE_LATIN can start with (re's IGNORECASE also folds İ and ı to i): the
#: case-insensitive search, slow on every sentence, runs only where one occurs
_LATIN_START = re.compile("[IiCcAa\u0130\u0131]")
_LINE_ROLE = re.compile(r"(?<!\S)(?:主办|承办|协办)(?!\S)")  # 主办 alone between spaces or line ends


def _furniture_line(text: str) -> bool:
    return _LINE.search(text) is not None or (_LATIN_START.search(text) is not None
                                              and _LINE_LATIN.search(text) is not None) \
        or ("办" in text and _LINE_ROLE.search(text) is not None)
#: a line that is one of the page's buttons or links, and nothing else
_BUTTON = re.compile(r"^[\s•·|｜【\[（(]*(?:收藏|打印|打印本页|关闭|关闭窗口|搜本站|搜全站|分享|分享到|返回顶部|"
                     r"上一篇|下一篇|字号|大|中|小|默认|我要纠错|纠错|加入收藏|设为首页)[\s•·|｜】\]）):：]*$")
#: advertising that reposting sites splice into a headline or paragraph
_SPAM = re.compile(r"官网首页|首页登录|官网登录|平台登录|(?:app|APP)下载|娱乐平台|注册送|彩票|棋牌|"
                   r"[a-zA-Z]\d(?:官网|平台|娱乐)")
#: the spliced words themselves, when nothing separates them from the sentence they interrupt
_SPAM_WORDS = re.compile(r"(?:[\u4e00-\u9fffA-Za-z0-9]{2}(?:棋牌|彩票|娱乐)(?:官网|平台|app|APP)?[，,、]?)+")
_SPAM_CUT = re.compile(r"\s*(?:——|--|\||｜|_)\s*")
#: a breadcrumb: two or more ``>`` between short items
_CRUMB = re.compile(r"(?:[^>＞\n]{1,16}[>＞]+\s*){2,}")
#: the value of a metadata field: one run without spaces, or a date and a time
_DATE = r"\d{2,4}[-/年.]\d{1,2}[-/月.]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"
_NAMES = r"[^\s]{0,30}?(?:\s[\u4e00-\u9fff]{2,3}(?=\s|$))*"  # 作者：甲某 乙某某
_VALUE = re.compile(r"\s*(?:" + _DATE + "|" + _NAMES + r"(?=\s|$|" + _FIELD.pattern.replace("\\s*[:：]", "") + r"))\s*")


def furniture_spans(text: str) -> list[tuple[int, int]]:
    """The parts of ``text`` (one sentence or line) that are page furniture, as ``(start, end)`` offsets.

    A whole line of furniture is one span; a metadata block glued to a headline (``…平安作者：来源：``)
    or written before the article's first sentence on the same line (``发表时间：2023-06-09 15:39 6月8日…``)
    is cut out, and so are advertising words spliced into a sentence."""
    if not text.strip():
        return []
    if _furniture_line(text) or _BUTTON.match(text) \
            or _LEAD_FIELD.match(text) or _CRUMB.match(text.strip()):
        return [(0, len(text))]
    spans: list[tuple[int, int]] = []
    pos = 0
    while (m := _FIELD.search(text, pos)) is not None:
        end = m.end()
        while True:  # a block of fields: 来源：某网 作者：某某 发布时间：2024-01-02 10:00
            v = _VALUE.match(text, end)
            end = v.end() if v else end
            nxt = _FIELD.match(text, end)
            if not nxt:
                break
            end = nxt.end()
        spans.append((m.start(), end))
        pos = end
    spam = _SPAM.search(text)
    if spam:
        seps = [s.start() for s in _SPAM_CUT.finditer(text, 0, spam.start())]
        if seps:  # the headline before the site's name survives: 某某会议召开 —— 某某网| 广告
            spans.append((seps[0], len(text)))
        else:
            spans.extend(w.span() for w in _SPAM_WORDS.finditer(text))
            if not any(s <= spam.start() < e for s, e in spans):
                spans.append((0, len(text)))
    return sorted(spans)
