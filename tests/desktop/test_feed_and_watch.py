"""File → Export workouts for a watch… and File → Keep a calendar file up to date…: real
files written by workers, the feed following every change made in the window."""

from __future__ import annotations

import io
import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import fitdecode
import pytest
from icalendar import Calendar

from core.app.exports import FEED_SETTING
from desktop import export_actions
from desktop.dialogs.files import FolderDialog, OpenFileDialog, SaveFileDialog
from desktop.dialogs.messages import ConfirmRestore, ErrorMessage
from desktop.main_window import MainWindow
from desktop.undo import MoveSessionCommand, push
from tests.desktop.conftest import TODAY

TUE, THU = TODAY + timedelta(days=1), TODAY + timedelta(days=3)


@pytest.fixture(autouse=True)
def no_blocking_errors(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(ErrorMessage, "ask",
                        classmethod(lambda cls, parent, title, text: shown.append((title, text))))
    return shown


def answer_folder(monkeypatch: pytest.MonkeyPatch, folder: Path | None) -> list[str]:
    titles: list[str] = []

    def ask(cls: Any, parent: Any, title: str) -> Path | None:
        titles.append(title)
        return folder

    monkeypatch.setattr(FolderDialog, "ask", classmethod(ask))
    return titles


def answer_save(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(SaveFileDialog, "ask",
                        classmethod(lambda cls, parent, title, name, filters, selected=None:
                                    (path, filters[0])))


def events(path: Path) -> dict[str, Any]:
    return {str(ev["UID"]): ev for ev in Calendar.from_ical(path.read_bytes()).walk("VEVENT")}


def on_day(path: Path, day: Any) -> Any:
    return next(ev for ev in events(path).values() if ev.decoded("DTSTART") == day)


def test_watch_workouts_for_the_shown_week(qtbot: Any, main_window: MainWindow, ctx: Any,
                                           tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "GARMIN" / "NewFiles"
    folder.mkdir(parents=True)
    titles = answer_folder(monkeypatch, folder)
    with qtbot.waitSignal(main_window.exporter.exported, timeout=60000) as blocker:
        main_window.watch_action.trigger()
    assert blocker.args[0] == folder
    assert titles and "GARMIN/NewFiles" in titles[0]
    week = ctx.plan().current_week(TODAY)
    runs = sorted((s for s in week.sessions if s.is_run), key=lambda s: s.date)
    files = sorted(folder.iterdir())
    assert [p.name for p in files] == [f"{s.date.isoformat()}-{s.kind}.fit" for s in runs]
    with fitdecode.FitReader(io.BytesIO(files[0].read_bytes())) as fit:
        names = [f.get_value("wkt_name") for f in fit
                 if isinstance(f, fitdecode.FitDataMessage) and f.name == "workout"]
    assert names == [runs[0].title]
    assert f"saved {len(runs)} files" in main_window.statusBar().currentMessage()


def test_a_watch_folder_elsewhere_is_told_where_a_garmin_wants_them(
        qtbot: Any, main_window: MainWindow, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    answer_folder(monkeypatch, tmp_path / "workouts")
    with qtbot.waitSignal(main_window.exporter.exported, timeout=60000):
        main_window.watch_action.trigger()
    assert "GARMIN/NewFiles" in main_window.statusBar().currentMessage()
    assert list((tmp_path / "workouts").glob("*.fit"))


def test_cancelling_the_folder_writes_nothing(main_window: MainWindow, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    answer_folder(monkeypatch, None)
    main_window.watch_action.trigger()
    assert list(tmp_path.rglob("*.fit")) == []


def keep_feed(qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch,
              path: Path) -> None:
    answer_save(monkeypatch, path)
    with qtbot.waitSignal(window.feed.updated, timeout=60000):
        window.feed_action.trigger()


def test_the_feed_follows_a_move_and_its_undo(qtbot: Any, main_window: MainWindow, ctx: Any,
                                              tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "feed.ics"
    assert not main_window.feed_stop_action.isEnabled()
    keep_feed(qtbot, main_window, monkeypatch, out)
    assert ctx.app.store.setting(FEED_SETTING) == str(out)
    assert main_window.feed_stop_action.isEnabled()
    assert "feed.ics" in main_window.feed_stop_action.text()
    moved_kind = ctx.plan().session_on(TUE).kind
    uid = next(u for u, ev in events(out).items() if ev.decoded("DTSTART") == TUE)
    assert int(events(out)[uid]["SEQUENCE"]) == 0
    with qtbot.waitSignal(main_window.feed.updated, timeout=60000):
        push(ctx, MoveSessionCommand(ctx, TUE, THU))  # as a drag on the calendar does
    assert events(out)[uid].decoded("DTSTART") == THU and int(events(out)[uid]["SEQUENCE"]) == 1
    assert ctx.plan().session_on(THU).kind == moved_kind
    with qtbot.waitSignal(main_window.feed.updated, timeout=60000):
        main_window.undo_action.trigger()
    assert events(out)[uid].decoded("DTSTART") == TUE and int(events(out)[uid]["SEQUENCE"]) == 2


def test_the_feed_follows_a_restore(qtbot: Any, main_window: MainWindow, ctx: Any,
                                    tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "feed.ics"
    backup = tmp_path / "backup.json"
    ctx.app.store.backup_to(backup)
    push(ctx, MoveSessionCommand(ctx, TUE, THU))
    keep_feed(qtbot, main_window, monkeypatch, out)
    assert on_day(out, THU)["SUMMARY"] != on_day(out, TUE)["SUMMARY"]
    moved = str(on_day(out, THU)["UID"])
    monkeypatch.setattr(OpenFileDialog, "ask", classmethod(lambda cls, *a: backup))
    monkeypatch.setattr(ConfirmRestore, "ask", classmethod(lambda cls, *a: True))
    assert FEED_SETTING not in json.loads(backup.read_text())["settings"]
    with qtbot.waitSignal(main_window.feed.updated, timeout=60000):
        main_window.restore_action.trigger()
    assert events(out)[moved].decoded("DTSTART") == TUE
    # The backup was made before the feed was named: the feed is this machine's, and stays.
    assert ctx.app.store.setting(FEED_SETTING) == str(out)


def test_stopping_leaves_the_file_as_it_was(qtbot: Any, main_window: MainWindow, ctx: Any,
                                            tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "feed.ics"
    push(ctx, MoveSessionCommand(ctx, TUE, THU))
    keep_feed(qtbot, main_window, monkeypatch, out)
    before = out.read_bytes()
    main_window.feed_stop_action.trigger()
    assert ctx.app.store.setting(FEED_SETTING) == "" and not main_window.feed_stop_action.isEnabled()
    # Naming or stopping the feed is a setting: the move can still be undone.
    assert ctx.undo_stack.count() == 1 and not ctx.poll_external()
    with qtbot.assertNotEmitted(main_window.feed.updated, wait=300):
        main_window.undo_action.trigger()
    assert ctx.undo_stack.count() == 1 and ctx.undo_stack.index() == 0  # the undo ran
    assert out.read_bytes() == before


def test_another_programs_calendar_is_refused(qtbot: Any, main_window: MainWindow, ctx: Any,
                                             tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             no_blocking_errors: list[tuple[str, str]]) -> None:
    mine = tmp_path / "personal.ics"
    text = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Other//EN\r\nEND:VCALENDAR\r\n"
    mine.write_bytes(text)
    answer_save(monkeypatch, mine)
    with qtbot.waitSignal(main_window.feed.failed, timeout=60000):
        main_window.feed_action.trigger()
    assert no_blocking_errors and "not a calendar file written by Runner Legs" in \
        no_blocking_errors[0][1]
    assert mine.read_bytes() == text and not ctx.app.store.setting(FEED_SETTING)


def test_export_module_keeps_its_watch_title() -> None:
    assert "GARMIN/NewFiles" in export_actions.WATCH_FOLDER_TITLE
