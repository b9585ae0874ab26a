"""Atomic file writes: a temp file in the target's folder, fsync, then os.replace.

A reader never sees half a file, and a failed write leaves nothing behind: the old file (if
any) stays as it was and the temp file is removed.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


class ExportError(OSError):
    """The output file could not be written; the message is one line naming the file."""


def atomic_write_bytes(out: Path, data: bytes, *, mode: int = 0o644) -> Path:
    """Write ``data`` to ``out`` atomically and return ``out``.

    Raises :class:`ExportError` (one line, naming the path) when the folder is missing, is
    not writable, or ``out`` is a folder.
    """
    out = Path(out)
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"cannot write {out}: the folder {folder} does not exist")
    if out.is_dir():
        raise ExportError(f"cannot write {out}: it is a folder")
    try:
        if out.exists():
            mode = out.stat().st_mode & 0o777
    except OSError:
        pass
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise ExportError(f"cannot write {out}: {_reason(exc)}") from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, out)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise ExportError(f"cannot write {out}: {_reason(exc)}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_folder(folder)
    return out


def _reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__


def _fsync_folder(folder: Path) -> None:
    """Make the rename durable where the platform allows opening a folder."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
