"""Planned versus done per week, and the weight series, for the Progress page."""

from __future__ import annotations

from datetime import date, timedelta

from core.checkin import CheckIn, Outcome
from core.plan import Plan, Session, Week
from core.progress import WeekProgress, weekly_progress, weight_series

MON = date(2026, 3, 2)
# [S0]'s sample week with minutes: strength 40, long run 45, active recovery 30, strength 40,
# hiit 25, easy run 35, rest 0 -> planned training minutes = 40+45+30+40+25+35 = 215
WEEK = [("strength", 40), ("long_run", 45), ("active_recovery", 30), ("strength", 40),
        ("hiit", 25), ("easy_run", 35), ("rest", 0)]


def d(offset: int) -> date:
    return MON + timedelta(days=offset)


def plan(weeks: int = 2) -> Plan:
    out = []
    for w in range(weeks):
        start = MON + timedelta(days=7 * w)
        out.append(Week(w + 1, start, False, tuple(
            Session(start + timedelta(days=i), k, k, m, k in ("strength", "hiit"), "test")
            for i, (k, m) in enumerate(WEEK))))
    return Plan(MON, tuple(out))


def test_nothing_logged() -> None:
    assert weekly_progress(plan(), []) == [
        WeekProgress(d(0), 215, 0, 2, 0, 0, 0), WeekProgress(d(7), 215, 0, 2, 0, 0, 0)]


def test_done_uses_logged_minutes_or_the_planned_ones() -> None:
    outcomes = [
        Outcome(d(0), "done"),               # strength, 40 planned
        Outcome(d(1), "done", minutes=50),   # long run, ran 50
        Outcome(d(3), "skipped"),            # strength skipped
        Outcome(d(4), "done", minutes=0),    # logged zero minutes: counts 0
        Outcome(d(8), "done", rpe=6),        # week 2 long run, 45 planned
    ]
    w1, w2 = weekly_progress(plan(), outcomes)
    # week 1: 40 + 50 + 0 = 90 minutes, 3 done, 1 skipped, 1 of 2 strength
    assert w1 == WeekProgress(d(0), 215, 90, 2, 1, 3, 1)
    assert w2 == WeekProgress(d(7), 215, 45, 2, 0, 1, 0)


def test_training_on_a_rest_day_counts_its_minutes_only() -> None:
    [w1] = weekly_progress(plan(1), [Outcome(d(6), "done", minutes=20), Outcome(d(6 + 7), "done")])
    assert (w1.done_minutes, w1.sessions_done) == (20, 0)


def test_weight_series_sorted_without_gaps() -> None:
    logs = [CheckIn(d(3), weight_kg=63.2), CheckIn(d(0), weight_kg=64.0),
            CheckIn(d(1), sleep_hours=7.0)]
    assert weight_series(logs) == [(d(0), 64.0), (d(3), 63.2)]
