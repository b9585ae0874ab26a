"""The main window: pages, remembered layout, the demo banner, undo, outside changes, start-up."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication

from core.app.planning import save_profile
from desktop.dialogs.about import about_text
from desktop.main_window import DEMO_TEXT, PAGE_NAMES, MainWindow
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
    demo_ctx.apply(save_profile(demo_ctx.app.store, mine, TODAY))
    assert not window.demo_banner.isVisible()
    window.poll_timer.stop()


def test_a_saved_profile_shows_no_demo_banner(main_window: MainWindow) -> None:
    assert not main_window.demo_banner.isVisible()


def test_ctrl_z_undoes_a_move_made_on_the_calendar(qtbot: Any, main_window: MainWindow,
                                                   ctx: Any) -> None:
    calendar = main_window.show_page("calendar")
    tue, thu = TODAY + timedelta(days=1), TODAY + timedelta(days=3)
    before = ctx.app.store.plan()
    calendar.move_session(thu, tue)
    assert ctx.app.store.plan().session_on(tue).kind == before.session_on(thu).kind
    assert main_window.statusBar().currentMessage()  # the store's summary of the change
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow)
    calendar.grid.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ctx.app.store.plan().session_on(tue).kind == before.session_on(tue).kind
    assert ctx.app.store.plan().session_on(thu).kind == before.session_on(thu).kind
    assert main_window.undo_action.isEnabled() is False
    assert main_window.redo_action.isEnabled()


def test_a_day_logged_elsewhere_shows_up_after_polling(qtbot: Any, main_window: MainWindow,
                                                       ctx: Any) -> None:
    from core.checkin import CheckIn, Outcome

    calendar = main_window.show_page("calendar")
    other = open_store(ctx.app.store.data_dir)  # as the command line would
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
        assert all("[S0]" in p or "[S4]" in p or "[EXT" in p for p in paragraphs), title


# --- start-up ------------------------------------------------------------------------------


# --- undo after the plan changed underneath ------------------------------------------------

def _focus_and_press(qtbot: Any, window: MainWindow, key: Qt.Key,
                     modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(QApplication.focusWidget() or window, key, modifier)


def test_saving_the_profile_makes_an_earlier_move_not_undoable(
        qtbot: Any, main_window: MainWindow, ctx: Any) -> None:
    from tests.desktop.calendar_support import drop

    calendar = main_window.show_page("calendar")
    tue, thu = TODAY + timedelta(days=1), TODAY + timedelta(days=3)
    drop(calendar, thu, tue)
    assert ctx.app.store.plan().session_on(tue).edited
    assert main_window.undo_action.isEnabled()

    profile = main_window.show_page("profile")
    editor = profile.form.minutes.lineEdit()
    editor.selectAll()
    qtbot.keyClicks(editor, str(ctx.profile().weekly_run_minutes + 30))
    qtbot.mouseClick(profile.save_button, Qt.MouseButton.LeftButton)
    rebuilt = ctx.app.store.plan()
    assert ctx.app.store.profile().weekly_run_minutes == ctx.profile().weekly_run_minutes
    assert not main_window.undo_action.isEnabled()

    _focus_and_press(qtbot, main_window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ctx.app.store.plan() == rebuilt


def test_a_change_from_outside_clears_the_undo_history(qtbot: Any, main_window: MainWindow,
                                                       ctx: Any) -> None:
    from core.checkin import Outcome

    calendar = main_window.show_page("calendar")
    calendar.move_session(TODAY + timedelta(days=3), TODAY + timedelta(days=1))
    assert ctx.undo_stack.canUndo()
    other = open_store(ctx.app.store.data_dir)
    try:
        other.save_outcome(Outcome(TODAY, "done", 30, 5))
    finally:
        other.close()
    assert main_window.poll()
    assert not ctx.undo_stack.canUndo()


def test_undoing_a_drag_puts_both_sessions_back_exactly(qtbot: Any, main_window: MainWindow,
                                                        ctx: Any) -> None:
    from desktop.pages.calendar_cell import week_cell_texts
    from tests.desktop.calendar_support import drop

    calendar = main_window.show_page("calendar")
    tue, thu = TODAY + timedelta(days=1), TODAY + timedelta(days=3)
    before = ctx.app.store.plan()
    originals = (before.session_on(tue), before.session_on(thu))
    assert not originals[0].edited and not originals[1].edited
    drop(calendar, thu, tue)
    cell = calendar.model.day(calendar.model.row_of(tue))
    assert any("edited" in text for text, _ in week_cell_texts(cell))

    calendar.grid.setFocus()
    _focus_and_press(qtbot, main_window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    after = ctx.app.store.plan()
    assert (after.session_on(tue), after.session_on(thu)) == originals
    assert after == before
    for day in (tue, thu):
        info = calendar.model.day(calendar.model.row_of(day))
        texts = " ".join(text for text, _ in week_cell_texts(info))
        assert "moved" not in texts and "edited" not in texts
        text = calendar.model.data(calendar.model.index(calendar.model.row_of(day)),
                                   Qt.ItemDataRole.AccessibleTextRole)
        assert "changed by you" not in text


def test_a_swap_names_both_sessions_in_the_status_bar(main_window: MainWindow,
                                                      ctx: Any) -> None:
    from tests.desktop.calendar_support import drop

    calendar = main_window.show_page("calendar")
    thu, fri = TODAY + timedelta(days=3), TODAY + timedelta(days=4)
    plan = ctx.app.store.plan()
    was_thu, was_fri = plan.session_on(thu), plan.session_on(fri)
    assert "rest" not in (was_thu.kind, was_fri.kind)
    drop(calendar, fri, thu)
    assert main_window.statusBar().currentMessage() == (
        f"Swapped {was_fri.title} (now Thu) and {was_thu.title} (now Fri)")
    assert main_window.undo_action.text() == (
        f"&Undo Swap {was_fri.title} (now Thu) and {was_thu.title} (now Fri)")


# --- calendar keys with focus anywhere ---------------------------------------------------

def test_calendar_keys_work_right_after_clicking_calendar_in_the_sidebar(
        qtbot: Any, main_window: MainWindow) -> None:
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow)
    row = PAGE_NAMES.index("calendar")
    rect = main_window.sidebar.visualItemRect(main_window.sidebar.item(row))
    qtbot.mouseClick(main_window.sidebar.viewport(), Qt.MouseButton.LeftButton,
                     pos=rect.center())
    calendar = main_window.pages["calendar"]
    assert main_window.stack.currentWidget() is calendar
    first = calendar.shown_range()[0]
    focus = QApplication.focusWidget()
    assert focus is not None and not calendar.isAncestorOf(focus)
    qtbot.keyClick(focus, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert calendar.shown_range()[0] == first + timedelta(days=7)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_M)
    assert calendar.mode == "month"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_W)
    assert calendar.mode == "week"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert calendar.shown_range()[0] == first

    # On another page the calendar's keys are not taken.
    main_window.show_page("today")
    qtbot.keyClick(QApplication.focusWidget() or main_window, Qt.Key.Key_Right,
                   Qt.KeyboardModifier.AltModifier)
    assert calendar.shown_range()[0] == first


def test_the_edit_menu_lists_the_keyboard_moves(main_window: MainWindow) -> None:
    main_window.show_page("calendar")
    texts = [a.text() for a in main_window.edit_menu.actions()]
    assert "Move session to previous day" in texts and "Move session to next day" in texts
    moves = [a for a in main_window.edit_menu.actions() if a.text().startswith("Move session")]
    assert [a.shortcut().toString() for a in moves] == ["Ctrl+Shift+Left", "Ctrl+Shift+Right"]


# --- settings are saved as they change --------------------------------------------------

def test_page_and_geometry_are_saved_without_closing(qtbot: Any, main_window: MainWindow) -> None:
    from PySide6.QtCore import QSettings

    from desktop.main_window import GEOMETRY_KEY, PAGE_KEY

    main_window.show_page("meals")
    assert QSettings().value(PAGE_KEY) == "meals"
    main_window.show_page("progress")
    assert QSettings().value(PAGE_KEY) == "progress"

    main_window.resize(main_window.size() + QSize(37, 23))
    wanted = main_window.saveGeometry()
    qtbot.waitUntil(lambda: QSettings().value(GEOMETRY_KEY) == wanted, timeout=5000)


# --- start-up restore --------------------------------------------------------------------


def test_a_dark_palette_keeps_fields_and_check_boxes_visible() -> None:
    from PySide6.QtGui import QPalette

    from desktop.screenshots import dark_palette
    from desktop.style import readable_palette

    dark = dark_palette()
    assert dark.color(QPalette.ColorRole.Base).lightness() < dark.color(
        QPalette.ColorRole.Window).lightness()
    fixed = readable_palette(dark)
    # Fusion outlines fields in a darker shade of the window: the field must be lighter.
    assert fixed.color(QPalette.ColorRole.Base).lightness() > fixed.color(
        QPalette.ColorRole.Window).lightness()
    light = QPalette()
    light.setColor(QPalette.ColorRole.Window, "#F0F0F0")
    light.setColor(QPalette.ColorRole.Base, "#FFFFFF")
    assert readable_palette(light) == light


def test_screenshots_refuse_a_silly_scale(capsys: pytest.CaptureFixture[str]) -> None:
    from desktop.screenshots import main

    with pytest.raises(SystemExit) as leaving:
        main(["--scale", "9", "out"])
    assert leaving.value.code == 2
    assert "--scale must be between 0.5 and 4, got 9" in capsys.readouterr().err


def test_go_menu_entries_each_have_their_own_alt_key(main_window: MainWindow) -> None:
    keys = []
    for action in main_window.go_menu.actions():
        text = action.text()
        assert "&" in text, text
        keys.append(text[text.index("&") + 1].lower())
    assert len(keys) == 6 and len(set(keys)) == 6
    main_window.go_menu.actions()[5].trigger()
    assert main_window.current_page_name() == "progress"


def test_the_window_never_opens_larger_than_the_screen(qtbot: Any, ctx: Any) -> None:
    first = MainWindow(ctx)
    qtbot.addWidget(first)
    area = first.screen().availableGeometry()
    first.resize(area.width() * 2, area.height() * 2)  # saved on a bigger screen
    first.move(area.right() - 50, area.bottom() - 50)
    first.save_settings()
    first.poll_timer.stop()
    again = MainWindow(ctx)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    qtbot.wait(20)
    assert again.width() <= area.width() and again.height() <= area.height()
    assert area.contains(again.frameGeometry().topLeft())
    again.poll_timer.stop()


def test_the_sidebar_collapses_to_icons_and_stays_so(qtbot: Any, ctx: Any,
                                                     main_window: MainWindow) -> None:
    wide = main_window.sidebar.width()
    qtbot.mouseClick(main_window.collapse_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: main_window.sidebar.width() < wide)
    assert main_window.sidebar.width() < wide / 2
    item = main_window.sidebar.item(1)
    assert item.text() == "" and item.toolTip() == "Calendar"
    assert main_window.collapse_button.accessibleName() == "Show page names"
    main_window.sidebar.setCurrentRow(1)
    assert main_window.current_page_name() == "calendar"
    again = MainWindow(ctx)
    qtbot.addWidget(again)
    assert again.sidebar_compact and again.sidebar.item(0).text() == ""
    again.set_sidebar_compact(False)
    assert again.sidebar.item(0).text() == "Today" and again.sidebar.width() == wide
    again.poll_timer.stop()

