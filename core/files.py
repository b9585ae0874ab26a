"""Atomic file writes shared by the store (backups) and the exports: a temp file in the
target's folder, fsync, ``os.replace``, then fsync the folder. A reader never sees half a
file, and a failed write leaves the old file as it was and no temp file behind.

A symlink is followed: the file it points to is replaced and the link stays. Anything at
the target that is not a regular file (a device, a named pipe, a socket) is refused before
a byte is written, so an export can never swap ``/dev/...`` or a pipe for a plain file.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_KINDS = ((stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
          (stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"),
          (stat.S_ISDIR, "a folder"))


class NotRegularFileError(OSError):
    """The target exists and is not a regular file; ``strerror`` says what it is."""


class FileTooLargeError(OSError):
    """An input file is larger than the reader accepts; ``strerror`` says the limit."""


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def read_input(path: Path, limit: int) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them.

    A device (``/dev/zero``), a named pipe or a socket is refused before it is opened (so a
    read never blocks or runs forever), and so is a file larger than ``limit``
    (FileTooLargeError); other failures are the usual OSError.
    """
    data = read_head(path, limit + 1)
    if len(data) > limit:
        raise FileTooLargeError(errno.EFBIG, f"it is larger than {_size(limit)}", str(path))
    return data


def read_head(path: Path, size: int) -> bytes:
    """The first ``size`` bytes of the regular file ``path`` (NotRegularFileError for a
    device, a pipe, a socket or a folder, checked before opening)."""
    mode = os.stat(path).st_mode
    if not stat.S_ISREG(mode):
        raise NotRegularFileError(errno.EINVAL, f"it is {_kind(mode)}, not a regular file",
                                  str(path))
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # swapped between the stat and the open
            raise NotRegularFileError(errno.EINVAL, "it is not a regular file", str(path))
        return fh.read(size)


def _size(limit: int) -> str:
    return f"{limit // (1024 * 1024)} MB" if limit >= 1024 * 1024 else f"{limit // 1024} KB"


SAVED_DATA = "runner-legs.sqlite3"


def saved_data_problem(out: Path) -> str | None:
    """Why writing ``out`` would overwrite Runner Legs' saved data, in whatever folder it
    lives (None when it would not): the database or a file named after it beside it, or
    anything inside the ``backups/`` folder next to a database. Symlinks are resolved."""
    try:
        target = Path(os.path.realpath(out))
    except (OSError, ValueError):
        return None
    if target.name.startswith(SAVED_DATA) and (target.parent / SAVED_DATA).exists():
        return f"it would overwrite your saved data in {target.parent}"
    for folder in target.parents:
        if folder.name == "backups" and (folder.parent / SAVED_DATA).exists():
            return f"it would overwrite an automatic backup in {folder}"
    return None


def output_problem(out: Path, data_dir: Path) -> str | None:
    """Why writing ``out`` would overwrite the user's saved data (None when it would not).

    The one guard of every ``--out`` and backup path: the live database, its -wal/-shm/
    -journal and aside copies, and anything inside ``backups/`` are refused. Symlinks are
    resolved first (a link is followed when it points elsewhere, refused when it points at
    the data), and a hard link to the database counts as the database.
    """
    try:
        target = Path(os.path.realpath(out))
        home = Path(os.path.realpath(data_dir))
    except (OSError, ValueError):
        return None
    reason = f"it would overwrite your saved data in {home}"
    if target.parent == home and target.name.startswith(SAVED_DATA):
        return reason
    elsewhere = saved_data_problem(target)  # another data folder's files, e.g. a copy
    if elsewhere:
        return elsewhere
    backups = home / "backups"
    if backups in (target, *target.parents):
        return f"it would overwrite an automatic backup in {backups}"
    db = home / SAVED_DATA
    with contextlib.suppress(OSError, ValueError):
        if target.exists() and db.exists() and os.path.samefile(target, db):
            return reason
    return None


def refusal(out: Path, problem: str) -> str:
    """The one-line refusal of an output path that would overwrite saved data."""
    return f"refusing to write {out}: {problem}; choose a file outside it, nothing was written"


def write_target(out: Path) -> Path:
    """The path a write to ``out`` really replaces: symlinks resolved; NotRegularFileError
    when something other than a regular file is there."""
    target = Path(os.path.realpath(out)) if os.path.islink(out) else Path(out)
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        return target
    if not stat.S_ISREG(mode):
        raise NotRegularFileError(errno.EINVAL, f"it is {_kind(mode)}, not a regular file",
                                  str(out))
    return target


@contextmanager
def replacing(out: Path, mode: int) -> Iterator[Path]:
    """Yield a temporary path beside ``out`` (or the file it links to) to write; on a clean
    exit it is fsynced, given ``mode`` and moved over the target, and the folder is fsynced.
    On any error the temporary file is removed and the target stays as it was."""
    target = write_target(out)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                                    dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        with tmp.open("rb+") as fh:
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_folder(target.parent)


def atomic_write(out: Path, data: bytes, mode: int) -> None:
    """Write ``data`` to ``out`` (or the file it links to) with permissions ``mode``;
    OSError on failure, NotRegularFileError when the target is not a regular file."""
    with replacing(out, mode) as tmp:
        tmp.write_bytes(data)


def fsync_folder(folder: Path) -> None:
    """Make a rename or a new file in ``folder`` durable where the platform allows it."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    with contextlib.suppress(OSError):
        os.fsync(fd)
    os.close(fd)
