"""A window left open over midnight moves on to the new day: Today, the checklist, the
calendar's highlight and the meal targets follow, and a tick made after midnight is saved
for the new day, never for the one that ended."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from core.app import App
from core.profile import DEMO, profile_from_dict
from core.store import open_repository
from desktop.context import AppContext
from desktop.main_window import MainWindow

START = date(2026, 11, 23)  # the plan's first Monday
SUNDAY = date(2026, 11, 29)
MONDAY = SUNDAY + timedelta(days=1)


class Clock:
    """Today's date, moved forward by the test as the night passes."""

    def __init__(self, day: date) -> None:
        self.day = day

    def __call__(self) -> date:
        return self.day


@pytest.fixture
def clock() -> Clock:
    return Clock(SUNDAY)


@pytest.fixture
def window(qtbot: Any, tmp_path: Path, clock: Clock) -> Iterator[MainWindow]:
    repo = open_repository(tmp_path / "data", today=clock)
    repo.save_profile(profile_from_dict({**DEMO, "name": "Sam"}), START)
    main = MainWindow(AppContext(App(repo, clock)))
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    yield main
    main.poll_timer.stop()
    repo.close()


def page(window: MainWindow, name: str) -> Any:
    window.show_page(name)
    return window.pages[name]


def test_the_poll_timer_moves_today_on_after_midnight(qtbot: Any, window: MainWindow,
                                                      clock: Clock) -> None:
    today = page(window, "today")
    assert today.subtitle.text().startswith("Sunday 29 November")
    clock.day = MONDAY
    qtbot.waitUntil(lambda: today.subtitle.text().startswith("Monday 30 November"),
                    timeout=3 * window.poll_timer.interval())
    assert "new day" in window.statusBar().currentMessage()
    assert today.detail.title.text() == window.ctx.plan().session_on(MONDAY).title


def test_a_tick_after_midnight_is_saved_for_the_new_day(qtbot: Any, window: MainWindow,
                                                       clock: Clock) -> None:
    boxes = page(window, "today").checklist.boxes
    repo = window.ctx.app.store
    clock.day = MONDAY
    window.poll()
    qtbot.mouseClick(boxes["water"], Qt.MouseButton.LeftButton)
    assert repo.checkin(MONDAY).water_met
    assert repo.checkin(SUNDAY) is None


def test_recovery_follows_today_but_keeps_a_day_picked_by_hand(window: MainWindow,
                                                              clock: Clock) -> None:
    recovery = page(window, "recovery")
    assert recovery.selected_day() == SUNDAY
    clock.day = MONDAY
    window.poll()
    assert recovery.selected_day() == MONDAY
    assert recovery.checklist.day() == MONDAY
    assert recovery.next_day.isEnabled() is False  # nothing after today
    recovery.set_day(MONDAY - timedelta(days=3))
    clock.day = MONDAY + timedelta(days=1)
    window.poll()
    assert recovery.selected_day() == MONDAY - timedelta(days=3)
    assert recovery.next_day.isEnabled()


def test_the_calendar_turns_to_the_new_week_with_today(window: MainWindow,
                                                       clock: Clock) -> None:
    calendar = page(window, "calendar")
    assert calendar.shown_range() == (START, SUNDAY)
    clock.day = MONDAY
    window.poll()
    assert calendar.selected_date() == MONDAY
    assert calendar.shown_range() == (MONDAY, MONDAY + timedelta(days=6))


def test_the_calendar_keeps_a_day_the_user_selected(window: MainWindow, clock: Clock) -> None:
    calendar = page(window, "calendar")
    calendar.show_date(SUNDAY - timedelta(days=4))
    clock.day = MONDAY
    window.poll()
    assert calendar.selected_date() == SUNDAY - timedelta(days=4)
    assert calendar.shown_range() == (START, SUNDAY)


def test_meals_show_the_new_day_s_targets(window: MainWindow, clock: Clock) -> None:
    meals = page(window, "meals")
    assert meals.day() == SUNDAY
    clock.day = MONDAY
    window.poll()
    assert meals.day() == MONDAY
    assert meals.day_label.text().startswith("Today")


def test_nothing_happens_while_the_day_is_the_same(window: MainWindow) -> None:
    window.show_status("Saved")
    window.poll()
    assert window.statusBar().currentMessage() == "Saved"
