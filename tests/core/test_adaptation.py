"""Adaptation (SPEC §3), walked through day by day on pinned dates: offers after short nights
or a skipped hard session, and short weeks judged on the Monday after."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.adaptation import (
    accept,
    adaptation_offers,
    done_minutes,
    judge_finished_weeks,
)
from core.checkin import CheckIn, Outcome
from core.plan import ADAPTED_KEY, Plan, Session, Week
from core.planner import build_plan
from core.profile import Profile, demo_profile
from core.week_check import check_week
from tests.core.strategies import profiles

MON = date(2026, 11, 23)  # week 1 of every plan here
DEMO = demo_profile()  # beginner: Mon strength A, Tue long, Thu strength B, Fri hiit
RUNNER = replace(DEMO, level="intermediate", weekly_run_minutes=95)


def d(offset: int) -> date:
    return MON + timedelta(days=offset)


def nights(*hours: float, first: date) -> list[CheckIn]:
    return [CheckIn(date=first + timedelta(days=i), sleep_hours=h) for i, h in enumerate(hours)]


def taken(plan: Plan, session: Session) -> Plan:
    """The plan with ``session`` put on its day (an accepted offer)."""
    weeks = tuple(replace(w, sessions=tuple(session if s.date == session.date else s
                                            for s in w.sessions)) for w in plan.weeks)
    return replace(plan, weeks=weeks)


@pytest.fixture
def demo() -> Plan:
    return build_plan(DEMO, MON, 12)


# --- offers -------------------------------------------------------------------------------

def test_two_short_nights_offer_a_lighter_strength_b_and_it_keeps_the_week(demo: Plan) -> None:
    # Nights before Tue and Wed were 6.2 h and 5.9 h; on Wednesday Thursday's Strength B is
    # the first hard session in the three days after.
    sleep = nights(6.2, 5.9, first=d(1))
    [offer] = adaptation_offers(demo, sleep, [], today=d(2))
    thursday = demo.session_on(d(3))
    assert thursday is not None and thursday.title == "Strength B"
    assert offer.original == thursday and offer.id == "2026-11-26"
    lighter = offer.replacement
    assert (lighter.kind, lighter.title, lighter.minutes) == (
        "strength", "Strength B (lighter)", thursday.minutes - 10)
    assert {e["sets"] for e in lighter.details["exercises"]} == {2}
    assert {e["reps"] for e in lighter.details["exercises"]} == {12}  # the low end of 12–15
    assert lighter.details["workout"] == "B"
    assert "6.2 h and 5.9 h" in offer.reason
    # An offer changes nothing until it is accepted.
    assert demo.session_on(d(3)) == thursday
    done = accept(demo, offer)
    assert done.after.run_minutes == done.before.run_minutes
    assert done.warnings == ()  # still 2 strength sessions: rule 1 keeps
    assert check_week(done.after, DEMO) == []


def test_one_trigger_one_offer_used_up_by_accepting(demo: Plan) -> None:
    sleep = nights(6.2, 5.9, first=d(1))
    [offer] = adaptation_offers(demo, sleep, [], today=d(2))
    after = taken(demo, offer.replacement)
    for today in (d(2), d(3), d(4), d(5)):  # the same two nights never offer again
        assert adaptation_offers(after, sleep, [], today=today) == []


def test_dismissing_uses_the_offer_up(demo: Plan) -> None:
    sleep = nights(6.2, 5.9, first=d(1))
    for today in (d(2), d(3), d(4)):
        assert adaptation_offers(demo, sleep, [], today=today, dismissed={d(3)}) == []


def test_an_offer_not_taken_lapses_and_does_not_move_on(demo: Plan) -> None:
    sleep = nights(6.2, 5.9, first=d(1))
    assert len(adaptation_offers(demo, sleep, [], today=d(3))) == 1  # still open on its day
    assert adaptation_offers(demo, sleep, [], today=d(4)) == []  # Friday: gone, no new one
    # Logging the session uses it up too.
    assert adaptation_offers(demo, sleep, [Outcome(d(3), "done", 35)], today=d(3)) == []


def test_one_short_night_or_a_gap_offers_nothing(demo: Plan) -> None:
    assert adaptation_offers(demo, nights(8.0, 6.0, first=d(1)), [], today=d(2)) == []
    assert adaptation_offers(demo, nights(6.0, 7.0, first=d(1)), [], today=d(2)) == []
    gap = [CheckIn(d(0), 6.0), CheckIn(d(2), 6.0)]  # not consecutive nights
    assert adaptation_offers(demo, gap, [], today=d(2)) == []


def test_the_trigger_day_itself_is_not_offered(demo: Plan) -> None:
    # The later short night is Thursday's: Thursday's strength is the trigger's own day, so
    # Friday's hiit is offered, as an easy run of no more minutes.
    [offer] = adaptation_offers(demo, nights(6.0, 6.0, first=d(2)), [], today=d(3))
    hiit = demo.session_on(d(4))
    assert hiit is not None and offer.original == hiit
    easy = offer.replacement
    assert (easy.kind, easy.hard, easy.minutes) == ("easy_run", False, hiit.minutes)
    assert easy.minutes < 30  # an easier run may be under the usual 30
    assert easy.details[ADAPTED_KEY] == "hiit"
    result = accept(demo, offer)
    assert result.after.run_minutes <= result.before.run_minutes
    assert result.warnings == ("Week 1 now has no HIIT or hill session: fine for a week you "
                               "need to recover",)


def test_a_skipped_hard_session_offers_the_next_hard_one(demo: Plan) -> None:
    # Monday's Strength A skipped: Thursday's Strength B (in Tue–Thu) is offered lighter.
    [offer] = adaptation_offers(demo, [], [Outcome(d(0), "skipped")], today=d(0))
    assert offer.date == d(3) and offer.replacement.kind == "strength"
    assert "You skipped Strength A on Mon 23 Nov" in offer.reason
    # A skipped easy session triggers nothing; a done one neither.
    assert adaptation_offers(demo, [], [Outcome(d(1), "skipped")], today=d(1)) == []
    assert adaptation_offers(demo, [], [Outcome(d(0), "done")], today=d(0)) == []


def test_a_trigger_without_a_hard_session_in_three_days_lapses() -> None:
    plan = build_plan(DEMO, MON, 4)
    last_friday = plan.end - timedelta(days=2)
    # Short nights Fri and Sat of the last week: Sunday is rest and the plan ends.
    sleep = nights(6.0, 6.0, first=last_friday)
    assert adaptation_offers(plan, sleep, [], today=plan.end) == []


def test_two_triggers_on_one_session_make_one_offer(demo: Plan) -> None:
    offers = adaptation_offers(demo, nights(6.0, 6.0, first=d(-1)),
                               [Outcome(d(0), "skipped")], today=d(0))
    assert [o.date for o in offers] == [d(3)]
    assert "You skipped" in offers[0].reason and "short nights" in offers[0].reason
    assert len(offers[0].triggers) == 2


def test_no_accepted_offer_ever_adds_running_minutes() -> None:
    for profile in (DEMO, RUNNER, replace(RUNNER, level="advanced", weekly_run_minutes=300)):
        plan = build_plan(profile, MON, 8)
        for s in plan.sessions():
            for offer in adaptation_offers(plan, [], [Outcome(s.date, "skipped")],
                                           today=s.date):
                result = accept(plan, offer)
                assert result.after.run_minutes <= result.before.run_minutes
                strength = sum(1 for x in result.after.sessions if x.kind == "strength")
                assert strength == profile.strength_sessions


# --- short weeks --------------------------------------------------------------------------

def runner_plan() -> Plan:
    return build_plan(RUNNER, MON, 12)


def test_a_short_week_lowers_the_week_just_begun_on_the_monday_after() -> None:
    plan = runner_plan()
    week1, week2 = plan.weeks[0], plan.weeks[1]
    long_run = next(s for s in week1.sessions if s.kind == "long_run")
    log = {long_run.date: Outcome(long_run.date, "skipped")}
    # During the week nothing is judged, whatever was logged.
    for today in (d(2), d(6)):
        assert judge_finished_weeks(plan, RUNNER, log, today, None, set()).changed == ()
    monday = d(7)
    result = judge_finished_weeks(plan, RUNNER, log, monday, None, set(log))
    done = week1.run_minutes - long_run.minutes  # 95 − 40 = 55
    assert done == done_minutes(week1, log) == 55
    lowered = result.plan.weeks[1]
    assert lowered.run_minutes <= max(50, done * 11 // 10 // 5 * 5) == 60
    assert lowered.run_minutes < week2.run_minutes
    first = result.changes[0]
    assert (first.index, first.old_minutes, first.new_minutes, first.judged, first.done,
            first.planned) == (2, week2.run_minutes, lowered.run_minutes, 1, 55, 95)
    assert first.words() == (f"Week 2 lowered to {lowered.run_minutes} min running: week 1 "
                             "ran 55 of 95 planned")
    # No week is raised above what the plan said before; the weeks before are untouched.
    for old, new in zip(plan.weeks, result.plan.weeks, strict=True):
        assert new.run_minutes <= old.run_minutes
    assert result.plan.weeks[0] == week1
    assert result.judged_through == week1.start
    # Judged once: the same Monday (or any later day that week) changes nothing more.
    again = judge_finished_weeks(result.plan, RUNNER, log, d(9), result.judged_through,
                                 set(log))
    assert again.changed == () and again.plan == result.plan


def test_unmarked_runs_count_as_planned_and_extra_minutes_raise_nothing() -> None:
    plan = runner_plan()
    runs = [s for s in plan.weeks[0].sessions if s.is_run]
    # Nothing marked: the week counts as run as planned.
    assert judge_finished_weeks(plan, RUNNER, {}, d(7), None, set()).changed == ()
    # An easier run accepted and done with more minutes than planned: no week rises.
    log = {s.date: Outcome(s.date, "done", s.minutes + 30) for s in runs}
    result = judge_finished_weeks(plan, RUNNER, log, d(7), None, set(log))
    assert result.changed == () and result.plan == plan


def test_the_first_command_on_wednesday_keeps_monday_and_tuesday() -> None:
    plan = runner_plan()
    log = {s.date: Outcome(s.date, "skipped") for s in plan.weeks[0].sessions if s.is_run}
    wednesday = d(9)
    result = judge_finished_weeks(plan, RUNNER, log, wednesday, None, set(log))
    assert result.changes and result.changes[0].done == 0
    for day in (d(7), d(8)):  # past days keep what they had
        assert result.plan.session_on(day) == plan.session_on(day)
    assert result.plan.weeks[1].run_minutes < plan.weeks[1].run_minutes


def test_logged_and_edited_days_keep_what_they_had() -> None:
    plan = runner_plan()
    week2 = plan.weeks[1]
    edited = next(s for s in week2.sessions if s.kind == "long_run").with_minutes(45)
    plan = taken(plan, edited)
    hills = next(s for s in week2.sessions if s.kind == "hills")
    log = {s.date: Outcome(s.date, "skipped") for s in plan.weeks[0].sessions if s.is_run}
    keep = set(log) | {hills.date}  # a check-in on the hills day
    result = judge_finished_weeks(plan, RUNNER, log, d(7), None, keep)
    assert result.plan.session_on(edited.date) == edited
    assert result.plan.session_on(hills.date) == hills


def test_a_week_is_judged_only_when_it_is_the_one_just_ended() -> None:
    plan = runner_plan()
    log = {s.date: Outcome(s.date, "skipped") for s in plan.weeks[0].sessions if s.is_run}
    # Three weeks later, week 1 is long past: only week 3 (run as planned) is judged.
    result = judge_finished_weeks(plan, RUNNER, log, d(21), None, set(log))
    assert result.changed == () and result.judged_through == plan.weeks[2].start


def test_the_adapted_weeks_keep_rules_1_to_3() -> None:
    profile: Profile = replace(RUNNER, level="advanced", weekly_run_minutes=300)
    plan = build_plan(profile, MON, 12)
    log = {s.date: Outcome(s.date, "skipped") for s in plan.weeks[0].sessions if s.is_run}
    result = judge_finished_weeks(plan, profile, log, d(7), None, set(log))
    assert result.changes
    previous: Week | None = result.plan.weeks[0]
    for week in result.plan.weeks[1:]:
        problems = [p for p in check_week(week, profile, previous) if "Running minutes" not in p
                    and "Lighter week" not in p]
        assert problems == [], (week.index, problems)
        previous = week


# --- every profile ------------------------------------------------------------------------

@settings(max_examples=60, deadline=None)
@given(profiles(), st.integers(1, 10), st.integers(0, 6), st.data())
def test_judging_only_ever_lowers_and_keeps_the_rules(profile: Profile, week: int, late: int,
                                                      data: st.DataObject) -> None:
    plan = build_plan(profile, MON, 12)
    judged = plan.weeks[week - 1]
    runs = [s for s in judged.sessions if s.is_run]
    log: dict[date, Outcome] = {}
    for s in runs:
        choice = data.draw(st.sampled_from(("skip", "short", "none", "long")))
        if choice == "skip":
            log[s.date] = Outcome(s.date, "skipped")
        elif choice != "none":
            log[s.date] = Outcome(s.date, "done", s.minutes + (-15 if choice == "short" else 20))
    today = judged.end + timedelta(days=1 + late)
    result = judge_finished_weeks(plan, profile, log, today, None, set(log))
    done = done_minutes(judged, log)
    for old, new in zip(plan.weeks, result.plan.weeks, strict=True):
        assert new.run_minutes <= old.run_minutes
        for s in new.sessions:
            if s.date < today:
                assert s == old.session_on(s.date)
    if done >= judged.run_minutes:
        assert result.changed == ()
    elif week < 12 and result.changes:
        following = result.plan.weeks[week]
        assert following.run_minutes <= max(50, done * 11 // 10 // 5 * 5) or any(
            s.date < today for s in following.sessions if s.is_run)
    previous: Week | None = None
    for new in result.plan.weeks:
        problems = [p for p in check_week(new, profile, previous)
                    if "Running minutes" not in p and "Lighter week" not in p]
        assert problems == [], (new.index, problems)
        previous = new
    again = judge_finished_weeks(result.plan, profile, log, today, result.judged_through,
                                 set(log))
    assert again.changed == ()
