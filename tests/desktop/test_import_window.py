"""Importing activities in the window (SPEC §9): File → Import activities…, files dropped on
the window, the watched folder, a cancellable progress dialog, and what the calendar and the
session detail then show."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QPushButton

from core.activities import read as read_module
from core.app import App
from core.profile import profile_from_dict
from desktop.context import AppContext
from desktop.dialogs.import_files import FilesAndFolders, ImportFilesDialog, WatchFolderDialog
from desktop.dialogs.messages import RefusedFiles
from desktop.main_window import MainWindow
from tests.desktop.conftest import TEST_PROFILE

FIX = Path(__file__).parents[1] / "fixtures" / "activities"
TODAY = date(2026, 12, 5)  # the plan started Mon 23 Nov: Tue 1 Dec long run, Wed recovery
TUE, WED, MON = date(2026, 12, 1), date(2026, 12, 2), date(2026, 11, 30)


@pytest.fixture(autouse=True)
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The fixtures' local dates are their UTC dates."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture(autouse=True)
def refusals(monkeypatch: pytest.MonkeyPatch) -> list[list[tuple[str, str]]]:
    """What the refused-files dialog was asked to list (one list per dialog)."""
    shown: list[list[tuple[str, str]]] = []
    monkeypatch.setattr(RefusedFiles, "ask",
                        classmethod(lambda cls, parent, refused: shown.append(refused)))
    return shown


@pytest.fixture
def later(repo: Any) -> AppContext:
    return AppContext(App(repo, lambda: TODAY))


@pytest.fixture
def window(qtbot: Any, later: AppContext) -> Iterator[MainWindow]:
    w = MainWindow(later, remember=False)
    qtbot.addWidget(w)
    w.resize(1300, 850)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.poll_timer.stop()
    w.importer.cancel()


def answer(monkeypatch: pytest.MonkeyPatch, *paths: Path) -> None:
    monkeypatch.setattr(ImportFilesDialog, "ask", classmethod(lambda cls, parent: list(paths)))


def finished(qtbot: Any, window: MainWindow, start: Any) -> Any:
    with qtbot.waitSignal(window.importer.finished, timeout=60000) as blocker:
        start()
    return blocker.args[0]


def test_file_menu_import_marks_sessions_and_says_so(qtbot: Any, window: MainWindow,
                                                     later: AppContext,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    answer(monkeypatch, FIX / "run.fit", FIX / "walk.fit", FIX / "workout.fit")
    assert window.import_action.text() == "&Import activities…"
    finished(qtbot, window, window.import_action.trigger)
    run = later.app.queries.outcome(TUE)
    assert (run.status, run.minutes, run.distance_km, run.avg_hr, run.source) == (
        "done", 45, 8.12, 148, "run.fit")
    assert later.app.queries.outcome(WED).source == "walk.fit"
    message = window.statusBar().currentMessage()
    assert message == "Imported 2 activities: 2 marked a session done; 1 file refused"


def test_the_refused_files_are_listed_with_their_reasons(
        qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch,
        refusals: list[list[tuple[str, str]]]) -> None:
    """The status bar counts them; a dialog names each file and why it was not used."""
    answer(monkeypatch, FIX / "run.fit", FIX / "workout.fit", FIX / "bad_crc.fit")
    finished(qtbot, window, window.import_action.trigger)
    assert len(refusals) == 1
    named = {Path(name).name: reason for name, reason in refusals[0]}
    assert set(named) == {"workout.fit", "bad_crc.fit"}
    assert "workout" in named["workout.fit"] and "CRC" in named["bad_crc.fit"]


def test_calendar_and_detail_show_distance_pace_and_heart_rate(
        qtbot: Any, window: MainWindow, later: AppContext,
        monkeypatch: pytest.MonkeyPatch) -> None:
    answer(monkeypatch, FIX / "run.fit", FIX / "ride.fit")
    calendar: Any = window.show_page("calendar")
    finished(qtbot, window, window.import_action.trigger)
    calendar.show_date(TUE)
    assert calendar.detail.status.text() == (
        "Done ✓ · 45 min · 8.12 km · 5:33 /km · 148 bpm · from run.fit")
    tue = calendar.model.day(calendar.model.row_of(TUE))
    assert "45 min, 8.12 km, 5:33 /km, 148 bpm" in tue.describe()
    # the ride matched nothing on Monday's strength day: shown on its day, outside the plan
    mon = calendar.model.day(calendar.model.row_of(MON))
    assert mon.activity_lines() == ["Cycling 1 h · 25.00 km · 25.0 km/h · 130 bpm"]
    assert "also Cycling 1 h" in calendar.model.data(
        calendar.model.index(calendar.model.row_of(MON)), Qt.ItemDataRole.ToolTipRole)
    calendar.grid.viewport().repaint()  # the cells paint the new lines without failing
    # a runner who reads miles sees miles
    later.app.ops.save_profile(profile_from_dict({**TEST_PROFILE, "units": "imperial"}))
    later.apply(None)
    calendar.show_date(TUE)
    assert "5.05 mi · 8:55 /mi" in calendar.detail.status.text()  # 332.5 s/km × 1.609344


def test_files_dropped_on_the_window_are_imported(qtbot: Any, window: MainWindow,
                                                  later: AppContext) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(FIX / "ride.fit")),
                  QUrl.fromLocalFile(str(FIX / "strava"))])
    where = QPointF(window.width() / 2, window.height() / 2)
    enter = QDragEnterEvent(where.toPoint(), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(where, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    report = finished(qtbot, window, lambda: QApplication.sendEvent(window, drop))
    assert len(report.imported) == 3 and len(report.refused) == 1  # activities.csv
    assert [a.sport for a in later.app.queries.activities_by_day(MON, MON)[MON]] == ["cycling"]
    assert later.app.queries.outcome(TUE).source == "11001.fit.gz"


def test_the_watched_folder_is_read_at_start_and_on_activation(
        qtbot: Any, later: AppContext, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "watch"
    folder.mkdir()
    shutil.copy(FIX / "run.fit", folder)
    later.app.ops.set_setting("import/watched_folder", str(folder))
    w = MainWindow(later, remember=False)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.importer.finished, timeout=60000):
        w.show()  # the folder is looked at once the window is up
    assert later.app.queries.outcome(TUE).source == "run.fit"
    assert w.unwatch_folder_action.text() == "Stop watching watch" and w.unwatch_folder_action.isEnabled()
    shutil.copy(FIX / "walk.fit", folder)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    with qtbot.waitSignal(w.importer.finished, timeout=60000) as blocker:
        QApplication.sendEvent(w, QEvent(QEvent.Type.ActivationChange))
    assert [Path(f).name for f, _ in blocker.args[0].imported] == ["walk.fit"]  # only new
    assert later.app.queries.outcome(WED).source == "walk.fit"
    w.unwatch_folder_action.trigger()
    assert not w.poll()  # its own write, not one from another program
    assert w.statusBar().currentMessage() == "No longer watching a folder for activities"
    assert w.importer.watched_folder() is None and not w.unwatch_folder_action.isEnabled()
    assert not w.importer.check_watched_folder()
    other = tmp_path / "other"
    other.mkdir()
    monkeypatch.setattr(WatchFolderDialog, "ask", classmethod(lambda cls, p, c: other))
    w.watch_folder_action.trigger()
    assert w.importer.watched_folder() == other and w.unwatch_folder_action.text() == "Stop watching other"
    qtbot.waitUntil(lambda: not w.importer.running)
    w.poll_timer.stop()


def test_a_big_folder_shows_progress_and_can_be_cancelled(
        qtbot: Any, window: MainWindow, later: AppContext, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.fixtures.activities.make_fixtures import strava_run

    folder = tmp_path / "export"
    folder.mkdir()
    for i in range(300):
        (folder / f"{i:03d}.fit").write_bytes(
            strava_run(f"2026-10-{1 + i // 60:02d}T06:{i % 60:02d}:00", 900.0, 3000.0, 140))
    slow = read_module.read_bytes

    def slowly(*args: Any, **kw: Any) -> Any:
        time.sleep(0.01)
        return slow(*args, **kw)

    monkeypatch.setattr(read_module, "read_bytes", slowly)
    answer(monkeypatch, folder)
    seen: list[tuple[int, int]] = []
    window.importer.progressed.connect(lambda d, t: seen.append((d, t)))
    window.import_action.trigger()
    qtbot.waitUntil(lambda: len(seen) > 3, timeout=30000)
    dialog = window.importer.dialog
    assert dialog is not None and dialog.maximum() == 300
    qtbot.waitUntil(dialog.isVisible, timeout=10000)
    assert "of 300" in dialog.labelText()
    cancel = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Cancel")
    with qtbot.waitSignal(window.importer.finished, timeout=60000) as blocker:
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    report = blocker.args[0]
    assert report.cancelled and 0 < report.done < 300
    assert "cancelled after" in window.statusBar().currentMessage()
    kept = later.app.queries.activities_by_day(date(2026, 10, 1), date(2026, 10, 5))
    assert sum(len(v) for v in kept.values()) == len(report.imported)
    assert not window.importer.running and window.importer.dialog is None


def test_the_dialog_takes_files_and_folders(qtbot: Any, tmp_path: Path) -> None:
    dialog = FilesAndFolders(None, "Import activities", str(FIX))
    qtbot.addWidget(dialog)
    dialog.selectFile(str(FIX / "strava"))
    dialog.accept()
    assert dialog.chosen == [FIX / "strava"] and dialog.result() == 1
    files = FilesAndFolders(None, "Import activities", str(FIX))
    qtbot.addWidget(files)
    files.selectFile('"run.fit" "walk.fit"')
    files.accept()
    assert sorted(p.name for p in files.chosen) == ["run.fit", "walk.fit"]


def test_changing_an_imported_sessions_minutes_keeps_its_distance(
        qtbot: Any, window: MainWindow, later: AppContext,
        monkeypatch: pytest.MonkeyPatch) -> None:
    answer(monkeypatch, FIX / "run.fit")
    calendar: Any = window.show_page("calendar")
    finished(qtbot, window, window.import_action.trigger)
    calendar.show_date(TUE)
    detail = calendar.detail
    detail.actual_minutes.setValue(50)
    detail.rpe.setValue(6)
    qtbot.mouseClick(detail.done_button, Qt.MouseButton.LeftButton)
    o = later.app.queries.outcome(TUE)
    assert (o.minutes, o.rpe, o.distance_km, o.avg_hr, o.source) == (50, 6, 8.12, 148, "run.fit")
    assert detail.status.text() == (
        "Done ✓ · 50 min · 8.12 km · 6:09 /km · 148 bpm · effort 6/10 · from run.fit")


def test_progress_counts_imported_minutes_like_typed_ones(
        qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    progress: Any = window.show_page("progress")
    before = progress.tiles["week"].value()
    answer(monkeypatch, FIX / "run.fit", FIX / "walk.fit", FIX / "strava")
    finished(qtbot, window, window.import_action.trigger)
    window.show_page("progress")
    qtbot.waitUntil(lambda: progress.tiles["week"].value() != before)
    # week of Mon 30 Nov: the long run 45 + 25 min, the walk 30, Friday's hiit 28 min
    assert progress.tiles["week"].value() == f"{45 + 25 + 30 + 28} min"


def test_an_empty_watched_folder_says_nothing(qtbot: Any, window: MainWindow,
                                              later: AppContext, tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    later.app.ops.set_setting("import/watched_folder", str(folder))
    window.statusBar().showMessage("before")
    with qtbot.waitSignal(window.importer.finished, timeout=60000):
        assert window.importer.check_watched_folder()
    assert window.statusBar().currentMessage() == "before"
