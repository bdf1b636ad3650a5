"""Hand-built graphs for the Neo4j tests: small, with every label and relationship the catalog asks about.

Story (青川区, fictional): three meetings, four officials, a street with a community and projects.
"""

from __future__ import annotations

from kg.graph import KnowledgeGraph
from kg.model import Edge, Node, Provenance

ARTICLES = {"a0": "2023-06-01", "a1": "2024-03-01", "a2": "2024-03-05", "a3": "2024-04-10",
            "a5": "2024-05-20"}


def _p(article: str, evidence: str = "", rule: str = "test", date: str | None = "") -> Provenance:
    return Provenance(article=article, evidence=evidence or f"{article} 的句子。", rule=rule,
                      date=ARTICLES[article] if date == "" else date)


class _Builder:
    def __init__(self) -> None:
        self.g = KnowledgeGraph()

    def node(self, label: str, name: str, article: str, qualifier: str | None = None, **attrs: str) -> str:
        key = self.g.add_node(Node(label, name, qualifier, tuple(sorted(attrs.items())), _p(article)))
        art = self.g.add_node(Node("Article", article, None, (("date", ARTICLES[article]),), _p(article)))
        self.g.add_edge(Edge("MENTIONED_IN", key, art, _p(article, rule="mentioned")))
        return key

    def edge(self, type_: str, source: str, target: str, article: str, evidence: str,
             date: str | None = "") -> None:
        self.g.add_edge(Edge(type_, source, target, _p(article, evidence, f"{type_.lower()}-rule", date)))


def sample_graph() -> KnowledgeGraph:
    """The main test graph (see the expected answers in test_neo4j_catalog.py)."""
    b = _Builder()
    nie = b.node("Official", "程远航", "a1", title="区委书记")
    b.node("Official", "程远航", "a2", title="区委书记")
    b.node("Official", "程远航", "a3", title="区委书记")
    deng = b.node("Official", "谭庆林", "a1", title="副区长")
    b.node("Official", "谭庆林", "a2", title="副区长")
    b.node("Official", "谭庆林", "a3", title="副区长")
    zeng = b.node("Official", "方志成", "a1", title="区领导")
    li = b.node("Official", "李明", "a0", title="区委书记")
    b.node("Official", "李明", "a2", title="区长")
    b.node("Official", "李明", "a3", title="区长")
    reporter = b.node("Person", "方若溪", "a1", title="记者")
    org = b.node("Organization", "青川区委组织部", "a2")

    standing = b.node("Meeting", "区委常委会会议", "a1", "2024-03-01", date="2024-03-01")
    b.node("Meeting", "区委常委会会议", "a2", "2024-03-01", date="2024-03-01")
    push = b.node("Meeting", "项目推进会", "a2", "2024-03-05", date="2024-03-05")
    safety = b.node("Meeting", "安全生产工作会议", "a3", "2024-04-10", date="2024-04-10")

    region = b.node("Region", "青川区", "a1")
    street = b.node("Street", "云塘街道", "a1")
    community = b.node("Community", "翠竹社区", "a3")
    proj1 = b.node("Project", "锦湖新城花园项目", "a2")
    proj2 = b.node("Project", "鸿拓新材总部项目", "a1")
    square = b.node("Place", "星河广场", "a1")
    post = b.node("Post", "区委书记", "a1")
    b.node("Post", "区委书记", "a0")

    b.edge("CHAIRED", nie, standing, "a1", "区委书记程远航主持召开区委常委会会议。")
    b.edge("CHAIRED", nie, standing, "a2", "3月1日，程远航主持召开区委常委会会议。", date="2024-03-01")
    b.edge("ATTENDED", deng, standing, "a1", "谭庆林、方志成参加会议。")
    b.edge("ATTENDED", zeng, standing, "a1", "谭庆林、方志成参加会议。")
    b.edge("CHAIRED", li, push, "a2", "区长李明主持项目推进会。")
    b.edge("ATTENDED", deng, push, "a2", "程远航、谭庆林出席项目推进会。")
    b.edge("ATTENDED", nie, push, "a2", "程远航、谭庆林出席项目推进会。")
    b.edge("ATTENDED", org, push, "a2", "区委组织部参加项目推进会。")
    b.edge("CHAIRED", nie, safety, "a3", "程远航主持召开安全生产工作会议。")
    b.edge("ATTENDED", deng, safety, "a3", "李明、谭庆林出席安全生产工作会议。")
    b.edge("ATTENDED", li, safety, "a3", "李明、谭庆林出席安全生产工作会议。")

    b.edge("INSPECTED", nie, proj1, "a2", "程远航来到锦湖新城花园项目检查。")
    b.edge("INSPECTED", nie, community, "a3", "程远航深入翠竹社区调研。")
    b.edge("INSPECTED", nie, proj2, "a1", "程远航曾到鸿拓新材总部项目调研。", date=None)
    b.edge("INSPECTED", deng, square, "a1", "谭庆林检查星河广场。")

    b.edge("LOCATED_IN", street, region, "a1", "青川区云塘街道")
    b.edge("LOCATED_IN", community, street, "a3", "云塘街道翠竹社区")
    b.edge("LOCATED_IN", proj1, street, "a2", "位于云塘街道的锦湖新城花园项目")
    b.edge("LOCATED_IN", proj2, community, "a1", "翠竹社区的鸿拓新材总部项目")
    b.edge("LOCATED_IN", square, region, "a1", "青川区星河广场")

    b.edge("HOLDS_POST", li, post, "a0", "区委书记李明。")
    b.edge("HOLDS_POST", nie, post, "a1", "区委书记程远航。")
    article = "Article:a1"
    b.g.add_edge(Edge("WROTE", reporter, article, _p("a1", "记者 方若溪", "byline")))
    return b.g


def second_corpus() -> KnowledgeGraph:
    """Another corpus (article a5): 程远航 again, one new official, one new meeting."""
    b = _Builder()
    nie = b.node("Official", "程远航", "a5", title="区委书记")
    b.node("Official", "程远航", "a5", title="区委书记")
    wang = b.node("Official", "王芳", "a5", title="副区长")
    m = b.node("Meeting", "乡村振兴座谈会", "a5", "2024-05-20", date="2024-05-20")
    post = b.node("Post", "区委书记", "a5")
    b.edge("CHAIRED", nie, m, "a5", "程远航主持乡村振兴座谈会。")
    b.edge("HOLDS_POST", nie, post, "a5", "区委书记程远航。")
    b.edge("ATTENDED", wang, m, "a5", "王芳参加座谈会。")
    return b.g
