"""The exceptions kg raises.  Everything derives from :class:`KgError`, so callers can catch one type."""

from __future__ import annotations


class KgError(Exception):
    """Root of every error kg raises on purpose."""


class InputError(KgError):
    """An input could not be read: missing file, bad encoding, malformed record.

    ``path`` and ``line`` name where, when known, so messages can point at the culprit.
    """

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        self.path = path
        self.line = line
        where = path or ""
        if path and line is not None:
            where = f"{path}:{line}"
        super().__init__(f"{where}: {message}" if where else message)
        self.reason = message


class LexiconError(KgError):
    """A lexicon file is missing or malformed."""


class GraphFormatError(KgError):
    """A serialized graph (JSON, GraphML) is not one kg can read."""


class Neo4jError(KgError):
    """Neo4j is unreachable, refused the credentials, or a query failed."""


class ViewError(KgError):
    """The HTML view could not be produced."""


class MissingDependencyError(KgError, ImportError):
    """An optional dependency is not installed (pandas for DataFrames); the message says what to install."""
