"""Digests: each dated or bulleted item is read as a story of its own (kg.extract.digest)."""

from __future__ import annotations

from extraction_support import graph_of, rels

from kg.extract.digest import items

DIGEST = ("青川区政府大事记\n"
          "3日 区长周敏到龙溪镇调研,实地察看了龙溪湿地公园。副区长林海陪同。\n"
          "5日 区委书记王建国主持召开区委常委会会议,区委副书记吴若兰出席。\n"
          "同日,副区长陈晓东到滨江公园检查防汛工作。\n")


def test_a_text_of_dated_items_is_cut_at_each_item():
    pieces = items(DIGEST)
    assert pieces is not None and len(pieces) == 4
    assert [DIGEST[s:e].split("\n")[0][:3] for s, e in pieces] == ["青川区", "3日 ", "5日 ", "同日,"]
    assert pieces[-1][1] == len(DIGEST)


def test_the_companion_of_one_item_does_not_join_the_stops_of_another():
    g = graph_of(DIGEST)
    inspected = rels(g, "INSPECTED")
    assert ("林海", "龙溪湿地公园") in inspected and ("陈晓东", "滨江公园") in inspected
    assert ("林海", "滨江公园") not in inspected and ("周敏", "滨江公园") not in inspected
    assert ("吴若兰", "区委常委会会议") in rels(g, "ATTENDED")


def test_one_visit_told_over_several_days_is_no_digest():
    tour = ("区委书记王建国到龙溪镇调研\n"
            "6月24日、25日,区委书记王建国带队检查防汛工作,副区长林海陪同。\n"
            "6月24日上午,王建国一行来到石门村水库,察看了溢洪道。\n"
            "6月25日,王建国一行又来到滨江公园,检查了排涝泵站。\n")
    assert items(tour) is None
    assert ("林海", "滨江公园") in rels(graph_of(tour), "INSPECTED")


def test_a_menu_of_bullets_is_no_digest():
    menu = "• 首页\n• 新闻中心\n• 政务公开\n3月2日,区长周敏到龙溪镇调研。\n"
    assert items(menu) is None
