"""The ``kg`` command line: a thin layer over the library.

Each command calls one library function and turns :class:`kg.KgError` into a one-line message
(the traceback only with ``--verbose``).
"""

from __future__ import annotations

import functools
import sys
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
      kg view out/graph.json --around 聂加伟
      kg load out/graph.json               # into Neo4j
      kg query --list
    """


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
