"""The calendar file kept current from the window (SPEC §6): File → Keep a calendar file up to
date…, a way to stop it, and a rewrite after every change to the plan.

The rewrite runs in a worker with the profile and plan read on the UI thread; one runs at a
time, and a change that arrives meanwhile is written once the running one is done, so an
older plan never lands after a newer one.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from core.app import exports
from core.plan import Plan
from core.profile import Profile
from desktop.context import AppContext
from desktop.dialogs.files import SaveFileDialog
from desktop.dialogs.messages import ErrorMessage
from desktop.tasks import run_task

ICS_FILTER = "Calendar file (*.ics)"


def write_feed(path: Path, profile: Profile, plan: Plan, first: bool) -> Path:
    """Worker: check a newly named file (never another program's), then rewrite it."""
    exports.feed(path, profile, plan, first=first)
    return path


def plan_changed(change: Any) -> bool:
    """``None`` is a reload after another process wrote; it may have changed the plan."""
    return change is None or bool(getattr(change, "plan", False)
                                  or getattr(change, "everything", False))


class FeedKeeper(QObject):
    """Owns the feed setting for a window and rewrites the file after plan changes."""

    updated = Signal(object)  # the feed's Path, after each rewrite (or check) that succeeded
    failed = Signal(str)
    state_changed = Signal()  # the feed was named or stopped

    def __init__(self, window: QWidget, ctx: AppContext,
                 status: Callable[[str], None]) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = ctx
        self.status = status
        self._busy = False
        self._again = False
        ctx.changed.connect(self._on_ctx_changed)

    def path(self) -> Path | None:
        return self.ctx.app.exports.feed_path()

    def _set(self, path: Path | None) -> None:
        self.ctx.app.ops.set_feed(path)
        self.ctx.note_quiet_write()

    # --- menu actions --------------------------------------------------------------------
    def make_actions(self) -> tuple[QAction, QAction]:
        """Keep a calendar file up to date…, and Stop updating it (for the File menu); the
        second names the file and is enabled only while a feed is kept."""
        self.feed_action = QAction("&Keep a calendar file up to date…", self.window)
        self.feed_action.triggered.connect(self.choose)
        self.stop_action = QAction("S&top updating the calendar file", self.window)
        self.stop_action.triggered.connect(self.stop)
        self.state_changed.connect(self._update_actions)
        self._update_actions()
        return self.feed_action, self.stop_action

    @Slot()
    def _update_actions(self) -> None:
        path = self.path()
        self.stop_action.setEnabled(path is not None)
        name = path.name.replace("&", "&&") if path is not None else ""  # not a mnemonic
        self.stop_action.setText(f"S&top updating {name}" if path is not None
                                 else "S&top updating the calendar file")

    def choose(self) -> None:
        """File → Keep a calendar file up to date…: write the chosen file now; remember it
        once it has been written."""
        current = self.path()
        choice = SaveFileDialog.ask(
            self.window, "Keep a calendar file up to date",
            current.name if current else "runner-legs-plan.ics", [ICS_FILTER])
        if choice is None:
            return
        path = Path(choice[0]).expanduser().absolute()

        def done(written: Path) -> None:
            self._set(written)
            self.status(f"Calendar file {written.name} will follow every change to the plan; "
                        "a calendar program can subscribe to it")
            self.state_changed.emit()
            self.updated.emit(written)

        def error(exc: BaseException) -> None:
            self.status(f"Calendar file not set: {exc}")
            self.failed.emit(str(exc))
            ErrorMessage.ask(self.window, "Could not keep the calendar file", str(exc))

        run_task(write_feed, path, self.ctx.profile(), self.ctx.plan(), True,
                 on_done=done, on_error=error)

    def stop(self) -> None:
        """Stop rewriting the file (it stays where it is, as it was last written)."""
        current = self.path()
        if current is None:
            return
        self._set(None)
        self.status(f"Calendar file {current.name} is no longer kept up to date")
        self.state_changed.emit()

    # --- rewrites ------------------------------------------------------------------------
    def refresh(self) -> None:
        """Rewrite the feed (when one is named) from the plan as it is now."""
        path = self.path()
        if path is None:
            return
        if self._busy:
            self._again = True
            return
        self._busy = True
        run_task(write_feed, path, self.ctx.profile(), self.ctx.plan(), False,
                 on_done=self._on_written, on_error=self._on_write_failed)

    def _on_ctx_changed(self, change: Any, *_initiator: Any) -> None:
        """Any change that may touch the plan, whoever made it (the window, or another
        process the poll noticed), rewrites the feed."""
        if plan_changed(change):
            self.refresh()

    def _next(self) -> None:
        self._busy = False
        if self._again:
            self._again = False
            self.refresh()

    def _on_written(self, path: Path) -> None:
        self._next()
        self.updated.emit(path)

    def _on_write_failed(self, exc: BaseException) -> None:
        self._next()
        message = f"Calendar file not updated: {exc}"
        self.status(message)
        self.failed.emit(message)
