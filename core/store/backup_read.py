"""Reading any backup a runner may pick (a JSON backup or an automatic ``.sqlite3`` copy),
checked in full before anything is replaced, with refusals in plain words."""

from __future__ import annotations

from pathlib import Path

from core.store.backup import BackupData, BadBackup, load_backup
from core.store.safety import SQLITE_MAGIC, InvalidRequest, check_sqlite_file

NOT_A_BACKUP = ("is not a Runner Legs backup: pick a file made with File → Back up, or an "
                "automatic backup (runner-legs-DATE.sqlite3)")


def read_backup(path: Path, data_dir: Path) -> BackupData:
    """Everything ``path`` holds, validated as for a restore; InvalidRequest (a sentence
    naming the file and what is wrong) when it cannot be restored. Nothing of the data is
    written (an automatic backup is read through a scratch copy in ``data_dir``)."""
    path = Path(path)
    name = f"“{path.name}”"
    if not path.is_file():
        raise InvalidRequest(f"{name} was not found: it may have been moved or deleted")
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise InvalidRequest(f"{name} cannot be read ({exc.strerror})") from None
    if head == SQLITE_MAGIC:
        return _read_database(path, name, data_dir)
    try:
        return load_backup(path)
    except BadBackup as exc:
        if exc.where == str(path):  # the file as a whole: not JSON, not text, too large
            raise InvalidRequest(f"{name} {NOT_A_BACKUP}" if "JSON" in exc.problem
                                 or "UTF-8" in exc.problem else f"{name} {exc.problem}") \
                from None
        if exc.where in ("format", "the file"):
            raise InvalidRequest(f"{name} {NOT_A_BACKUP}") from None
        raise InvalidRequest(f"{name} has a value that cannot be restored: {exc.where} "
                             f"{exc.problem}") from None


def _read_database(path: Path, name: str, data_dir: Path) -> BackupData:
    """An automatic backup, read as a restore reads it (through SQLite, WAL included, into
    a scratch copy in ``data_dir``); the file itself is only read."""
    from core.store.restore import BadBackupValue, read_sqlite_backup

    if check_sqlite_file(path):
        raise InvalidRequest(f"{name} is damaged and cannot be restored")
    try:
        return read_sqlite_backup(data_dir, path)
    except BadBackupValue as exc:
        raise InvalidRequest(f"{name} has a value that cannot be restored: {exc.detail}") \
            from None
    except InvalidRequest:
        raise InvalidRequest(f"{name} {NOT_A_BACKUP}") from None
