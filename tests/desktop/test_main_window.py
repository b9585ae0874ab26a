"""The main window: pages, remembered layout, the demo banner, undo, outside changes, start-up."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication

from desktop.main_window import DEMO_TEXT, PAGE_NAMES, MainWindow, about_text
from tests.desktop.conftest import TODAY, open_store


def test_every_page_opens_from_the_sidebar(qtbot: Any, main_window: MainWindow) -> None:
    for row, name in enumerate(PAGE_NAMES):
        item = main_window.sidebar.item(row)
        rect = main_window.sidebar.visualItemRect(item)
        qtbot.mouseClick(main_window.sidebar.viewport(), Qt.MouseButton.LeftButton,
                         pos=rect.center())
        page = main_window.stack.currentWidget()
        assert page is main_window.pages[name]
        assert page.objectName(), f"{name} page has an object name"
        assert main_window.current_page_name() == name


def test_go_menu_shortcuts_switch_pages(qtbot: Any, main_window: MainWindow) -> None:
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow)
    qtbot.keyClick(main_window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert main_window.current_page_name() == "calendar"
    qtbot.keyClick(main_window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert main_window.current_page_name() == "meals"


def test_size_and_last_page_are_remembered(qtbot: Any, ctx: Any) -> None:
    first = MainWindow(ctx)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.show_page("recovery")
    first.resize(first.minimumSizeHint().expandedTo(QSize(700, 520)))
    size = first.size()
    assert size != second_default_size(ctx, qtbot)
    first.close()

    second = MainWindow(ctx)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert second.current_page_name() == "recovery"
    assert second.size() == size
    second.close()


def second_default_size(ctx: Any, qtbot: Any) -> QSize:
    """The size a window gets with no saved settings (so the test can fail)."""
    from PySide6.QtCore import QSettings

    saved = QSettings().value("window/geometry")
    QSettings().remove("window/geometry")
    window = MainWindow(ctx, remember=False)
    qtbot.addWidget(window)
    size = window.size()
    window.close()
    if saved is not None:
        QSettings().setValue("window/geometry", saved)
    return size


def test_first_start_shows_the_demo_banner_that_leads_to_the_profile(
        qtbot: Any, demo_ctx: Any) -> None:
    window = MainWindow(demo_ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert demo_ctx.is_demo()
    assert window.demo_banner.isVisible()
    assert window.demo_label.text() == DEMO_TEXT
    qtbot.mouseClick(window.demo_button, Qt.MouseButton.LeftButton)
    assert window.current_page_name() == "profile"

    from core.profile import DEMO, profile_from_dict

    mine = profile_from_dict({**DEMO, "name": "Robin", "weight_kg": 70})
    demo_ctx.apply(demo_ctx.repo.save_profile(mine, TODAY))
    assert not window.demo_banner.isVisible()
    window.poll_timer.stop()


def test_a_saved_profile_shows_no_demo_banner(main_window: MainWindow) -> None:
    assert not main_window.demo_banner.isVisible()


def test_ctrl_z_undoes_a_move_made_on_the_calendar(qtbot: Any, main_window: MainWindow,
                                                   ctx: Any) -> None:
    calendar = main_window.show_page("calendar")
    tue, thu = TODAY + timedelta(days=1), TODAY + timedelta(days=3)
    before = ctx.repo.plan()
    calendar.move_session(thu, tue)
    assert ctx.repo.plan().session_on(tue).kind == before.session_on(thu).kind
    assert main_window.statusBar().currentMessage()  # the store's summary of the change
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow)
    calendar.grid.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ctx.repo.plan().session_on(tue).kind == before.session_on(tue).kind
    assert ctx.repo.plan().session_on(thu).kind == before.session_on(thu).kind
    assert main_window.undo_action.isEnabled() is False
    assert main_window.redo_action.isEnabled()


def test_a_day_logged_elsewhere_shows_up_after_polling(qtbot: Any, main_window: MainWindow,
                                                       ctx: Any) -> None:
    from core.checkin import CheckIn, Outcome

    calendar = main_window.show_page("calendar")
    other = open_store(ctx.repo.data_dir)  # as the command line would
    try:
        other.save_checkin(CheckIn(date=TODAY, sleep_hours=7.5))
        other.save_outcome(Outcome(TODAY, "done", 33, 6))
    finally:
        other.close()
    assert main_window.poll()
    info = calendar.model.day(calendar.model.row_of(TODAY))
    assert info.status == "done" and info.checkin.sleep_hours == 7.5
    assert calendar.detail.status.text().startswith("Done")
    assert not main_window.poll()


def test_about_shows_the_installed_version() -> None:
    from importlib.metadata import version

    assert version("runner-legs") in about_text()


def test_guide_opens_with_its_sources(qtbot: Any, main_window: MainWindow) -> None:
    from desktop.dialogs.guide import GuideDialog

    main_window.guide_action.trigger()
    dialogs = [w for w in QApplication.topLevelWidgets()
               if isinstance(w, GuideDialog) and w.isVisible()]
    assert dialogs
    text = dialogs[0].browser.toPlainText()
    assert "How the plan works" in text
    assert "[S0]" in text and "[S4]" in text and "Mifflin" in text
    for dialog in dialogs:
        dialog.close()


def test_every_number_in_the_guide_names_its_source() -> None:
    from desktop.guide import NUMBERS, SECTIONS

    assert len(NUMBERS) >= 20
    for what, _number, tag in NUMBERS:
        assert tag.startswith("[S0]") or tag.startswith("[S4]") or tag.startswith("[EXT"), what
    for _, title, paragraphs in SECTIONS:
        assert all("[S0]" in p or "[S4]" in p for p in paragraphs), title


# --- start-up ------------------------------------------------------------------------------

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
