"""A write refreshes what shows it, once: the page that made it does not rebuild twice, and
pages behind it catch up when they are next shown (a move once rebuilt every page)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from tests.desktop.conftest import TODAY


def counting(monkeypatch: pytest.MonkeyPatch, obj: Any, name: str) -> list[int]:
    calls: list[int] = []
    original = getattr(obj, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(obj, name, counted)
    return calls


def test_a_move_rebuilds_the_calendar_once_and_today_only_when_shown(
        qtbot: Any, main_window: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    today = main_window.show_page("today")
    main_window.show_page("calendar")
    calendar = main_window.page("calendar")
    qtbot.wait(10)
    calendar_refreshes = counting(monkeypatch, calendar, "refresh")
    today_refreshes = counting(monkeypatch, today, "refresh")
    first = TODAY + timedelta(days=7)  # next week: not today's session, nothing logged
    before = main_window.ctx.plan().session_on(first)
    calendar.move_session(first, first + timedelta(days=1))
    assert main_window.ctx.plan().session_on(first + timedelta(days=1)).kind == before.kind
    assert len(calendar_refreshes) == 1  # not once for its own write and once for the signal
    assert today_refreshes == []  # behind the calendar: nothing to draw yet
    main_window.show_page("today")
    assert len(today_refreshes) == 1  # caught up when shown


def test_a_page_behind_catches_up_with_a_change_that_touches_it(
        qtbot: Any, main_window: Any) -> None:
    from core.checkin import CheckIn

    today = main_window.show_page("today")
    main_window.show_page("calendar")
    ctx = main_window.ctx
    ctx.apply(ctx.app.ops.check_in(CheckIn(date=TODAY, sleep_hours=5.5)))
    main_window.show_page("today")
    assert today.checklist.sleep.value() == pytest.approx(5.5)
