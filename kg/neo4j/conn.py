"""Connecting to Neo4j: settings from arguments or the environment, and short error messages.

Settings come from arguments or the environment (``NEO4J_URI``, ``NEO4J_USER``, ``NEO4J_PASSWORD``,
``NEO4J_DATABASE``); defaults are ``bolt://localhost:7687``, user ``neo4j``, no password and the
server's default database.  Without a password kg connects with no authentication (``auth=None``),
which suits a server with auth disabled such as the test server; a server with auth enabled then
answers "refused the credentials ... (no password given: set NEO4J_PASSWORD or --password)".

Every driver exception is turned into :class:`kg.errors.Neo4jError` with a one-line message:
unreachable server, refused credentials, unknown database, failed query.
"""

from __future__ import annotations

import os
import re
import weakref
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass

import neo4j
from neo4j import exceptions as neo4j_exc

from ..errors import Neo4jError

DEFAULT_URI = "bolt://localhost:7687"
DEFAULT_USER = "neo4j"
SCHEMES = ("bolt", "neo4j", "bolt+s", "bolt+ssc", "neo4j+s", "neo4j+ssc")

_CONNECTED: weakref.WeakKeyDictionary[neo4j.Driver, Neo4jSettings] = weakref.WeakKeyDictionary()


@dataclass(frozen=True)
class Neo4jSettings:
    """Where and how to connect.  ``password=None`` means no authentication."""

    uri: str = DEFAULT_URI
    user: str = DEFAULT_USER
    password: str | None = None
    database: str | None = None

    @classmethod
    def from_env(cls, uri: str | None = None, user: str | None = None, password: str | None = None,
                 database: str | None = None, env: Mapping[str, str] | None = None) -> Neo4jSettings:
        """Explicit values first, then ``NEO4J_URI``/``NEO4J_USER``/``NEO4J_PASSWORD``/``NEO4J_DATABASE``."""
        e = os.environ if env is None else env
        return cls(uri=uri or e.get("NEO4J_URI") or DEFAULT_URI,
                   user=user or e.get("NEO4J_USER") or DEFAULT_USER,
                   password=password if password is not None else (e.get("NEO4J_PASSWORD") or None),
                   database=database or e.get("NEO4J_DATABASE") or None)

    @property
    def auth(self) -> tuple[str, str] | None:
        return (self.user, self.password) if self.password else None


@contextmanager
def translate_errors(settings: Neo4jSettings) -> Iterator[None]:
    """Turn driver exceptions into :class:`kg.errors.Neo4jError` with a short message."""
    where = settings.uri
    try:
        yield
    except neo4j_exc.AuthError as exc:
        hint = " (no password given: set NEO4J_PASSWORD or --password)" if not settings.password else ""
        raise Neo4jError(f"Neo4j at {where} refused the credentials for user {settings.user!r}{hint}") \
            from exc
    except neo4j_exc.ServiceUnavailable as exc:
        raise Neo4jError(f"cannot reach Neo4j at {where}: {_reason(exc)} (is it running?)") from exc
    except neo4j_exc.ClientError as exc:
        if exc.code == "Neo.ClientError.Database.DatabaseNotFound":
            raise Neo4jError(f"Neo4j at {where} has no database {settings.database!r}") from exc
        raise Neo4jError(f"Neo4j query failed: {exc.message or exc.code}") from exc
    except neo4j_exc.Neo4jError as exc:
        raise Neo4jError(f"Neo4j error at {where}: {exc.message or exc.code}") from exc
    except (neo4j_exc.ConfigurationError, ValueError) as exc:
        if isinstance(exc, ValueError) and not isinstance(exc, neo4j_exc.ConfigurationError) \
                and "URI" not in str(exc) and "scheme" not in str(exc):
            raise
        raise Neo4jError(f"bad Neo4j URI {where!r}: {_first_line(exc)}") from exc
    except neo4j_exc.DriverError as exc:
        raise Neo4jError(f"Neo4j driver error at {where}: {_first_line(exc)}") from exc


def connect(settings: Neo4jSettings | None = None) -> neo4j.Driver:
    """Open a driver and check that the server answers and the database exists."""
    s = settings or Neo4jSettings.from_env()
    scheme = s.uri.partition("://")[0].lower() if "://" in s.uri else ""
    if scheme not in SCHEMES:
        raise Neo4jError(f"bad Neo4j URI {s.uri!r}: use bolt://HOST:PORT or neo4j://HOST:PORT "
                         "(bolt+s://, neo4j+s:// for TLS)")
    with translate_errors(s):
        # server notifications (e.g. "relationship type does not exist yet") would be logged to stderr
        driver = neo4j.GraphDatabase.driver(s.uri, auth=s.auth,
                                            notifications_min_severity=neo4j.NotificationMinimumSeverity.OFF)
        try:
            driver.verify_connectivity()  # fails fast, unlike execute_query which retries for 30s
            with driver.session(database=s.database) as session:
                session.run("RETURN 1").consume()
        except BaseException:
            driver.close()
            raise
    _CONNECTED[driver] = s
    return driver


@contextmanager
def driver_for(target: neo4j.Driver | Neo4jSettings | None) -> Iterator[tuple[neo4j.Driver, Neo4jSettings]]:
    if isinstance(target, neo4j.Driver):
        yield target, _CONNECTED.get(target) or Neo4jSettings(uri=_driver_uri(target))
        return
    settings = target or Neo4jSettings.from_env()
    driver = connect(settings)
    try:
        yield driver, settings
    finally:
        driver.close()


def settings_of(driver: neo4j.Driver, database: str | None = None) -> Neo4jSettings:
    """The settings a driver was opened with by :func:`connect` (URI only known for those)."""
    s = _CONNECTED.get(driver) or Neo4jSettings(uri=_driver_uri(driver))
    return Neo4jSettings(s.uri, s.user, s.password, database or s.database)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:200]


def _reason(exc: BaseException) -> str:
    """The useful part of a connection error: "[Errno 111] Connection refused", "timed out"."""
    text = " ".join(str(exc).split())
    m = re.search(r"\(reason (.*?)\)+$", text)
    if m:
        return m.group(1).strip()
    lines = [ln.strip() for ln in str(exc).splitlines() if ln.strip()]
    if len(lines) > 1:  # "Couldn't connect to ...:" then "Timed out trying to establish connection to ..."
        return re.sub(r"\s+to Resolved\w*Address\(.*$", "", lines[-1])
    return re.sub(r"\s*\(resolved to .*$", "", _first_line(exc)).strip() or "connection failed"


def _driver_uri(driver: neo4j.Driver) -> str:
    """The driver does not expose its URI: use the one :func:`connect` was given, if any."""
    settings = _CONNECTED.get(driver)
    return settings.uri if settings else "the Neo4j server"
