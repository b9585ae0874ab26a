"""Export files are written atomically (``core.files``); failures become one-line
:class:`ExportError` messages naming the file."""

from __future__ import annotations

from pathlib import Path

from core.files import atomic_write, saved_data_problem


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
    problem = saved_data_problem(out)
    if problem:  # the command line says this earlier (exit 2); the window says it here
        raise ExportError(f"cannot write {out}: {problem}; nothing was written")
    try:
        if out.exists():
            mode = out.stat().st_mode & 0o777
    except OSError:
        pass
    try:
        atomic_write(out, data, mode)
    except OSError as exc:
        raise ExportError(f"cannot write {out}: {_reason(exc)}") from None
    return out


def _reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__
