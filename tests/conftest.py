"""Shared pytest fixtures.

Neo4j: tests marked ``@pytest.mark.neo4j`` use the ``neo4j_uri`` fixture.  It takes ``NEO4J_URI``
when set (plus ``NEO4J_USER``/``NEO4J_PASSWORD``); otherwise it starts the in-process test server
(``tools/neo4j-test-server/start.sh``, Bolt on 127.0.0.1:7688, auth off) once per session and stops
it at the end.  Under CI (``CI=true``) a server that cannot start fails the tests; it never skips them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_support import artifacts, browser_ctx  # noqa: F401  (one Chromium for every browser test module)

ROOT = Path(__file__).resolve().parent.parent
SERVER_DIR = ROOT / "tools" / "neo4j-test-server"
TEST_PORT = int(os.environ.get("NEO4J_TEST_PORT", "7688"))
AUTH_TEST_PORT = TEST_PORT + 1
AUTH_TEST_PASSWORD = "kg-test-password"


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def _unavailable(reason: str) -> None:
    """Fail under CI; skip elsewhere only when Java or Maven is missing altogether."""
    if _in_ci() or (shutil.which("java") and shutil.which(os.environ.get("MVN", "mvn"))):
        pytest.fail(f"Neo4j test server unavailable: {reason}", pytrace=False)
    pytest.skip(f"Neo4j test server unavailable: {reason}")


def wait_for_bolt(uri: str, auth: tuple[str, str] | None, timeout: float = 60.0) -> None:
    """Block until a Bolt server at ``uri`` answers ``RETURN 1`` (raises after ``timeout`` seconds)."""
    import neo4j

    deadline = time.monotonic() + timeout
    while True:
        try:
            with neo4j.GraphDatabase.driver(uri, auth=auth) as driver:
                driver.execute_query("RETURN 1")
            return
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


class TestServer:
    """One instance of tools/neo4j-test-server, started by start.sh and stopped by stop.sh."""

    __test__ = False  # not a test class

    def __init__(self, port: int, password: str | None = None) -> None:
        self.port = port
        self.password = password
        self.uri = f"bolt://127.0.0.1:{port}"
        self.env = {**os.environ, "NEO4J_TEST_PORT": str(port),
                    "NEO4J_TEST_AUTH": "true" if password else "false"}
        if password:
            self.env["NEO4J_TEST_PASSWORD"] = password
        self.started = False

    def start(self) -> str:
        proc = subprocess.run(["bash", str(SERVER_DIR / "start.sh")], env=self.env, capture_output=True,
                              text=True, timeout=1800)
        if proc.returncode != 0:
            _unavailable(f"start.sh exited {proc.returncode}:\n{proc.stderr[-3000:]}")
        self.started = "already running" not in proc.stderr  # reuse, and leave, a server started by hand
        wait_for_bolt(self.uri, ("neo4j", self.password) if self.password else None)
        return self.uri

    def stop(self) -> None:
        if self.started:
            subprocess.run(["bash", str(SERVER_DIR / "stop.sh")], env=self.env, capture_output=True,
                           timeout=120)


@pytest.fixture(scope="session")
def neo4j_uri() -> Iterator[str]:
    """Bolt URI of a Neo4j 5.26 server for integration tests (``NEO4J_URI`` or the test server)."""
    if os.environ.get("NEO4J_URI"):
        yield os.environ["NEO4J_URI"]
        return
    server = TestServer(TEST_PORT)
    yield server.start()
    server.stop()


@pytest.fixture(scope="session")
def neo4j_auth_uri() -> Iterator[str]:
    """A second test server with auth on (user neo4j, password :data:`AUTH_TEST_PASSWORD`)."""
    server = TestServer(AUTH_TEST_PORT, password=AUTH_TEST_PASSWORD)
    yield server.start()
    server.stop()


@pytest.fixture()
def neo4j_settings(neo4j_uri: str) -> Iterator[object]:
    """:class:`kg.neo4j.store.Neo4jSettings` for ``neo4j_uri``, with the database emptied first.

    The tests delete everything in that database: point ``NEO4J_URI`` at a throw-away one only.
    """
    from kg.neo4j.store import Neo4jSettings, connect

    settings = Neo4jSettings.from_env(uri=neo4j_uri)
    driver = connect(settings)
    try:
        driver.execute_query("MATCH (n) DETACH DELETE n", database_=settings.database)
    finally:
        driver.close()
    yield settings
