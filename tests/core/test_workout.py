"""A run as watch steps (SPEC §6): the timed steps always add up to the session's minutes,
whatever minutes the user set and whatever the session's structure."""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from core.plan import RUN_KINDS, Session
from core.workout import HILL_BUDGET_S, Repeat, Step, has_workout, workout_for

DAY = date(2026, 11, 24)


def session(kind: str, minutes: int, details: dict[str, Any]) -> Session:
    return Session(date=DAY, kind=kind, title=f"My {kind}", minutes=minutes, hard=False,
                   why="", details=details)


def details_for(kind: str) -> st.SearchStrategy[dict[str, Any]]:
    pair = st.integers(10, 300)
    rounds = st.integers(1, 30)
    if kind == "hiit":
        inner = st.fixed_dictionaries({"work_s": pair, "recovery_s": pair, "rounds": rounds})
        return st.one_of(st.just({}), inner.map(lambda d: {"intervals": d}))
    if kind == "hills":
        return st.one_of(st.just({}), st.integers(1, 12).map(lambda n: {"repeats": n}))
    inner = st.fixed_dictionaries({"run_s": pair, "walk_s": pair, "rounds": rounds})
    return st.one_of(st.just({}), inner.map(lambda d: {"run_walk": d}))


@st.composite
def runs(draw: st.DrawFn) -> Session:
    kind = draw(st.sampled_from(sorted(RUN_KINDS)))
    return session(kind, draw(st.integers(1, 600)), draw(details_for(kind)))


@settings(max_examples=300, deadline=None)
@given(runs())
def test_timed_steps_add_up_to_the_minutes(run: Session) -> None:
    workout = workout_for(run)
    lap_repeats = sum(p.times for p in workout.parts
                      if isinstance(p, Repeat) and all(s.seconds is None for s in p.steps))
    assert workout.timed_seconds + lap_repeats * HILL_BUDGET_S == run.minutes * 60
    assert workout.name == run.title and workout.sport == "running"
    steps = [s for p in workout.parts for s in (p.steps if isinstance(p, Repeat) else (p,))]
    assert all(s.seconds is None or s.seconds > 0 for s in steps)
    assert all(p.times >= 1 for p in workout.parts if isinstance(p, Repeat))
    assert workout.parts[0] == Step("Warm-up", "warmup", workout.parts[0].seconds)  # type: ignore[union-attr]
    assert isinstance(workout.parts[-1], Step) and workout.parts[-1].intensity == "cooldown"


def test_a_planned_hiit_keeps_every_round() -> None:
    run = session("hiit", 25, {"intervals": {"work_s": 30, "recovery_s": 60, "rounds": 10}})
    parts = workout_for(run).parts
    assert parts[1] == Repeat((Step("Work", "active", 30), Step("Recover", "recovery", 60)), 10)
    assert parts[0].seconds + parts[2].seconds == 25 * 60 - 10 * 90  # type: ignore[union-attr]


def test_only_runs_with_minutes_have_a_workout() -> None:
    assert not has_workout(session("strength", 40, {}))
    assert not has_workout(session("long_run", 0, {}))
    assert has_workout(session("easy_run", 1, {}))
