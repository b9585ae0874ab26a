"""The only persistence API: :class:`Repository` speaks core dataclasses (Profile, Plan,
Session, CheckIn, Outcome) and every write is one transaction that returns a Change."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

from core.store.backup import BackupData, apply_backup, dump, load_backup
from core.store.change import Change
from core.store.repository_log import NoOutcome
from core.store.repository_measure import MeasurePart
from core.store.safety import InvalidRequest, StoreError, atomic_write_private

__all__ = ["Repository", "open_repository", "NoOutcome"]


class Repository(MeasurePart):
    """The saved data in ``data_dir/runner-legs.sqlite3``.

    Reads never create the file: before the first write there is simply nothing saved.
    """

    def backup_to(self, path: Path) -> None:
        """Write the whole database as one JSON file (atomic, mode 0600)."""
        path = Path(path)
        with self._reading() as t:
            if t is None:
                raise StoreError(f"there is nothing to back up yet: no database in "
                                 f"{self.data_dir}")
            data = dump(t)
        if path.is_dir():
            raise InvalidRequest(f"cannot write the backup to {path}: it is a folder")
        if not path.parent.is_dir():
            raise InvalidRequest(f"cannot write the backup to {path}: the folder {path.parent} "
                             "does not exist")
        text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
        try:
            atomic_write_private(path, text.encode("utf-8"))
        except OSError as exc:
            raise StoreError(f"cannot write the backup to {path}: {exc.strerror}") from None

    def restore_from(self, path: Path) -> Change:
        """Replace all data with a JSON backup, validated in full first (ValueError naming
        what is wrong, and nothing written)."""
        return self.restore_data(load_backup(Path(path)))

    def restore_data(self, data: BackupData) -> Change:
        """Replace all data with an already validated backup, in one transaction."""
        with self._writing() as t:
            apply_backup(t, data)
        return Change(profile=True, plan=True, everything=True,
                      summary=f"Restored {len(data.checkins)} check-ins and "
                              f"{len(data.outcomes)} sessions from the backup")


def open_repository(data_dir: Path, *, today: Callable[[], date]) -> Repository:
    """The repository in ``data_dir``. An existing file is checked (DamagedDatabase, leaving
    it untouched) and migrated; a missing one is created by the first write."""
    repo = Repository(Path(data_dir), today=today)
    if repo.path.exists():
        repo._open(create=False)
    return repo
