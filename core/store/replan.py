"""Regenerating the plan when the profile changes (SPEC §3): the weeks before the new start
and every logged day keep what they had; the rest comes from the planner."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from datetime import date

from core.plan import Plan, Session, Week

DEFAULT_WEEKS = 12
MIN_WEEKS, MAX_WEEKS = 4, 24

Build = Callable[[date, int], Plan]


@dataclass(frozen=True)
class Replanned:
    plan: Plan
    kept_logged: int  # logged days in the regenerated part that kept their session


def first_plan(start: date, build: Build) -> Plan:
    return build(start, DEFAULT_WEEKS)


def replan(old: Plan, start: date, logged: Collection[date], build: Build) -> Replanned:
    """The stored plan rebuilt from ``start`` (a Monday).

    Weeks before ``start`` stay as stored. From ``start`` the planner's sessions fill the
    plan at least to the old end (at least 4 weeks); a finished plan is followed by a fresh
    one of the same length. A logged day keeps the session it was logged against.
    """
    if start > old.end:
        return Replanned(build(start, min(MAX_WEEKS, max(MIN_WEEKS, len(old.weeks)))), 0)
    kept = [w for w in old.weeks if w.start < start]
    remaining = (old.end - start).days // 7 + 1
    fresh = build(start, min(MAX_WEEKS, max(MIN_WEEKS, remaining)))
    kept_logged = 0
    new_weeks: list[Week] = []
    for week in fresh.weeks:
        sessions: list[Session] = []
        for s in week.sessions:
            before = old.session_on(s.date)
            if before is not None and s.date in logged:
                sessions.append(before)
                kept_logged += 1
            else:
                sessions.append(s)
        new_weeks.append(replace(week, sessions=tuple(sessions)))
    weeks = tuple(replace(w, index=i) for i, w in enumerate(kept + new_weeks, start=1))
    return Replanned(Plan(start=weeks[0].start, weeks=weeks), kept_logged)
