"""File → Restore checks the file first, says what it holds before asking, words errors
plainly, and takes the automatic .sqlite3 backups as well as JSON ones."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from core.checkin import CheckIn, Outcome
from desktop.dialogs.files import OpenFileDialog
from desktop.dialogs.messages import ConfirmRestore, ErrorMessage
from tests.desktop.conftest import TODAY


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    errors: list[tuple[str, str]] = []
    monkeypatch.setattr(ErrorMessage, "ask",
                        classmethod(lambda cls, parent, title, text: errors.append((title, text))))
    return errors


def pick(monkeypatch: pytest.MonkeyPatch, path: Path, reply: bool | None = True) -> list[Any]:
    asked: list[Any] = []
    filters: list[list[str]] = []

    def open_ask(cls: Any, parent: Any, title: str, offered: list[str]) -> Path:
        filters.append(offered)
        return path

    def confirm(cls: Any, parent: Any, chosen: Path, contents: str) -> bool | None:
        asked.append(contents)
        return reply

    monkeypatch.setattr(OpenFileDialog, "ask", classmethod(open_ask))
    monkeypatch.setattr(ConfirmRestore, "ask", classmethod(confirm))
    asked.append(filters)
    return asked


def test_restore_names_what_the_backup_holds_before_replacing(
        qtbot, main_window, ctx, tmp_path, monkeypatch, shown) -> None:
    ctx.apply(ctx.app.store.save_checkin(CheckIn(TODAY, sleep_hours=7.5)))
    backup = tmp_path / "mine.json"
    ctx.app.store.backup_to(backup)
    day = TODAY + timedelta(days=1)
    ctx.apply(ctx.app.store.save_outcome(Outcome(day, "done", 30, 5)))
    asked = pick(monkeypatch, backup)
    with qtbot.waitSignal(ctx.changed):
        main_window.restore_action.trigger()
    filters, contents = asked
    assert any("*.json" in f and "*.sqlite3" in f for f in filters[0])
    assert "Sam Tester" in contents and "1 check-in and no marked sessions" in contents
    assert "check-ins" not in contents
    assert ctx.app.store.outcome(day) is None and not shown
    assert "1 check-in" in main_window.statusBar().currentMessage()


def test_a_file_that_is_no_backup_is_refused_in_plain_words_without_asking(
        main_window, ctx, tmp_path, monkeypatch, shown) -> None:
    bad = tmp_path / "notes.json"
    bad.write_text("shopping list", encoding="utf-8")
    before = ctx.app.store.plan()
    asked = pick(monkeypatch, bad)
    main_window.restore_action.trigger()
    assert len(asked) == 1  # only the file dialog: no "Replace everything?"
    title, text = shown[0]
    assert title == "Could not restore" and "“notes.json” is not a Runner Legs backup" in text
    assert "Expecting value" not in text and "line 1 column" not in text and "JSON (" not in text
    assert ctx.app.store.plan() == before


def test_an_automatic_sqlite_backup_can_be_restored(qtbot, main_window, ctx, tmp_path,
                                                    monkeypatch, shown) -> None:
    ctx.apply(ctx.app.store.save_checkin(CheckIn(TODAY, sleep_hours=8)))
    ctx.apply(ctx.app.store.save_outcome(Outcome(TODAY, "done", 30, 5)))
    auto = tmp_path / "runner-legs-2026-11-23.sqlite3"
    source = sqlite3.connect(ctx.app.store.path)
    target = sqlite3.connect(auto)
    source.backup(target)
    source.close()
    target.close()
    ctx.apply(ctx.app.store.save_outcome(Outcome(TODAY, "skipped", None, None)))
    asked = pick(monkeypatch, auto)
    with qtbot.waitSignal(ctx.changed):
        main_window.restore_action.trigger()
    assert "1 check-in and 1 marked session" in asked[1]
    assert ctx.app.store.outcome(TODAY).status == "done" and not shown


def test_cancel_after_the_check_changes_nothing(main_window, ctx, tmp_path, monkeypatch,
                                                shown) -> None:
    backup = tmp_path / "b.json"
    ctx.app.store.backup_to(backup)
    ctx.apply(ctx.app.store.save_outcome(Outcome(TODAY, "done", 30, 5)))
    asked = pick(monkeypatch, backup, reply=None)
    main_window.restore_action.trigger()
    assert len(asked) == 2 and ctx.app.store.outcome(TODAY) is not None


def test_a_sqlite_backup_is_read_with_its_wal_and_without_its_triggers(
        qtbot, main_window, ctx, tmp_path, monkeypatch, shown) -> None:
    """The window reads an automatic backup as the command line restores it: through SQLite
    (a check-in still in the backup's -wal file counts), and a trigger the file carries
    never runs on the data."""
    auto = tmp_path / "runner-legs-2026-11-23.sqlite3"
    source = sqlite3.connect(ctx.app.store.path)
    target = sqlite3.connect(auto)
    source.backup(target)
    source.close()
    target.execute("PRAGMA journal_mode=WAL")
    target.execute("PRAGMA wal_autocheckpoint=0")
    target.execute("CREATE TRIGGER wipe AFTER INSERT ON checkin BEGIN DELETE FROM outcome; "
                   "END")
    target.execute("INSERT INTO checkin (day, sleep_hours, warmup_done, stretch_done, "
                   "foam_roll, water_met) VALUES (?, 6.5, 0, 0, '', 0)", (TODAY.isoformat(),))
    target.commit()
    keep_open = target  # the check-in stays in the -wal file while the backup is read
    asked = pick(monkeypatch, auto)
    with qtbot.waitSignal(ctx.changed):
        main_window.restore_action.trigger()
    keep_open.close()
    assert "1 check-in" in asked[1] and not shown
    assert ctx.app.store.checkin(TODAY).sleep_hours == 6.5
    names = [r[0] for r in sqlite3.connect(ctx.app.store.path).execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger'")]
    assert names == []
