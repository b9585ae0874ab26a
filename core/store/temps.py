"""Temp files and scratch folders of a restore, kept in the data folder and leased to their
process (an exclusive ``flock``), so one a killed process left behind is found and removed at
the next start while one a running restore uses is left alone."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from core.store.db import DB_NAME

SCRATCH_PREFIX = ".runner-legs-check-"
TEMP_PREFIX = f".{DB_NAME}."
TEMP_SUFFIX = ".tmp"
_TEMP_SIDES = tuple(TEMP_SUFFIX + side for side in ("-journal", "-wal", "-shm"))
_OLD_SCRATCH_SECONDS = 600


def _lock(fd: int) -> bool:
    """Hold an exclusive lease on ``fd`` (True), or False when another process holds it."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not Linux or macOS
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


@contextmanager
def scratch_dir(data_dir: Path) -> Iterator[Path]:
    """A private scratch folder in the data folder, leased to this process, removed after."""
    folder = Path(tempfile.mkdtemp(prefix=SCRATCH_PREFIX, dir=data_dir))
    fd = os.open(folder, os.O_RDONLY)
    try:
        _lock(fd)
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        os.close(fd)


@contextmanager
def temp_database(data_dir: Path) -> Iterator[Path]:
    """A temp file beside the database, leased to this process; removed unless moved."""
    fd, name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=data_dir)
    path = Path(name)
    try:
        _lock(fd)
        yield path
    finally:
        os.close(fd)
        _unlink_with_sides(path)


def _unlink_with_sides(path: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        with contextlib.suppress(OSError):
            path.with_name(path.name + suffix).unlink()


def remove_stale_temps(data_dir: Path) -> None:
    """Remove what a killed restore left: scratch folders and temp databases in the data
    folder whose process is gone (its lease is free), and the scratch folders older versions
    left in the system's temp folder."""
    with contextlib.suppress(OSError):
        for p in data_dir.iterdir():
            name = p.name
            if name.startswith(SCRATCH_PREFIX) or (name.startswith(TEMP_PREFIX)
                                                   and name.endswith(TEMP_SUFFIX)):
                _remove_if_free(p)
            elif name.startswith(TEMP_PREFIX) and name.endswith(_TEMP_SIDES):
                base = p.with_name(name.rsplit(TEMP_SUFFIX, 1)[0] + TEMP_SUFFIX)
                if not base.exists():  # SQLite's journal of a temp file already gone
                    with contextlib.suppress(OSError):
                        p.unlink()
    now = time.time()
    with contextlib.suppress(OSError):
        for p in Path(tempfile.gettempdir()).glob("runner-legs-check-*"):
            with contextlib.suppress(OSError):
                st = p.lstat()
                if (p.is_dir() and not p.is_symlink() and st.st_uid == os.getuid()
                        and now - st.st_mtime > _OLD_SCRATCH_SECONDS):
                    shutil.rmtree(p, ignore_errors=True)


def _remove_if_free(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
        try:
            if not _lock(fd):
                return  # a restore is running in another process
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                _unlink_with_sides(path)
        finally:
            os.close(fd)
