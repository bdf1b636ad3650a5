"""Entity resolution across articles: one node per real person.

Within an article the extractors already tie a bare name or a bare title to the titled official
introduced there (rules ``bare-name`` and ``bare-title`` on the mentions).  Across articles the same
name is one ``Official`` node — unless the articles place it in different regions *and* the posts
held there share nothing, which means two people who happen to share a name.  Then the node is split
into one node per region (``Official:王建国@青川区``), and each keeps a ``resolution`` note saying why.
Articles that name no region stay with the most reported of the candidates, and the note says so.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from .graph import KnowledgeGraph, _merge_summary


def regions_of(data: dict[str, Any]) -> dict[str, str]:
    """article -> region for an official node (from its ``article_regions`` list)."""
    out = {}
    for item in data.get("article_regions", []):
        art, _, region = str(item).partition("|")
        out[art] = region
    return out


def resolve_posts(graph: KnowledgeGraph) -> None:
    """An official's post seen without its region (副区长) is the same as the one seen with it
    (副区长@青川区) when the official holds exactly one such scoped post: the edges join."""
    g = graph.nx
    for node in [n for n, d in g.nodes(data=True) if d.get("label") == "Official"]:
        posts = [(v, k, d) for _, v, k, d in g.out_edges(node, keys=True, data=True) if d.get("type") == "HOLDS_POST"]
        scoped: dict[str, list[str]] = defaultdict(list)
        for v, _, _ in posts:
            if "@" in v:
                scoped[g.nodes[v]["name"]].append(v)
        for v, k, d in posts:
            if "@" in v or len(scoped.get(g.nodes[v]["name"], [])) != 1:
                continue
            target = scoped[g.nodes[v]["name"]][0]
            mine = g.edges[node, target, k]
            _merge_summary(mine, d)
            mine["resolution"] = f"{g.nodes[v]['name']} without a region is {target.split(':', 1)[1]}"
            g.remove_edge(node, v, key=k)
    for post in [n for n, d in g.nodes(data=True) if d.get("label") == "Post"]:
        if not any(d.get("type") == "HOLDS_POST" for _, _, d in g.in_edges(post, data=True)):
            g.remove_node(post)


def resolve_people(graph: KnowledgeGraph) -> int:
    """Split officials who are different people sharing a name; returns how many nodes were split."""
    g = graph.nx
    split = 0
    for node in [n for n, d in g.nodes(data=True) if d.get("label") == "Official"]:
        data = g.nodes[node]
        by_article = regions_of(data)
        regions = sorted({r for r in by_article.values() if r})
        if len(regions) < 2:
            continue
        posts = _posts_by_region(graph, node, by_article)
        groups = _join(regions, posts)
        if len(groups) < 2:
            data["resolution"] = (f"one person: {', '.join(regions)} share the post(s) "
                                  f"{', '.join(sorted(set().union(*posts.values())))}")
            continue
        _split(graph, node, groups, by_article, posts)
        split += 1
    return split


def _posts_by_region(graph: KnowledgeGraph, node: str, by_article: dict[str, str]) -> dict[str, set[str]]:
    posts: dict[str, set[str]] = defaultdict(set)
    for _, v, d in graph.nx.out_edges(node, data=True):
        if d.get("type") == "HOLDS_POST":
            for art in d.get("articles", [d.get("article")]):
                if by_article.get(art):
                    posts[by_article[art]].add(graph.nx.nodes[v]["name"])
    return posts


def _join(regions: list[str], posts: dict[str, set[str]]) -> list[list[str]]:
    """Regions whose posts overlap are one person (union-find over shared post titles)."""
    parent = {r: r for r in regions}

    def find(r: str) -> str:
        while parent[r] != r:
            r = parent[r]
        return r

    for i, a in enumerate(regions):
        for b in regions[i + 1:]:
            if posts.get(a, set()) & posts.get(b, set()) or not posts.get(a) or not posts.get(b):
                parent[find(b)] = find(a)
    groups: dict[str, list[str]] = defaultdict(list)
    for r in regions:
        groups[find(r)].append(r)
    return sorted(groups.values())


def _split(graph: KnowledgeGraph, node: str, groups: list[list[str]], by_article: dict[str, str],
           posts: dict[str, set[str]]) -> None:
    g = graph.nx
    data = dict(g.nodes[node])
    articles = data.get("articles", [])
    article_group: dict[str, int] = {}
    for i, group in enumerate(groups):
        for art, region in by_article.items():
            if region in group:
                article_group[art] = i
    counts = [sum(1 for a in articles if article_group.get(a) == i) for i in range(len(groups))]
    home = max(range(len(groups)), key=lambda i: (counts[i], -i))
    new_ids = []
    for i, group in enumerate(groups):
        nid = f"{node}@{'+'.join(group)}"
        arts = sorted(a for a in articles if article_group.get(a, home) == i)
        held = ", ".join(sorted(set().union(*(posts.get(r, set()) for r in group)))) or "unknown"
        note = (f"{data['name']} in {', '.join(group)} (posts {held}) "
                f"is not the {data['name']} of {', '.join(r for gr in groups if gr is not group for r in gr)}: "
                "different regions, no shared post")
        if i == home and any(a not in article_group for a in articles):
            note += "; articles naming no region stay here, with the most reported"
        attrs = {**data, "articles": arts, "resolution": note,
                 "mentions": max(1, round(data.get("mentions", 0) * len(arts) / max(len(articles), 1))),
                 "article_regions": [x for x in data.get("article_regions", []) if str(x).partition("|")[0] in arts]}
        group_posts = [(d.get("last_seen") or "", g.nodes[v]["name"]) for _, v, d in g.out_edges(node, data=True)
                       if d.get("type") == "HOLDS_POST" and article_group.get(d.get("article", ""), home) == i]
        if group_posts:
            attrs["titles"] = sorted({p for _, p in group_posts})
            attrs["title"] = max(group_posts)[1]
            attrs["title_seen"] = sorted(f"{p}|{d}" for d, p in group_posts)
        g.add_node(nid, **attrs)
        new_ids.append(nid)
    # only the node's own edges (a scan of every edge per split name would grow with the graph squared)
    own = {(u, v, k): d for u, v, k, d in [*g.in_edges(node, keys=True, data=True),
                                            *g.out_edges(node, keys=True, data=True)]}
    for (u, v, k), d in own.items():
        i = article_group.get(d.get("article", ""), home)
        target = new_ids[i]
        g.add_edge(target if u == node else u, target if v == node else v, key=k, **d)
    g.remove_node(node)
