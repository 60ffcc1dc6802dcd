"""Errors that name the file and line they are about."""

from __future__ import annotations


class IndexerError(Exception):
    """A failure the user can act on; the message says what to do."""


class PatternError(IndexerError):
    """A pattern file that cannot be read or parsed."""

    def __init__(self, path: str, line: int, message: str):
        super().__init__(f"{path}:{line}: {message}")
        self.path = path
        self.line = line
        self.message = message


class IndexStateError(IndexerError):
    """The index on disk is missing, stale, foreign or corrupt."""
