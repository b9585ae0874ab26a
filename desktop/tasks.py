"""Run slow work (PDF building, file I/O) off the UI thread; results come back on it.

A worker gets plain data, never widgets. ``tasks.busy_changed`` lets the main window show a
busy indicator while anything runs.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(object)


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[..., Any], args: tuple[Any, ...], signals: _Signals) -> None:
        super().__init__()
        self._fn = fn
        self._args = args
        self._signals = signals

    def run(self) -> None:
        try:
            result = self._fn(*self._args)
        except Exception as exc:  # handed to on_error on the UI thread
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self._signals.failed.emit(exc)
        else:
            self._signals.finished.emit(result)


class Task(QObject):
    """One piece of background work; ``done`` / ``error`` fire on the UI thread."""

    done = Signal(object)
    error = Signal(object)

    def __init__(self, manager: TaskManager, on_done: Callable[[Any], Any] | None,
                 on_error: Callable[[BaseException], Any] | None) -> None:
        super().__init__(manager)
        self._manager = manager
        self._on_done = on_done
        self._on_error = on_error
        self.signals = _Signals(self)
        self.signals.finished.connect(self._finished)
        self.signals.failed.connect(self._failed)

    @Slot(object)
    def _finished(self, result: Any) -> None:
        try:
            if self._on_done is not None:
                self._on_done(result)
            self.done.emit(result)
        finally:
            self._manager._release(self)

    @Slot(object)
    def _failed(self, exc: BaseException) -> None:
        try:
            if self._on_error is not None:
                self._on_error(exc)
            self.error.emit(exc)
        finally:
            self._manager._release(self)


class TaskManager(QObject):
    """Keeps running tasks alive and says when the app is busy."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._running: set[Task] = set()
        self.pool = QThreadPool.globalInstance()

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def run(self, fn: Callable[..., Any], *args: Any,
            on_done: Callable[[Any], Any] | None = None,
            on_error: Callable[[BaseException], Any] | None = None) -> Task:
        """Call ``fn(*args)`` on a worker thread; then ``on_done(result)`` or ``on_error(exc)``."""
        task = Task(self, on_done, on_error)
        was_busy = self.busy
        self._running.add(task)
        if not was_busy:
            self.busy_changed.emit(True)
        self.pool.start(_Runnable(fn, args, task.signals))
        return task

    def _release(self, task: Task) -> None:
        self._running.discard(task)
        task.deleteLater()
        if not self._running:
            self.busy_changed.emit(False)

    def wait(self, msecs: int = -1) -> bool:
        """Block until every worker has finished (used at shutdown and by --smoke)."""
        return self.pool.waitForDone(msecs)


_manager: TaskManager | None = None


def manager() -> TaskManager:
    """The app-wide task manager (created on first use, on the UI thread)."""
    global _manager
    if _manager is None:
        _manager = TaskManager()
    return _manager


def run_task(fn: Callable[..., Any], *args: Any,
             on_done: Callable[[Any], Any] | None = None,
             on_error: Callable[[BaseException], Any] | None = None) -> Task:
    """Run ``fn(*args)`` off the UI thread with the app-wide manager."""
    return manager().run(fn, *args, on_done=on_done, on_error=on_error)
