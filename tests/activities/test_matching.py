"""SPEC §9 matching: which session an activity marks, adding up, hand marks left alone,
unmatched activities kept, duplicates ignored."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from core.activities import Activity
from core.activities.matching import Mark, add_up, match

DAY = date(2026, 12, 1)


def act(sport: str, hour: int = 7, minutes: int = 30, km: float | None = 5.0,
        hr: int | None = 150, source: str = "a.fit", day: date = DAY) -> Activity:
    start = datetime(day.year, day.month, day.day, hour, 0, tzinfo=UTC)
    return Activity(sport, start, day, minutes, km, hr, source)


@pytest.mark.parametrize(("sport", "kind"), [
    ("running", "long_run"), ("running", "easy_run"), ("running", "hiit"),
    ("running", "tempo"), ("running", "hills"), ("cycling", "cross_training"),
    ("swimming", "cross_training"), ("walking", "active_recovery"),
    ("hiking", "active_recovery"),
])
def test_each_sport_marks_its_kinds_of_session_done(sport: str, kind: str) -> None:
    m = match([act(sport)], {DAY: kind}, {}, [])
    assert [(r.result, r.session_kind) for r in m.results] == [("marked_done", kind)]
    assert m.marks[DAY] == Mark("done", 30, 5.0, 150, "a.fit")


@pytest.mark.parametrize(("sport", "kind"), [
    ("running", "strength"), ("running", "rest"), ("running", "cross_training"),
    ("cycling", "long_run"), ("walking", "easy_run"), ("other", "active_recovery"),
    ("running", None),
])
def test_an_activity_matching_nothing_is_added_for_its_day(sport: str, kind: str | None) -> None:
    kinds = {} if kind is None else {DAY: kind}
    m = match([act(sport)], kinds, {}, [])
    assert [(r.result, r.session_kind) for r in m.results] == [("added", None)]
    assert m.marks == {} and m.kept == ((act(sport), False),)


def test_several_matching_activities_on_a_day_add_up() -> None:
    first = act("running", 7, 30, 5.0, 140, "morning.fit")
    second = act("running", 18, 20, 4.25, 170, "evening.fit")
    m = match([first, second], {DAY: "easy_run"}, {}, [])
    assert [r.result for r in m.results] == ["marked_done", "marked_done"]
    # HR weighted by minutes: (30 * 140 + 20 * 170) / 50 = 152
    assert m.marks[DAY] == Mark("done", 50, 9.25, 152, "morning.fit, evening.fit")
    # and against an earlier import of that day
    again = match([second], {DAY: "easy_run"}, {DAY: Mark("done", 30, 5.0, 140, "morning.fit")},
                  [first.key])
    assert again.marks[DAY] == m.marks[DAY]


def test_a_session_marked_by_hand_is_left_alone() -> None:
    for hand in (Mark("done", 25), Mark("skipped")):
        m = match([act("running")], {DAY: "long_run"}, {DAY: hand}, [])
        assert [(r.result, r.session_kind) for r in m.results] == [("already_marked", "long_run")]
        assert m.marks == {}


def test_the_same_activity_again_is_a_duplicate() -> None:
    a = act("running")
    m = match([a], {DAY: "long_run"}, {}, [a.key])
    assert [r.result for r in m.results] == ["duplicate"] and m.marks == {} and m.kept == ()
    twice = match([a, a], {DAY: "long_run"}, {}, [])
    assert [r.result for r in twice.results] == ["marked_done", "duplicate"]
    assert twice.marks[DAY].minutes == 30
    # another sport at the same moment is another activity
    assert match([act("cycling")], {}, {}, [a.key]).results[0].result == "added"


def test_adding_up_keeps_missing_values_missing_and_caps_minutes() -> None:
    m = add_up(None, act("running", minutes=400, km=None, hr=None))
    assert (m.minutes, m.distance_km, m.avg_hr) == (400, None, None)
    m = add_up(m, act("running", 9, minutes=300, km=3.0, hr=120, source="b.fit"))
    assert (m.minutes, m.distance_km, m.avg_hr, m.source) == (600, 3.0, 120, "a.fit, b.fit")
