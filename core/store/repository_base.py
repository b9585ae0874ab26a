"""The repository's connection life: open lazily (a read never creates the file), check the
file for damage, migrate, take the day's automatic backup before the first write, and run
each write as one IMMEDIATE transaction."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import peewee

from core.store import autobackup
from core.store.db import (
    DB_NAME,
    data_version,
    note_commit,
    open_database,
    set_wal,
    user_version,
)
from core.store.migrations import latest, migrate_database
from core.store.safety import (
    DamagedDatabase,
    StoreError,
    create_private_file,
    ensure_private_dir,
    header_problem,
    make_private,
)
from core.store.tables import Tables, bind_tables

_DB_ERRORS = (peewee.DatabaseError, sqlite3.DatabaseError)  # fetches raise sqlite3's own
# Test-only: seconds to wait inside each write transaction, after its writes and before the
# commit, so the kill test (tests/cli/test_kill.py) can land SIGKILLs mid-transaction.
# Unset (always, outside that test) it does nothing.
TEST_WRITE_DELAY = "RUNNER_LEGS_TEST_WRITE_DELAY"
TEST_WRITE_MARK = "RUNNER_LEGS_TEST_WRITE_MARK"
_DAMAGE_WORDS = ("malformed", "not a database", "disk image", "corrupt")


def _test_write_delay() -> None:
    """Wait ``RUNNER_LEGS_TEST_WRITE_DELAY`` seconds when it is set (tests only), first
    touching the file ``RUNNER_LEGS_TEST_WRITE_MARK`` names, so a test knows the write
    transaction is open and can kill the process inside it."""
    delay = os.environ.get(TEST_WRITE_DELAY)
    if delay:
        mark = os.environ.get(TEST_WRITE_MARK)
        if mark:
            Path(mark).touch()
        time.sleep(float(delay))


class RepositoryBase:
    """Connection handling shared by the repository's parts."""

    def __init__(self, data_dir: Path, *, today: Callable[[], date]) -> None:
        self.data_dir = Path(data_dir)
        self.today = today  # the composition root's one today; the store reads no clock
        self.path = self.data_dir / DB_NAME
        self._db = open_database(self.path)
        self._t: Tables = bind_tables(self._db)
        self._ready = False
        self._writes = 0
        self._backup_day: date | None = None

    # -- life ---------------------------------------------------------------------------

    def close(self) -> None:
        """Close this thread's connection (the repository reopens on next use)."""
        if not self._db.is_closed():
            self._db.close()

    def _open(self, *, create: bool) -> bool:
        """Connect, check and migrate; False when there is no file and ``create`` is False."""
        if self._ready:
            return True
        if not self.path.exists():
            if not create:
                return False
            try:
                ensure_private_dir(self.data_dir)
                create_private_file(self.path)
            except OSError as exc:
                raise StoreError(f"cannot create the database in {self.data_dir}: "
                                 f"{exc.strerror or exc}") from None
        else:
            make_private(self.path)
        self._check_file()
        with self._errors():
            found = user_version(self._db)
            if found == 0 and self._db.get_tables():
                self.close()
                raise StoreError(f"{self.path} holds another program's tables, not Runner "
                                 "Legs data; it was left as it is")
            if 0 < found < latest():
                self._quick_check()  # never upgrade a damaged file
            migrate_database(self._db, self.path, autobackup.backups_dir(self.data_dir))
            set_wal(self._db)
        self._ready = True
        return True

    def _check_file(self) -> None:
        """Raise DamagedDatabase (touching nothing) when the file is plainly not a database.

        This is cheap (the header and the schema); the full ``PRAGMA quick_check`` runs before
        the first write of each day (see :meth:`check`), and a damaged page met while reading
        raises DamagedDatabase too.
        """
        problem = header_problem(self.path)
        if problem is None:
            try:
                self._db.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()
            except _DB_ERRORS as exc:
                problem = f"SQLite says: {exc}"
        self._raise_damaged(problem)

    def check(self) -> None:
        """Run ``PRAGMA quick_check`` (DamagedDatabase when it fails); nothing is written."""
        if self._open(create=False):
            self._quick_check()

    def _quick_check(self) -> None:
        try:
            rows = self._db.execute_sql("PRAGMA quick_check").fetchall()
            problem = (None if [r[0] for r in rows] == ["ok"] else
                       "quick_check found: " + "; ".join(str(r[0]) for r in rows[:3]))
        except _DB_ERRORS as exc:
            problem = f"SQLite says: {exc}"
        self._raise_damaged(problem)

    def _raise_damaged(self, problem: str | None) -> None:
        if problem is not None:
            self.close()
            raise DamagedDatabase(self.path, problem,
                                  autobackup.automatic_backups(self.data_dir))

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """SQLite failures become one-line StoreErrors (DamagedDatabase for a broken file)."""
        try:
            yield
        except _DB_ERRORS as exc:
            text = str(exc)
            if any(w in text.lower() for w in _DAMAGE_WORDS):
                self.close()
                raise DamagedDatabase(self.path, f"SQLite says: {text}",
                                      autobackup.automatic_backups(self.data_dir)) from exc
            if "locked" in text.lower() or "busy" in text.lower():
                raise StoreError(f"the database {self.path} is busy: another program kept it "
                                 "locked for too long; try again") from exc
            raise StoreError(f"the database {self.path} failed: {text}") from exc

    @contextmanager
    def _reading(self) -> Iterator[Tables | None]:
        """The tables to read, or None when no database file exists yet."""
        if not self._open(create=False):
            yield None
            return
        with self._errors():
            yield self._t

    @contextmanager
    def _writing(self) -> Iterator[Tables]:
        """One write transaction (BEGIN IMMEDIATE), after the day's automatic backup.

        When the write fails, nothing it did stays on disk: the transaction rolls back, the
        day's backup made for it is removed, and a database created for it is removed too.
        """
        new_dir = not self.data_dir.exists()
        new_file = not self.path.exists()
        self._open(create=True)
        made = self._first_write_today()
        try:
            with self._errors(), self._db.atomic("IMMEDIATE"):
                yield self._t
                _test_write_delay()
        except BaseException:
            if made is not None:
                made.unlink(missing_ok=True)
                self._backup_day = None
            if new_file:
                self._remove_new_file(new_dir)
            raise
        self._writes += 1
        note_commit()
        if made is not None:
            autobackup.rotate(self.data_dir)

    def _remove_new_file(self, new_dir: bool) -> None:
        """Undo creating the database (and its folder) for a write that then failed."""
        self.close()
        self._ready = False
        for suffix in ("", "-wal", "-shm"):
            self.path.with_name(self.path.name + suffix).unlink(missing_ok=True)
        if new_dir:
            for folder in (autobackup.backups_dir(self.data_dir), self.data_dir):
                with contextlib.suppress(OSError):
                    folder.rmdir()

    def _connection(self) -> sqlite3.Connection:
        conn: sqlite3.Connection = self._db.connection()
        return conn

    def _first_write_today(self) -> Path | None:
        """Before the day's first write: quick_check the file (a damaged one is never written
        to, nor copied over a good backup), then copy it into backups/ when it holds data."""
        today = self.today()
        if self._backup_day == today:
            return None
        self._quick_check()
        made = None
        with self._errors():
            t = self._t
            if any(m.select().limit(1).exists() for m in (t.profile, t.checkin, t.outcome)):
                autobackup.rotate(self.data_dir)  # one left over by a process killed mid-write
                made = autobackup.daily_backup(self._connection(), self.data_dir, today)
        self._backup_day = today
        return made

    # -- polling ------------------------------------------------------------------------

    def data_version(self) -> int:
        """Changes whenever any process committed a write (cheap enough to poll)."""
        if not self._open(create=False):
            return self._writes
        with self._errors():
            return (data_version(self._db) << 32) + self._writes
