"""The Neo4j commands of the ``kg`` CLI: ``kg load`` and ``kg query``.

They are registered on the main group by :func:`register_neo4j_commands` (called from
:mod:`kg.cli`), so that this file and the CLI skeleton can change independently.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import click

from ..errors import KgError

CONNECTION_HELP = ("Connection: --uri/--user/--password/--database, else NEO4J_URI, NEO4J_USER, "
                   "NEO4J_PASSWORD, NEO4J_DATABASE (defaults bolt://localhost:7687, neo4j, no "
                   "password = no authentication, the server's default database).")


def connection_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``--uri``, ``--user``, ``--password``, ``--database`` (each falling back to the environment)."""
    for decorator in reversed([
        click.option("--uri", metavar="URI", help="Bolt URI [env NEO4J_URI; default bolt://localhost:7687]"),
        click.option("--user", metavar="USER", help="User name [env NEO4J_USER; default neo4j]"),
        click.option("--password", metavar="PASSWORD",
                     help="Password [env NEO4J_PASSWORD; none: connect without authentication]"),
        click.option("--database", metavar="NAME",
                     help="Database [env NEO4J_DATABASE; default: the server's]"),
    ]):
        fn = decorator(fn)
    return fn


def _settings(uri: str | None, user: str | None, password: str | None, database: str | None) -> Any:
    from .conn import Neo4jSettings

    return Neo4jSettings.from_env(uri=uri, user=user, password=password, database=database)


def _parse_params(pairs: tuple[str, ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise KgError(f"--param wants key=value, not {pair!r}")
        out[key.strip()] = value
    return out


def register_neo4j_commands(main: click.Group, handle_errors: Callable[[Any], Any]) -> None:
    """Add ``load`` and ``query`` to the ``kg`` command group."""

    @main.command(epilog=CONNECTION_HELP)
    @click.argument("graphs", nargs=-1, required=True, type=click.Path(dir_okay=False))
    @connection_options
    @click.option("--batch-size", default=5000, show_default=True, type=click.IntRange(min=1),
                  help="Rows per write transaction.")
    @click.option("--no-schema", is_flag=True, help="Do not run cypher/schema.cypher first.")
    @handle_errors
    def load(graphs: tuple[str, ...], uri: str | None, user: str | None, password: str | None,
             database: str | None, batch_size: int, no_schema: bool) -> None:
        """Load graph JSON files (from kg build) into Neo4j.

        Idempotent: loading the same graph again changes nothing; loading another corpus merges
        into what is there (the same official stays one node).
        """
        from ..graph import KnowledgeGraph
        from .conn import connect
        from .store import load_graph

        settings = _settings(uri, user, password, database)
        loaded = [(path, KnowledgeGraph.from_json(path)) for path in graphs]  # read all before writing
        driver = connect(settings)
        try:
            for i, (path, graph) in enumerate(loaded):
                stats = load_graph(graph, driver, database=settings.database, batch_size=batch_size,
                                   schema=not no_schema and i == 0)
                click.echo(f"{path}: loaded {stats} into {settings.uri}")
                for change in stats.changes:
                    click.echo(f"  re-keyed {change}" if " → " in change else f"  {change}")
        finally:
            driver.close()

    @main.command(epilog=CONNECTION_HELP)
    @click.argument("name", required=False)
    @click.option("-p", "--param", "params", multiple=True, metavar="KEY=VALUE",
                  help="A query parameter (repeatable), e.g. --param name=程远航")
    @click.option("--json", "as_json", is_flag=True, help="Print the rows as JSON instead of a table.")
    @click.option("--list", "list_", is_flag=True, help="List the catalog queries and exit.")
    @click.option("--show", is_flag=True, help="Print the query's Cypher and header instead of running it.")
    @connection_options
    @handle_errors
    def query(name: str | None, params: tuple[str, ...], as_json: bool, list_: bool, show: bool,
              uri: str | None, user: str | None, password: str | None, database: str | None) -> None:
        """Run a query of the Cypher catalog (cypher/*.cypher) against Neo4j and print a table.

        \b
        kg query --list
        kg query official_meetings --param name=程远航
        kg query official_inspections -p name=程远航 -p since=2024-01-01 --json
        """
        from .catalog import catalog, format_table, get_query
        from .read import run_query

        if list_:
            for q in catalog().values():
                args = " ".join(f"{p.name}=" + ("…" if p.required else f"[{p.default}]") for p in q.params)
                click.echo(f"{q.name:<24} {q.description}")
                if args:
                    click.echo(f"{'':<24}   params: {args}")
            return
        if not name:
            raise KgError("name a query (kg query --list shows them)")
        q = get_query(name)
        if show:
            click.echo(f"// {q.description}\n// params: "
                       + ", ".join(f"${p.name} {p.type}" + ("" if p.required else f" = {p.default}")
                                   for p in q.params))
            click.echo(q.text)
            return
        columns, rows = run_query(q, _parse_params(params), _settings(uri, user, password, database))
        if as_json:
            click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        else:
            click.echo(format_table(columns, rows))
            click.echo(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
