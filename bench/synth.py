"""A synthetic corpus of fictional local-government news, for benchmarks and tests.

Everything here is invented: a fictional city (云澜市) with a handful of districts, each with its
streets and towns, communities and villages, officials and projects, written in the genre's sentence
patterns (区委书记X主持召开…会议, 副区长Y出席…开工仪式, X先后来到A、B督导检查, street and community
work).  Names are drawn from surname and given-name character lists with a seeded random generator,
so the same ``seed`` always gives the same corpus; the *world* (the set of distinct entities) is fixed
by ``seed`` too and does not grow with the number of articles, as in a real paper.

Use it as a library (:func:`articles`, :func:`write_jsonl`) or from the command line::

    python bench/synth.py 10000 synth.jsonl          # 10,000 articles, one JSON record per line
    python bench/synth.py 20 - --seed 3 | head -2
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, TextIO

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田"
            "董潘袁蔡蒋余杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦傅方邹孟"
            "熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
GIVEN = ("建国志强海燕晓峰立新明华丽娟春花伟军红霞文斌敏杰玉兰德胜秀英"
         "振宇思远嘉欣宏涛雪梅永康佳琪俊豪宁静子涵浩然鹏飞晨曦慧琳国栋锦程雨桐")
ROOTS = ("青岚 白鹭 松溪 石门 望江 金坪 南屏 凤栖 云台 柳塘 桂湖 梅林 竹园 荷塘 枫桥 杏坛 潮音 银滩 翠微 雁鸣 鹤山 龙泉"
         " 麒麟 桃坞 沙洲 东篱 西岭 北坡 南湾 长乐 永安 太平 丰收 和顺 兴隆 新塘 古渡 横岗 上林 下沙 平湖 清溪 碧波"
         " 晴川 霞浦 芦洲 岚湾 月湖 星河 朝阳 春晓 秋实 山前 水口 双溪 三江 四合 五里 六和 七星 八角 九峰 十里").split()
TOPICS = ("安全生产", "森林防火", "乡村振兴", "城市更新", "防汛备汛", "营商环境", "基层治理", "人居环境整治",
          "消防安全", "文明城市创建", "招商引资", "民生实事", "垃圾分类", "河长制", "食品安全", "疫情防控",
          "节能减排", "就业帮扶")
PROJECT_KINDS = ("综合开发项目", "产业园二期项目", "智能制造基地项目", "污水处理厂提标改造工程", "城市更新项目",
                 "安置房建设项目", "滨水绿道工程", "学校扩建项目", "人民医院新院区项目", "物流园项目")
PLACE_KINDS = ("公园", "广场", "湿地公园", "风景区", "政务服务中心", "产业园", "文化广场", "创新创业园")
MEETINGS = ("区委常委会会议", "区政府常务会议", "工作会议", "推进会", "调度会", "部署会", "动员会", "现场会", "座谈会",
            "专题会议")
FILLER = (
    "要坚持稳中求进工作总基调，以高质量发展为牵引，稳预期、强信心、抓落实。",
    "要压紧压实各方责任，细化工作措施，确保各项任务落到实处。",
    "要强化统筹调度，倒排工期、挂图作战，推动项目早开工、早建成、早见效。",
    "要坚持以人民为中心的发展思想，多听群众意见，切实解决群众急难愁盼问题。",
    "各部门要加强协同配合，形成工作合力，以实干实绩推动各项工作提质增效。",
    "要进一步优化服务，主动靠前对接企业需求，营造良好发展环境。",
    "要守牢安全底线，加强隐患排查整治，坚决遏制重特大事故发生。",
    "要持续深化作风建设，大兴调查研究之风，推动工作落细落实。",
    "要聚焦主导产业延链补链强链，加大力度引进重点头部企业，促进产业集聚发展。",
    "要扎实推进低效用地处置工作，坚决清退闲置用地，不断盘活存量资源。",
    "要统筹发展和安全，抓好防汛、消防、燃气等重点领域风险防范。",
    "要加快补齐教育、医疗、养老等公共服务短板，不断增强群众获得感、幸福感、安全感。",
    "要深化“放管服”改革，推行“一网通办”，为企业提供全生命周期服务。",
    "要持续改善人居环境，抓好垃圾分类、污水治理和绿化美化工作。",
    "要加强基层党组织建设，充分发挥党员先锋模范作用，推动党建引领基层治理。",
    "要紧盯年度目标任务，建立工作台账，实行清单化管理、闭环式推进。",
    "2022年，全区经济社会发展取得新成效，经济结构进一步优化，基础设施建设投资力度加大。",
    "今年以来，全区上下认真贯彻落实上级决策部署，各项工作取得积极进展。",
    "要坚持问题导向，聚焦短板弱项，拿出务实管用的举措，推动工作提质增效。",
    "要加强宣传引导，营造全社会共同参与的良好氛围。",
)


@dataclass
class District:
    """One fictional district: its streets, communities, officials and projects."""

    name: str
    streets: list[str]
    communities: dict[str, list[str]]
    officials: dict[str, str]
    leaders: list[str]
    projects: list[str]
    places: list[str]
    grid_workers: list[str] = field(default_factory=list)


class World:
    """The fixed cast of a synthetic corpus: districts and everything in them."""

    def __init__(self, seed: int = 0, districts: int = 6) -> None:
        rng = random.Random(f"world-{seed}")
        roots = list(ROOTS)
        rng.shuffle(roots)
        self._used: set[str] = set()
        self.rng = rng
        self.city = "云澜市"
        self.districts: list[District] = []
        self.reporters = [self.person() for _ in range(12)]
        take = iter(roots * 8)
        for _ in range(districts):
            dname = next(take) + "区"
            streets = [next(take) + rng.choice(("街道", "街道", "镇")) for _ in range(6)]
            communities = {s: [next(take) + rng.choice(("社区", "社区", "村")) for _ in range(5)] for s in streets}
            posts = ("区委书记", "区长", "区委副书记", "常务副区长", "副区长", "副区长", "副区长", "区委常委")
            officials = {f"{p}#{i}": self.person() for i, p in enumerate(posts)}
            leaders = [self.person() for _ in range(6)]
            projects = [next(take) + rng.choice(PROJECT_KINDS) for _ in range(12)]
            places = [next(take) + rng.choice(PLACE_KINDS) for _ in range(6)]
            workers = [self.person() for _ in range(10)]
            self.districts.append(District(dname, streets, communities, officials, leaders, projects, places, workers))

    def person(self) -> str:
        """A new personal name (surname + one or two given-name characters), unique in this world."""
        while True:
            given = range(self.rng.choice((1, 2, 2)))
            name = self.rng.choice(SURNAMES) + "".join(self.rng.choice(GIVEN) for _ in given)
            if name not in self._used:
                self._used.add(name)
                return name


def _post(d: District, prefix: str) -> tuple[str, str]:
    for k, v in d.officials.items():
        if k.startswith(prefix + "#"):
            return k.split("#")[0], v
    raise KeyError(prefix)


def _vice(d: District, rng: random.Random) -> tuple[str, str]:
    k = rng.choice([k for k in d.officials if k.startswith(("副区长#", "常务副区长#"))])
    return k.split("#")[0], d.officials[k]


def _cn_date(day: date) -> str:
    return f"{day.month}月{day.day}日"


def _fill(rng: random.Random, n: int) -> str:
    return "".join(rng.sample(FILLER, n))


def _meeting(w: World, d: District, rng: random.Random, day: date) -> tuple[str, str]:
    post, chair = _post(d, "区委书记")
    meeting = rng.choice(MEETINGS)
    topic = rng.choice(TOPICS)
    if meeting.startswith("区"):
        name = meeting
    else:
        name = f"{d.name}{topic}{meeting}"
    others = rng.sample(d.leaders, 3)
    title = f"{name}召开 研究部署{topic}工作"
    body = (f"{_cn_date(day)}，{post}{chair}主持召开{name}，传达学习上级有关会议精神，研究部署{topic}工作。\n"
            f"会议指出，{_fill(rng, 2)}会议强调，{_fill(rng, 2)}\n"
            f"区领导{others[0]}、{others[1]}、{others[2]}等参加会议。")
    return title, body


def _ceremony(w: World, d: District, rng: random.Random, day: date) -> tuple[str, str]:
    post, vice = _vice(d, rng)
    street = rng.choice(d.streets)
    community = rng.choice(d.communities[street])
    project = rng.choice(d.projects)
    money = rng.randint(2, 60)
    title = f"{project}开工"
    body = (f"近日，{d.name}{street}举行{project}开工仪式。{post}{vice}出席开工仪式并致辞。\n"
            f"该项目位于{street}{community}，总投资约{money}亿元，预计{day.year + rng.randint(1, 3)}年建成。"
            f"{vice}强调，{_fill(rng, 2)}\n项目建成后，将为{street}新增就业岗位约{rng.randint(2, 40) * 100}个。")
    return title, body


def _inspection(w: World, d: District, rng: random.Random, day: date) -> tuple[str, str]:
    post, chief = _post(d, "区委书记") if rng.random() < 0.5 else _post(d, "区长")
    topic = rng.choice(TOPICS)
    street = rng.choice(d.streets)
    c1, c2 = rng.sample(d.communities[street], 2)
    place = rng.choice(d.places)
    project = rng.choice(d.projects)
    others = rng.sample(d.leaders, 2)
    title = f"{chief}督导检查{topic}工作"
    body = (f"{_cn_date(day)}下午，{post}{chief}先后来到{street}{c1}、{place}和{project}，督导检查{topic}工作。\n"
            f"在{c1}，{chief}详细询问值班值守情况，查看物资储备。他强调，{_fill(rng, 2)}\n"
            f"区领导{others[0]}、{others[1]}参加检查。")
    return title, body


def _research(w: World, d: District, rng: random.Random, day: date) -> tuple[str, str]:
    post, vice = _vice(d, rng)
    topic = rng.choice(TOPICS)
    street = rng.choice(d.streets)
    c1, c2 = rng.sample(d.communities[street], 2)
    place = rng.choice(d.places)
    title = f"{post}{vice}到{street}调研{topic}工作"
    body = (f"{_cn_date(day)}，{post}{vice}到{street}调研{topic}工作。{vice}先后到{street}{c1}、{c2}和{place}，"
            f"实地察看{topic}推进情况。\n在{c2}，{vice}与干部群众座谈，了解集体经济发展情况。{_fill(rng, 1)}")
    return title, body


def _community(w: World, d: District, rng: random.Random, day: date) -> tuple[str, str]:
    street = rng.choice(d.streets)
    c1, c2 = rng.sample(d.communities[street], 2)
    worker = rng.choice(d.grid_workers)
    title = f"{street}开展独居老人走访慰问"
    body = (f"连日来，{street}组织各社区网格员开展独居老人走访慰问活动。{c1}网格员{worker}为辖区独居老人送去米面油，"
            f"了解老人生活需求。{c2}工作人员也上门开展健康监测服务。\n{_fill(rng, 1)}")
    return title, body


KINDS = (_meeting, _ceremony, _inspection, _research, _community)


def articles(n: int, *, seed: int = 0, districts: int = 6,
             start: date = date(2023, 1, 2)) -> Iterator[dict[str, Any]]:
    """``n`` fictional article records (``id``, ``title``, ``date``, ``source``, ``text``), the same for
    the same ``seed``."""
    world = World(seed, districts)
    rng = random.Random(f"articles-{seed}")
    for i in range(n):
        day = start + timedelta(days=i * 365 // max(n, 365) + rng.randint(0, 2))
        d = rng.choice(world.districts)
        kind = rng.choice(KINDS)
        title, body = kind(world, d, rng, day)
        reporter = rng.choice(world.reporters)
        more = "\n".join(_fill(rng, rng.randint(2, 4)) for _ in range(rng.randint(1, 4)))
        head, _, tail = body.partition("\n")
        lead = f"云澜日报讯(记者/{reporter}) {head}\n{more}"
        text = f"{lead}\n{tail}" if tail else lead
        yield {"id": f"synth-{seed}-{i:07d}", "title": title, "date": day.isoformat(), "source": "云澜日报",
               "text": text}


def write_jsonl(path: str | Path | TextIO, n: int, *, seed: int = 0) -> int:
    """Write ``n`` articles as JSON lines to ``path`` (or an open text stream); returns characters of text."""
    if not isinstance(path, (str, Path)):
        return _write(path, n, seed)
    with open(path, "w", encoding="utf-8") as out:
        return _write(out, n, seed)


def _write(out: TextIO, n: int, seed: int) -> int:
    chars = 0
    for rec in articles(n, seed=seed):
        chars += len(rec["text"])
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return chars


def page(n: int, *, seed: int = 0) -> str:
    """``n`` articles laid out as one e-paper page of plain text (headline line, blank line, body)."""
    parts = ["云澜日报 2023年6月1日 第A02版 区县新闻", ""]
    for rec in articles(n, seed=seed):
        parts += [rec["title"], "", rec["text"], ""]
    return "\n".join(parts)


def main(argv: list[str] | None = None) -> None:
    """Command line: write N synthetic articles as JSONL to a file or ``-`` (stdout)."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, help="number of articles")
    ap.add_argument("out", help="JSONL file to write, or - for stdout")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    chars = write_jsonl(sys.stdout if args.out == "-" else args.out, args.n, seed=args.seed)
    if args.out != "-":
        print(f"wrote {args.n} articles ({chars} characters of text) to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
