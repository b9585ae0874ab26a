"""Automatic backups: one SQLite copy per day the data is written (online backup API, the
last 7 kept, mode 0600, in ``backups/``), and putting one back in place of a damaged file."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

from core.files import fsync_folder
from core.store.db import DB_NAME, note_commit
from core.store.migrations import latest
from core.store.safety import (
    FILE_MODE,
    InvalidRequest,
    check_sqlite_file,
    copy_database,
    ensure_private_dir,
)

KEEP = 7
BACKUP_DIR = "backups"
_DAILY = re.compile(r"^runner-legs-(\d{4}-\d{2}-\d{2})\.sqlite3$")
_STALE_TMP_SECONDS = 600


def backups_dir(data_dir: Path) -> Path:
    return data_dir / BACKUP_DIR


def daily_name(day: date) -> str:
    return f"runner-legs-{day.isoformat()}.sqlite3"


def automatic_backups(data_dir: Path) -> list[Path]:
    """The daily automatic backups, newest first."""
    folder = backups_dir(data_dir)
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if _DAILY.match(p.name)]
    return sorted(found, key=lambda p: p.name, reverse=True)


def daily_backup(source: sqlite3.Connection, data_dir: Path, today: date) -> Path | None:
    """Copy the database once for ``today`` (None when today's copy already exists)."""
    folder = backups_dir(data_dir)
    ensure_private_dir(folder)
    out = folder / daily_name(today)
    if out.exists():
        return None
    _remove_stale_temps(folder)
    copy_database(source, out)
    return out


def rotate(data_dir: Path, keep: int = KEEP) -> None:
    """Keep only the newest ``keep`` daily copies."""
    for old in automatic_backups(data_dir)[keep:]:
        with contextlib.suppress(OSError):
            old.unlink()


def _remove_stale_temps(folder: Path) -> None:
    """Temp files left by a process killed mid-copy (old enough that no one is writing)."""
    now = time.time()
    for p in folder.glob(".*.tmp"):
        with contextlib.suppress(OSError):
            if now - p.stat().st_mtime > _STALE_TMP_SECONDS:
                p.unlink()


def _schema_problem(path: Path) -> str | None:
    """Why ``path`` is not a Runner Legs database this version can open (None when it is)."""
    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    finally:
        conn.close()
    if not 1 <= version <= latest() or "profile" not in tables:
        return f"it is not a Runner Legs database this version knows (schema {version})"
    return None


def restore_automatic_backup(data_dir: Path, backup: Path) -> Path:
    """Put ``backup`` in place of the database; the old file is renamed aside with a
    timestamp (never deleted) and that new path is returned.

    InvalidRequest when the backup is not a sound SQLite file of this app, or any value in it
    fails the checks of a JSON restore (nothing is touched then).
    """
    backup = Path(backup)
    if not backup.is_file():
        raise InvalidRequest(f"backup file not found: {backup}")
    problem = check_sqlite_file(backup) or _schema_problem(backup)
    if problem:
        raise InvalidRequest(f"the backup {backup} cannot be used: {problem}")
    from core.store.backup import check_database_file

    check_database_file(backup)  # every value, as for a JSON restore
    ensure_private_dir(data_dir)
    path = data_dir / DB_NAME
    aside = _aside_name(data_dir)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{DB_NAME}.", suffix=".tmp", dir=data_dir)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        shutil.copyfile(backup, tmp)
        _carry_machine_settings(path, tmp)
        with tmp.open("rb+") as fh:
            os.fsync(fh.fileno())
        os.chmod(tmp, FILE_MODE)
        if path.exists():
            try:  # the old file stays in place until the backup replaces it atomically
                os.link(path, aside)
            except OSError:
                os.replace(path, aside)
        _move_side_files(path, aside)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_folder(data_dir)
    note_commit()
    return aside


def _carry_machine_settings(current: Path, restored: Path) -> None:
    """Settings that name files on this machine (``backup.MACHINE_SETTINGS``, the calendar
    feed) keep their current values in the restored file, as a JSON restore keeps them. A
    current file that cannot be read (a damaged one being replaced) gives nothing to keep."""
    from core.store.backup import MACHINE_SETTINGS

    keys = sorted(MACHINE_SETTINGS)
    marks = ",".join("?" * len(keys))
    try:
        with contextlib.closing(sqlite3.connect(f"file:{current}?mode=ro", uri=True)) as src:
            rows = src.execute(f"SELECT key, value FROM setting WHERE key IN ({marks})",
                               keys).fetchall()
    except sqlite3.Error:
        return
    with contextlib.closing(sqlite3.connect(restored)) as dst, dst:
        dst.execute(f"DELETE FROM setting WHERE key IN ({marks})", keys)
        dst.executemany("INSERT INTO setting (key, value) VALUES (?, ?)", rows)


def set_aside(data_dir: Path) -> Path:
    """Rename the database (and its -wal/-shm files) aside with a timestamp, so a fresh one
    can be made (restoring a JSON backup over a damaged file); returns the new name."""
    path = data_dir / DB_NAME
    aside = _aside_name(data_dir)
    os.replace(path, aside)
    _move_side_files(path, aside)
    fsync_folder(data_dir)
    return aside


def _aside_name(data_dir: Path) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = data_dir / f"{DB_NAME}.aside-{stamp}"
    n = 1
    while aside.exists():
        n += 1
        aside = data_dir / f"{DB_NAME}.aside-{stamp}-{n}"
    return aside


def _move_side_files(path: Path, aside: Path) -> None:
    """A -wal file belongs to its database: it must never be replayed into another one."""
    for suffix in ("-wal", "-shm", "-journal"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            os.replace(side, aside.with_name(aside.name + suffix))
