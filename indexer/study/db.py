"""The learner's study state in SQLite: versioned schema, WAL, transactions, and clear errors.

The database lives in the user's data directory unless PATTERN_GUIDE_STUDY_DB names a file. Two app
tabs or a tab and a terminal may write at once: WAL mode and short IMMEDIATE transactions keep
every review. A file that is not ours is refused with its name, never reset.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from ..errors import IndexerError

APPLICATION_ID = 0x50475344  # "PGSD"
MIGRATIONS = [
    """
    CREATE TABLE card_state (
        card_id TEXT PRIMARY KEY,
        fsrs TEXT NOT NULL,
        due TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX card_state_due ON card_state (due);
    CREATE TABLE review (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        card_id TEXT NOT NULL,
        pattern TEXT NOT NULL,
        category TEXT NOT NULL,
        rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
        reviewed_at TEXT NOT NULL,
        duration_ms INTEGER,
        covered INTEGER,
        key_points INTEGER
    );
    CREATE INDEX review_card ON review (card_id);
    CREATE INDEX review_time ON review (reviewed_at);
    """,
]


class StudyDatabaseError(IndexerError):
    """The study database cannot be used as it is; the message names the file."""


def default_path() -> Path:
    """PATTERN_GUIDE_STUDY_DB, else $XDG_DATA_HOME (or ~/.local/share)/pattern-guide/study.sqlite3."""
    if explicit := os.environ.get("PATTERN_GUIDE_STUDY_DB"):
        return Path(explicit).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "pattern-guide" / "study.sqlite3"


def now() -> datetime:
    return datetime.now(UTC)


class StudyDB:
    """One connection per instance; every write is its own short transaction."""

    def __init__(self, path: Path | None = None):
        self.path = Path(path or default_path())
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._check_file()
        try:
            self.conn = sqlite3.connect(self.path, timeout=10, isolation_level=None, check_same_thread=False)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA busy_timeout = 10000")
            self._check_schema()
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA foreign_keys = ON")
            self._migrate()
        except sqlite3.DatabaseError as e:
            raise StudyDatabaseError(
                f"{self.path}: not a usable study database ({e}). "
                "Move it aside or set PATTERN_GUIDE_STUDY_DB."
            ) from None

    def _check_file(self) -> None:
        if not self.path.exists() or self.path.stat().st_size == 0:
            return
        with open(self.path, "rb") as f:
            header = f.read(100)
        if not header.startswith(b"SQLite format 3\x00"):
            raise StudyDatabaseError(
                f"{self.path}: not an SQLite file (corrupt or foreign). It was left untouched; "
                "move it aside or set PATTERN_GUIDE_STUDY_DB to another file."
            )
        app_id = int.from_bytes(header[68:72], "big")
        if app_id not in (0, APPLICATION_ID):
            raise StudyDatabaseError(
                f"{self.path}: an SQLite database of another application (id {app_id:#x}); it was left "
                "untouched. Set PATTERN_GUIDE_STUDY_DB to another file."
            )

    def _check_schema(self) -> None:
        """Refuse, before writing anything, a database that is someone else's or from the future."""
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        app_id = self.conn.execute("PRAGMA application_id").fetchone()[0]
        tables = self.conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
        if app_id == 0 and tables:
            raise StudyDatabaseError(
                f"{self.path}: an SQLite database with tables but not a study database; left untouched."
            )
        if version > len(MIGRATIONS):
            raise StudyDatabaseError(
                f"{self.path}: schema version {version} is newer than this program ({len(MIGRATIONS)}); "
                "upgrade the guide."
            )

    def _migrate(self) -> None:
        with self.transaction():
            version = self.conn.execute("PRAGMA user_version").fetchone()[0]
            for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
                for statement in filter(str.strip, script.split(";")):
                    self.conn.execute(statement)
                self.conn.execute(f"PRAGMA user_version = {number}")
            self.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT: writers queue on the lock instead of failing."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def close(self) -> None:
        self.conn.close()
