"""The keys and drops the calendar tests use (the page itself is ``calendar_page`` in
conftest.py)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication

from desktop.models.days import SESSION_MIME
from desktop.pages.calendar import CalendarPage
from tests.desktop.conftest import TODAY

MON = TODAY  # Monday 23 November 2026, the plan's first day


def shown_dates(page: CalendarPage) -> list[date]:
    return [d.date for d in page.model.days()]


def press(qtbot: Any, page: CalendarPage, key: Qt.Key,
          modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    target = QApplication.focusWidget() or page.grid
    qtbot.keyClick(target, key, modifier)


def drop(page: CalendarPage, src: date, dst: date) -> None:
    """Drop the session of ``src`` on ``dst`` through the grid's real drop handler."""
    model = page.model
    mime = model.mimeData([model.index(model.row_of(src))])
    assert mime.hasFormat(SESSION_MIME)
    target = page.grid.visualRect(model.index(model.row_of(dst))).center()
    event = QDropEvent(target.toPointF(), Qt.DropAction.MoveAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    page.grid.dropEvent(event)
