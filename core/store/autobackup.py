"""Automatic backups: one SQLite copy per day the data is written (online backup API, the
last 7 kept but never the last readable one, mode 0600, in ``backups/``), and the names
a replaced database is kept under."""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import time
from datetime import date, datetime
from pathlib import Path

from core.store.db import DB_NAME
from core.store.safety import (
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


def readable_backups(data_dir: Path) -> list[Path]:
    """The automatic backups that SQLite can read (header and ``quick_check``), newest
    first: the ones worth offering in place of a damaged database."""
    return [p for p in automatic_backups(data_dir) if check_sqlite_file(p) is None]


def rotate(data_dir: Path, keep: int = KEEP) -> None:
    """Keep only the newest ``keep`` daily copies, and never the last readable one out:
    when none of those is readable, the newest readable older copy stays too."""
    found = automatic_backups(data_dir)
    if len(found) <= keep:
        return
    spare = next((p for p in found if _readable(p)), None)
    for old in found[keep:]:
        if old != spare:
            with contextlib.suppress(OSError):
                old.unlink()


def _readable(path: Path) -> bool:
    try:
        return check_sqlite_file(path) is None
    except OSError:
        return False


def _remove_stale_temps(folder: Path) -> None:
    """Temp files left by a process killed mid-copy (old enough that no one is writing)."""
    now = time.time()
    for p in folder.glob(".*.tmp"):
        with contextlib.suppress(OSError):
            if now - p.stat().st_mtime > _STALE_TMP_SECONDS:
                p.unlink()


def aside_name(data_dir: Path) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = data_dir / f"{DB_NAME}.aside-{stamp}"
    n = 1
    while aside.exists():
        n += 1
        aside = data_dir / f"{DB_NAME}.aside-{stamp}-{n}"
    return aside


def move_side_files(path: Path, aside: Path) -> None:
    """A -wal file belongs to its database: it must never be replayed into another one."""
    for suffix in ("-wal", "-shm", "-journal"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            os.replace(side, aside.with_name(aside.name + suffix))
