"""The window's shared state: the App (core's application layer), the undo stack, today's
date and one ``changed(change, initiator)`` signal every page listens to (STYLE habit 3),
plus ``day_changed`` for a window left open over midnight."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from core import clock
from core.app import App, Change
from core.plan import Plan
from core.profile import Profile


def makes_undo_obsolete(change: Change | None) -> bool:
    """True for a write after which the undo stack's commands no longer fit the store."""
    if change is None or change.everything:
        return True
    return change.profile and change.plan


class AppContext(QObject):
    """Owned by the main window; handed to every page and dialog.

    ``changed`` carries a :class:`core.changes.Change` (or ``None`` for "reload everything",
    after another process wrote) and the object that made the write (or ``None``), so that
    page can skip the refresh it already did. ``day_changed`` carries the day that has just
    ended, so a page that was showing it can move on to the new today.
    """

    changed = Signal(object, object)
    day_changed = Signal(object)

    def __init__(self, app: App, today: Callable[[], date] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        if today is not None:  # one today: the App, its store and the window share it
            app = App(app.store, today)
        self.app = app
        self._day = self.today()
        self.undo_stack = QUndoStack(self)
        self._seen_version = app.queries.data_version()

    def today(self) -> date:
        return self.app.today()

    def check_day(self) -> bool:
        """Announce a new day (the app was left open over midnight, or the computer woke up
        the next morning); True when the date has changed since the last look."""
        today = self.today()
        if today == self._day:
            return False
        ended, self._day = self._day, today
        self.day_changed.emit(ended)
        self.judge_weeks()
        return True

    def judge_weeks(self) -> None:
        """At window start and on a new day: judge the week that has just ended (SPEC §3);
        a change is announced like any other write, so the status bar words it."""
        change = self.app.ops.judge_finished_weeks()
        if not change.is_empty:
            self.apply(change)
        else:  # remembering the week judged is our own write, not news from outside
            self._seen_version = self.app.queries.data_version()

    def ensure_profile(self) -> None:
        """First start: store the built-in demo profile and its plan, flagged as the demo."""
        if self.app.ops.ensure_profile() is not None:
            self._seen_version = self.app.queries.data_version()

    def is_demo(self) -> bool:
        return self.app.queries.is_demo()

    def profile(self) -> Profile:
        return self.app.queries.profile()

    def plan(self) -> Plan:
        plan = self.app.queries.plan()
        if plan is None:
            self.ensure_profile()
            plan = self.app.queries.plan()
        assert plan is not None
        return plan

    def note_quiet_write(self) -> None:
        """A write that changes nothing a page shows (a setting) is noted as seen, so the
        poll for other processes' writes does not reload every page and clear the undo
        stack."""
        self._seen_version = self.app.queries.data_version()

    def apply(self, change: Change | None, initiator: object = None) -> None:
        """Announce a write made through ``app.ops``.

        A rebuilt plan (a profile change) or a restore makes the undo history obsolete: an old
        move would swap sessions of a plan it was never made for, so the stack is cleared.
        """
        if change is not None:
            self.app.queries.wrote(change)
        self._seen_version = self.app.queries.data_version()
        if makes_undo_obsolete(change):
            self.undo_stack.clear()
        self.changed.emit(change, initiator)

    def poll_external(self) -> bool:
        """Reload when another process (the command line) wrote; True when it did."""
        version = self.app.queries.data_version()
        if version != self._seen_version:
            self._seen_version = version
            self.undo_stack.clear()  # the store no longer matches what the stack would undo
            self.changed.emit(None, None)
            return True
        return False


def context_for(store_dir: object, today: Callable[[], date] = clock.today) -> AppContext:
    """An AppContext over the data folder ``store_dir`` (tests and tools)."""
    from pathlib import Path

    from core.app import open_app

    return AppContext(open_app(Path(str(store_dir)), today))
