"""Keeping the user's data safe on disk: private file modes, atomic writes, SQLite file
copies through the online backup API, and the errors that say what went wrong and where."""

from __future__ import annotations

import contextlib
import os
import shlex
import sqlite3
import stat
from pathlib import Path

from core.files import atomic_write, output_problem, refusal, replacing

SQLITE_MAGIC = b"SQLite format 3\x00"
DIR_MODE = 0o700
FILE_MODE = 0o600


class StoreError(Exception):
    """A failure of the saved data that is not the user's input; the message is one line."""


class StoredDataError(StoreError, ValueError):
    """A stored value this version cannot read (an edited or foreign file): not the user's
    input, so the command line exits 1, not 2."""


class InvalidRequest(ValueError):
    """What the caller asked for does not fit the saved data (no session that day, a day
    outside the plan, a move across weeks, an unusable backup file): the user's input, so
    the command line exits 2. Range errors are :class:`core.store.convert.InvalidValue`."""


class DamagedDatabase(StoreError):
    """The database file is damaged: not a database (zero bytes, zeroed, truncated, a wrong
    header), failing ``PRAGMA quick_check``, or holding stored values this version cannot
    read. It is left alone.

    ``backups`` lists the readable automatic backups, newest first.
    """

    def __init__(self, path: Path, reason: str, backups: list[Path]) -> None:
        self.path = path
        self.reason = reason
        self.backups = backups
        where = f"the database {path} is damaged ({reason}) and was left as it is"
        if backups:
            how = ("to put back the newest readable automatic backup run: runner-legs "
                   "--data-dir "
                   f"{shlex.quote(str(path.parent))} restore {shlex.quote(str(backups[0]))}")
        else:
            how = ("there is no automatic backup: restore a JSON backup with 'runner-legs "
                   f"--data-dir {shlex.quote(str(path.parent))} restore FILE.json' (the "
                   "damaged file is kept beside it), or move the file aside to start afresh")
        super().__init__(" ".join(f"{where}; {how}".split()))


class NewerDatabase(StoreError):
    """The file was written by a newer version of the app (its schema is unknown here)."""


class MigrationFailed(StoreError):
    """Upgrading the schema failed; the file was put back as it was."""


class DataUnavailable(StoreError):
    """The data cannot be reached, but nothing says it is damaged: a full disk, a read-only
    folder or file, an I/O error, a missing permission. Nothing destructive is suggested."""


_FAILURES = (
    ("full", "the disk is full"),
    ("disk i/o error", "the disk reported an I/O error"),
    ("readonly", "the folder or the file is read-only"),
    ("read-only", "the folder or the file is read-only"),
    ("unable to open", "the file cannot be opened (check the folder exists and you may "
                       "write to it)"),
    ("permission", "permission was denied"),
)


def sqlite_failure(text: str) -> str:
    """SQLite's message for a failure that is not damage, said plainly ("the disk is
    full"); the text itself when it is none of the known ones."""
    low = text.lower()
    return next((plain for word, plain in _FAILURES if word in low), text)


def is_unavailable(text: str) -> bool:
    """True when SQLite's message means the data cannot be reached (not damage)."""
    low = text.lower()
    return any(word in low for word, _ in _FAILURES)


def check_output(out: Path, data_dir: Path) -> None:
    """InvalidRequest (exit 2) when ``out`` would overwrite saved data (see output_problem)."""
    problem = output_problem(out, data_dir)
    if problem is not None:
        raise InvalidRequest(refusal(out, problem))


def ensure_private_dir(folder: Path) -> None:
    """Create ``folder`` (and parents) readable by the user only when it is missing."""
    if not folder.is_dir():
        folder.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)


def create_private_file(path: Path) -> None:
    """Create an empty file with mode 0600 when missing (SQLite then keeps that mode and
    gives its -wal and -shm files the same)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, FILE_MODE)
    os.close(fd)


def make_private(path: Path) -> None:
    """Take away group and other access from the database and its side files (a file made
    by hand or copied in may have a wider mode). Only regular files are touched: a folder
    or a symlink in their place is never chmodded."""
    for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        with contextlib.suppress(OSError):
            st = p.lstat()
            if stat.S_ISREG(st.st_mode) and st.st_mode & 0o077:
                os.chmod(p, FILE_MODE)


def tighten_dir(folder: Path) -> None:
    """An existing data folder (or its backups/) readable by others is made 0700, when it is
    a real folder owned by this user (never through a symlink, never someone else's)."""
    with contextlib.suppress(OSError):
        st = folder.lstat()
        if (stat.S_ISDIR(st.st_mode) and st.st_mode & 0o077
                and st.st_uid == os.getuid()):
            os.chmod(folder, DIR_MODE)


def atomic_write_private(out: Path, data: bytes) -> None:
    """Write ``data`` to ``out`` (mode 0600) through a temp file, fsync and os.replace."""
    atomic_write(out, data, FILE_MODE)


def header_problem(path: Path) -> str | None:
    """Why ``path`` cannot be an SQLite database (None when its header looks right): empty,
    not SQLite (a zeroed or foreign file), or shorter than its header says (truncated).
    OSError when it cannot be read at all (that is not damage)."""
    size = path.stat().st_size
    if size == 0:
        return "the file is empty (0 bytes)"
    with path.open("rb") as fh:
        head = fh.read(100)
    if head[:len(SQLITE_MAGIC)] != SQLITE_MAGIC or size < 512 or len(head) < 100:
        return "not an SQLite database"
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(head[28:32], "big")
    valid = head[24:28] == head[92:96]  # the page count is kept up to date
    if page_size < 512 or page_size & (page_size - 1):
        return "not an SQLite database (bad page size)"
    if valid and pages and size < pages * page_size and not _has_wal(path):
        return f"the file is truncated ({size} bytes of {pages * page_size})"
    return None


def _has_wal(path: Path) -> bool:
    """A -wal file with frames: a checkpoint cut short may have left the file shorter than
    its header says, and opening the database replays it (so that is not damage)."""
    try:
        return path.with_name(path.name + "-wal").stat().st_size > 0
    except OSError:
        return False


def copy_database(source: sqlite3.Connection, out: Path) -> None:
    """Copy an open database to ``out`` (0600) with the online backup API, atomically."""
    with replacing(out, FILE_MODE) as tmp:
        target = sqlite3.connect(tmp)
        try:
            source.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()


def check_sqlite_file(path: Path) -> str | None:
    """Why the SQLite file at ``path`` is unusable (None when quick_check says ok)."""
    try:
        problem = header_problem(path)
    except OSError as exc:
        return f"it cannot be read: {exc.strerror or exc}"
    if problem:
        return problem
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return f"SQLite says: {exc}"
    if [r[0] for r in rows] != ["ok"]:
        return "quick_check found: " + "; ".join(str(r[0]) for r in rows[:3])
    return None
