"""The only persistence API: :class:`Repository` speaks core dataclasses (Profile, Plan,
Session, CheckIn, Outcome) and every write is one transaction that returns a Change.

The repository is composed, not inherited: one :class:`~core.store.database.Database` (the
file, its checks and migrations, the transactions and the day's automatic backup) is held by
each part (the plan, the log, the measurements, the imports), and :class:`Repository` holds
them all and hands each call to its part."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from core.activities.model import Activity
from core.checkin import CheckIn, Outcome
from core.plan import Plan, Session
from core.profile import Profile
from core.store.backup import BackupData, apply_backup, dump, load_backup
from core.store.change import Change
from core.store.database import Database
from core.store.repository_import import Imported, ImportPart
from core.store.repository_log import LogPart, NoOutcome
from core.store.repository_measure import MeasurePart
from core.store.repository_plan import PlanPart
from core.store.safety import (
    InvalidRequest,
    StoreError,
    atomic_write_private,
    check_output,
    copy_database,
)
from core.store.temps import remove_stale_temps
from core.store.transaction import Transaction

__all__ = ["Imported", "Repository", "open_repository", "NoOutcome"]


class Repository:
    """The saved data in ``data_dir/runner-legs.sqlite3``.

    Reads never create the file: before the first write there is simply nothing saved.
    ``database`` is the file and its connection; ``plans``, ``log``, ``measures`` and
    ``imports`` are the parts that read and write its rows, each through ``database``.
    """

    def __init__(self, data_dir: Path, *, today: Callable[[], date]) -> None:
        self.database = Database(data_dir, today=today)
        self.plans = PlanPart(self.database)
        self.log = LogPart(self.database)
        self.measures = MeasurePart(self.database)
        self.imports = ImportPart(self.database)

    # -- the file -----------------------------------------------------------------------

    @property
    def data_dir(self) -> Path:
        return self.database.data_dir

    @property
    def path(self) -> Path:
        return self.database.path

    @property
    def today(self) -> Callable[[], date]:
        """The composition root's one today (the store reads no clock)."""
        return self.database.today

    @today.setter
    def today(self, today: Callable[[], date]) -> None:
        self.database.today = today

    def close(self) -> None:
        """Close this thread's connection (the repository reopens on next use)."""
        self.database.close()

    def check(self) -> None:
        """Run ``PRAGMA quick_check`` (DamagedDatabase when it fails); nothing is written."""
        self.database.check()

    def verify(self) -> None:
        """``quick_check`` and every stored value checked (DamagedDatabase naming the first
        bad one); nothing is written."""
        self.database.verify()

    def data_version(self) -> int:
        """Changes whenever any process committed a write (cheap enough to poll)."""
        return self.database.data_version()

    @staticmethod
    def only_ours_since(before: int, now: int) -> bool:
        """Between the ``data_version`` values ``before`` and ``now`` only this repository
        wrote (no other process committed)."""
        return Database.only_ours_since(before, now)

    # -- profile and plan ---------------------------------------------------------------

    def profile(self) -> Profile | None:
        return self.plans.profile()

    def is_demo(self) -> bool:
        return self.plans.is_demo()

    def plan(self) -> Plan | None:
        return self.plans.plan()

    def replace_session(self, session: Session) -> Change:
        return self.plans.replace_session(session)

    def dismiss_offer(self, day: date) -> Change:
        return self.plans.dismiss_offer(day)

    def dismissed_offers(self, since: date | None = None) -> frozenset[date]:
        return self.plans.dismissed_offers(since)

    def setting(self, key: str) -> str | None:
        return self.plans.setting(key)

    def set_setting(self, key: str, value: str) -> None:
        self.plans.set_setting(key, value)

    # -- check-ins and outcomes ---------------------------------------------------------

    def checkin(self, day: date) -> CheckIn | None:
        return self.log.checkin(day)

    def save_checkin(self, checkin: CheckIn) -> Change:
        return self.log.save_checkin(checkin)

    def outcome(self, day: date) -> Outcome | None:
        return self.log.outcome(day)

    def save_outcome(self, o: Outcome) -> Change:
        return self.log.save_outcome(o)

    def clear_outcome(self, day: date) -> Change:
        return self.log.clear_outcome(day)

    def log_day(self, day: date, checkin: Mapping[str, Any] | None = None,
                outcome: Mapping[str, Any] | None = None) -> Change:
        return self.log.log_day(day, checkin, outcome)

    def checkins(self, start: date, end: date) -> list[CheckIn]:
        return self.log.checkins(start, end)

    def outcomes(self, start: date, end: date) -> list[Outcome]:
        return self.log.outcomes(start, end)

    def history(self, start: date | None = None, end: date | None = None) -> list[dict[str, Any]]:
        return self.log.history(start, end)

    def unmatched_activities(self, start: date, end: date) -> dict[date, list[dict[str, Any]]]:
        return self.log.unmatched_activities(start, end)

    # -- measuring ----------------------------------------------------------------------

    def body_checkins(self, today: date) -> list[CheckIn]:
        return self.measures.body_checkins(today)

    def deficit_dismissal(self) -> tuple[date, str] | None:
        return self.measures.deficit_dismissal()

    def set_deficit(self, kcal: int, summary: str = "") -> Change:
        return self.measures.set_deficit(kcal, summary)

    # -- imported activities ------------------------------------------------------------

    def import_activities(self, activities: Sequence[Activity]) -> Imported:
        return self.imports.import_activities(activities)

    def activities_by_day(self, start: date, end: date) -> dict[date, list[Activity]]:
        return self.imports.activities_by_day(start, end)

    # -- whole-database work ------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[Transaction]:
        """One write transaction for a use case of ``core.app`` (rows in, rows out; the
        rules are the caller's): it commits when the block ends, and rolls back, leaving
        nothing on disk, when the block raises."""
        with self.database.writing() as t:
            yield Transaction(t)

    def backup_to(self, path: Path) -> None:
        """Write the whole database as one JSON file (atomic, mode 0600)."""
        path = Path(path)
        check_output(path, self.data_dir)
        with self.database.reading() as t:
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

    def copy_to(self, out: Path) -> None:
        """Copy the database through SQLite's backup API to ``out`` (0600, atomic); OSError
        when it cannot be written (then nothing is left behind)."""
        if self.database.open(create=False):
            with self.database.errors():
                copy_database(self.database.connection(), out)

    def restore_from(self, path: Path) -> Change:
        """Replace all data with a JSON backup, validated in full first (ValueError naming
        what is wrong, and nothing written)."""
        return self.restore_data(load_backup(Path(path)))

    def restore_data(self, data: BackupData) -> Change:
        """Replace all data with an already validated backup, in one transaction."""
        with self.database.writing() as t:
            apply_backup(t, data)
        return Change(profile=True, plan=True, everything=True,
                      summary=f"Restored {len(data.checkins)} check-ins and "
                              f"{len(data.outcomes)} sessions from the backup")


def open_repository(data_dir: Path, *, today: Callable[[], date]) -> Repository:
    """The repository in ``data_dir``. An existing file is checked (DamagedDatabase, leaving
    it untouched) and migrated; a missing one is created by the first write. Temp files a
    killed restore left in the folder are removed first."""
    remove_stale_temps(Path(data_dir))
    repo = Repository(Path(data_dir), today=today)
    if repo.path.exists():
        repo.database.open(create=False)
    return repo
