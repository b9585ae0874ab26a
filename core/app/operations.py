"""Every write either face makes: one store transaction each, ``today`` from the composition
root, the use case's rules held here once (no log for a day that has not come, a move stays
in its week), returning a typed :class:`core.changes.Change`."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from datetime import date, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.adaptation import accept
from core.app.measuring import accept_deficit_offer as _accept_deficit_offer
from core.app.measuring import dismiss_deficit_offer as _dismiss_deficit_offer
from core.app.planning import judge_finished_weeks as _judge_finished_weeks
from core.app.planning import move as _move
from core.app.planning import save_profile as _save_profile
from core.app.planning import set_minutes as _set_minutes
from core.app.planning import start_plan as _start_plan
from core.changes import Change
from core.checkin import CheckIn, Outcome
from core.errors import RequestError
from core.plan import Session
from core.profile import Profile
from core.recovery import Offer

# The use cases above are imported as _name: each is run by the method of the same name.

if TYPE_CHECKING:
    from core.app.importing import ImportReport
    from core.store import BackupData, Repository


class FutureDay(RequestError):
    """A day that has not come yet cannot be logged or marked."""

    def __init__(self, day: date, today: date, what: str) -> None:
        super().__init__("future_day", {"day": day, "today": today, "what": what},
                         f"can't {what} in the future: {day.isoformat()} is after today "
                         f"({today.isoformat()})")


class Operations:
    """The writes. Each method is one transaction of the store."""

    def __init__(self, store: Repository, today: Callable[[], date]) -> None:
        self._store = store
        self._today = today

    def _not_future(self, day: date, what: str) -> None:
        today = self._today()
        if day > today:
            raise FutureDay(day, today, what)

    # -- profile and plan ---------------------------------------------------------------

    def save_profile(self, profile: Profile, *, demo: bool = False) -> Change:
        """Save the profile; the plan starts (or is rebuilt from) the Monday on or after
        today, keeping past days and every logged day."""
        return _save_profile(self._store, profile, self._today(), demo=demo)

    def ensure_profile(self) -> Change | None:
        """First start: store the built-in demo profile and its plan, flagged as the demo."""
        from core.profile import demo_profile

        if self._store.profile() is not None:
            return None
        return _save_profile(self._store, demo_profile(), self._today(), demo=True)

    def start_new_plan(self) -> Change:
        """Save the current profile again: a fresh plan from the Monday on or after today."""
        profile = self._store.profile()
        if profile is None:
            raise RequestError("no_profile", {}, "there is no saved profile to plan from")
        return _save_profile(self._store, profile, self._today())

    def start_plan(self, start: date, weeks: int) -> Change:
        """A fresh plan of ``weeks`` weeks (4–24) from the Monday on or after ``start`` (not
        before the Monday on or after today), as the command line's --start and --weeks."""
        return _start_plan(self._store, start, weeks, self._today())

    # -- sessions -----------------------------------------------------------------------

    def move(self, src: date, dst: date) -> Change:
        """Swap two days' sessions of one week or of neighbouring weeks; both are marked
        edited."""
        return _move(self._store, src, dst)

    def set_minutes(self, day: date, minutes: int) -> Change:
        return _set_minutes(self._store, day, minutes)

    def replace_session(self, session: Session) -> Change:
        """Put ``session`` on its date (an accepted offer, or undoing an edit)."""
        return self._store.replace_session(session)

    def mark(self, outcome: Outcome) -> Change:
        """Mark the day's session done or skipped (refused for a day that has not come)."""
        self._not_future(outcome.date, "mark a session")
        return self._store.save_outcome(outcome)

    def unmark(self, day: date) -> Change:
        return self._store.clear_outcome(day)

    def put_outcome(self, day: date, outcome: Outcome | None) -> Change:
        """Set the day's outcome to ``outcome`` (None: unmarked) — undo and redo use it."""
        if outcome is None:
            return self._store.clear_outcome(day)
        self._not_future(day, "mark a session")
        return self._store.save_outcome(outcome)

    # -- check-ins ----------------------------------------------------------------------

    def check_in(self, checkin: CheckIn) -> Change:
        """Save the day's whole check-in (an empty one removes it)."""
        if not checkin.is_empty:
            self._not_future(checkin.date, "log a day")
        return self._store.save_checkin(checkin)

    def log_day(self, day: date, checkin: Mapping[str, Any] | None = None,
                outcome: Mapping[str, Any] | None = None) -> Change:
        """Merge fields into the day's check-in and outcome in one transaction (``log``)."""
        if outcome and ("status" in outcome or "minutes" in outcome or "rpe" in outcome):
            self._not_future(day, "mark a session")
        self._not_future(day, "log a day")
        return self._store.log_day(day, checkin, outcome)

    # -- offers -------------------------------------------------------------------------

    def accept_offer(self, offer: Offer) -> Change:
        """Put the offered easier session on its day (undo replaces the original back).

        ValueError when it would add running minutes; a rule 1 count the week now misses is
        said in the summary, never silently (SPEC §3)."""
        plan = self._store.plan()
        warnings = accept(plan, offer).warnings if plan is not None else ()
        change = self._store.replace_session(offer.replacement)
        if warnings and not change.is_empty:
            change = replace(change, summary=f"{change.summary}. {'; '.join(warnings)}")
        return change

    def judge_finished_weeks(self) -> Change:
        """At the first command or window start on or after a Monday: judge the week that
        has just ended, once (SPEC §3 short weeks); NO_CHANGES when there is nothing new."""
        return _judge_finished_weeks(self._store, self._today())

    def dismiss_offer(self, day: date) -> Change:
        return self._store.dismiss_offer(day)

    def accept_deficit_offer(self, offer_id: str) -> Change:
        """Save the energy-balance offer's ``deficit_kcal`` (the plan stays as it is)."""
        return _accept_deficit_offer(self._store, offer_id, self._today())

    def dismiss_deficit_offer(self, offer_id: str) -> Change:
        """Decline the energy-balance offer until its verdict changes."""
        return _dismiss_deficit_offer(self._store, offer_id, self._today())

    def set_deficit(self, kcal: int) -> Change:
        """Save ``deficit_kcal`` alone (undoing or redoing an accepted deficit offer)."""
        return self._store.set_deficit(kcal)

    # -- activities from a watch (SPEC §9) -----------------------------------------------

    def import_paths(self, paths: Iterable[Path | str], *, tz: tzinfo | None = None,
                     cancelled: Callable[[], bool] | None = None,
                     progress: Callable[[int, int], None] | None = None) -> ImportReport:
        """Read activity files, folders and archives and import what they hold (one
        transaction per batch of files; refused files write nothing)."""
        from core.app.importing import import_paths

        return import_paths(self._store, paths, self._today(), tz, cancelled, progress)

    # -- settings -----------------------------------------------------------------------

    def set_setting(self, key: str, value: str) -> None:
        """A small key/value setting (the watched activities folder, ...)."""
        self._store.set_setting(key, value)

    def set_feed(self, path: Path | None) -> None:
        """Name the calendar file kept current (``core.app.exports.FEED_SETTING``), or stop
        keeping one (None). The file itself is written by ``Exports.name_feed``."""
        from core.app.exports import FEED_SETTING

        self._store.set_setting(FEED_SETTING, "" if path is None else str(path))

    # -- whole data ---------------------------------------------------------------------

    def backup(self, out: Path) -> None:
        self._store.backup_to(out)

    def restore(self, path: Path) -> Change:
        """Replace everything with a JSON backup, checked in full first."""
        return self._store.restore_from(path)

    def read_backup(self, path: Path) -> BackupData:
        """Check a JSON backup or an automatic .sqlite3 copy in full and return what it holds,
        writing nothing (InvalidRequest in plain words naming the file)."""
        from core.store.backup_read import read_backup

        return read_backup(path, self._store.data_dir)

    def restore_data(self, data: BackupData) -> Change:
        """Replace everything with an already checked backup, in one transaction."""
        return self._store.restore_data(data)
