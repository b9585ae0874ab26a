"""Recovery checklist, sleep and foam-rolling numbers (SPEC §5)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from core.checkin import CheckIn
from core.plan import Session
from core.recovery import (
    checklist,
    foam_roll_sessions,
    foam_roll_sessions_per_week,
    foam_roll_streak,
    foam_roll_weekly,
    nights_in_range,
    sleep_average,
    sleep_series,
    sleep_target,
)

MON = date(2026, 3, 2)
# [S0]'s sample week
SAMPLE = ["strength", "long_run", "active_recovery", "strength", "hiit", "easy_run", "rest"]
MINUTES = {"strength": 40, "long_run": 45, "active_recovery": 30, "hiit": 25, "easy_run": 35,
           "rest": 0, "tempo": 30, "hills": 30}


def d(offset: int) -> date:
    return MON + timedelta(days=offset)


def session(day: date, kind: str, foam_roll: bool = False) -> Session:
    return Session(date=day, kind=kind, title=kind.replace("_", " ").title(),
                   minutes=MINUTES[kind], hard=kind in ("strength", "hiit", "tempo", "hills"),
                   why="test", foam_roll=foam_roll)


def sleep(*hours: float | None, first: date = MON) -> list[CheckIn]:
    return [CheckIn(date=first + timedelta(days=i), sleep_hours=h) for i, h in enumerate(hours)]


# --- sleep ---------------------------------------------------------------------------------

def test_sleep_target_changes_at_65() -> None:
    assert sleep_target(16) == (7, 9)
    assert sleep_target(64) == (7, 9)
    assert sleep_target(65) == (7, 8)
    assert sleep_target(90) == (7, 8)


def test_sleep_average_over_logged_nights_in_the_window() -> None:
    logs = sleep(5.0, 9.0, None, 8.0, 6.0, 7.5, 7.0, 8.5)  # Mon..next Mon
    # window of 7 days ending d(7): d(1)..d(7) -> 9, 8, 6, 7.5, 7, 8.5 (d(2) not logged)
    assert sleep_average(logs, d(7)) == pytest.approx((9 + 8 + 6 + 7.5 + 7 + 8.5) / 6)
    # window of 2 days ending d(1): 5 and 9
    assert sleep_average(logs, d(1), days=2) == pytest.approx(7.0)
    assert sleep_average(logs, d(30)) is None
    assert sleep_average([], d(0)) is None


def test_later_checkin_for_the_same_day_wins() -> None:
    logs = [CheckIn(date=MON, sleep_hours=4.0), CheckIn(date=MON, sleep_hours=8.0)]
    assert sleep_average(logs, MON) == pytest.approx(8.0)


def test_nights_in_range_counts_both_ends() -> None:
    logs = sleep(6.9, 7.0, 8.0, 9.0, 9.1, None, 10.0)
    assert nights_in_range(logs, d(6)) == 3  # 7.0, 8.0, 9.0
    assert nights_in_range(logs, d(6), lo=7.0, hi=8.0) == 2  # the 65+ range
    assert nights_in_range(logs, d(1), days=2) == 1


def test_sleep_series_has_a_point_per_day() -> None:
    logs = sleep(7.0, None, 6.5)
    assert sleep_series(logs, d(-1), d(3)) == [
        (d(-1), None), (d(0), 7.0), (d(1), None), (d(2), 6.5), (d(3), None)]


# --- foam rolling --------------------------------------------------------------------------

def rolls(*offsets: int) -> list[CheckIn]:
    return [CheckIn(date=d(i), foam_roll=("quads", "calves")) for i in offsets]


def test_foam_roll_sessions_count_days_not_areas() -> None:
    logs = rolls(0, 2, 3, 8) + [CheckIn(date=d(4), sleep_hours=8.0)]
    assert foam_roll_sessions(logs, d(0), d(6)) == 3
    assert foam_roll_sessions_per_week(logs, MON) == 3
    assert foam_roll_sessions_per_week(logs, d(7)) == 1
    assert foam_roll_weekly(logs, MON, 3) == [(d(0), 3), (d(7), 1), (d(14), 0)]


def test_streak_ends_today_or_yesterday() -> None:
    logs = rolls(1, 2, 3, 5, 6)
    assert foam_roll_streak(logs, d(6)) == 2  # d5, d6
    assert foam_roll_streak(logs, d(7)) == 2  # today not logged yet: d5, d6 still count
    assert foam_roll_streak(logs, d(4)) == 3  # d1..d3
    assert foam_roll_streak(logs, d(8)) == 0  # a whole day missed
    assert foam_roll_streak([], d(0)) == 0


# --- checklist -----------------------------------------------------------------------------

def test_checklist_on_a_run_day() -> None:
    c = CheckIn(date=d(1), sleep_hours=7.5, sleep_quality=4, warmup_done=True,
                foam_roll=("glutes",), water_met=True)
    cl = checklist(d(1), session(d(1), "long_run", foam_roll=True), c, age=40)
    keys = [i.key for i in cl.items]
    assert keys == ["sleep", "warmup", "stretch", "foam_roll_quads", "foam_roll_glutes",
                    "foam_roll_hamstrings", "foam_roll_calves", "water"]
    assert all(i.applies for i in cl.items)
    assert cl.total == 8
    assert cl.done_count == 4  # sleep, warm-up, glutes, water
    assert "7–9 h" in cl.item("sleep").label
    assert not cl.item("stretch").done
    assert (cl.sleep_hours, cl.sleep_quality) == (7.5, 4)


def test_checklist_on_a_strength_day_skips_run_items() -> None:
    cl = checklist(d(0), session(d(0), "strength"), None, age=70)
    assert not cl.item("warmup").applies and not cl.item("stretch").applies
    assert not cl.item("foam_roll_quads").applies  # not suggested today
    assert cl.total == 2  # sleep and water
    assert cl.done_count == 0
    assert "7–8 h" in cl.item("sleep").label
    assert cl.sleep_hours is None


def test_a_short_night_is_logged_but_not_done_and_the_total_stays() -> None:
    run = session(d(1), "long_run")
    short = checklist(d(1), run, CheckIn(date=d(1), sleep_hours=6.5, water_met=True), age=40)
    enough = checklist(d(1), run, CheckIn(date=d(1), sleep_hours=7.0, water_met=True,
                                          weight_kg=64.0, thigh_cm=55.0), age=40)
    assert short.sleep_hours == 6.5 and not short.item("sleep").done
    assert (short.done_count, short.total) == (1, 4)
    assert (enough.done_count, enough.total) == (2, 4)


def test_checklist_rolling_on_a_day_it_is_not_suggested_shows_done() -> None:
    cl = checklist(d(6), None, CheckIn(date=d(6), foam_roll=("calves",)), age=30)
    assert cl.item("foam_roll_calves").done
    assert cl.total == 2
