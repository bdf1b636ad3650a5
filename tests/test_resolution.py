"""Entity resolution and time (one node per real person, posts over time, dates resolved)."""

from extraction_support import edge_data, graph_of, rels

import kg


def test_two_people_sharing_a_name_in_different_regions_with_different_posts():
    g = kg.build([
        {"id": "q1", "date": "2024-03-06", "text": "青川区委书记王建国主持召开区委常委会会议。青川区各镇街参加。"},
        {"id": "l1", "date": "2024-03-07", "text": "临川县副县长王建国到临川县石门镇调研。"},
    ])
    ids = g.find("王建国", "Official")
    assert len(ids) == 2
    by_article = {tuple(g.nx.nodes[i]["articles"]): i for i in ids}
    assert g.nx.nodes[by_article[("q1",)]]["title"] == "区委书记"
    assert g.nx.nodes[by_article[("l1",)]]["title"] == "副县长"
    assert all("different regions" in g.nx.nodes[i]["resolution"] for i in ids)
    chaired = [u for u, _, d in g.nx.edges(data=True) if d["type"] == "CHAIRED"]
    assert chaired == [by_article[("q1",)]]


def test_same_name_same_post_in_two_articles_is_one_person():
    g = kg.build([
        {"id": "a", "date": "2024-03-06", "text": "青川区委书记王建国主持召开区委常委会会议。"},
        {"id": "b", "date": "2024-03-20", "text": "区委书记王建国到龙溪镇调研。"},
    ])
    assert g.find("王建国", "Official") == ["Official:王建国"]


def test_change_of_post_is_visible_and_title_is_the_latest():
    g = kg.build([
        {"id": "a", "date": "2023-05-06", "text": "副区长周敏出席青川区招商推介会。"},
        {"id": "b", "date": "2024-03-06", "text": "区长周敏主持召开区政府常务会议。"},
        {"id": "c", "date": "2023-09-01", "text": "副区长周敏到桃源街道调研。"},
    ])
    assert g.node("周敏")["title"] == "区长"
    posts = {r["post"]: r for r in g.posts("周敏")}
    assert posts["副区长"]["first_seen"] == "2023-05-06" and posts["副区长"]["last_seen"] == "2023-09-01"
    assert posts["副区长"]["articles"] == ["a", "c"]
    assert posts["区长"]["first_seen"] == "2024-03-06"
    assert [r["post"] for r in g.posts("周敏")] == ["副区长", "区长"]


def test_partial_date_rolls_back_across_new_year():
    g = graph_of("12月31日,区委书记王建国主持召开区委常委会会议。", date="2024-01-02")
    [d] = edge_data(g, "CHAIRED", "王建国", "区委常委会会议")
    assert d["date"] == "2023-12-31" and d["date_precision"] == "day" and d["date_phrase"] == "12月31日"


def test_relative_dates_keep_their_phrase_and_precision():
    g = graph_of("近日,副区长李晓峰到滨江公园检查。", "昨天,副区长李晓峰到龙溪镇检查。", date="2024-03-06")
    [near] = edge_data(g, "INSPECTED", "李晓峰", "滨江公园")
    assert (near["date"], near["date_precision"], near["date_phrase"]) == ("2024-03-06", "approximate", "近日")
    [yest] = edge_data(g, "INSPECTED", "李晓峰", "龙溪镇")
    assert (yest["date"], yest["date_precision"], yest["date_phrase"]) == ("2024-03-05", "day", "昨天")


def test_the_same_meeting_in_two_articles_is_one_node_in_its_series():
    g = kg.build([
        {"id": "a", "date": "2024-03-05", "text": "3月4日,区委书记王建国主持召开区委常委会会议。"},
        {"id": "b", "date": "2024-03-06", "text": "3月4日召开的区委常委会会议要求,区长周敏出席会议。"},
        {"id": "c", "date": "2024-03-12", "text": "3月11日,区委书记王建国主持召开区委常委会会议。"},
    ])
    meetings = g.find("区委常委会会议", "Meeting")
    assert meetings == ["Meeting:区委常委会会议@2024-03-04", "Meeting:区委常委会会议@2024-03-11"]
    assert sorted(g.nx.nodes[meetings[0]]["articles"]) == ["a", "b"]
    assert {(s, t) for s, t in rels(g, "IN_SERIES")} == {("区委常委会会议", "区委常委会会议")}
    assert g.nx.in_degree("MeetingSeries:区委常委会会议") >= 2


def test_timeline_lists_dated_events_in_order():
    g = kg.build([
        {"id": "a", "date": "2024-03-12", "text": "3月11日,区委书记王建国主持召开区委常委会会议。"},
        {"id": "b", "date": "2024-03-06", "text": "3月5日,区委书记王建国先后来到滨江公园、白石村,督导检查。"},
    ])
    rows = g.timeline("王建国")
    assert [(r["date"], r["type"], r["target"]) for r in rows] == [
        ("2024-03-05", "INSPECTED", "滨江公园"), ("2024-03-05", "INSPECTED", "白石村"),
        ("2024-03-11", "CHAIRED", "区委常委会会议")]
    assert all(r["evidence"] for r in rows)
