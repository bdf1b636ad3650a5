"""Everyone on an inspection visit inspected every stop of it (kg.extract.visits)."""

from extraction_support import graph_of, rels


def _stops_of(g, who):
    return {t for s, t in rels(g, "INSPECTED") if s == who}


def test_companions_in_the_last_sentence_join_every_stop():
    g = graph_of("3月8日,区长周敏深入企业走访。周敏先后来到青川宏远机械有限公司、青川绿源食品有限公司。"
                 "周敏强调,要优化营商环境。副区长李晓峰、区工信局局长陈立新陪同走访。"
                 "区人大常委会副主任黄海燕全程陪同视察活动。")
    stops = {"青川宏远机械有限公司", "青川绿源食品有限公司"}
    for who in ("周敏", "李晓峰", "陈立新", "黄海燕"):
        assert _stops_of(g, who) == stops, who


def test_who_merely_joins_a_meeting_or_reports_gets_nothing_without_a_stop():
    g = graph_of("3月8日,区委书记王建国主持召开专题会议。副区长李晓峰参加。区工信局局长陈立新汇报有关情况。")
    assert rels(g, "INSPECTED") == set()


def test_a_reporter_at_the_visit_is_no_participant():
    g = graph_of("区长周敏先后来到滨江公园、白石村,检查安全生产。"
                 "座谈会上,龙溪镇镇长刘春花汇报了有关工作,副区长李晓峰参加检查。")
    assert _stops_of(g, "李晓峰") == {"滨江公园", "白石村"}
    assert _stops_of(g, "刘春花") == set()


def test_hosts_written_as_escorts_and_the_visitor_escorted():
    g = graph_of("5月6日,市人大常委会副主任沈国庆在区委书记王建国、区长周晓敏的陪同下,先后来到滨江公园和白石村,"
                 "察看防汛工作。")
    assert {w for w, _ in rels(g, "INSPECTED")} == {"沈国庆", "王建国", "周晓敏"}
    g = graph_of("5月6日,区政协主席黄海燕陪同市政协秘书长沈国庆一行到龙溪镇调研,先后来到白石村、石桥村。")
    assert {("沈国庆", "白石村"), ("黄海燕", "石桥村")} <= rels(g, "INSPECTED")


def test_leaders_who_lead_a_group_inspect_its_stops():
    g = graph_of("4月2日,区人大常委会副主任黄海燕、陈立新带领部分人大代表,先后来到滨江公园、龙溪镇农业产业园,"
                 "视察重点项目建设。")
    assert _stops_of(g, "陈立新") == {"滨江公园", "农业产业园"}
    assert _stops_of(g, "黄海燕") == {"滨江公园", "农业产业园"}


def test_a_group_inspecting_directly_and_its_members_named_elsewhere():
    g = graph_of("4月9日,区人大常委会组织部分代表视察重点项目。区领导黄海燕、陈立新参加视察。"
                 "代表们先后视察了滨江大道改造工程、青川第三中学和白鹭湖湿地公园等项目。")
    assert _stops_of(g, "陈立新") == {"滨江大道改造工程", "青川第三中学", "白鹭湖湿地公园"}


def test_a_stop_with_a_section_in_brackets_and_the_purpose_told_after_the_list():
    g = graph_of("区人大常委会副主任黄海燕带领部分代表,先后到白石河(龙溪段)、滨江大道改造工程等现场。"
                 "通过现场察看、听取汇报等方式,详细了解项目进展。")
    assert _stops_of(g, "黄海燕") == {"白石河", "滨江大道改造工程"}


def test_led_to_come_to_a_village():
    g = graph_of("8月3日,区委常委、宣传部部长陈立新率队来龙溪镇白石村调研文明实践工作。")
    assert _stops_of(g, "陈立新") == {"白石村"}


def test_companions_listed_with_departments_before_the_verb():
    g = graph_of("区长周敏先后来到滨江公园、白石村,检查防汛工作。"
                 "区委常委、常务副区长李晓峰,副区长陈立新,区水利局和相关街道主要负责人陪同调研。")
    assert _stops_of(g, "李晓峰") == {"滨江公园", "白石村"}
    assert _stops_of(g, "陈立新") == {"滨江公园", "白石村"}


def test_sites_told_one_clause_at_a_time_and_in_pairs():
    g = graph_of("副区长李晓峰到龙溪镇白石村调研。在村党群服务中心,李晓峰了解了便民服务情况;"
                 "在村老年食堂,李晓峰详细询问运营情况。在青川宏远机械有限公司和青川绿源食品有限公司,"
                 "李晓峰详细了解安全生产情况。督导组先后在龙溪镇林业站、石桥村等地进行实地检查。")
    assert {"村党群服务中心", "村老年食堂", "青川宏远机械有限公司", "青川绿源食品有限公司",
            "石桥村"} <= _stops_of(g, "李晓峰")


def test_leaders_who_each_joined_a_part_are_not_companions_of_every_stop():
    g = graph_of("9月3日,区委副书记周敏带队调研安全生产工作。区领导李晓峰、陈立新分别参加。"
                 "周敏先后来到青川宏远机械有限公司、青川绿源食品有限公司,检查安全生产。")
    assert _stops_of(g, "周敏") == {"青川宏远机械有限公司", "青川绿源食品有限公司"}
    assert _stops_of(g, "李晓峰") == _stops_of(g, "陈立新") == set()


def test_the_leadership_of_an_official_is_no_site():
    g = graph_of("1月4日下午,在区委副书记周敏的带领下,全体代表对民生项目、交通项目等进行集中视察。"
                 "区领导李晓峰、陈立新参加视察。")
    assert not any("带领" in t for _, t in rels(g, "INSPECTED"))


def test_the_attendees_of_a_meeting_go_round_the_sites_together():
    g = graph_of("11月6日,龙溪镇乡村振兴专题协商会在镇会议室召开。区政协副主席黄海燕,区政协副秘书长陈立新,"
                 "镇党委书记周敏出席会议。一行人实地调研白石村村史馆、青川湿地公园等点位。")
    for who in ("黄海燕", "陈立新", "周敏"):
        assert {"白石村村史馆", "青川湿地公园"} <= _stops_of(g, who), who


def test_attendees_stay_behind_when_named_leaders_take_the_group_round():
    g = graph_of("4月8日,青川区召开重点项目推进会。区委书记周敏出席会议并讲话,区长王建国主持会议。"
                 "区领导李晓峰、陈立新参加会议。会前,周敏、王建国带领与会人员先后来到白鹭湖湿地公园、"
                 "滨江大道改造工程,现场观摩项目建设进展。")
    assert _stops_of(g, "周敏") == {"白鹭湖湿地公园", "滨江大道改造工程"}
    assert _stops_of(g, "李晓峰") == set()
