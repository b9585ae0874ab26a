"""The repository's one database file, and its connection's life: open lazily (a read never
creates the file), check the file for damage, migrate, take the day's automatic backup before
the first write, and run each write as one IMMEDIATE transaction. The parts of the repository
(``core.store.repository_plan`` and its siblings) each hold the same :class:`Database` and
read or write only through :meth:`Database.reading` and :meth:`Database.writing`."""

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

from core.store.autobackup import (
    automatic_backups,
    backups_dir,
    daily_backup,
    readable_backups,
    rotate,
)
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
    DataUnavailable,
    StoredDataError,
    StoreError,
    create_private_file,
    ensure_private_dir,
    header_problem,
    is_unavailable,
    make_private,
    sqlite_failure,
    tighten_dir,
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


class Database:
    """The database file in ``data_dir`` and this process's connection to it, shared by the
    repository's parts: each reads in :meth:`reading` and writes in :meth:`writing`."""

    def __init__(self, data_dir: Path, *, today: Callable[[], date]) -> None:
        self.data_dir = Path(data_dir)
        self.today = today  # the composition root's one today; the store reads no clock
        self.path = self.data_dir / DB_NAME
        self._db = open_database(self.path)
        self._t: Tables = bind_tables(self._db)
        self._ready = False
        self._writes = 0
        self._backup_day: date | None = None
        # (day, data_version) of the last full check that passed: the day's first write
        # need not check the file again when nothing was committed since (the window checks
        # it at start, and the first tick would otherwise check it twice).
        self._verified: tuple[date, int] | None = None

    # -- life ---------------------------------------------------------------------------

    def close(self) -> None:
        """Close this thread's connection (the repository reopens on next use)."""
        if not self._db.is_closed():
            self._db.close()

    def open(self, *, create: bool) -> bool:
        """Connect, check and migrate; False when there is no file and ``create`` is False."""
        if self._ready:
            return True
        fresh = not self.path.exists() or self._empty_without_backups()
        if fresh:
            if not create:
                return False
            try:
                ensure_private_dir(self.data_dir)
                create_private_file(self.path)
            except OSError as exc:
                raise DataUnavailable(f"cannot create the database in {self.data_dir}: "
                                      f"{exc.strerror or exc}; nothing was changed") from None
        else:
            make_private(self.path)
        self._check_file(fresh=fresh)
        with self.errors():
            found = user_version(self._db)
            if found == 0 and self._db.get_tables():
                self.close()
                raise StoreError(f"{self.path} holds another program's tables, not Runner "
                                 "Legs data; it was left as it is")
            if 0 < found < latest():
                self._quick_check()  # never upgrade a damaged file
            migrate_database(self._db, self.path, backups_dir(self.data_dir))
            set_wal(self._db)
        for folder in (self.data_dir, backups_dir(self.data_dir)):
            tighten_dir(folder)
        self._ready = True
        return True

    def _empty_without_backups(self) -> bool:
        """A zero-byte file with no automatic backup beside it holds nothing to lose: it is
        a new database. With a backup it is damage (the backup is offered)."""
        try:
            return self.path.stat().st_size == 0 and not automatic_backups(
                self.data_dir)
        except OSError:
            return False

    def _check_file(self, *, fresh: bool = False) -> None:
        """Raise DamagedDatabase (touching nothing) when the file is plainly not a database.

        This is cheap (the header and the schema); the full ``PRAGMA quick_check`` runs before
        the first write of each day (see :meth:`check`), and a damaged page met while reading
        raises DamagedDatabase too.
        """
        try:
            problem = None if fresh else header_problem(self.path)
        except OSError as exc:
            raise DataUnavailable(f"cannot read the database {self.path}: "
                                  f"{exc.strerror or exc}; it was left as it is") from None
        if problem is None:
            try:
                row = self._db.execute_sql(
                    "SELECT type, name FROM sqlite_master WHERE type IN ('view', 'trigger') "
                    "LIMIT 1").fetchone()
            except _DB_ERRORS as exc:
                self._raise_unavailable(str(exc))
                problem = f"SQLite says: {exc}"
            else:
                if row is not None:  # never made by this app: it could rewrite every write
                    problem = f"it holds a {row[0]} Runner Legs did not make ({row[1]})"
        self._raise_damaged(problem)

    def check(self) -> None:
        """Run ``PRAGMA quick_check`` (DamagedDatabase when it fails); nothing is written."""
        if self.open(create=False):
            self._quick_check()

    def verify(self) -> None:
        """``quick_check`` and every stored value read back and checked as a JSON restore
        checks it (DamagedDatabase naming the first bad one); nothing is written."""
        if self.open(create=False):
            self._quick_check()
            self._check_values()
            self._verified = (self.today(), self.data_version())

    def _check_values(self) -> None:
        """StoredDataError (damage, through ``errors``) for the first stored value of the
        wrong type or range (see core.store.integrity)."""
        from core.store.integrity import check_stored_values

        with self.errors():
            check_stored_values(self._db)

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
                                  readable_backups(self.data_dir))

    def _raise_unavailable(self, text: str) -> None:
        """DataUnavailable when SQLite's failure is a full disk, a read-only folder, an I/O
        error or a permission: said as it is, with nothing destructive suggested."""
        if is_unavailable(text):
            self.close()
            plain = sqlite_failure(text)
            if not os.access(self.data_dir, os.W_OK):
                plain = (f"the folder {self.data_dir} is read-only (or you may not write "
                         "to it)")
            raise DataUnavailable(f"cannot use the database {self.path}: {plain}; nothing "
                                  "was changed")

    @contextmanager
    def errors(self) -> Iterator[None]:
        """SQLite failures become one-line StoreErrors (DamagedDatabase for a broken file)."""
        try:
            yield
        except StoredDataError as exc:  # undecodable or wrong-typed stored values: damage
            self.close()
            raise DamagedDatabase(self.path, str(exc),
                                  readable_backups(self.data_dir)) from None
        except _DB_ERRORS as exc:
            text = str(exc)
            if any(w in text.lower() for w in _DAMAGE_WORDS):
                self.close()
                raise DamagedDatabase(self.path, f"SQLite says: {text}",
                                      readable_backups(self.data_dir)) from exc
            self._raise_unavailable(text)
            if "locked" in text.lower() or "busy" in text.lower():
                raise StoreError(f"the database {self.path} is busy: another program kept it "
                                 "locked for too long; try again") from exc
            raise StoreError(f"the database {self.path} failed: {text}") from exc

    @contextmanager
    def reading(self) -> Iterator[Tables | None]:
        """The tables to read, or None when no database file exists yet."""
        if not self.open(create=False):
            yield None
            return
        with self.errors():
            yield self._t

    @contextmanager
    def writing(self) -> Iterator[Tables]:
        """One write transaction (BEGIN IMMEDIATE), after the day's automatic backup.

        When the write fails, nothing it did stays on disk: the transaction rolls back, the
        day's backup made for it is removed, and a database created for it is removed too.
        """
        new_dir = not self.data_dir.exists()
        new_file = not self.path.exists()
        self.open(create=True)
        made = self._first_write_today()
        try:
            with self.errors(), self._db.atomic("IMMEDIATE"):
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
            rotate(self.data_dir)

    def _remove_new_file(self, new_dir: bool) -> None:
        """Undo creating the database (and its folder) for a write that then failed."""
        self.close()
        self._ready = False
        for suffix in ("", "-wal", "-shm"):
            self.path.with_name(self.path.name + suffix).unlink(missing_ok=True)
        if new_dir:
            for folder in (backups_dir(self.data_dir), self.data_dir):
                with contextlib.suppress(OSError):
                    folder.rmdir()

    def connection(self) -> sqlite3.Connection:
        """This thread's sqlite3 connection (SQLite's backup API copies through it)."""
        conn: sqlite3.Connection = self._db.connection()
        return conn

    def _first_write_today(self) -> Path | None:
        """Before the day's first write: quick_check the file (a damaged one is never written
        to, nor copied over a good backup), then copy it into backups/ when it holds data.
        A full check (:meth:`verify`) made today, with no commit from anyone since, stands
        for the checks."""
        today = self.today()
        if self._backup_day == today:
            return None
        checked = self._verified == (today, self.data_version())  # and nothing written since
        if not checked:
            self._quick_check()
        made = None
        with self.errors():
            t = self._t
            if any(m.select().limit(1).exists() for m in (t.profile, t.checkin, t.outcome)):
                if not checked:
                    self._check_values()  # damage quick_check cannot see is never copied
                rotate(self.data_dir)  # one left over by a process killed mid-write
                try:
                    made = daily_backup(self.connection(), self.data_dir, today)
                except OSError as exc:
                    raise DataUnavailable(
                        f"cannot write the day's automatic backup in "
                        f"{backups_dir(self.data_dir)}: {exc.strerror or exc}; "
                        "nothing was changed") from None
        self._backup_day = today
        return made

    # -- polling ------------------------------------------------------------------------

    def data_version(self) -> int:
        """Changes whenever any process committed a write (cheap enough to poll)."""
        if not self.open(create=False):
            return self._writes
        with self.errors():
            return (data_version(self._db) << 32) + self._writes

    @staticmethod
    def only_ours_since(before: int, now: int) -> bool:
        """Between the ``data_version`` values ``before`` and ``now`` only this repository
        wrote (no other process committed)."""
        return before >> 32 == now >> 32
