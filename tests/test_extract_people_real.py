"""Officials as real district news names them (sentences of our own, in the fictional 青川区)."""

from extraction_support import graph_of, names


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
                      "街道党工委委员、纪工委书记许凡宣读方案。镇长付春林所作的报告。副主任王飞来我区调研。")
    assert {"陈华", "葛明", "许凡", "付春林", "王飞"} <= found
    assert not found & {"陈华安", "葛明首", "许凡宣", "王飞来"}


def test_plurals_function_words_and_places_after_a_title_are_no_names():
    found = officials("委员们先后视察了滨江公园。委员们纷纷表示满意。新增补的委员们要深入了解区情。"
                      "向全体政协委员和与会同志致以问候。大会秘书处副秘书长和各组负责人列席会议。"
                      "会议通过了镇人大主席、副主席和镇长、副镇长候选人名单。视察组来到龙溪乡长发村、白石村。"
                      "围绕“规划委员话良策”“委员进百村”活动开展调研。")
    assert found == set()


def test_a_name_after_by_is_the_name_without_by():
    found = officials("开幕会执行主席由韦成文、杨光明担任。")
    assert found == {"韦成文", "杨光明"}


def test_less_common_surnames_are_known():
    found = officials("社区党委书记巢丽娟带考察团参观社区图书馆。副区长丘志明、操建华陪同。")
    assert {"巢丽娟", "丘志明", "操建华"} <= found
