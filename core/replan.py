"""Regenerating the plan when the profile changes (SPEC §3): the weeks before the new start
and every logged day keep what they had; the rest comes from the planner, continuing the
plan (week numbers, lighter weeks, running minutes, strength A/B and reps) rather than
starting it over. Pure: the store hands in the plan, the logged days and the planner."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from datetime import date

from core.plan import Plan, Session, Week
from core.planner import WEEKS_RANGE

DEFAULT_WEEKS = 12

# build(start, weeks, continue_from): the planner for the new profile and the stored log.
Build = Callable[[date, int, Plan | None], Plan]


@dataclass(frozen=True)
class Replanned:
    plan: Plan
    kept_logged: int  # logged days in the regenerated part that kept their session


def first_plan(start: date, build: Build) -> Plan:
    return build(start, DEFAULT_WEEKS, None)


def _clamp(weeks: int) -> int:
    return min(WEEKS_RANGE[1], max(WEEKS_RANGE[0], weeks))


def replan(old: Plan, start: date, logged: Collection[date], build: Build) -> Replanned:
    """The stored plan rebuilt from ``start`` (a Monday).

    Weeks before ``start`` stay as stored, and the planner continues from them to the old
    end. A plan that has not begun yet is made again from week 1; a finished one is followed
    by a fresh one of the same length. A logged day keeps the session it was logged against.
    """
    if start > old.end:
        return Replanned(build(start, _clamp(len(old.weeks)), None), 0)
    kept = tuple(w for w in old.weeks if w.start < start)
    if not kept:
        fresh = build(start, _clamp(len(old.weeks)), None)
    elif len(old.weeks) <= WEEKS_RANGE[1]:
        fresh = build(start, len(old.weeks), Plan(start=old.start, weeks=kept))
    else:  # only a restored backup holds a plan this long: start a new block from here
        remaining = (old.end - start).days // 7 + 1
        block = build(start, _clamp(remaining), None)
        fresh = Plan(start=old.start, weeks=kept + tuple(
            replace(w, index=len(kept) + w.index) for w in block.weeks))
    kept_logged = 0
    new_weeks: list[Week] = []
    for week in fresh.weeks[len(kept):]:
        sessions: list[Session] = []
        for s in week.sessions:
            before = old.session_on(s.date)
            if before is not None and s.date in logged:
                sessions.append(before)
                kept_logged += 1
            else:
                sessions.append(s)
        new_weeks.append(replace(week, sessions=tuple(sessions)))
    return Replanned(Plan(start=fresh.start, weeks=kept + tuple(new_weeks)), kept_logged)
