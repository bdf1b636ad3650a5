"""Helpers for extraction tests: build a graph from a few sentences and look at it in plain terms."""

from __future__ import annotations

from typing import Any

import kg
from kg.graph import KnowledgeGraph


def graph_of(*texts: str, date: str = "2024-03-06") -> KnowledgeGraph:
    """A graph from article texts (each text one article, ids a1, a2 …)."""
    return kg.build([{"id": f"a{i + 1}", "text": t, "date": date} for i, t in enumerate(texts)])


def names(g: KnowledgeGraph, label: str) -> set[str]:
    return {d["name"] for _, d in g.nx.nodes(data=True) if d.get("label") == label}


def rels(g: KnowledgeGraph, type: str) -> set[tuple[str, str]]:
    """(source name, target name) pairs of one relationship type."""
    return {(g.nx.nodes[u]["name"], g.nx.nodes[v]["name"]) for u, v, d in g.nx.edges(data=True) if d["type"] == type}


def edge_data(g: KnowledgeGraph, type: str, source: str, target: str) -> list[dict[str, Any]]:
    return [d for u, v, d in g.nx.edges(data=True)
            if d["type"] == type and g.nx.nodes[u]["name"] == source and g.nx.nodes[v]["name"] == target]
