"""The composition root: QApplication, names, data folder, the store, the main window.

Every start-up problem is one dialog (one stderr line with ``--smoke``, never a wait) and
exit 1: a damaged database offers its readable automatic backups (the damaged file is kept
aside) or quits leaving everything as it was.
"""

from __future__ import annotations

import gc
import re
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from core import clock, paths
from core.wording import month, weekday

if TYPE_CHECKING:
    from core.app import App
from desktop.style import app_icon, apply_style

ORGANIZATION = "runner-legs"
APPLICATION = "Runner Legs"
DESKTOP_FILE = "io.github.runnerlegs.RunnerLegs"


def make_app(argv: list[str]) -> QApplication:
    """The QApplication with our names, icon and style (reused when one exists)."""
    app = QApplication.instance()
    fresh = app is None
    if fresh:
        # Fusion named on Qt's command line rather than set from Python afterwards: asking
        # for the QStyle object from Python sets up its enums (~9 ms) before the first paint.
        app = QApplication([*(argv or ["runner-legs"]), "-style", "fusion"])
    assert isinstance(app, QApplication)
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    app.setDesktopFileName(DESKTOP_FILE)
    app.setWindowIcon(app_icon())
    apply_style(app, fusion_set=fresh)
    return app


def backup_day(backup: Path) -> str:
    """When an automatic backup was made, as a person says it: "Fri 20 Nov"."""
    match = re.search(r"(\d{4}-\d{2}-\d{2})", backup.name)
    if match:
        try:
            day = date.fromisoformat(match.group(1))
        except ValueError:
            pass
        else:
            return f"{weekday(day, short=True)} {day.day} {month(day, short=True)}"
    return backup.name


def restored_notice(backup: Path, moved: Path) -> str:
    """What the window says after a start-up restore: which backup, and where the damaged
    file is now (kept, not deleted)."""
    return (f"Restored the automatic backup of {backup_day(backup)}. Anything logged after it "
            f"is not in it. The damaged file was kept as {moved}")


class StartFailed(Exception):
    """A start-up problem, already said (one dialog and one stderr line)."""


class Starter:
    """Says a start-up problem once: a dialog when ``dialogs`` (never with ``--smoke``: a
    headless check must not wait for a click), and always one line on stderr."""

    def __init__(self, dialogs: bool) -> None:
        self.dialogs = dialogs

    def fail(self, title: str, message: str) -> StartFailed:
        line = " ".join(message.split())
        if self.dialogs:
            from desktop.dialogs.messages import ErrorMessage

            ErrorMessage.ask(None, title, line)
        print(f"runner-legs: {line}", file=sys.stderr)
        return StartFailed(line)


def folder_problem(folder: Path) -> str | None:
    """Why ``folder`` cannot be the data folder (a file is in its place or above it)."""
    for p in (folder, *folder.parents):
        if p.exists():
            return None if p.is_dir() else (
                f"the data folder {folder} cannot be used: {p} is a file, not a folder")
    return None


def open_store(data_dir: Path, notices: list[str] | None = None, *,
               dialogs: bool = True) -> App | None:
    """Open the repository and check every stored value; on a damaged file offer the
    readable automatic backups (with ``dialogs``), on any other problem say it.

    Returns None when the start cannot go on (the problem was said; nothing was changed).
    After a restore, a sentence for the window is appended to ``notices``.
    """
    try:
        return _open_checked(data_dir, notices, Starter(dialogs))
    except StartFailed:
        return None


def _open_checked(data_dir: Path, notices: list[str] | None, starter: Starter) -> App:
    from core.app import DamagedDatabase, StoreError, open_app

    title = "Runner Legs cannot open your data"
    problem = folder_problem(data_dir)
    if problem:
        raise starter.fail(title, problem)
    try:
        app = open_app(data_dir, clock.today)
        app.store.verify()
        return app
    except DamagedDatabase as exc:
        damaged = exc
    except (StoreError, OSError) as exc:
        raise starter.fail(title, str(exc)) from None
    if not starter.dialogs:
        raise starter.fail(title, str(damaged))
    return _offer_backup(data_dir, damaged, notices, starter)


def _offer_backup(data_dir: Path, damaged: Any, notices: list[str] | None,
                  starter: Starter) -> App:
    from core.app import StoreError, open_app, restore_automatic_backup
    from desktop.dialogs.damaged import DamagedDatabaseDialog

    backup = DamagedDatabaseDialog.ask(None, damaged)
    if backup is None:
        print(f"runner-legs: {damaged}", file=sys.stderr)
        raise StartFailed(str(damaged))
    try:
        moved = restore_automatic_backup(data_dir, backup, clock.today)
        app = open_app(data_dir, clock.today)
        app.store.verify()
    except (StoreError, ValueError, OSError) as again:
        raise starter.fail("Could not restore the backup", str(again)) from None
    notice = restored_notice(backup, moved or data_dir)
    print(f"runner-legs: {notice}", file=sys.stderr)
    if notices is not None:
        notices.append(notice)
    return app


def run(argv: list[str], *, smoke: bool = False, data_dir: str | None = None,
        first_paint: bool = False, dialogs: bool | None = None) -> int:
    """Start the desktop app; returns the exit code.

    ``smoke`` shows every page once and exits 0 (a quick check that the app starts);
    ``first_paint`` starts as a user's start does and returns once the window has painted its
    first page, leaving it open (what the start-up benchmark times, just before it exits).
    Every start-up problem is one dialog (``dialogs``, default: not with ``smoke``) and one
    stderr line, then exit 1.
    """
    gc.disable()  # until the first page has painted (see desktop.launch.start)
    try:
        return _run(argv, smoke=smoke, data_dir=data_dir, first_paint=first_paint,
                    starter=Starter(not smoke if dialogs is None else dialogs))
    finally:
        gc.enable()


def _run(argv: list[str], *, smoke: bool, data_dir: str | None, first_paint: bool,
         starter: Starter) -> int:
    from PySide6.QtCore import QTimer

    app = make_app(argv)
    folder = paths.data_dir(data_dir)
    problem = folder_problem(folder)
    if problem:
        starter.fail("Runner Legs cannot open your data", problem)
        return 1
    from desktop.folder_settings import use_folder_settings

    # A smoke run (a build check, often in a throw-away folder) leaves global settings alone.
    use_folder_settings(folder, migrate=not smoke)
    single = None
    if not smoke:
        from desktop.single_instance import SingleInstance

        single = SingleInstance(folder)
        # The folder is claimed now; later copies are answered once the window is up.
        if not single.claim(listen=False):
            print(f"runner-legs: {single.refusal}", file=sys.stderr)
            return 0
    notices: list[str] = []
    try:
        store = _open_checked(folder, notices, starter)
    except StartFailed:
        if single is not None:
            single.release()
        return 1
    try:
        window = _window(store, smoke, single, starter)
    except StartFailed:
        if single is not None:
            single.release()
        store.close()
        return 1
    try:
        window.show()
        window.ctx.judge_weeks()
        for notice in notices:
            window.show_notice(notice)
        if first_paint:  # the first page is on screen: stop here, as the bare window does
            app.processEvents()
            return 0
        if smoke:
            from desktop.main_window import PAGE_NAMES

            for name in PAGE_NAMES:
                window.show_page(name)
                app.processEvents()
            window.close()
            app.processEvents()
            return 0
        QTimer.singleShot(0, gc.enable)  # the first page is on screen: collect as usual
        if single is not None:
            QTimer.singleShot(0, single.listen)  # and later copies can be answered
        code = app.exec()
        return int(code)
    finally:
        if single is not None:
            single.release()
        store.close()


def _window(store: Any, smoke: bool, single: Any, starter: Starter) -> Any:
    """The main window on ``store`` (the App; the first start saves the demo profile); a
    store failure here (a read-only folder at the first start) is said, not raised."""
    from core.app import StoreError
    from desktop.context import AppContext
    from desktop.main_window import MainWindow

    try:
        ctx = AppContext(store)
        ctx.ensure_profile()
        ctx.poll_external()  # our own first-start write is not news from outside
        window = MainWindow(ctx, remember=not smoke)
    except (StoreError, OSError) as exc:
        raise starter.fail("Runner Legs cannot open your data", str(exc)) from None
    if single is not None:
        from desktop.single_instance import bring_to_front

        single.activate_requested.connect(lambda: bring_to_front(window))
    return window


if __name__ == "__main__":
    sys.exit(run(sys.argv))
