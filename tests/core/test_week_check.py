"""check_week: a user's edited week is checked against rules 1–4 and 12, in plain words."""

from __future__ import annotations

import copy
from dataclasses import replace
from datetime import date, timedelta

from hypothesis import given, settings

from core.plan import Plan, Session, Week
from core.planner import build_plan
from core.profile import Profile, profile_from_dict
from core.week_check import check_week, plan_problems
from tests.core.strategies import SAMPLE_WEEK_RUNNER, profiles, starts, week_counts

MONDAY = date(2025, 3, 3)
SAMPLE = ("strength", "long_run", "active_recovery", "strength", "hiit", "easy_run", "rest")
MINUTES = {"strength": 40, "long_run": 40, "active_recovery": 30, "hiit": 25, "hills": 30,
           "easy_run": 30, "tempo": 30, "cross_training": 40, "rest": 0}


def week_of(kinds: tuple[str, ...], *, start: date = MONDAY, lighter: bool = False,
            minutes: dict[str, int] | None = None) -> Week:
    mins = {**MINUTES, **(minutes or {})}
    return Week(index=1, start=start, lighter=lighter, sessions=tuple(
        Session(date=start + timedelta(days=i), kind=k, title=k, minutes=mins[k],
                hard=k in ("strength", "hiit", "hills", "tempo"), why="why")
        for i, k in enumerate(kinds)))


def moved(week: Week, from_day: int, to_day: int) -> Week:
    """The user drags the session of ``from_day`` onto ``to_day``; the two swap places."""
    sessions = list(week.sessions)
    a, b = sessions[from_day], sessions[to_day]
    sessions[from_day], sessions[to_day] = b.moved_to(a.date), a.moved_to(b.date)
    return replace(week, sessions=tuple(sessions))


def sample_profile(**changes: object) -> Profile:
    return profile_from_dict({**SAMPLE_WEEK_RUNNER, **changes})


def test_sample_week_is_fine() -> None:
    assert check_week(week_of(SAMPLE), sample_profile()) == []


def test_no_rest_day() -> None:
    kinds = SAMPLE[:6] + ("cross_training",)
    assert check_week(week_of(kinds), sample_profile()) == ["No rest day this week"]


def test_wrong_strength_count_and_missing_long_run() -> None:
    kinds = ("strength", "easy_run", "active_recovery", "strength", "hiit", "strength",
             "rest")
    warnings = check_week(week_of(kinds), sample_profile())
    assert "3 strength sessions this week (your plan has 2)" in warnings
    assert "No long run this week" in warnings


def test_no_hiit_or_hills() -> None:
    kinds = SAMPLE[:4] + ("easy_run", "easy_run", "rest")
    assert check_week(week_of(kinds), sample_profile()) == ["No HIIT or hill session this week"]


def test_training_on_a_day_that_is_not_available() -> None:
    profile = sample_profile(available_days=["mon", "tue", "wed", "thu", "fri"])
    warnings = check_week(week_of(SAMPLE), profile)
    assert warnings == ["Easy run on Sat, which is not one of your training days"]


def test_user_move_that_breaks_rule_3_names_the_days() -> None:
    profile = sample_profile(level="intermediate")
    week = week_of(("strength", "long_run", "easy_run", "strength", "hiit", "rest", "tempo"))
    assert check_week(week, profile) == []
    before = copy.deepcopy(week)
    edited = moved(week, 6, 5)  # tempo from Sun to Sat, right after Friday's hiit
    assert check_week(edited, profile) == ["Two hard runs on Fri and Sat"]
    assert week == before  # checking never changes the week


def test_two_hard_sessions_on_one_day() -> None:
    week = week_of(SAMPLE)
    hiit_on_thu = week.sessions[4].moved_to(week.sessions[3].date)
    rest_on_fri = Session(week.sessions[4].date, "rest", "Rest", 0, False, "why")
    sessions = (*week.sessions[:4], hiit_on_thu, rest_on_fri, *week.sessions[5:])
    warnings = check_week(replace(week, sessions=sessions), sample_profile())
    assert warnings == ["Two hard sessions on Thu"]


def test_hard_runs_from_sunday_into_monday() -> None:
    profile = sample_profile(level="intermediate")
    previous = week_of(("strength", "long_run", "active_recovery", "strength", "rest",
                        "easy_run", "hiit"))
    week = week_of(("hills", "long_run", "active_recovery", "strength", "rest", "strength",
                    "rest"), start=MONDAY + timedelta(days=7))
    assert "Two hard runs on Sun (last week) and Mon" in check_week(week, profile, previous)


def test_strength_back_to_back() -> None:
    kinds = ("strength", "strength", "long_run", "active_recovery", "hiit", "easy_run", "rest")
    warnings = check_week(week_of(kinds), sample_profile())
    assert warnings == ["Strength on Mon and Tue: back-to-back days"]


def test_strength_back_to_back_allowed_when_days_leave_no_choice() -> None:
    # five days in a row, 3 strength: some pair of strength days must touch
    profile = sample_profile(strength_sessions=3, long_run_day="wed",
                             available_days=["mon", "tue", "wed", "thu", "fri"])
    kinds = ("strength", "strength", "long_run", "hiit", "strength", "rest", "rest")
    assert check_week(week_of(kinds), profile) == []


def test_running_minutes_up_25_percent() -> None:
    previous = week_of(SAMPLE)  # 40 + 25 + 30 = 95 min
    week = week_of(SAMPLE, start=MONDAY + timedelta(days=7),
                   minutes={"long_run": 60, "hiit": 30, "easy_run": 30})  # 120 min
    # 120 / 95 = 1.263 → up 26 %
    assert check_week(week, sample_profile(), previous) == [
        "Running minutes up 26 % on last week (at most 10 %)"]


def test_ten_percent_more_is_fine() -> None:
    previous = week_of(SAMPLE, minutes={"long_run": 45, "hiit": 25, "easy_run": 30})  # 100
    week = week_of(SAMPLE, minutes={"long_run": 55, "hiit": 25, "easy_run": 30})  # 110
    assert check_week(week, sample_profile(), previous) == []


def test_lighter_week_not_light_enough() -> None:
    previous = week_of(SAMPLE, minutes={"long_run": 45, "hiit": 25, "easy_run": 30})  # 100
    week = week_of(SAMPLE, lighter=True, minutes={"long_run": 40, "hiit": 20})  # 90
    assert check_week(week, sample_profile(), previous) == [
        "Lighter week runs 90 % of last week (aim for 70–80 %)"]


def test_lighter_week_at_75_percent_is_fine() -> None:
    previous = week_of(SAMPLE, minutes={"long_run": 45, "hiit": 25, "easy_run": 30})  # 100
    week = week_of(SAMPLE, lighter=True, minutes={"long_run": 30, "hiit": 20, "easy_run": 25})
    assert check_week(week, sample_profile(), previous) == []


def test_week_after_lighter_compares_with_last_full_week() -> None:
    full = week_of(SAMPLE, minutes={"long_run": 45, "hiit": 25, "easy_run": 30})  # 100
    light = week_of(SAMPLE, lighter=True, minutes={"long_run": 30, "hiit": 20, "easy_run": 25})
    back = week_of(SAMPLE, minutes={"long_run": 55, "hiit": 25, "easy_run": 30})  # 110
    assert check_week(back, sample_profile(), light, last_full=full) == []
    over = week_of(SAMPLE, minutes={"long_run": 60, "hiit": 30, "easy_run": 30})  # 120
    assert check_week(over, sample_profile(), light, last_full=full) == [
        "Running minutes 120 % of the last full week (at most 110 % after a lighter week)"]


def test_plan_problems_lists_week_and_warning() -> None:
    profile = sample_profile()
    plan = build_plan(profile, MONDAY, 4)
    assert plan_problems(plan, profile) == []
    second = plan.weeks[1]
    assert [s.kind for s in second.sessions][3::3] == ["strength", "rest"]
    edited = moved(second, 3, 6)  # Thursday's strength moved to Sunday
    plan = replace(plan, weeks=(plan.weeks[0], edited, *plan.weeks[2:]))
    assert plan_problems(plan, profile) == [
        (3, "Strength on Sun (last week) and Mon: back-to-back days")]


@settings(max_examples=60, deadline=None)
@given(profiles(), starts(), week_counts())
def test_every_generated_week_passes(profile: Profile, start: date, weeks: int) -> None:
    plan = build_plan(profile, start, weeks)
    previous = None
    for week in plan.weeks:
        if not previous or not previous.lighter:
            assert check_week(week, profile, previous) == []
        previous = week
    assert plan_problems(plan, profile) == []


def test_plan_problems_since_checks_only_the_regenerated_weeks() -> None:
    # Weeks 1–3 were planned for every day; the runner then dropped Saturday and Sunday, and
    # weeks 4–12 were regenerated for the new days. The kept weeks are not judged by them.
    everyday = sample_profile()
    weekdays = sample_profile(available_days=["mon", "tue", "wed", "thu", "fri"])
    first = build_plan(everyday, MONDAY, 12)
    kept = Plan(start=first.start, weeks=first.weeks[:3])
    restart = kept.end + timedelta(days=1)
    plan = build_plan(weekdays, restart, 12, continue_from=kept)
    weekend = [s for w in kept.weeks for s in w.sessions
               if s.date.weekday() >= 5 and s.kind not in ("rest", "active_recovery")]
    assert weekend  # the old weeks do train at the weekend
    assert any("not one of your training days" in w for _, w in plan_problems(plan, weekdays))
    assert plan_problems(plan, weekdays, since=restart) == []


def test_a_session_may_move_into_the_neighbouring_week_but_not_further() -> None:
    from datetime import date

    from core.week_check import within_reach

    sun = date(2026, 11, 29)
    assert within_reach(sun, date(2026, 11, 30))  # Sunday's long run to Monday
    assert within_reach(date(2026, 11, 30), sun)
    assert within_reach(date(2026, 11, 23), date(2026, 12, 6))  # the next week's Sunday
    assert not within_reach(date(2026, 11, 23), date(2026, 12, 7))
