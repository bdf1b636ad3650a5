from extraction_support import edge_data, graph_of, rels


def test_chaired_meeting():
    g = graph_of("3月4日,区委书记王建国主持召开区委常委会会议。")
    assert rels(g, "CHAIRED") == {("王建国", "区委常委会会议")}
    [d] = edge_data(g, "CHAIRED", "王建国", "区委常委会会议")
    assert d["date"] == "2024-03-04"
    assert d["evidence"] == "3月4日,区委书记王建国主持召开区委常委会会议。"
    assert d["article"] == "a1" and d["rule"].startswith("chaired")


def test_attended_and_chaired_by_reference_to_the_main_meeting():
    g = graph_of("3月5日,青川区召开重点项目建设推进会。区委书记王建国出席会议并讲话,区委副书记、区长周敏主持会议。"
                 "区领导陈立新、黄海燕等参加会议。")
    assert rels(g, "ATTENDED") == {("王建国", "重点项目建设推进会"), ("陈立新", "重点项目建设推进会"),
                                   ("黄海燕", "重点项目建设推进会")}
    assert rels(g, "CHAIRED") == {("周敏", "重点项目建设推进会")}


def test_attended_a_ceremony_named_earlier():
    g = graph_of("近日,桃源街道举行滨江新城项目开工仪式。副区长李晓峰出席开工仪式并致辞。")
    assert rels(g, "ATTENDED") == {("李晓峰", "滨江新城项目开工仪式")}


def test_itinerary_gives_one_inspection_per_stop():
    g = graph_of("区委书记王建国先后来到龙溪镇白石村、青川区滨江公园和桃源街道滨河社区,督导检查安全生产工作。")
    assert rels(g, "INSPECTED") == {("王建国", "白石村"), ("王建国", "滨江公园"), ("王建国", "滨河社区")}


def test_organization_can_inspect_and_unnamed_stops_become_places():
    g = graph_of("临江市委组织部一行先后到青川区人才驿站、“两园一中心”进行调研。")
    # 人才驿站 names only a kind of site: it is named with the district written before it
    assert rels(g, "INSPECTED") == {("临江市委组织部", "青川区人才驿站"), ("临江市委组织部", "两园一中心")}


def test_visit_at_a_place():
    g = graph_of("区委书记王建国到龙溪镇检查。在白石村护林检查站,王建国详细询问值班值守情况。")
    assert ("王建国", "白石村护林检查站") in rels(g, "INSPECTED")


def test_accompanying_officials_inspect_every_stop():
    g = graph_of("区委书记王建国先后来到滨江公园、龙溪镇农业产业园,检查安全生产。区领导陈立新、李晓峰参加检查。")
    assert {("陈立新", "滨江公园"), ("陈立新", "农业产业园"), ("李晓峰", "滨江公园")} <= rels(g, "INSPECTED")


def test_movement_without_an_official_or_purpose_is_not_an_inspection():
    g = graph_of("参训学员分别到滨江公园和青川金融中心开展现场教学。药品送到群众家里。")
    assert rels(g, "INSPECTED") == set()


def test_topics_are_not_places():
    g = graph_of("副区长李晓峰到龙溪镇调研乡村振兴工作。")
    assert rels(g, "INSPECTED") == {("李晓峰", "龙溪镇")}


def test_titled_names_in_earlier_comma_clauses_share_the_verb():
    g = graph_of("4月3日,青川区召开防汛工作会议。区委副书记、区长周敏,区委副书记张海涛出席会议。")
    assert rels(g, "ATTENDED") == {("周敏", "防汛工作会议"), ("张海涛", "防汛工作会议")}


def test_a_clause_with_its_own_act_is_not_part_of_the_list():
    g = graph_of("滨江新城项目开工仪式举行。区长周敏致辞,副区长李晓峰主持开工仪式。")
    assert rels(g, "CHAIRED") == {("李晓峰", "滨江新城项目开工仪式")}


def test_speaking_at_the_meeting_is_attending_it_but_the_chair_only_chairs():
    g = graph_of("3月5日,青川区召开经济运行分析会。区长周敏主持会议并讲话,副区长黄海燕通报一季度经济运行情况。")
    assert rels(g, "CHAIRED") == {("周敏", "经济运行分析会")}
    assert rels(g, "ATTENDED") == {("黄海燕", "经济运行分析会")}


def test_pronoun_subject_is_the_official_the_article_is_about():
    g = graph_of("3月5日,副区长李晓峰到龙溪镇调研。他先后来到白石村、石桥村,察看人居环境整治。"
                 "在石桥村,他听取村党支部书记刘春花关于茶叶种植的汇报。")
    assert {("李晓峰", "白石村"), ("李晓峰", "石桥村")} <= rels(g, "INSPECTED")
    assert not {t for s, t in rels(g, "INSPECTED") if s == "刘春花"}


def test_a_led_group_inspects_for_its_leader():
    g = graph_of("10月19日,市人大常委会副主任沈国庆带领执法检查组来我区检查。"
                 "检查组一行先后来到滨江公园、桃源街道滨河社区,实地察看垃圾分类工作。")
    assert {("沈国庆", "滨江公园"), ("沈国庆", "滨河社区")} <= rels(g, "INSPECTED")


def test_a_visiting_business_delegation_is_not_inspecting_for_an_official():
    g = graph_of("区委书记王建国会见了集团董事长周启航一行。周启航一行先后考察了滨江智慧物流园和青川装备制造基地。")
    assert rels(g, "INSPECTED") == set()


def test_topics_and_homes_are_not_stops():
    g = graph_of("副区长李晓峰深入龙溪镇白石村、牧民其木格家中,察看了立面整治效果和路面铺装。")
    assert rels(g, "INSPECTED") == {("李晓峰", "白石村")}


def test_chair_goes_to_the_meeting_held_last_before_the_reference():
    g = graph_of("11月21日,全省冬季安全生产工作电视电话会议召开。会后,临江市随即召开全市冬季安全生产工作会议。"
                 "市长周敏出席会议并讲话,副市长李晓峰主持会议。")
    assert rels(g, "CHAIRED") == {("李晓峰", "全市冬季安全生产工作会议")}
    assert rels(g, "ATTENDED") == {("周敏", "全市冬季安全生产工作会议")}


def test_a_meeting_named_before_it_is_held_is_not_taken_for_a_later_one():
    g = graph_of("1月16日,区十七届人大常委会第十五次会议召开。区人大常委会主任韦春兰主持会议。"
                 "会议表决通过了关于召开青川区第十七届人民代表大会第四次会议的决定。")
    assert rels(g, "CHAIRED") == {("韦春兰", "区十七届人大常委会第十五次会议")}


def test_speakers_who_lay_out_or_introduce_work_attended():
    g = graph_of("10月8日,龙溪镇召开秋冬种生产推进会。镇党委书记熊亚平主持会议,镇长阙小龙对秋冬种工作进行具体部署。")
    assert rels(g, "ATTENDED") == {("阙小龙", "秋冬种生产推进会")}


def test_five_character_names_after_a_title():
    g = graph_of("7月3日,查干旗召开理论学习中心组学习会。旗委书记孟和巴雅尔主持会议并讲话。")
    from extraction_support import names
    assert "孟和巴雅尔" in names(g, "Official")
