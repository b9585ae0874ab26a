"""build_plan(..., continue_from=...): a plan regenerated part-way (a profile change, or the
log lowering next week) carries on from the weeks kept instead of starting over (SPEC §3)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.plan import Plan
from core.planner import build_plan
from core.profile import Profile, profile_from_dict
from core.week_check import plan_problems
from tests.core.strategies import SAMPLE_WEEK_RUNNER, profiles

MONDAY = date(2026, 11, 23)
PROPERTY = settings(max_examples=40, deadline=None)


def kept_part(plan: Plan, weeks: int) -> Plan:
    return Plan(start=plan.start, weeks=plan.weeks[:weeks])


def reps(plan: Plan) -> list[tuple[int, int]]:
    """Each strength session's rep range as (low, high), in date order."""
    out = []
    for s in plan.sessions():
        if s.kind == "strength":
            low, high = s.details["exercises"][0]["reps"].split("–")
            out.append((int(low), int(high)))
    return out


@PROPERTY
@given(profiles(), st.integers(4, 24), st.data())
def test_continuing_with_the_same_profile_is_the_plan_itself(
        profile: Profile, weeks: int, data: st.DataObject) -> None:
    whole = build_plan(profile, MONDAY, weeks)
    k = data.draw(st.integers(1, weeks - 1))
    kept = kept_part(whole, k)
    assert build_plan(profile, kept.end + timedelta(days=1), weeks,
                      continue_from=kept) == whole


@PROPERTY
@given(profiles(), profiles(), st.integers(1, 11))
def test_a_new_profile_continues_the_plan(old: Profile, new: Profile, k: int) -> None:
    kept = kept_part(build_plan(old, MONDAY, 12), k)
    restart = kept.end + timedelta(days=1)
    plan = build_plan(new, restart, 12, continue_from=kept)
    assert plan.weeks[:k] == kept.weeks
    assert [w.index for w in plan.weeks] == list(range(1, 13))
    assert [w.index for w in plan.weeks if w.lighter] == [4, 8, 12]  # not restarted at k + 1
    lows = [low for low, _ in reps(plan)]
    assert lows == sorted(lows) and lows[-1] > 12  # the reps keep rising, never back to 12
    workouts = [s.details["workout"] for s in plan.sessions() if s.kind == "strength"]
    assert all(a != b for a, b in zip(workouts, workouts[1:], strict=False))  # A, B, A, ...
    # Only the first new week can break a rule, and only where the kept weekend forces it
    # (strength on the kept Sunday and on every Monday the new days allow, or a lighter week
    # that the new days cannot fill to 70 %); from the week after, every rule holds.
    for index, warning in plan_problems(plan, new, since=restart):
        assert index == k + 1, warning
        assert "Sun (last week)" in warning or warning.startswith("Lighter week"), warning


def test_volume_follows_on_from_the_kept_weeks_by_rule_4() -> None:
    # SPEC §3 rule 4: +10 % a week, floored to 5 min; week 4 lighter at 70–80 % of week 3.
    beginner = profile_from_dict(SAMPLE_WEEK_RUNNER)
    kept = kept_part(build_plan(beginner, MONDAY, 12), 3)
    week3 = kept.weeks[2].run_minutes
    advanced = profile_from_dict({**SAMPLE_WEEK_RUNNER, "level": "advanced",
                                  "weekly_run_minutes": 300})
    plan = build_plan(advanced, kept.end + timedelta(days=1), 12, continue_from=kept)
    week4, week5 = plan.weeks[3].run_minutes, plan.weeks[4].run_minutes
    assert plan.weeks[3].lighter and 7 * week3 <= 10 * week4 <= 8 * week3
    assert week5 <= week3 * 11 / 10  # back to at most 110 % of the last full week
    for before, after in zip(plan.weeks[4:], plan.weeks[5:], strict=False):
        if not after.lighter and not before.lighter:
            assert 10 * after.run_minutes <= 11 * before.run_minutes


def test_a_plan_that_does_not_end_the_sunday_before_cannot_be_continued() -> None:
    profile = profile_from_dict(SAMPLE_WEEK_RUNNER)
    kept = kept_part(build_plan(profile, MONDAY, 12), 3)
    with pytest.raises(ValueError, match="Sunday before"):
        build_plan(profile, kept.end + timedelta(days=8), 12, continue_from=kept)
    longer = kept_part(build_plan(profile, MONDAY, 12), 5)
    with pytest.raises(ValueError, match="more than the 5 weeks"):
        build_plan(profile, longer.end + timedelta(days=1), 5, continue_from=longer)


def test_run_walk_never_comes_back_once_the_runs_are_continuous() -> None:
    from core.profile import demo_profile

    start = date(2027, 1, 4)
    running = demo_profile()  # 60 min a week: continuous runs
    first = build_plan(running, start, 12)
    kept = Plan(start=first.start, weeks=first.weeks[:3])
    later = build_plan(running.with_changes(weekly_run_minutes=0),
                       kept.end + timedelta(days=1), 12, continue_from=kept)
    assert not any("run_walk" in s.details for s in later.sessions())
    # a plan still in its run/walk weeks carries on with them
    walker = running.with_changes(weekly_run_minutes=0)
    walking = build_plan(walker, start, 12)
    kept = Plan(start=walking.start, weeks=walking.weeks[:2])
    carried = build_plan(walker, kept.end + timedelta(days=1), 12, continue_from=kept)
    week3 = next(s for s in carried.weeks[2].sessions if s.kind == "long_run")
    assert week3.details["run_walk"]["run_s"] == 90 and week3.details["run_walk"]["walk_s"] == 60
