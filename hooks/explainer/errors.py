"""Errors raised by the core: each names the file, the line and what to do."""

from __future__ import annotations


class ExplainerError(Exception):
    """Base class of every error the core raises on bad input.

    ``str(error)`` is a complete, user-facing message of the form
    ``path:line: problem`` followed by a hint line; callers (the MkDocs hook, the
    command line) print it as is, never a traceback.
    """

    def __init__(self, path: str, line: int | None, problem: str, hint: str = "") -> None:
        self.path = path
        self.line = line
        self.problem = problem
        self.hint = hint
        where = f"{path}:{line}" if line else path
        message = f"{where}: {problem}"
        if hint:
            message += f"\n  {hint}"
        super().__init__(message)


class SeedError(ExplainerError):
    """A seed file cannot be read or parsed."""


class CatalogError(ExplainerError):
    """A PO catalog is malformed or does not belong to its article."""


class DataError(ExplainerError):
    """A data side file (glossary, key facts) is malformed or names something unknown."""
