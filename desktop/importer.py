"""Importing activity files from the window (SPEC §9): File → Import activities…, files
dropped on the window and the watched folder. Files are read and written off the UI thread
(core.importing, one transaction per batch) under a progress dialog that can cancel; the
result goes to the status bar and every page hears one ``changed``."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QMimeData, QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction, QDropEvent, QKeySequence
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop.context import AppContext
from desktop.tasks import run_task

if TYPE_CHECKING:  # the readers (FIT, TCX, GPX) load with the first import, not at start-up
    from core.app import App
    from core.app.importing import ImportReport

WATCHED_KEY = "import/watched_folder"
SHOW_AFTER_MS = 400  # a quick import never flashes a dialog


def local_paths(mime: QMimeData | None) -> list[Path]:
    """The files and folders a drop carries, when every one is a local file."""
    if mime is None or not mime.hasUrls():
        return []
    urls = mime.urls()
    if not urls or not all(u.isLocalFile() for u in urls):
        return []
    return [Path(u.toLocalFile()) for u in urls]


def scan_folder(folder: Path, seen: frozenset[tuple[str, int, int]]
                ) -> tuple[list[Path], set[tuple[str, int, int]]]:
    """The files under ``folder`` not looked at yet (by path, size and modification time),
    and the keys of every file found."""
    from core.activities.read import hidden

    fresh: list[Path] = []
    keys: set[tuple[str, int, int]] = set()
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not hidden(d))
        for name in sorted(n for n in files if not hidden(n)):
            path = Path(root, name)
            try:
                info = path.stat()
            except OSError:
                continue
            key = (str(path), info.st_size, info.st_mtime_ns)
            keys.add(key)
            if key not in seen:
                fresh.append(path)
    return fresh, keys


class ActivityImporter(QObject):
    """Runs one import at a time for a window; ``finished`` carries the ImportReport."""

    progressed = Signal(int, int)  # files done, files in all
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, window: QWidget, ctx: AppContext,
                 status: Callable[[str], None]) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = ctx
        self.status = status
        self.dialog: QProgressDialog | None = None
        self._cancel = threading.Event()
        self._running = False
        self._quiet = False  # a look at the watched folder that found nothing new says nothing
        self._seen: set[tuple[str, int, int]] = set()
        self.progressed.connect(self._on_progressed)

    def take_drops(self, target: QWidget) -> None:
        """Import activity files dropped anywhere on ``target`` (SPEC §9)."""
        target.setAcceptDrops(True)
        target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            assert isinstance(event, QDropEvent)  # QDragEnterEvent and QDragMoveEvent too
            paths = local_paths(event.mimeData())
            if paths:
                event.acceptProposedAction()
                if kind == QEvent.Type.Drop:
                    self.import_paths(paths)
                return True
        return False

    @property
    def running(self) -> bool:
        return self._running

    def cancel(self) -> None:
        self._cancel.set()

    # --- the File menu's actions ---------------------------------------------------------
    def make_actions(self) -> tuple[QAction, QAction, QAction]:
        """Import activities…, Watch a folder…, Stop watching (for the File menu)."""
        self.import_action = QAction("&Import activities…", self.window)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.triggered.connect(self.ask_and_import)
        self.watch_action = QAction("&Watch a folder for activities…", self.window)
        self.watch_action.triggered.connect(self.choose_watched_folder)
        self.unwatch_action = QAction("Stop watching the activities folder", self.window)
        self.unwatch_action.triggered.connect(self.stop_watching)
        return self.import_action, self.watch_action, self.unwatch_action

    @Slot()
    def ask_and_import(self) -> None:
        from desktop.dialogs.import_files import ImportFilesDialog

        paths = ImportFilesDialog.ask(self.window)
        if paths:
            self.import_paths(paths)

    @Slot()
    def choose_watched_folder(self) -> None:
        from desktop.dialogs.import_files import WatchFolderDialog

        folder = WatchFolderDialog.ask(self.window, self.watched_folder())
        if folder is not None:
            self.set_watched_folder(folder)
            self.check_watched_folder()

    @Slot()
    def stop_watching(self) -> None:
        self.set_watched_folder(None)

    def update_actions(self) -> None:
        """"Stop watching NAME" is on only while a folder is watched."""
        try:
            folder = self.watched_folder()
        except Exception:  # noqa: BLE001 - a store that cannot be read: nothing is watched
            folder = None
        self.unwatch_action.setEnabled(folder is not None)
        self.unwatch_action.setText("Stop watching the activities folder" if folder is None
                                    else f"Stop watching {folder.name or folder}")

    # --- importing -----------------------------------------------------------------------
    def import_paths(self, paths: list[Path]) -> bool:
        """Start importing ``paths``; False when another import is still running."""
        return self._start(_import, list(paths))

    def _look(self, folder: Path) -> bool:
        if self._running:
            return False
        self._quiet = True
        return self._start(_import_new, folder, frozenset(self._seen))

    def _start(self, work: Callable[..., Any], *args: Any) -> bool:
        if self._running:
            self.status("An import is already running")
            return False
        self._running = True
        self._cancel.clear()
        dialog = QProgressDialog("Reading activity files…", "Cancel", 0, 0, self.window)
        dialog.setWindowTitle("Import activities")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(SHOW_AFTER_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self._cancel.set)
        self.dialog = dialog
        if not self._quiet:
            self.status("Importing activities…")
        run_task(work, self.ctx.app, self._cancel.is_set,
                 self.progressed.emit, *args, on_done=self._on_done, on_error=self._on_error)
        return True

    @Slot(int, int)
    def _on_progressed(self, done: int, total: int) -> None:
        if self.dialog is None:
            return
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(min(done, max(total, 1)))
        self.dialog.setLabelText(f"Reading activity files: {done} of {total}")

    def _finish(self) -> None:
        self._running = False
        if self.dialog is not None:
            self.dialog.canceled.disconnect(self._cancel.set)
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None

    def _on_done(self, result: tuple[ImportReport, set[tuple[str, int, int]]]) -> None:
        report, keys = result
        self._seen |= keys
        quiet, self._quiet = self._quiet, False
        self._finish()
        if quiet and report.total == 0:
            self.finished.emit(report)  # the watched folder had nothing new: say nothing
            return
        if report.days:
            self.ctx.apply(report.change(), self)
        self.status(report.summary())
        if report.refused and not quiet and (report.imported or len(report.refused) > 1):
            from desktop.dialogs.messages import RefusedFiles

            RefusedFiles.ask(self.window, [(r.file, r.reason) for r in report.refused])
        self.finished.emit(report)

    def _on_error(self, exc: BaseException) -> None:
        self._quiet = False
        self._finish()
        message = f"Import failed: {exc}"
        self.status(message)
        self.failed.emit(message)

    # --- the watched folder --------------------------------------------------------------
    def watched_folder(self) -> Path | None:
        value = self.ctx.app.queries.setting(WATCHED_KEY)
        return Path(value) if value else None

    def set_watched_folder(self, folder: Path | None) -> None:
        self.ctx.app.ops.set_setting(WATCHED_KEY, "" if folder is None else str(folder))
        self.ctx.note_quiet_write()  # not another program's write: nothing to reload
        self._seen.clear()
        self.update_actions()
        self.status(f"Watching {folder} for new activity files" if folder is not None
                    else "No longer watching a folder for activities")

    def check_watched_folder(self) -> bool:
        """Import the watched folder's new files (at start, and when the window comes to
        the front); False when there is no folder to look at or an import is running."""
        if self._running:
            return False
        try:
            folder = self.watched_folder()
        except Exception:  # noqa: BLE001 - a busy or damaged store: the next look will do
            return False
        if folder is None:
            return False
        if not folder.is_dir():
            self.status(f"The watched folder {folder} is not there")
            return False
        return self._look(folder)


def _import(app: App, cancelled: Callable[[], bool], progress: Callable[[int, int], None],
            paths: list[Path]) -> tuple[ImportReport, set[tuple[str, int, int]]]:
    """Worker: import ``paths``."""
    try:
        return app.ops.import_paths(paths, cancelled=cancelled, progress=progress), set()
    finally:
        app.close()  # this worker thread's own connection


def _import_new(app: App, cancelled: Callable[[], bool], progress: Callable[[int, int], None],
                folder: Path, seen: frozenset[tuple[str, int, int]]
                ) -> tuple[ImportReport, set[tuple[str, int, int]]]:
    """Worker: import the files of ``folder`` not seen before."""
    from core.app.importing import ImportReport

    fresh, keys = scan_folder(folder, seen)
    if not fresh:
        return ImportReport(), keys
    report, _ = _import(app, cancelled, progress, fresh)
    if report.cancelled:  # the files not read are looked at again next time
        read = {str(p) for p in fresh[:report.done]}
        keys = {k for k in keys if k in seen or k[0] in read}
    return report, keys
