"""The SQLite connection: a deferred peewee database per repository, with the pragmas that
make acknowledged writes durable (WAL, synchronous=FULL) and let two processes share the file
(busy timeout).

``db`` is the module's deferred placeholder the row classes are declared against; it never
connects. Each :class:`~core.store.repository.Repository` gets its own ``SqliteDatabase(None)``
initialised with :func:`open_database`, so the desktop and a test (or the command line run
in-process) can hold two repositories at once without rebinding each other's tables.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from peewee import SqliteDatabase

DB_NAME = "runner-legs.sqlite3"
BUSY_TIMEOUT_MS = 10_000
# Per-connection settings, applied on every connect; none of them writes to the file.
# The journal mode (WAL) is stored in the file, so it is set once the file is known to be
# sound and of a schema this code understands (see set_wal).
PRAGMAS: dict[str, Any] = {
    "foreign_keys": 1,
    "busy_timeout": BUSY_TIMEOUT_MS,
    # FULL: a commit is on disk (WAL fsynced) before it returns, so an acknowledged write
    # survives a crash of the process and of the machine.
    "synchronous": "full",
}

db = SqliteDatabase(None)
_committed = 0  # writes this process committed, to any database (see committed_writes)


def note_commit() -> None:
    """Count a committed write (a transaction, or a database file put in place)."""
    global _committed
    _committed += 1


def committed_writes() -> int:
    """How many writes this process has committed; a face compares it before and after a
    command to know that its data changed (the command line then rewrites the calendar
    feed)."""
    return _committed


def open_database(path: Path) -> SqliteDatabase:
    """A deferred database initialised on ``path`` (connects lazily, on first use)."""
    database = SqliteDatabase(None)
    database.init(str(path), pragmas=PRAGMAS, timeout=BUSY_TIMEOUT_MS // 1000)
    return database


def user_version(database: SqliteDatabase) -> int:
    """The schema version stored in the file header (PRAGMA user_version)."""
    return int(database.execute_sql("PRAGMA user_version").fetchone()[0])


def set_user_version(database: SqliteDatabase, version: int) -> None:
    database.execute_sql(f"PRAGMA user_version = {int(version)}")


def data_version(database: SqliteDatabase) -> int:
    """PRAGMA data_version: changes when another connection commits to the file."""
    return int(database.execute_sql("PRAGMA data_version").fetchone()[0])


def set_wal(database: SqliteDatabase) -> None:
    """Put the file in WAL mode (readers and one writer at once; durable commits)."""
    database.execute_sql("PRAGMA journal_mode = wal")
