"""The kept state: SQLite databases in one folder beside the output (`.briefing-cache/`), never inside it
and never pickle, so that nothing read back from disk can run code. Rows are plain JSON text. A database
that is missing, damaged or locked for too long reads as empty, with a warning: the caller rebuilds from
nothing and writes it anew."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from ..errors import OutputError

FOLDER = ".briefing-cache"
SCHEMA = """
create table if not exists extractions (version text, sha256 text, data text, primary key (version, sha256));
create table if not exists seeds (file text primary key, size integer, mtime_ns integer, version text, data text);
create table if not exists pages (path text primary key, reads text);
create table if not exists reads (key text primary key, digest text);
create table if not exists facts (key text primary key, value text);
"""

log = logging.getLogger(__name__)


def state_folder(out: Path) -> Path:
    """Where the state of the output folder `out` is kept: beside it."""
    return out.resolve().parent / FOLDER


class Store:
    """One SQLite database of kept state, opened once. Every failure to read it is a warning and an empty
    answer."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.broken = False
        self._connection: sqlite3.Connection | None = None

    def _db(self) -> sqlite3.Connection:
        if self._connection is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._connection = sqlite3.connect(self.path, timeout=30)
            self._connection.executescript(SCHEMA)
        return self._connection

    def rows(self, query: str, *args: object) -> list[tuple]:
        if self.broken:
            return []
        try:
            return self._db().execute(query, args).fetchall()
        except sqlite3.Error as e:
            log.warning("kept state %s cannot be read (%s): rebuilding from nothing", self.path, e)
            self.broken = True
            return []

    def write(self, statements: list[tuple[str, Iterable[tuple]]]) -> None:
        """Run (statement, rows) pairs in one transaction; a damaged database is started afresh."""
        try:
            self._write(statements)
        except sqlite3.DatabaseError as e:
            if getattr(e, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL:
                raise OutputError(f"{self.path.parent}: no space left on the device for the kept state; free "
                                  "some and run again (the output is complete: the next run rebuilds it)") from None
            log.warning("kept state %s is damaged (%s): starting it afresh", self.path, e)
            self.close()
            self.path.unlink(missing_ok=True)
            self._write(statements)
        self.broken = False

    def _write(self, statements: list[tuple[str, Iterable[tuple]]]) -> None:
        with self._db() as db:  # one transaction: committed whole, or rolled back
            for statement, rows in statements:
                db.executemany(statement, rows)

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def fact(self, key: str) -> str | None:
        found = self.rows("select value from facts where key = ?", key)
        return found[0][0] if found else None
