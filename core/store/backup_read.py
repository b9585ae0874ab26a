"""Reading any backup a runner may pick (a JSON backup or an automatic ``.sqlite3`` copy),
checked in full before anything is replaced, with refusals in plain words."""

from __future__ import annotations

import json
import shutil
import tempfile
from datetime import date
from pathlib import Path

from core.store.backup import BackupData, BadBackup, dump, load_backup
from core.store.backup_check import parse_backup
from core.store.safety import SQLITE_MAGIC, InvalidRequest, StoreError, check_sqlite_file

NOT_A_BACKUP = ("is not a Runner Legs backup: pick a file made with File → Back up, or an "
                "automatic backup (runner-legs-DATE.sqlite3)")


def read_backup(path: Path) -> BackupData:
    """Everything ``path`` holds, validated as for a restore; InvalidRequest (a sentence
    naming the file and what is wrong) when it cannot be restored. Nothing is written."""
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
        return _read_database(path, name)
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


def _read_database(path: Path, name: str) -> BackupData:
    """An automatic backup, read from a scratch copy (the file itself is never opened for
    writing, nor migrated)."""
    from core.store.db import DB_NAME
    from core.store.repository import open_repository

    if check_sqlite_file(path):
        raise InvalidRequest(f"{name} is damaged and cannot be restored")
    with tempfile.TemporaryDirectory(prefix="runner-legs-read-") as tmp:
        shutil.copyfile(path, Path(tmp, DB_NAME))
        try:
            repo = open_repository(Path(tmp), today=lambda: date.min)  # read only
        except StoreError:
            raise InvalidRequest(f"{name} {NOT_A_BACKUP}") from None
        try:
            with repo._reading() as t:
                data = None if t is None else dump(t)
            return parse_backup(json.loads(json.dumps(data)))
        except BadBackup as exc:
            raise InvalidRequest(f"{name} has a value that cannot be restored: {exc.where} "
                                 f"{exc.problem}") from None
        except (StoreError, ValueError, KeyError, TypeError, AttributeError):
            raise InvalidRequest(f"{name} {NOT_A_BACKUP}") from None
        finally:
            repo.close()
