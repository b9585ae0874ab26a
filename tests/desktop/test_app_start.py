"""Starting the app: the smoke run, a damaged database at start-up and the restore that
follows it, told in the window."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from core import clock
from desktop.main_window import MainWindow
from tests.desktop.conftest import TODAY, open_store


def _damage(data_dir: Path) -> tuple[Path, bytes]:
    """Make a store with an automatic backup, then overwrite the database with junk."""
    from core.checkin import CheckIn
    from core.profile import DEMO, profile_from_dict

    store = open_store(data_dir)
    store.save_profile(profile_from_dict(DEMO), TODAY)
    store.close()
    store = open_store(data_dir)  # the first write on a store with data makes a backup
    store.save_checkin(CheckIn(date=TODAY, sleep_hours=8.0))
    store.close()
    db = data_dir / "runner-legs.sqlite3"
    junk = b"this is not a database " * 200
    db.write_bytes(junk)
    return db, junk


def test_smoke_start_shows_every_page_and_exits_0(tmp_path: Path) -> None:
    from desktop.app import run

    assert run([], smoke=True, data_dir=str(tmp_path / "smoke")) == 0
    assert (tmp_path / "smoke" / "runner-legs.sqlite3").exists()


def test_damaged_database_offers_the_newest_backup(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.app import run
    from desktop.dialogs.damaged import DamagedDatabaseDialog

    data_dir = tmp_path / "data"
    db, junk = _damage(data_dir)
    seen: list[Any] = []

    def choose_newest(cls: Any, parent: Any, error: Any) -> Path | None:
        seen.append(error)
        return error.backups[0] if error.backups else None

    monkeypatch.setattr(DamagedDatabaseDialog, "ask", classmethod(choose_newest))
    assert run([], smoke=True, data_dir=str(data_dir)) == 0
    assert seen and seen[0].backups, "the dialog was offered a backup"
    assert db.read_bytes() != junk
    kept = [p for p in data_dir.rglob("*") if p.is_file() and p.read_bytes() == junk]
    assert kept, "the damaged file is kept aside, not deleted"


def test_damaged_database_quit_changes_nothing(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.app import run
    from desktop.dialogs.damaged import DamagedDatabaseDialog

    data_dir = tmp_path / "data"
    db, junk = _damage(data_dir)
    monkeypatch.setattr(DamagedDatabaseDialog, "ask", classmethod(lambda cls, p, e: None))
    assert run([], smoke=True, data_dir=str(data_dir)) == 1
    assert db.read_bytes() == junk


def test_a_restore_at_start_up_is_said_in_the_window(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.app import run
    from desktop.dialogs.damaged import DamagedDatabaseDialog

    data_dir = tmp_path / "data"
    _damage(data_dir)
    chosen: list[Path] = []

    def newest(cls: Any, parent: Any, error: Any) -> Path:
        chosen.append(error.backups[0])
        return error.backups[0]

    monkeypatch.setattr(DamagedDatabaseDialog, "ask", classmethod(newest))
    notices: list[tuple[str, bool]] = []
    original = MainWindow.show_notice

    def record(self: MainWindow, text: str) -> None:
        original(self, text)
        notices.append((self.notice_label.text(), self.notice_banner.isVisible()))

    monkeypatch.setattr(MainWindow, "show_notice", record)
    assert run([], smoke=True, data_dir=str(data_dir)) == 0
    assert len(notices) == 1
    text, shown = notices[0]
    assert shown
    # The backup's file name carries the day it was made: runner-legs-YYYY-MM-DD.sqlite3.
    from datetime import date

    made = date.fromisoformat(chosen[0].name.removeprefix("runner-legs-")[:10])
    assert text.startswith(f"Restored the automatic backup of {made:%a} {made.day} {made:%b}")
    kept = [p for p in data_dir.iterdir() if p.is_file() and p.name != "runner-legs.sqlite3"
            and p.name.startswith("runner-legs.sqlite3")]
    assert kept and str(kept[0]) in text


def test_the_damaged_database_dialog_speaks_to_a_window_user(tmp_path: Path,
                                                            qtbot: Any) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    from core.store import DamagedDatabase, open_repository
    from desktop.dialogs.damaged import DamagedDatabaseDialog

    data_dir = tmp_path / "data"
    db, _ = _damage(data_dir)
    with pytest.raises(DamagedDatabase) as caught:
        open_repository(data_dir, today=clock.today)
    seen: list[str] = []

    def read_and_quit() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.text() + "\n" + box.informativeText())
        quit_button = next(b for b in box.buttons() if b.text() == "Quit")
        quit_button.click()

    QTimer.singleShot(0, read_and_quit)
    assert DamagedDatabaseDialog.ask(None, caught.value) is None
    text = seen[0]
    assert str(db) in text
    assert "runner-legs --data-dir" not in text and " run:" not in text
    assert "Restore newest backup" in text
