"""The ``kg`` command line: a thin layer over the library.

Each command calls one library function and turns :class:`kg.KgError` into a one-line message
(the traceback only with ``--verbose``).
"""

from __future__ import annotations

import functools
import sys
import time
from collections.abc import Callable
from typing import Any, TypeVar

import click

from .errors import KgError

F = TypeVar("F", bound=Callable[..., Any])


def handle_errors(fn: F) -> F:
    """Turn library errors into a clean ``Error: ...`` and exit status 1."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except KgError as exc:
            ctx = click.get_current_context()
            if ctx.find_root().params.get("verbose"):
                raise
            raise click.ClickException(str(exc)) from None

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option("-v", "--verbose", is_flag=True, help="Show tracebacks and debugging detail.")
@click.version_option(package_name="kg")
def main(verbose: bool) -> None:
    """kg turns Chinese local-government news into a knowledge graph of who did what, where and when.

    \b
    Typical use:
      kg build articles/ --out out/        # graph.json, graph.graphml, graph.html
      kg view out/graph.json --around 王建国
      kg load out/graph.json               # into Neo4j
      kg query --list
    """


class _Progress:
    """A one-line progress display on stderr (only when it is a terminal, or when asked)."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.last = 0.0
        self.start = time.monotonic()

    def __call__(self, done: int, article: Any) -> None:
        now = time.monotonic()
        if self.enabled and now - self.last > 0.2:
            self.last = now
            rate = done / max(now - self.start, 1e-6)
            origin = str(getattr(article, "origin", ""))[-50:]
            click.echo(f"\r  {done} articles  {rate:.0f}/s  {origin:<50}", err=True, nl=False)

    def close(self) -> None:
        if self.enabled and self.last:
            click.echo("\r" + " " * 80 + "\r", err=True, nl=False)


def print_counts(graph: Any, out: Any = None) -> None:
    """The closing table: nodes by label and relationships by type."""
    counts = graph.counts()
    width = max([len(k) for k in list(counts["nodes"]) + list(counts["edges"])] + [12])
    click.echo(f"{'nodes':<{width}}  {'count':>7}")
    for label, n in sorted(counts["nodes"].items(), key=lambda x: (-x[1], x[0])):
        click.echo(f"{label:<{width}}  {n:>7}")
    click.echo(f"{'relationships':<{width}}  {'count':>7}")
    for rel, n in sorted(counts["edges"].items(), key=lambda x: (-x[1], x[0])):
        click.echo(f"{rel:<{width}}  {n:>7}")


def _neo4j_connection_options(fn: F) -> F:
    from .neo4j.cli import connection_options

    return connection_options(fn)  # type: ignore[return-value]


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--out", "out_dir", default="out", show_default=True, type=click.Path(file_okay=False),
              help="Folder for graph.json, graph.graphml, graph.html and report.json.")
@click.option("--date", help="Publication date (YYYY-MM-DD) for articles that state none.")
@click.option("--encoding", help="Force the encoding of input files (default: detected).")
@click.option("--text-column", default="text", show_default=True, help="CSV column holding the article text.")
@click.option("--format", "input_format", type=click.Choice(["text", "html", "jsonl", "json", "csv"]),
              help="Read every input (and stdin) as this format instead of going by file name.")
@click.option("--keep-traditional", is_flag=True, help="Do not convert traditional characters to simplified.")
@click.option("--lexicon", "lexicon_dirs", multiple=True, type=click.Path(exists=True, file_okay=False),
              help="Folder of extra lexicon files (titles.txt, streets.txt …) added to the packaged ones. Repeatable.")
@click.option("--gexf", is_flag=True, help="Also write graph.gexf for Gephi.")
@click.option("--no-html", is_flag=True, help="Do not write graph.html.")
@click.option("--strict", is_flag=True, help="Exit with an error if any input or article was skipped.")
@click.option("--progress/--no-progress", default=None, help="Show progress (default: when stderr is a terminal).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes for extraction (default: one per core; with --engine dask and no "
                   "--scheduler, the workers of the local cluster). The graph is the same for any number.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where extraction runs: worker processes here, or a Dask distributed cluster "
                   "(pip install 'kg[dask]').")
@click.option("--scheduler", metavar="ADDRESS",
              help="With --engine dask: the scheduler to use (tcp://host:8786); default: a local cluster.")
@click.option("--update", "update_dir", type=click.Path(file_okay=False), metavar="DIR",
              help="Add the INPUTs to the graph in DIR (written by an earlier kg build) and write the "
                   "same files there; the result equals one build over the old inputs and the new ones.")
@click.option("--no-state", is_flag=True,
              help="Do not write build-state.json (what --update needs; it keeps a second copy of the graph "
                   "in memory and on disk, so very large one-off builds may do without it).")
@click.option("--budget-seconds", type=click.FloatRange(min=0), default=30.0, show_default=True,
              help="Time one article may take, plus 1 s per 10,000 characters; an article over it is "
                   "skipped (reason 'budget'). 0: no time limit.")
@click.option("--budget-memory", type=click.FloatRange(min=0), default=1024.0, show_default=True, metavar="MB",
              help="Memory one article may add to its process; over it the article is skipped. 0: no limit.")
@click.option("--neo4j", "to_neo4j", is_flag=True,
              help="Also load the graph into Neo4j (connection: --uri/--user/--password/--database or NEO4J_*).")
@_neo4j_connection_options
@handle_errors
def build(inputs: tuple[str, ...], out_dir: str, date: str | None, encoding: str | None,
          text_column: str, input_format: str | None, keep_traditional: bool,
          lexicon_dirs: tuple[str, ...], gexf: bool, no_html: bool, strict: bool, progress: bool | None,
          jobs: int | None, engine: str, scheduler: str | None, update_dir: str | None, no_state: bool,
          budget_seconds: float, budget_memory: float, to_neo4j: bool,
          uri: str | None,
          user: str | None, password: str | None, database: str | None) -> None:
    """Build a graph from INPUT files, folders or '-' (stdin).

    \b
    Examples:
      kg build kg/samples/ --out out/
      kg build page.txt --date 2023-01-05 --out out/
      kg build corpus.jsonl --lexicon my_district/ --out out/
      kg build corpus.jsonl --jobs 8 --out out/
      kg build corpus.jsonl --engine dask --scheduler tcp://10.0.0.5:8786 --out out/
      kg build news/ --out out/ --neo4j --uri bolt://localhost:7687
      kg build today/ --update out/          # only today's articles are read and extracted
    """
    from pathlib import Path

    from .budget import Budget
    from .incremental import BuildState, load_state, update
    from .pipeline import build as build_graph
    from .report import Report

    report = Report(on_skip=lambda s: click.echo(f"warning: {s.message}", err=True),
                    on_warning=lambda m: click.echo(f"warning: {m}", err=True))
    show = sys.stderr.isatty() if progress is None else progress
    bar = _Progress(show)
    options: dict[str, Any] = dict(date=date, encoding=encoding, lexicon_dirs=lexicon_dirs, report=report, progress=bar,
                   text_column=text_column, input_format=input_format, simplify=not keep_traditional,
                   jobs=jobs, engine=engine, scheduler=scheduler,
                   budget=Budget(seconds=budget_seconds or None, memory_mb=budget_memory or None))
    try:
        if update_dir is not None:
            out = Path(update_dir)
            if click.get_current_context().get_parameter_source("out_dir") != click.core.ParameterSource.DEFAULT \
                    and Path(out_dir).resolve() != out.resolve():
                raise KgError("--update writes into its folder: leave out --out")
            old = load_state(out)  # before reading anything: a folder without state fails at once
            before = old.report.articles_in_graph if old.report else 0
            graph = update(old, list(inputs), **options)
        else:
            out = Path(out_dir)
            graph = build_graph(list(inputs), incremental=not no_state, **options)
    finally:
        bar.close()
    state: BuildState | None = None if no_state and update_dir is None else graph.state  # type: ignore[attr-defined]
    if state is not None:
        state.inputs.extend(inputs)
    report = graph.report  # type: ignore[attr-defined]
    out.mkdir(parents=True, exist_ok=True)
    graph.to_json(out / "graph.json")
    graph.write_graphml(out / "graph.graphml")
    written = ["graph.json", "graph.graphml"]
    if gexf:
        graph.write_gexf(out / "graph.gexf")
        written.append("graph.gexf")
    if not no_html:
        from .view import write_html

        write_html(graph, out / "graph.html", title=", ".join(state.inputs if state else inputs)[:120])
        written.append("graph.html")
    report.write(out / "report.json")
    written.append("report.json")
    if state is not None:
        state.save(out)  # last: what the files above were made from
        written.append("build-state.json")
    if update_dir is not None:
        click.echo(f"{report.articles_in_graph - before} new articles added to the graph in {out}/")
    click.echo(f"{report.articles_read} articles read, {report.articles_in_graph} in the graph, "
               f"{report.skip_total} skipped; wrote {', '.join(written)} to {out}/")
    print_counts(graph)
    if to_neo4j:
        from .neo4j.conn import Neo4jSettings
        from .neo4j.store import load_graph

        stats = load_graph(graph, Neo4jSettings.from_env(uri=uri, user=user, password=password, database=database))
        click.echo(f"Neo4j: {stats}")
    if strict and report.skip_total:
        raise click.ClickException(
            f"--strict: {report.skip_total} input(s) skipped (see {out / 'report.json'})")


@main.command()
@click.argument("graph_file", metavar="GRAPH.json", type=click.Path(dir_okay=False))
@click.option("-o", "--out", "out_file", type=click.Path(dir_okay=False),
              help="HTML file to write (default: GRAPH.html next to GRAPH.json).")
@click.option("--around", metavar="NAME", help="Show only the neighbourhood of this node (name or node id).")
@click.option("--depth", type=click.IntRange(min=0), default=1, show_default=True,
              help="With --around: how many hops.")
@click.option("--with-articles", "include_articles", is_flag=True,
              help="With --around: keep Article nodes in the neighbourhood.")
@click.option("--label", "labels", multiple=True, metavar="LABEL",
              help="Keep only nodes with this label (repeatable or comma-separated).")
@click.option("--type", "types", multiple=True, metavar="TYPE",
              help="Keep only relationships of this type (repeatable or comma-separated).")
@click.option("--since", metavar="YYYY-MM-DD", help="Keep only relationships dated on or after this day.")
@click.option("--until", metavar="YYYY-MM-DD", help="Keep only relationships dated on or before this day.")
@click.option("--min-mentions", type=click.IntRange(min=0), default=0, show_default=True,
              help="Keep only nodes mentioned at least this often.")
@click.option("--title", help="Heading of the page (default: the graph's title).")
@click.option("--open", "open_page", is_flag=True, help="Open the page in the default browser.")
@handle_errors
def view(graph_file: str, out_file: str | None, around: str | None, depth: int, include_articles: bool,
         labels: tuple[str, ...], types: tuple[str, ...], since: str | None, until: str | None,
         min_mentions: int, title: str | None, open_page: bool) -> None:
    """Write an interactive, self-contained HTML view of GRAPH.json (works offline).

    \b
    Examples:
      kg view out/graph.json --out out/graph.html
      kg view out/graph.json --around 王建国 --depth 2 --out nie.html
      kg view out/graph.json --type CHAIRED,ATTENDED --since 2023-01-01 --out meetings.html
      kg view out/graph.json --label Official,Meeting --min-mentions 3 --out core.html
    """
    from pathlib import Path

    from .graph import KnowledgeGraph
    from .view import write_html

    graph = KnowledgeGraph.from_json(Path(graph_file))
    out = Path(out_file) if out_file else Path(graph_file).with_suffix(".html")
    written = write_html(graph, out, title=title, around=around, depth=depth, labels=labels or None,
                         types=types or None, since=since, until=until, min_mentions=min_mentions,
                         include_articles=include_articles)
    click.echo(f"wrote {written}")
    if open_page:
        click.launch(written.resolve().as_uri())


# Neo4j: `kg load` and `kg query` live in kg/neo4j/cli.py
from .neo4j.cli import register_neo4j_commands  # noqa: E402

register_neo4j_commands(main, handle_errors)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
