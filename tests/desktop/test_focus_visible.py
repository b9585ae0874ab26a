"""Keyboard focus shows: the week / month switch and the day grid look different when they
hold focus (compared pixel for pixel with and without it)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def looks(qtbot: Any, widget: QWidget, focus: QWidget) -> tuple[Any, Any]:
    focus.clearFocus()
    qtbot.waitUntil(lambda: not focus.hasFocus())
    widget.repaint()
    without = widget.grab().toImage()
    focus.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(focus.hasFocus)
    widget.repaint()
    return without, widget.grab().toImage()


def test_week_and_month_buttons_show_focus(main_window, qtbot) -> None:
    calendar = main_window.show_page("calendar")
    main_window.activateWindow()
    for button in (calendar.header.week_button, calendar.header.month_button):
        without, focused = looks(qtbot, button, button)
        assert without != focused, button.text()


def test_the_day_grid_shows_focus_on_the_selected_day(main_window, qtbot) -> None:
    calendar = main_window.show_page("calendar")
    main_window.activateWindow()
    without, focused = looks(qtbot, calendar.grid.viewport(), calendar.grid)
    assert without != focused


def test_the_sidebar_shows_which_page_has_keyboard_focus(main_window, qtbot) -> None:
    main_window.activateWindow()
    without, focused = looks(qtbot, main_window.sidebar.viewport(), main_window.sidebar)
    assert without != focused
