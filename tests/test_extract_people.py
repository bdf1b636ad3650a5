from extraction_support import graph_of, names, rels


def test_title_and_name_make_an_official_with_title():
    g = graph_of("区委书记王建国主持召开区委常委会会议。")
    assert names(g, "Official") == {"王建国"}
    assert g.node("王建国")["title"] == "区委书记"


def test_joined_titles_belong_to_one_person():
    g = graph_of("区委副书记、区长周敏主持会议。")
    assert g.node("周敏")["title"] == "区委副书记、区长"


def test_list_of_names_shares_the_title():
    g = graph_of("区领导陈立新、黄海燕、李晓峰等参加会议。")
    assert names(g, "Official") == {"陈立新", "黄海燕", "李晓峰"}
    assert {g.node(n)["title"] for n in ("陈立新", "黄海燕", "李晓峰")} == {"区领导"}


def test_two_and_three_character_names_end_at_the_right_place():
    g = graph_of("区长周敏陪同调研。副区长李晓峰出席仪式。市长王强主持会议。")
    assert names(g, "Official") == {"周敏", "李晓峰", "王强"}


def test_verbs_after_a_bare_title_are_not_names():
    g = graph_of("区委书记强调,要学习贯彻习近平总书记关于安全生产的重要论述。")
    assert names(g, "Official") == set()


def test_bare_name_later_in_the_article_is_the_same_official():
    g = graph_of("副区长李晓峰出席开工仪式。李晓峰表示,项目建成后将新增就业岗位。")
    assert g.node("李晓峰")["mentions"] == 2


def test_residents_and_grid_workers_are_persons_not_officials():
    g = graph_of("滨河社区网格员张丽娟为独居老人送去米面油,区委书记王建国看望了老人。")
    assert "张丽娟" in names(g, "Person")
    assert "张丽娟" not in names(g, "Official")
    assert g.node("张丽娟")["title"] == "网格员"


def test_byline_reporters_wrote_the_article():
    text = "青川新闻\n临江日报讯(记者/林晓雯 通讯员/罗志刚) 3月5日,青川区召开推进会。"
    g = graph_of(text)
    assert {"林晓雯", "罗志刚"} <= names(g, "Person")
    assert {s for s, _ in rels(g, "WROTE")} == {"林晓雯", "罗志刚"}
    assert g.node("罗志刚")["title"] == "通讯员"


def test_bare_title_is_the_official_holding_it_in_the_article():
    g = graph_of("区委书记王建国出席会议。会上,区委书记强调要压实责任。区委书记到滨江公园检查。")
    assert g.node("王建国")["mentions"] == 3
    from extraction_support import rels
    assert rels(g, "INSPECTED") == {("王建国", "滨江公园")}


def test_bare_title_with_two_holders_resolves_to_no_one():
    g = graph_of("副区长李晓峰和副区长黄海燕出席会议。副区长到滨江公园检查。")
    from extraction_support import rels
    assert rels(g, "INSPECTED") == set()


def test_a_name_stops_before_from_or_by():
    g = graph_of("镇长吴若兰从“三个方面”作出点评。副镇长林海涛由“东”向西察看了河道。")
    assert {"吴若兰", "林海涛"} <= names(g, "Official")


def test_a_second_title_after_a_pause_mark_is_no_part_of_a_long_name():
    g = graph_of("区长林海、副区长周敏出席会议。")
    assert names(g, "Official") == {"林海", "周敏"}


def test_assistants_to_a_secretary_or_head_are_officials():
    g = graph_of("区委副书记孙建国、区委书记助理罗晓慧、县长助理陈思远深入石门小学调研。")
    assert names(g, "Official") == {"孙建国", "罗晓慧", "陈思远"}


def test_a_nominee_for_a_head_post_is_an_official():
    g = graph_of("镇党委书记周敏,党委副书记、镇长提名人选林海涛陪同调研。")
    assert names(g, "Official") == {"周敏", "林海涛"}
