"""Fictional sample articles and pages for the input tests (青川区 is an invented district)."""

from __future__ import annotations

TITLE = "王某某主持召开区委常委会会议"
BODY = [
    "2023年1月5日，区委书记王某某主持召开区委常委会会议，传达学习省委全会精神，研究部署我区下一阶段重点工作。",
    "会议强调，要坚持稳中求进工作总基调，扎实推进东湖新城项目建设，确保项目早日竣工投产。",
    "区委副书记、区长李某某，区领导张某某、赵某某出席会议。",
]
#: The article as a plain-text file would hold it: the headline, then one paragraph per line.
ARTICLE = TITLE + "\n" + "\n".join(BODY) + "\n"

TRAD_ARTICLE = ("青川區召開安全生產工作會議\n"
                "2023年2月1日，區委書記程遠航主持召開安全生產工作會議，部署節後復工復產安全工作。\n")
SIMP_ARTICLE = ("青川区召开安全生产工作会议\n"
                "2023年2月1日，区委书记程远航主持召开安全生产工作会议，部署节后复工复产安全工作。\n")

NAV_WORDS = ("网站首页", "政务公开", "办事服务", "版权所有", "备案号", "分享到", "相关新闻",
             "统计代码", "当前位置")


def gov_page(charset: str = "utf-8", *, body: list[str] | None = None) -> str:
    """A saved article page of a fictional district government site, with the usual clutter."""
    paras = "\n".join(f"<p>{p}</p>" for p in (body or BODY))
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{TITLE}_青川区人民政府门户网站</title>
<meta name="SiteName" content="青川区人民政府门户网站">
<meta name="ColumnName" content="青川要闻">
<meta name="ArticleTitle" content="{TITLE}">
<meta name="PubDate" content="2023-01-05 10:32">
<meta name="ContentSource" content="青川区融媒体中心">
<meta name="Url" content="http://www.qingchuan.gov.example/xwzx/qcyw/content/post_1001.html">
<link rel="canonical" href="http://www.qingchuan.gov.example/xwzx/qcyw/content/post_1001.html">
<script>var _hmt = _hmt || []; document.write("统计代码");</script>
<style>.nav {{ color: red }}</style>
</head>
<body>
<div class="top"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a> | 无障碍浏览 | 长者模式</div>
<div class="nav"><ul><li><a href="/">网站首页</a></li><li><a href="/xwzx/">新闻中心</a></li>
<li><a href="/zwgk/">政务公开</a></li><li><a href="/bsfw/">办事服务</a></li></ul></div>
<div class="location">当前位置：<a href="/">首页</a> &gt; <a href="/xwzx/">新闻中心</a> &gt; 青川要闻</div>
<div class="article">
<h1 class="title">{TITLE}</h1>
<div class="info">发布时间：2023-01-05 10:32:11　来源：青川区融媒体中心
　浏览次数：<span>128</span>　【字体：大 中 小】</div>
<div class="content" id="zoom">
{paras}
</div>
<div class="share">分享到：微信 微博 QQ空间</div>
<div class="relnews"><h3>相关新闻</h3><ul><li><a href="/a.html">青川区召开安全生产工作会议</a></li>
<li><a href="/b.html">青川区举行重点项目集中开工仪式</a></li></ul></div>
</div>
<div class="footer">主办单位：青川区人民政府办公室　版权所有 &copy; 2023　备案号：某ICP备00000000号<br>
地址：青川区人民路1号　联系电话：0000-0000000</div>
<script src="/js/foot.js"></script>
</body>
</html>
"""
