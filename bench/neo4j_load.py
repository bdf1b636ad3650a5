"""Benchmark: batched Neo4j loading (kg.neo4j.store.load_graph) against a row-by-row MERGE baseline.

    python bench/neo4j_load.py --uri bolt://127.0.0.1:7688 [--rels 100000] [--baseline 5000]
                               [--batch-sizes 1000,5000,20000]

Builds a synthetic graph (officials, meetings, places; CHAIRED/ATTENDED/INSPECTED relationships,
each with article, evidence, date and rule), then on an EMPTIED database (everything in it is
deleted: use the test server):

0. a warm-up load (a fresh JVM is about twice as slow);
1. the baseline: the first ``--baseline`` relationships written one query and one transaction each
   (``MATCH (a {id}) MATCH (b {id}) MERGE (a)-[r {key}]->(b) SET r += $props``), after the nodes;
2. for each batch size: empty the database, ``load_graph`` the whole graph, and time the
   relationship phase (nodes are timed separately);
3. prints relationships/second for both and their ratio.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

import neo4j

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.graph import KnowledgeGraph  # noqa: E402
from kg.model import LABELS  # noqa: E402
from kg.neo4j.store import Neo4jSettings, connect, ensure_schema, graph_rows, load_graph, rel_queries  # noqa: E402


def synthetic(n_rels: int, seed: int = 7) -> KnowledgeGraph:
    """About ``n_rels`` relationships: 60% ATTENDED, 20% CHAIRED, 20% INSPECTED, ~1 node per 4 rels."""
    rnd = random.Random(seed)
    g = KnowledgeGraph()
    n_off, n_meet, n_place = max(10, n_rels // 20), max(10, n_rels // 5), max(10, n_rels // 20)
    for label, n in (("Official", n_off), ("Meeting", n_meet), ("Place", n_place)):
        for i in range(n):
            g.nx.add_node(f"{label}:{label[0]}{i}", label=label, name=f"{label[0]}{i}", mentions=1,
                          articles=[f"art{i % 997}"])
    for i in range(n_rels):
        kind = rnd.random()
        o = f"Official:O{rnd.randrange(n_off)}"
        rel, target = (("ATTENDED", f"Meeting:M{rnd.randrange(n_meet)}") if kind < 0.6 else
                       ("CHAIRED", f"Meeting:M{rnd.randrange(n_meet)}") if kind < 0.8 else
                       ("INSPECTED", f"Place:P{rnd.randrange(n_place)}"))
        article = f"art{i}"
        g.nx.add_edge(o, target, key=f"{rel}|{article}", type=rel, article=article, rule="bench",
                      date=f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}",
                      evidence=f"第{i}句：区领导出席会议并讲话，强调要抓好各项工作落实。")
    return g


def wipe(driver: neo4j.Driver) -> None:
    """Delete everything, in chunks."""
    for query in ("MATCH ()-[r]->() WITH r LIMIT 50000 DELETE r RETURN count(*) AS c",
                  "MATCH (n) WITH n LIMIT 50000 DETACH DELETE n RETURN count(*) AS c"):
        while driver.execute_query(query).records[0]["c"]:
            pass


def _one(tx: neo4j.ManagedTransaction, query: str, row: dict[str, object]) -> None:
    tx.run(query, row=row).consume()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--uri", default="bolt://127.0.0.1:7688")
    ap.add_argument("--user")
    ap.add_argument("--password")
    ap.add_argument("--rels", type=int, default=100_000)
    ap.add_argument("--baseline", type=int, default=5_000, help="relationships for the row-by-row baseline")
    ap.add_argument("--batch-sizes", default="5000", help="comma-separated batch sizes to try")
    args = ap.parse_args()

    settings = Neo4jSettings.from_env(uri=args.uri, user=args.user, password=args.password)
    driver = connect(settings)
    graph = synthetic(args.rels)
    n_rels = graph.nx.number_of_edges()
    print(f"synthetic graph: {len(graph):,} nodes, {n_rels:,} relationships")
    ensure_schema(driver)
    wipe(driver)
    t0 = time.perf_counter()
    load_graph(graph, driver, schema=False)  # warm-up: JIT-compiles the server's code paths
    print(f"warm-up load (not counted): {time.perf_counter() - t0:.1f}s")

    # -- baseline: one MERGE per relationship, one transaction each --------------------------------
    wipe(driver)
    nodes_only = KnowledgeGraph(graph.nx.subgraph(list(graph.nx.nodes)).copy())
    nodes_only.nx.remove_edges_from(list(nodes_only.nx.edges(keys=True)))
    load_graph(nodes_only, driver, schema=False)
    _, rel_rows = graph_rows(graph)
    flat = [(group, row) for group, rows in sorted(rel_rows.items()) for row in rows]
    random.Random(1).shuffle(flat)
    subset = flat[: args.baseline]
    t0 = time.perf_counter()
    with driver.session() as session:
        for (rel_type, src, dst), row in subset:
            _, query = rel_queries(rel_type, src, dst, row["props"])
            single = query.replace("UNWIND $rows AS row\n", "WITH $row AS row\n")
            session.execute_write(_one, single, row)
    base_s = time.perf_counter() - t0
    base_rate = len(subset) / base_s
    print(f"row-by-row baseline: {len(subset):,} relationships in {base_s:.1f}s = {base_rate:,.0f} rels/s "
          f"(one query and transaction per relationship, on a {len(subset):,}-relationship subset)")

    # -- batched ------------------------------------------------------------------------------------
    for size in (int(s) for s in args.batch_sizes.split(",")):
        wipe(driver)
        marks: dict[str, float] = {}

        def progress(what: str, _rows: int, marks: dict[str, float] = marks) -> None:
            if what in LABELS:
                marks["nodes_done"] = time.perf_counter()

        t0 = time.perf_counter()
        stats = load_graph(graph, driver, batch_size=size, schema=False, progress=progress)
        t1 = time.perf_counter()
        rel_s = t1 - marks["nodes_done"]
        rate = stats.relationships / rel_s
        print(f"batched (batch {size:,}): nodes {marks['nodes_done'] - t0:.1f}s, {stats.relationships:,} "
              f"relationships in {rel_s:.1f}s = {rate:,.0f} rels/s; whole load {t1 - t0:.1f}s "
              f"= {stats.relationships / (t1 - t0):,.0f} rels/s; {rate / base_rate:.0f}x the baseline")
        assert stats.relationships_created == n_rels
    driver.close()


if __name__ == "__main__":
    main()
