"""Build a training plan from a profile (SPEC §3).

``build_plan`` lays out the week once (planner_layout), works out each week's running
minutes (planner_volume) and dresses every day as a Session (planner_sessions). It is a pure
function of its arguments: the same profile, start, weeks and log give the same plan.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date, timedelta
from itertools import permutations

from core.catalog import (
    LIGHTEST_WEEK,
    NOTE_SHARE,
    RUN_WALK_BELOW_MINUTES,
    RUN_WALK_UNTIL_WEEK,
)
from core.checkin import Outcome
from core.plan import Plan, Session, Week, check_plan_span, monday_on_or_after
from core.planner_layout import (
    FLEX,
    LONG,
    MAX_RECOVERY,
    QUALITY,
    RECOVERY,
    REST,
    STRENGTH,
    Layout,
    week_layout,
)
from core.planner_sessions import make_session, run_walk_for, strength_minutes
from core.planner_volume import (
    Slot,
    capacity,
    first_week_target,
    is_big,
    is_lighter,
    next_target,
    split_minutes,
    week_slots,
)
from core.profile import Profile
from core.week_check import check_week

WEEKS_RANGE = (4, 24)
CROSS_TRAINING_MINUTES = (40, 30)  # full week, lighter week
RECOVERY_MINUTES = 30


def build_plan(profile: Profile, start: date, weeks: int = 12,
               outcomes: Mapping[date, Outcome] | None = None, *,
               continue_from: Plan | None = None,
               ceilings: Mapping[int, int] | None = None) -> Plan:
    """The plan from the Monday on or after ``start`` for ``weeks`` weeks (4–24).

    ``outcomes`` is the log of done / skipped sessions: a week run short of its plan makes
    the next week grow from what was actually run.

    ``continue_from`` is the plan so far, ending the Sunday before that Monday: the new weeks
    follow on from it (week numbers, so every 4th week stays lighter; running minutes from
    its last weeks under rule 4; the strength A/B turn and the rising reps), and the result
    holds its weeks followed by the new ones, ``weeks`` in all.

    ``ceilings`` caps the running minutes of weeks by index (an adapted plan never runs a
    week above what it said before; never below rule 4's 50 minutes).
    """
    if isinstance(weeks, bool) or not isinstance(weeks, int) or \
            not WEEKS_RANGE[0] <= weeks <= WEEKS_RANGE[1]:
        raise ValueError(f"weeks must be {WEEKS_RANGE[0]}–{WEEKS_RANGE[1]}, got {weeks}")
    log = outcomes or {}
    caps = ceilings or {}
    monday = monday_on_or_after(start)
    check_plan_span(monday, weeks - len(continue_from.weeks) if continue_from else weeks)
    kept = _kept_weeks(continue_from, monday, weeks)
    layout = week_layout(profile.available_days, profile.long_run_day,
                         profile.strength_sessions, profile.level)
    built: list[Week] = list(kept)
    turns = _turns(kept)
    last_full = next((w.run_minutes for w in reversed(kept) if not w.lighter), 0)
    rounds = next((r for w in reversed(kept) if not w.lighter
                   for r in [hiit_rounds(w)] if r is not None), None)
    # a continued plan goes back to run/walk only if it was still walking (rule 13's share
    # never falls)
    walking = not kept or any("run_walk" in s.details for s in kept[-1].sessions)
    for index in range(len(kept) + 1, weeks + 1):
        lighter = is_lighter(index)
        limit = hard_runs(built[-1]) if lighter and built else None
        slots = week_slots(layout, index, profile.level, hard_limit=limit, lighter=lighter)
        big_slots = week_slots(layout, index, profile.level, hard_limit=limit,
                               lighter=lighter, big=True)
        cap = capacity(slots)
        if is_big(cap):
            cap = capacity(big_slots, big=True)
        if not built:
            target = first_week_target(profile.level, profile.weekly_run_minutes, cap)
        else:
            prev = built[-1]
            target = next_target(lighter=lighter, prev_planned=prev.run_minutes,
                                 prev_done=minutes_run(prev, log), prev_lighter=prev.lighter,
                                 last_full=last_full or prev.run_minutes, cap=cap)
        if index in caps:
            target = min(target, max(LIGHTEST_WEEK, caps[index]))
        big = is_big(target)
        chosen = big_slots if big else slots
        week = _make_week(profile, layout, monday + timedelta(weeks=index - len(kept) - 1),
                          index, weeks, chosen, split_minutes(chosen, target, big), turns,
                          rounds if lighter else None, walking)
        if kept and index == len(kept) + 1:
            week = _fit_after(week, kept[-1], profile)
        built.append(week)
        if not lighter:
            last_full = week.run_minutes
            rounds = hiit_rounds(week) or rounds
    return Plan(start=built[0].start, weeks=tuple(built),
                notes=plan_notes(profile, built[0]))


def run_walk_start(profile: Profile, index: int) -> tuple[int, int] | None:
    """Run and walk seconds when week ``index`` starts a non-runner with run/walk (rule 13)."""
    if profile.level != "beginner" or profile.weekly_run_minutes >= RUN_WALK_BELOW_MINUTES \
            or index >= RUN_WALK_UNTIL_WEEK:
        return None
    return run_walk_for(index)


def plan_notes(profile: Profile, first: Week) -> tuple[str, ...]:
    """Rule 16: a note when week 1 runs less than 80 % of what the runner runs now."""
    now, planned = profile.weekly_run_minutes, first.run_minutes
    if planned >= now * NOTE_SHARE:
        return ()
    return (f"Week 1 runs {planned} min, less than the {now} min a week you run now: keep "
            f"the other {now - planned} min as easy running, and let the plan's hard "
            "sessions build from there.",)


def hard_runs(week: Week) -> int:
    """How many hard runs (hiit, hills, tempo) the week holds."""
    return sum(1 for s in week.sessions if s.is_hard_run)


def hiit_rounds(week: Week) -> int | None:
    """The most hiit rounds in the week (None without a hiit)."""
    found = [int(s.details["intervals"]["rounds"]) for s in week.sessions
             if s.kind == "hiit" and isinstance(s.details.get("intervals"), dict)]
    return max(found) if found else None


def _kept_weeks(plan: Plan | None, monday: date, weeks: int) -> tuple[Week, ...]:
    """The weeks a continued plan starts from (ValueError when they cannot be continued)."""
    if plan is None or not plan.weeks:
        return ()
    if plan.end + timedelta(days=1) != monday:
        raise ValueError(f"the plan to continue ends on {plan.end.isoformat()}, not the "
                         f"Sunday before {monday.isoformat()}")
    if len(plan.weeks) >= weeks:
        raise ValueError(f"weeks must be more than the {len(plan.weeks)} weeks continued, "
                         f"got {weeks}")
    return plan.weeks


def _fit_after(week: Week, previous: Week, profile: Profile) -> Week:
    """The first continued week, its days rearranged when it clashes with the kept week
    before it (a new profile's layout need not follow on from the old one's: back-to-back
    strength or hard runs over the weekend). The long run and Sunday stay put, so the weeks
    after it follow on as planned, and strength sessions keep their order (A/B alternate);
    the arrangement moving fewest days wins."""
    if not check_week(week, profile, previous):
        return week
    days = sorted(week.sessions, key=lambda s: s.date)
    movable = [i for i in range(6) if days[i].kind != "long_run"]
    best, best_key = week, (len(check_week(week, profile, previous)), 0)
    for order in permutations(movable):
        moved = sum(1 for i, j in zip(movable, order, strict=True) if i != j)
        strength = [j for j in order if days[j].kind == "strength"]
        if moved == 0 or strength != sorted(strength):
            continue
        arranged = list(days)
        for i, j in zip(movable, order, strict=True):
            arranged[i] = replace(days[j], date=days[i].date)
        candidate = replace(week, sessions=tuple(arranged))
        key = (len(check_week(candidate, profile, previous)), moved)
        if key < best_key:
            best, best_key = candidate, key
    return best


def _turns(kept: tuple[Week, ...]) -> dict[str, int]:
    """Strength and cross-training sessions so far, so the A/B workouts keep alternating."""
    strength = [s for w in kept for s in sorted(w.sessions, key=lambda s: s.date)
                if s.kind == "strength"]
    turn = len(strength)
    last = strength[-1].details.get("workout") if strength else None
    if last in ("A", "B") and "AB"[(turn - 1) % 2] != last:
        turn += 1  # a strength session was replaced: the next one is still the other workout
    cross = sum(1 for w in kept for s in w.sessions if s.kind == "cross_training")
    return {"strength": turn, "cross_training": cross}


def minutes_run(week: Week, log: Mapping[date, Outcome]) -> int:
    """Running minutes actually done in ``week``: logged minutes, 0 if skipped, else as planned."""
    total = 0
    for session in week.sessions:
        if not session.is_run:
            continue
        outcome = log.get(session.date)
        if outcome is None:
            total += session.minutes
        elif outcome.status == "done":
            total += session.minutes if outcome.minutes is None else outcome.minutes
    return total


def _make_week(profile: Profile, layout: Layout, monday: date, index: int, weeks: int,
               slots: list[Slot], runs: dict[int, int], turns: dict[str, int],
               max_rounds: int | None, walking: bool) -> Week:
    """Seven Sessions for one week: run days from ``runs``, the rest from the layout."""
    lighter = is_lighter(index)
    kinds = _day_kinds(layout, slots, runs)
    run_walk = run_walk_start(profile, index) if walking else None
    sessions: list[Session] = []
    for day, kind in enumerate(kinds):
        minutes = runs.get(day, _other_minutes(kind, index, weeks, lighter))
        sessions.append(make_session(
            monday + timedelta(days=day), kind, minutes, index=index, weeks=weeks,
            lighter=lighter, equipment=profile.equipment,
            strength_turn=turns["strength"], cross_turn=turns["cross_training"],
            run_walk=run_walk, max_rounds=max_rounds))
        if kind in turns:
            turns[kind] += 1
    return Week(index=index, start=monday, lighter=lighter, sessions=tuple(sessions))


def _day_kinds(layout: Layout, slots: list[Slot], runs: dict[int, int]) -> list[str]:
    """Each day's kind; a run slot the volume leaves empty becomes cross-training or recovery."""
    run_kinds = {s.day: s.kind for s in slots}
    kinds: list[str] = []
    spare: list[str] = []
    for day, role in enumerate(layout.roles):
        if day in runs:
            kinds.append(run_kinds[day])
        elif role in (QUALITY, FLEX):
            spare.append(_fallback(spare, len(layout.days_with(RECOVERY))))
            kinds.append(spare[-1])
        else:
            kinds.append({STRENGTH: "strength", RECOVERY: "active_recovery", REST: "rest",
                          LONG: "long_run"}[role])
    return kinds


def _fallback(spare: list[str], planned_recovery: int) -> str:
    """Cross-training once a week, then active recovery up to twice a week, else rest."""
    if "cross_training" not in spare:
        return "cross_training"
    recovery = spare.count("active_recovery") + planned_recovery
    return "active_recovery" if recovery < MAX_RECOVERY else "rest"


def _other_minutes(kind: str, index: int, weeks: int, lighter: bool) -> int:
    """Minutes for a day that is not a run."""
    if kind == "strength":
        return strength_minutes(index, weeks, lighter)
    if kind == "cross_training":
        return CROSS_TRAINING_MINUTES[1 if lighter else 0]
    if kind == "active_recovery":
        return RECOVERY_MINUTES
    return 0


__all__ = ["build_plan", "minutes_run", "WEEKS_RANGE", "plan_notes", "hard_runs",
           "hiit_rounds", "run_walk_start"]
