"""The application layer both faces call (STYLE: ``core/app``): every write in
:mod:`core.app.operations`, every question in :mod:`core.app.queries`, every file the app
writes in :mod:`core.app.exports`. The composition root (the command line's entry, the
window's AppContext) opens the store and hands in its one ``today``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.app.exports import Exports
from core.app.operations import Operations
from core.app.queries import Queries
from core.changes import NO_CHANGES, Adaptation, Change

if TYPE_CHECKING:
    from core.store import Repository

# What a face may need of the store when opening it fails (the composition roots'
# recovery), loaded on first use: ``plan --demo`` never loads peewee.
_FROM_STORE = {
    "BadBackup", "DamagedDatabase", "MigrationFailed", "NewerDatabase", "NoOutcome",
    "StoreError", "automatic_backups", "load_backup", "restore_automatic_backup",
    "DataUnavailable", "read_sqlite_backup", "readable_backups", "replace_saved_data",
}


def committed_writes() -> int:
    """Writes this process has committed to any store (0 while the store is not even loaded:
    ``plan --demo`` never imports peewee). A face compares it before and after a command to
    know that the data changed, and then rewrites the calendar feed."""
    db = sys.modules.get("core.store.db")
    return 0 if db is None else int(db.committed_writes())


def __getattr__(name: str) -> Any:
    if name in _FROM_STORE:
        import core.store

        return getattr(core.store, name)
    if name == "SQLITE_MAGIC":
        from core.store.safety import SQLITE_MAGIC

        return SQLITE_MAGIC
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "NO_CHANGES", "Adaptation", "App", "BadBackup", "Change", "DamagedDatabase",
    "committed_writes",
    "MigrationFailed", "NewerDatabase", "NoOutcome", "SQLITE_MAGIC", "StoreError", "automatic_backups",
    "load_backup", "open_app", "restore_automatic_backup", "DataUnavailable",
    "read_sqlite_backup", "readable_backups", "replace_saved_data",
]


class App:
    """One user's data folder: ``ops`` writes, ``queries`` answers, ``exports`` writes files.

    ``today`` is read on every call, so a window left open over midnight moves on with it.
    """

    def __init__(self, store: Repository, today: Callable[[], date]) -> None:
        self.store = store
        self.today = today
        store.today = today  # one today for the store's bookkeeping (the day's backup) too
        self.ops = Operations(store, today)
        self.queries = Queries(store, today)
        self.exports = Exports(self.queries, today)

    @property
    def data_dir(self) -> Path:
        return self.store.data_dir

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> App:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_app(data_dir: Path, today: Callable[[], date]) -> App:
    """The App over ``data_dir`` (DamagedDatabase and friends from the store when the file
    cannot be used; nothing is created before the first write)."""
    from core.store import open_repository

    return App(open_repository(data_dir, today=today), today)


def load_store() -> None:
    """Import the store (peewee and its standard-library friends) now. The window's launcher
    calls this before it imports Qt: PySide6 reads the source of every module imported after
    it, and loading the store first saves ~15 ms of the first window's start."""
    import core.store  # noqa: F401
