"""Build a training plan from a profile (SPEC §3).

``build_plan`` lays out the week once (planner_layout), works out each week's running
minutes (planner_volume) and dresses every day as a Session (planner_sessions). It is a pure
function of its arguments: the same profile, start, weeks and log give the same plan.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from core.checkin import Outcome
from core.plan import Plan, Session, Week, monday_on_or_after
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
from core.planner_sessions import make_session, strength_minutes
from core.planner_volume import (
    capacity,
    first_week_target,
    is_lighter,
    next_target,
    split_minutes,
    week_slots,
)
from core.profile import Profile

WEEKS_RANGE = (4, 24)
CROSS_TRAINING_MINUTES = (40, 30)  # full week, lighter week
RECOVERY_MINUTES = 30


def build_plan(profile: Profile, start: date, weeks: int = 12,
               outcomes: Mapping[date, Outcome] | None = None) -> Plan:
    """The plan from the Monday on or after ``start`` for ``weeks`` weeks (4–24).

    ``outcomes`` is the log of done / skipped sessions: a week run short of its plan makes
    the next week grow from what was actually run.
    """
    if isinstance(weeks, bool) or not isinstance(weeks, int) or \
            not WEEKS_RANGE[0] <= weeks <= WEEKS_RANGE[1]:
        raise ValueError(f"weeks must be {WEEKS_RANGE[0]}–{WEEKS_RANGE[1]}, got {weeks}")
    log = outcomes or {}
    monday = monday_on_or_after(start)
    layout = week_layout(profile.available_days, profile.long_run_day,
                         profile.strength_sessions, profile.level)
    built: list[Week] = []
    turns = {"strength": 0, "cross_training": 0}
    last_full = 0
    for index in range(1, weeks + 1):
        lighter = is_lighter(index)
        slots = week_slots(layout, index, profile.level)
        cap = capacity(slots)
        if not built:
            target = first_week_target(profile.level, profile.weekly_run_minutes, cap)
        else:
            prev = built[-1]
            target = next_target(lighter=lighter, prev_planned=prev.run_minutes,
                                 prev_done=minutes_run(prev, log), prev_lighter=prev.lighter,
                                 last_full=last_full, cap=cap)
        week = _make_week(profile, layout, monday + timedelta(weeks=index - 1), index, weeks,
                          split_minutes(slots, target), turns)
        built.append(week)
        if not lighter:
            last_full = week.run_minutes
    return Plan(start=monday, weeks=tuple(built))


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
               runs: dict[int, int], turns: dict[str, int]) -> Week:
    """Seven Sessions for one week: run days from ``runs``, the rest from the layout."""
    lighter = is_lighter(index)
    kinds = _day_kinds(layout, runs, index, profile.level)
    sessions: list[Session] = []
    for day, kind in enumerate(kinds):
        minutes = runs.get(day, _other_minutes(kind, index, weeks, lighter))
        sessions.append(make_session(
            monday + timedelta(days=day), kind, minutes, index=index, weeks=weeks,
            lighter=lighter, equipment=profile.equipment,
            strength_turn=turns["strength"], cross_turn=turns["cross_training"]))
        if kind in turns:
            turns[kind] += 1
    return Week(index=index, start=monday, lighter=lighter, sessions=tuple(sessions))


def _day_kinds(layout: Layout, runs: dict[int, int], index: int, level: str) -> list[str]:
    """Each day's kind; a run slot the volume leaves empty becomes cross-training or recovery."""
    run_kinds = {s.day: s.kind for s in week_slots(layout, index, level)}
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


__all__ = ["build_plan", "minutes_run", "WEEKS_RANGE"]
