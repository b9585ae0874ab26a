"""The composition root: QApplication, names, data folder, the store, the main window.

A damaged database never crashes the start: a dialog offers the newest automatic backup
(the damaged file is kept aside) or quits leaving everything as it was.
"""

from __future__ import annotations

import gc
import re
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

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


def open_store(data_dir: Path, notices: list[str] | None = None) -> App | None:
    """Open the repository; on a damaged file offer the newest automatic backup.

    Returns None when the user chose to quit (nothing was changed). After a restore, a
    sentence for the window is appended to ``notices``.
    """
    from core.app import DamagedDatabase, open_app, restore_automatic_backup

    try:
        return open_app(data_dir, clock.today)
    except DamagedDatabase as exc:
        from desktop.dialogs.damaged import DamagedDatabaseDialog
        from desktop.dialogs.messages import ErrorMessage

        backup = DamagedDatabaseDialog.ask(None, exc)
        if backup is None:
            print(f"runner-legs: {exc}", file=sys.stderr)
            return None
        try:
            moved = restore_automatic_backup(data_dir, backup)
            repo = open_app(data_dir, clock.today)
        except (OSError, DamagedDatabase) as again:
            ErrorMessage.ask(None, "Could not restore the backup", str(again))
            print(f"runner-legs: {again}", file=sys.stderr)
            return None
        notice = restored_notice(backup, moved)
        print(f"runner-legs: {notice}", file=sys.stderr)
        if notices is not None:
            notices.append(notice)
        return repo


def run(argv: list[str], *, smoke: bool = False, data_dir: str | None = None,
        first_paint: bool = False) -> int:
    """Start the desktop app; returns the exit code.

    ``smoke`` shows every page once and exits 0 (a quick check that the app starts);
    ``first_paint`` starts as a user's start does and returns once the window has painted its
    first page, leaving it open (what the start-up benchmark times, just before it exits).
    """
    gc.disable()  # until the first page has painted (see desktop.launch.start)
    try:
        return _run(argv, smoke=smoke, data_dir=data_dir, first_paint=first_paint)
    finally:
        gc.enable()


def _run(argv: list[str], *, smoke: bool, data_dir: str | None, first_paint: bool) -> int:
    from PySide6.QtCore import QTimer

    app = make_app(argv)
    folder = paths.data_dir(data_dir)
    from desktop.folder_settings import use_folder_settings

    # A smoke run (a build check, often in a throw-away folder) leaves global settings alone.
    use_folder_settings(folder, migrate=not smoke)
    single = None
    if not smoke:
        from desktop.single_instance import ALREADY_RUNNING_MESSAGE, SingleInstance

        single = SingleInstance(folder)
        if not single.claim():
            print(f"runner-legs: {ALREADY_RUNNING_MESSAGE}", file=sys.stderr)
            return 0
    notices: list[str] = []
    repo = open_store(folder, notices)
    if repo is None:
        return 1
    try:
        from desktop.context import AppContext
        from desktop.main_window import PAGE_NAMES, MainWindow

        ctx = AppContext(repo)
        ctx.ensure_profile()
        ctx.poll_external()  # our own first-start write is not news from outside
        window = MainWindow(ctx, remember=not smoke)
        if single is not None:
            from desktop.single_instance import bring_to_front

            single.activate_requested.connect(lambda: bring_to_front(window))
        window.show()
        ctx.judge_weeks()
        for notice in notices:
            window.show_notice(notice)
        if first_paint:  # the first page is on screen: stop here, as the bare window does
            app.processEvents()
            return 0
        if smoke:
            for name in PAGE_NAMES:
                window.show_page(name)
                app.processEvents()
            window.close()
            app.processEvents()
            return 0
        QTimer.singleShot(0, gc.enable)  # the first page is on screen: collect as usual
        code = app.exec()
        return int(code)
    finally:
        if single is not None:
            single.release()
        repo.close()


if __name__ == "__main__":
    sys.exit(run(sys.argv))
