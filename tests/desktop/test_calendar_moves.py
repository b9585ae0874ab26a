"""Moving sessions on the calendar: dragging, Ctrl+Shift+arrows and the grid's menu, across a
week boundary too; the week checks warn in words and undo puts everything back."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from desktop.pages.calendar import CalendarPage
from tests.desktop.calendar_support import MON, drop, press


@pytest.fixture
def page(calendar_page: CalendarPage) -> CalendarPage:
    return calendar_page


def test_dragging_a_session_moves_it_warns_and_undo_puts_it_back(
        qtbot: Any, page: CalendarPage, ctx: Any) -> None:
    plan = ctx.plan()
    tue, thu = MON + timedelta(days=1), MON + timedelta(days=3)
    # [S0]'s sample week for the demo runner: Mon strength, Tue long run, Thu strength.
    assert plan.session_on(MON).kind == "strength"
    assert plan.session_on(tue).kind == "long_run"
    assert plan.session_on(thu).kind == "strength"
    assert page.warnings() == []

    drop(page, thu, tue)

    moved = ctx.app.store.plan()
    assert moved.session_on(tue).kind == "strength"
    assert moved.session_on(thu).kind == "long_run"
    # Rule 12: strength on Monday and Tuesday is back to back; the move is kept, and said.
    assert any("Strength on Mon and Tue" in w for w in page.warnings())
    assert page.isVisible() and page.banners.count() >= 1
    assert page.model.day(page.model.row_of(tue)).session.kind == "strength"

    ctx.undo_stack.undo()  # Ctrl+Z in the main window: see test_main_window
    back = ctx.app.store.plan()
    assert back.session_on(tue).kind == "long_run"
    assert back.session_on(thu).kind == "strength"
    assert page.warnings() == []


def test_a_session_cannot_be_dropped_two_weeks_away(page: CalendarPage, ctx: Any) -> None:
    page.set_mode("month")
    before = ctx.app.store.plan()
    src, dst = MON + timedelta(days=3), MON + timedelta(days=15)
    drop(page, src, dst)
    assert ctx.app.store.plan() == before
    assert ctx.undo_stack.count() == 0


def test_sundays_session_can_be_dragged_to_the_next_monday(page: CalendarPage,
                                                           ctx: Any) -> None:
    page.set_mode("month")
    sun, next_mon = MON + timedelta(days=6), MON + timedelta(days=7)
    before = ctx.app.store.plan()
    drop(page, sun, next_mon)
    after = ctx.app.store.plan()
    assert after.session_on(next_mon).title == before.session_on(sun).title
    assert after.session_on(sun).title == before.session_on(next_mon).title
    assert after.week_of(next_mon).session_on(next_mon).edited
    text = page.message.text()  # both weeks are checked and named in words
    assert "Week 1 (23 Nov – 29 Nov)" in text and "Week 2 (30 Nov – 6 Dec)" in text
    ctx.undo_stack.undo()
    assert ctx.app.store.plan() == before


def test_ctrl_shift_right_on_sunday_moves_into_the_next_week_and_warns_for_both(
        qtbot: Any, page: CalendarPage, ctx: Any) -> None:
    plan = ctx.plan()
    thu = MON + timedelta(days=3)
    # Put Thursday's strength session on Sunday first, then push it over the weekend.
    page.move_session(thu, MON + timedelta(days=6))
    sun, next_mon = MON + timedelta(days=6), MON + timedelta(days=7)
    strength = ctx.app.store.plan().session_on(sun)
    assert strength.kind == "strength"
    page.show_date(sun)
    page.grid.setFocus()
    press(qtbot, page, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier
          | Qt.KeyboardModifier.ControlModifier)
    after = ctx.app.store.plan()
    assert after.session_on(next_mon).title == strength.title
    assert after.session_on(sun).kind == plan.session_on(next_mon).kind
    assert page.selected_date() == next_mon
    text = page.message.text()
    assert text.startswith("Week 1 (23 Nov – 29 Nov): ") and "Week 2 (30 Nov – 6 Dec): " in text
    # Week 2 now has strength on Monday and on its own Thursday or so: said in words.
    assert any(word in text for word in ("Strength", "strength", "keeps the plan's rules"))


def test_ctrl_shift_arrows_move_the_selected_session_within_its_week(
        qtbot: Any, page: CalendarPage, ctx: Any) -> None:
    before = ctx.app.store.plan()
    mon, tue, wed = MON, MON + timedelta(days=1), MON + timedelta(days=2)
    assert page.selected_date() == mon
    shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier

    press(qtbot, page, Qt.Key.Key_Right, shift_ctrl)
    after = ctx.app.store.plan()
    assert after.session_on(tue).title == before.session_on(mon).title
    assert after.session_on(mon).title == before.session_on(tue).title
    assert page.selected_date() == tue  # the session is still the selected one
    assert ctx.undo_stack.count() == 1
    press(qtbot, page, Qt.Key.Key_Right, shift_ctrl)
    assert ctx.app.store.plan().session_on(wed).title == before.session_on(mon).title

    press(qtbot, page, Qt.Key.Key_Left, shift_ctrl)
    press(qtbot, page, Qt.Key.Key_Left, shift_ctrl)
    assert ctx.app.store.plan().session_on(mon).title == before.session_on(mon).title
    # The plan's first Monday has no day before it: refused in words, nothing written.
    written = ctx.app.store.plan()
    press(qtbot, page, Qt.Key.Key_Left, shift_ctrl)
    assert ctx.app.store.plan() == written
    assert "first day of your plan" in page.message.text()
    assert "Ctrl+Shift" in " ".join(w.text() for w in page.findChildren(QLabel))


def test_keyboard_move_is_checked_like_a_drag_and_undone_by_the_stack(
        qtbot: Any, page: CalendarPage, ctx: Any) -> None:
    thu = MON + timedelta(days=3)
    assert ctx.plan().session_on(thu).kind == "strength"
    for _ in range(3):
        press(qtbot, page, Qt.Key.Key_Right)
    assert page.selected_date() == thu
    for _ in range(2):  # Thursday's strength to Tuesday, the day after Monday's
        press(qtbot, page, Qt.Key.Key_Left,
              Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert ctx.app.store.plan().session_on(MON + timedelta(days=1)).kind == "strength"
    assert any("Strength on Mon and Tue" in w for w in page.warnings())
    ctx.undo_stack.undo()
    ctx.undo_stack.undo()
    assert ctx.app.store.plan().session_on(thu).kind == "strength"
    assert page.warnings() == []


def test_the_grid_menu_offers_the_moves(page: CalendarPage) -> None:
    texts = [a.text() for a in page.grid.actions()]
    assert texts == ["Move session to previous day", "Move session to next day"]
    assert page.grid.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
