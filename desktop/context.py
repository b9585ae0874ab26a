"""The app's shared state: the repository, the undo stack, today's date and one ``changed``
signal that every page listens to (STYLE habit 3: writes report what changed), plus
``day_changed`` for a window left open over midnight."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from core import clock
from core.plan import Plan
from core.profile import Profile, demo_profile


def makes_undo_obsolete(change: Any) -> bool:
    """True for a write after which the undo stack's commands no longer fit the store."""
    if change is None or getattr(change, "everything", False):
        return True
    return bool(getattr(change, "profile", False) and getattr(change, "plan", False))


class AppContext(QObject):
    """Owned by the main window; handed to every page and dialog.

    ``changed`` carries a ``core.store.Change`` (or ``None`` for "reload everything");
    ``day_changed`` carries the day that has just ended, so a page that was showing it can
    move on to the new today.
    """

    changed = Signal(object)
    day_changed = Signal(object)

    def __init__(self, repo: Any, today: Callable[[], date] = clock.today,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.repo = repo
        self._today = today
        repo.today = self.today  # one today: the store's writes read the window's date
        self._day = today()
        self.undo_stack = QUndoStack(self)
        self._seen_version = repo.data_version()
        self._cache: dict[str, Any] = {}
        self._cache_version: int | None = None

    def today(self) -> date:
        return self._today()

    def check_day(self) -> bool:
        """Announce a new day (the app was left open over midnight, or the computer woke up
        the next morning); True when the date has changed since the last look."""
        today = self.today()
        if today == self._day:
            return False
        ended, self._day = self._day, today
        self.day_changed.emit(ended)
        return True

    def ensure_profile(self) -> None:
        """First start: store the built-in demo profile and its plan, flagged as the demo."""
        if self.repo.profile() is None:
            self.repo.save_profile(demo_profile(), self.today(), demo=True)
            self._seen_version = self.repo.data_version()

    def is_demo(self) -> bool:
        return bool(self.repo.is_demo())

    def profile(self) -> Profile:
        profile: Profile | None = self._cached("profile", self.repo.profile)
        return profile if profile is not None else demo_profile()

    def plan(self) -> Plan:
        plan: Plan | None = self._cached("plan", self.repo.plan)
        if plan is None:
            self.ensure_profile()
            plan = self._cached("plan", self.repo.plan)
        assert plan is not None
        return plan

    def _cached(self, key: str, read: Callable[[], Any]) -> Any:
        """Profile and plan are read once per database version: every page asks for them on
        each refresh, and parsing the plan is the costly part of a refresh."""
        version = self.repo.data_version()
        if version != self._cache_version:
            self._cache.clear()
            self._cache_version = version
        if key not in self._cache:
            self._cache[key] = read()
        return self._cache[key]

    def apply(self, change: Any) -> None:
        """Announce a write made through the repository.

        A rebuilt plan (a profile change) or a restore makes the undo history obsolete: an old
        move would swap sessions of a plan it was never made for, so the stack is cleared.
        """
        self._seen_version = self.repo.data_version()
        if makes_undo_obsolete(change):
            self.undo_stack.clear()
        self.changed.emit(change)

    def poll_external(self) -> bool:
        """Reload when another process (the command line) wrote; True when it did."""
        version = self.repo.data_version()
        if version != self._seen_version:
            self._seen_version = version
            self.undo_stack.clear()  # the store no longer matches what the stack would undo
            self.changed.emit(None)
            return True
        return False
