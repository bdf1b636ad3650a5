"""Short, clear errors: wrong or missing password, unreachable server, unknown database, bad URI."""

from __future__ import annotations

import socket
import time

import pytest
from click.testing import CliRunner
from conftest import AUTH_TEST_PASSWORD
from neo4j_graphs import sample_graph

from kg.cli import main
from kg.errors import Neo4jError
from kg.neo4j.store import Neo4jSettings, connect, load_graph, run_query

pytestmark = pytest.mark.neo4j


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_wrong_password(neo4j_auth_uri: str) -> None:
    with pytest.raises(Neo4jError) as err:
        connect(Neo4jSettings(uri=neo4j_auth_uri, password="not-the-password"))
    assert str(err.value) == f"Neo4j at {neo4j_auth_uri} refused the credentials for user 'neo4j'"


def test_missing_password(neo4j_auth_uri: str) -> None:
    with pytest.raises(Neo4jError, match=r"refused the credentials .*no password given: set NEO4J_PASSWORD"):
        connect(Neo4jSettings(uri=neo4j_auth_uri))


def test_right_password_loads_and_queries(neo4j_auth_uri: str) -> None:
    settings = Neo4jSettings(uri=neo4j_auth_uri, password=AUTH_TEST_PASSWORD)
    stats = load_graph(sample_graph(), settings)
    assert stats.relationships == 47
    rows = run_query("official_meetings", {"name": "方志成"}, settings)[1]
    assert [r["meeting"] for r in rows] == ["区委常委会会议"]


def test_unreachable_fails_fast() -> None:
    port = free_port()
    t0 = time.monotonic()
    with pytest.raises(Neo4jError) as err:
        connect(Neo4jSettings(uri=f"bolt://127.0.0.1:{port}"))
    assert str(err.value) == (f"cannot reach Neo4j at bolt://127.0.0.1:{port}: "
                              "[Errno 111] Connection refused (is it running?)")
    assert time.monotonic() - t0 < 10


def test_unknown_database(neo4j_uri: str) -> None:
    with pytest.raises(Neo4jError) as err:
        connect(Neo4jSettings.from_env(uri=neo4j_uri, database="nosuchdb"))
    assert str(err.value) == f"Neo4j at {neo4j_uri} has no database 'nosuchdb'"


def test_bad_uri() -> None:
    with pytest.raises(Neo4jError, match="bad Neo4j URI 'http://127.0.0.1:7474': use bolt://"):
        connect(Neo4jSettings(uri="http://127.0.0.1:7474"))


def test_cli_prints_one_line_and_traceback_only_with_verbose(neo4j_auth_uri: str, tmp_path: object) -> None:
    runner = CliRunner()
    path = f"{tmp_path}/g.json"
    sample_graph().to_json(path)
    args = ["load", path, "--uri", neo4j_auth_uri, "--password", "wrong"]
    result = runner.invoke(main, args, env={"NEO4J_PASSWORD": ""})
    assert result.exit_code == 1
    assert result.output == f"Error: Neo4j at {neo4j_auth_uri} refused the credentials for user 'neo4j'\n"
    verbose = runner.invoke(main, ["--verbose", *args])
    assert isinstance(verbose.exception, Neo4jError)
    port = free_port()
    down = runner.invoke(main, ["query", "official_meetings", "-p", "name=x", "--uri", f"bolt://127.0.0.1:{port}"])
    assert down.exit_code == 1 and down.output.count("\n") == 1 and "cannot reach Neo4j" in down.output
