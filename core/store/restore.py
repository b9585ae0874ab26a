"""Putting a backup in place of the saved data, without ever losing what is there.

An SQLite backup is read through SQLite's backup API into a scratch copy inside the data
folder (so its WAL content counts and the file itself is never changed), migrated there and
checked value by value like a JSON backup; nothing else of it (views, triggers, foreign
tables) is kept. The checked values are then written into the live database in one
transaction, or, when the live file is damaged, into a fresh file that replaces it only once
it is complete and verified; the damaged file is kept beside it, never deleted.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import peewee

from core.files import fsync_folder, read_head
from core.store.autobackup import aside_name, backups_dir, move_side_files
from core.store.backup import MACHINE_SETTINGS, apply_backup, dump
from core.store.backup_check import BackupData, BadBackup, parse_backup
from core.store.change import Change
from core.store.db import DB_NAME, note_commit, open_database
from core.store.migrations import latest, migrate_database
from core.store.repository import Repository, open_repository
from core.store.safety import (
    FILE_MODE,
    SQLITE_MAGIC,
    DamagedDatabase,
    DataUnavailable,
    InvalidRequest,
    MigrationFailed,
    StoreError,
    check_sqlite_file,
    ensure_private_dir,
    is_unavailable,
    sqlite_failure,
)
from core.store.tables import bind_tables
from core.store.temps import remove_stale_temps, scratch_dir, temp_database

__all__ = ["Restored", "read_sqlite_backup", "remove_stale_temps", "replace_saved_data",
           "restore_automatic_backup"]



@dataclass(frozen=True)
class Restored:
    """What a restore did: the change, and where the previous database was kept (if it was
    set aside or copied)."""

    change: Change
    kept: Path | None
    was_damaged: bool


# -- reading an SQLite backup -------------------------------------------------------------

def read_sqlite_backup(data_dir: Path, backup: Path) -> BackupData:
    """The checked values of an SQLite backup (InvalidRequest naming the problem; nothing
    in the data folder is changed and the backup file is only read)."""
    backup = Path(backup)
    try:
        if read_head(backup, len(SQLITE_MAGIC)) != SQLITE_MAGIC:
            raise InvalidRequest(f"the backup {backup} cannot be used: it is not an SQLite "
                                 "database")
    except FileNotFoundError:
        raise InvalidRequest(f"backup file not found: {backup}") from None
    except OSError as exc:
        raise InvalidRequest(f"cannot read backup file {backup}: {exc.strerror or exc}") from None
    problem = check_sqlite_file(backup)
    if problem:
        raise InvalidRequest(f"the backup {backup} cannot be used: {problem}")
    ensure_private_dir(data_dir)
    try:
        with scratch_dir(data_dir) as scratch:
            _copy_through_sqlite(backup, scratch / DB_NAME)
            return _checked_values(backup, scratch)
    except OSError as exc:
        raise DataUnavailable(f"cannot read the backup {backup} into {data_dir}: "
                         f"{exc.strerror or exc}; nothing was changed") from None


def _copy_through_sqlite(backup: Path, out: Path) -> None:
    """The backup's content as SQLite sees it (WAL included) into ``out``."""
    try:
        source = sqlite3.connect(backup.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            target = sqlite3.connect(out)
            try:
                source.backup(target)
            finally:
                target.close()
        finally:
            source.close()
    except sqlite3.DatabaseError as exc:
        if is_unavailable(str(exc)):
            raise DataUnavailable(f"cannot read the backup {backup} into {out.parent.parent}: "
                                  f"{sqlite_failure(str(exc))}; nothing was changed") from None
        raise InvalidRequest(f"the backup {backup} cannot be used: SQLite says: {exc}") from None


class BadBackupValue(InvalidRequest):
    """A backup whose data reads but holds a value that cannot be restored; ``detail`` names
    the value and the problem ("checkins[3].sleep_hours must be 0–24")."""

    def __init__(self, text: str, detail: str) -> None:
        super().__init__(text)
        self.detail = detail


def _checked_values(backup: Path, scratch: Path) -> BackupData:
    problem = _schema_problem(scratch / DB_NAME)
    if problem:
        raise InvalidRequest(f"the backup {backup} cannot be used: {problem}")
    repo = Repository(scratch, today=lambda: date.min)  # read only, never written
    try:
        with repo.database.reading() as t:
            data = None if t is None else dump(t)
        return parse_backup(json.loads(json.dumps(data)))
    except BadBackup as exc:
        detail = f"{exc.where} {exc.problem}"
        raise BadBackupValue(f"the backup {backup} cannot be used, nothing changed: {detail}",
                             detail) from None
    except DamagedDatabase as exc:
        raise InvalidRequest(f"the backup {backup} cannot be used, nothing changed: "
                             f"{exc.reason}") from None
    except DataUnavailable:
        raise
    except (StoreError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise InvalidRequest(f"the backup {backup} cannot be used, nothing changed: its "
                             f"data cannot be read ({exc})") from None
    finally:
        repo.close()


def _schema_problem(path: Path) -> str | None:
    """Why the scratch copy ``path`` is not a Runner Legs database this version can read
    (None when it is). Its views and triggers are dropped first: only the values are kept,
    and nothing a foreign file carries may act on them while they are read."""
    conn = sqlite3.connect(path)
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        extras = conn.execute("SELECT type, name FROM sqlite_master "
                              "WHERE type IN ('trigger', 'view')").fetchall()
        with conn:
            for kind, name in extras:
                quoted = '"' + str(name).replace('"', '""') + '"'
                conn.execute(f"DROP {kind.upper()} IF EXISTS {quoted}")
    finally:
        conn.close()
    if not 1 <= version <= latest() or "profile" not in tables:
        return f"it is not a Runner Legs database this version knows (schema {version})"
    return None


# -- putting the values in place ----------------------------------------------------------

def replace_saved_data(data_dir: Path, data: BackupData, *, keep_copy: bool,
                       today: Callable[[], date]) -> Restored:
    """Replace the saved data with ``data`` (already checked).

    A sound database is rewritten in one transaction (``keep_copy``: a copy of it is made
    first, through SQLite, into ``runner-legs.sqlite3.aside-<time>``). A damaged one is
    replaced by a fresh file built and verified beside it, and kept as the aside file. On any
    failure (a full disk, an I/O error) the live database is exactly as it was.
    """
    data_dir = Path(data_dir)
    try:
        repo = open_repository(data_dir, today=today)
        repo.verify()
    except DamagedDatabase:
        return Restored(_summary(data), _rebuild(data_dir, data), was_damaged=True)
    try:
        kept = None
        if keep_copy and repo.path.exists():
            kept = aside_name(data_dir)
            try:
                repo.copy_to(kept)
            except OSError as exc:
                raise DataUnavailable(f"cannot keep a copy of the database in {data_dir}: "
                                 f"{exc.strerror or exc}; nothing was changed") from None
        change = repo.restore_data(data)
    finally:
        repo.close()
    return Restored(change, kept, was_damaged=False)


def _summary(data: BackupData) -> Change:
    return Change(profile=True, plan=True, everything=True,
                  summary=f"Restored {len(data.checkins)} check-ins and "
                          f"{len(data.outcomes)} sessions from the backup")


def _rebuild(data_dir: Path, data: BackupData) -> Path:
    """Build a fresh database from ``data`` beside the damaged one, verify it, then swap it
    in; returns where the damaged file was kept."""
    path = data_dir / DB_NAME
    try:
        with temp_database(data_dir) as tmp:
            _build(tmp, data, backups_dir(data_dir))
            _carry_machine_settings(path, tmp)
            problem = check_sqlite_file(tmp)
            if problem:
                raise StoreError(f"the restored database could not be verified ({problem}); "
                                 "nothing was changed")
            with tmp.open("rb+") as fh:
                os.fsync(fh.fileno())
            os.chmod(tmp, FILE_MODE)
            aside = aside_name(data_dir)
            try:  # the damaged file stays in place until the new one replaces it atomically
                os.link(path, aside)
            except OSError:
                shutil.copy2(path, aside)
            move_side_files(path, aside)
            os.replace(tmp, path)
    except OSError as exc:
        raise DataUnavailable(f"cannot write the restored database in {data_dir}: "
                         f"{exc.strerror or exc}; the damaged file was left as it was") from None
    fsync_folder(data_dir)
    note_commit()
    return aside


def _carry_machine_settings(current: Path, restored: Path) -> None:
    """Settings that name files on this machine (``backup.MACHINE_SETTINGS``, the calendar
    feed) keep their current values, as an in-place restore keeps them; a damaged file that
    cannot be read gives nothing to keep."""
    keys = sorted(MACHINE_SETTINGS)
    marks = ",".join("?" * len(keys))
    try:
        uri = current.resolve().as_uri() + "?mode=ro"
        with contextlib.closing(sqlite3.connect(uri, uri=True)) as src:
            rows = src.execute(f"SELECT key, value FROM setting WHERE key IN ({marks})",
                               keys).fetchall()
    except (sqlite3.Error, OSError):
        return
    with contextlib.closing(sqlite3.connect(restored)) as dst, dst:
        dst.execute(f"DELETE FROM setting WHERE key IN ({marks})", keys)
        dst.executemany("INSERT INTO setting (key, value) VALUES (?, ?)", rows)


def _build(out: Path, data: BackupData, backups: Path) -> None:
    database = open_database(out)
    try:
        migrate_database(database, out, backups)
        t = bind_tables(database)
        with database.atomic("IMMEDIATE"):
            apply_backup(t, data)
        database.execute_sql("PRAGMA journal_mode = DELETE")
    except (sqlite3.Error, peewee.PeeweeException, MigrationFailed) as exc:
        cause = exc.__cause__ if isinstance(exc, MigrationFailed) else exc
        raise OSError(sqlite_failure(str(cause))) from None
    finally:
        database.close()


def restore_automatic_backup(data_dir: Path, backup: Path,
                             today: Callable[[], date]) -> Path | None:
    """Put the SQLite ``backup`` in place of the database; returns where the previous file
    was kept (None when there was none). InvalidRequest when the backup is not a sound
    Runner Legs file or any value in it fails the checks of a JSON restore (nothing is
    touched then)."""
    data = read_sqlite_backup(Path(data_dir), Path(backup))
    return replace_saved_data(Path(data_dir), data, keep_copy=True, today=today).kept
