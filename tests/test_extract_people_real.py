"""Officials as real district news names them (sentences of our own, in the fictional 青川区)."""

from extraction_support import graph_of, names, rels


def officials(*texts: str) -> set[str]:
    return names(graph_of(*texts), "Official")


def test_a_rank_or_a_body_before_a_name_is_a_title():
    found = officials("3月4日,省发展改革委副厅级干部林思远一行来青川区调研。区级领导周敏、苏雅琴、程远航分别参加。"
                      "区人大常委会领导黄海燕陪同调研。挂职干部邵一帆出席会议。")
    assert {"林思远", "周敏", "苏雅琴", "程远航", "黄海燕", "邵一帆"} <= found


def test_rank_words_without_a_name_make_no_official():
    assert officials("完善科级干部包村制度,镇村干部和县驻村工作队员要发挥作用。领导干部要在抓落实上下功夫。"
                     "包联项目领导要牵头研究。各级干部干事有为。") == set()


def test_group_heads_party_chairs_and_clerks_are_officials():
    found = officials("市督导三组组长方晓岚、农工党青川区委会副主委钱立新,区法院书记员吕佳音参加调研。")
    assert {"方晓岚", "钱立新", "吕佳音"} <= found


def test_a_role_held_together_with_a_post_makes_an_official():
    g = graph_of("3月1日,省林业局党组成员、总工程师韩立平带队到龙溪镇督查森林防火工作。公司总经理孔德明介绍情况。")
    assert "韩立平" in names(g, "Official")
    assert "孔德明" in names(g, "Person") and "孔德明" not in names(g, "Official")


def test_a_verb_or_adverb_after_a_short_name_ends_it():
    found = officials("县委副书记、代县长陈华安排部署工作。区委常委、区人武部政委葛明首先致辞。"
                      "街道党工委委员、纪工委书记许凡宣读方案。镇长付春阳所作的报告。副主任王飞来我区调研。")
    assert {"陈华", "葛明", "许凡", "付春阳", "王飞"} <= found
    assert not found & {"陈华安", "葛明首", "许凡宣", "王飞来"}


def test_plurals_function_words_and_places_after_a_title_are_no_names():
    found = officials("委员们先后视察了滨江公园。委员们纷纷表示满意。新增补的委员们要深入了解区情。"
                      "向全体政协委员和与会同志致以问候。大会秘书处副秘书长和各组负责人列席会议。"
                      "会议通过了镇人大主席、副主席和镇长、副镇长候选人名单。视察组来到龙溪乡长丰村、白石村。"
                      "围绕“规划委员话良策”“委员进百村”活动开展调研。")
    assert found == set()


def test_a_name_after_by_is_the_name_without_by():
    found = officials("开幕会执行主席由韦成文、杨光明担任。")
    assert found == {"韦成文", "杨光明"}


def test_less_common_surnames_are_known():
    found = officials("社区党委书记巢丽娟带考察团参观社区图书馆。副区长丘志明、操建华陪同。")
    assert {"巢丽娟", "丘志明", "操建华"} <= found


def test_bare_names_listed_before_taking_part_are_officials_in_an_article_about_officials():
    g = graph_of("3月5日,区委书记王建国到龙溪镇白石村调研。程远航、苏雅琴、邵一帆参加。")
    assert {"程远航", "苏雅琴", "邵一帆"} <= names(g, "Official")
    assert ("苏雅琴", "白石村") in rels(g, "INSPECTED")


def test_a_rare_dictionary_word_in_a_list_of_names_is_a_name():
    found = officials("区政协党组成员林思远、周敏、付强参加会议。")
    assert {"林思远", "周敏", "付强"} <= found


def test_officials_named_by_their_unit_alone():
    g = graph_of("4月1日,龙溪镇召开党建工作会议。会议由镇党委邵一帆主持。会议听取了龙溪镇程远航、桃源街道苏雅琴、"
                 "区水务局林海峰3名负责人的述职报告。")
    assert {"邵一帆", "程远航", "苏雅琴", "林海峰"} <= names(g, "Official")
    assert ("邵一帆", "党建工作会议") in rels(g, "CHAIRED")


def test_villages_after_their_towns_are_no_unit_and_name():
    assert officials("视察组先后来到龙溪镇白石村、桃源镇青山村、东坪镇张家湾等3个村。") == set()


def test_a_title_split_by_the_segmenter_and_a_note_in_brackets_still_name_the_official():
    g = graph_of("4月2日,桃源街道召开换届工作动员会。街道办事处副主任(主持工作)许文涛同志传达文件精神。"
                 "县委常委、县委办主任何家伦参加会议。")
    assert {"许文涛", "何家伦"} <= names(g, "Official")
    assert rels(g, "CHAIRED") == set()


def test_the_talk_held_on_a_visit_is_attended_by_everyone_on_the_visit():
    g = graph_of("5月3日,副市长林海峰一行先后来到龙溪镇白石村、桃源街道滨河社区调研。副区长周敏、区委常委苏雅琴陪同调研。"
                 "随后,林海峰主持召开座谈会,龙溪镇镇长许文涛汇报了工作情况。")
    assert rels(g, "CHAIRED") == {("林海峰", "座谈会")}
    assert rels(g, "ATTENDED") == {("周敏", "座谈会"), ("苏雅琴", "座谈会"), ("许文涛", "座谈会")}


def test_a_talk_set_as_the_scene_is_held_and_attended_by_the_visit():
    g = graph_of("5月5日,区长周敏带领相关部门负责人前往滨江公园检查。周敏还实地走访了白石村,并进行了座谈交流。"
                 "座谈会上,龙溪镇镇长许文涛介绍了工作情况。")
    assert rels(g, "ATTENDED") == {("周敏", "座谈会"), ("许文涛", "座谈会")}


def test_a_research_talk_convened_on_a_visit_keeps_its_kind():
    g = graph_of("5月6日,区政协主席黄海燕带队到滨江公园、白石村调研。区政协副主席邵一帆参加调研。"
                 "调研组还召开调研座谈会,听取意见建议。")
    assert rels(g, "ATTENDED") == {("黄海燕", "调研座谈会"), ("邵一帆", "调研座谈会")}


def test_a_talk_without_a_visit_needs_its_own_participants():
    g = graph_of("5月7日,龙溪镇召开座谈会,听取村民意见。")
    assert names(g, "Meeting") == set()


def test_a_talk_whose_attendees_are_listed_is_theirs_alone():
    g = graph_of("3月8日,区委书记王建国到滨江产业园、白石村调研。随后,王建国主持召开园区发展座谈会。"
                 "副区长周敏参加调研,副区长苏雅琴参加座谈会。")
    assert rels(g, "ATTENDED") == {("苏雅琴", "园区发展座谈会")}


def test_a_town_before_its_head_is_no_name_in_a_list():
    found = officials("东湖街道党工委书记彭立新、柳林镇镇长殷志华作表态发言。镇里组织干部和嘎查成员开展排查。")
    assert found == {"彭立新", "殷志华"}
