"""Adapting the stored plan to what was run (SPEC §3: "next week's volume is based on what was
actually done when that is less than planned").

After a session of a finished or current week is marked (or unmarked), and that week ran
short of its plan before or after the change, the weeks after it are rebuilt by the planner
from the log. Days already past, logged days and days the user edited keep what they had.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from core.checkin import Outcome
from core.plan import Plan, Session, Week
from core.store.convert import outcome_from_tuple, profile_from_text
from core.store.repository_plan import (
    _load_plan,
    _logged_days,
    _put_sessions,
    build_plan,
)
from core.store.tables import Tables


@dataclass(frozen=True)
class Adapted:
    days: frozenset[date]
    summary: str


def outcomes_between(t: Tables, start: date, end: date) -> dict[date, Outcome]:
    """The outcomes logged from ``start`` to ``end``, both included."""
    rows: Any = (t.outcome.select(t.outcome.day, t.outcome.status, t.outcome.minutes, t.outcome.rpe)
            .where(t.outcome.day.between(start, end)).tuples())
    return {o.date: o for o in (outcome_from_tuple(r) for r in rows)}


def run_short(week: Week, log: Mapping[date, Outcome]) -> bool:
    """The week ran fewer minutes than planned."""
    from core.planner import minutes_run

    return minutes_run(week, log) < week.run_minutes


def ran_short(t: Tables, day: date) -> bool:
    """``day``'s planned week ran short of its plan, by the stored log."""
    plan = _load_plan(t)
    week = None if plan is None else plan.week_of(day)
    return week is not None and run_short(week, outcomes_between(t, week.start, week.end))


def adapt_after_log(t: Tables, day: date, was_short: bool, today: date) -> Adapted | None:
    """Rebuild the weeks after ``day``'s week from the log (call inside the write, after the
    outcome changed; ``was_short``: the week ran short before the change)."""
    plan = _load_plan(t)
    week = None if plan is None else plan.week_of(day)
    if plan is None or week is None or week.start > today:
        return None
    log = outcomes_between(t, plan.start, plan.end)
    from core.planner import WEEKS_RANGE, minutes_run

    if not (was_short or run_short(week, log)) or len(plan.weeks) > WEEKS_RANGE[1]:
        return None
    row = t.profile.get_or_none(t.profile.id == 1)
    if row is None:
        return None
    current = plan.week_of(today)
    first = max(week.index + 1, current.index if current is not None else week.index + 1)
    if first > len(plan.weeks):
        return None
    kept = Plan(start=plan.start, weeks=plan.weeks[:first - 1])
    rebuilt = build_plan(profile_from_text(row.data),
                         kept.end + timedelta(days=1), len(plan.weeks), log, kept)
    logged = _logged_days(t)
    changed: list[Session] = []
    under_way = rebuilt.weeks[first - 1].start <= today  # part of the first week is past
    for new in rebuilt.sessions():
        old = plan.session_on(new.date)
        if (new.date <= kept.end or old is None or new.date <= today or new.date in logged
                or old.edited or old == new):
            continue
        if (under_way and new.date <= rebuilt.weeks[first - 1].end and new.kind != old.kind
                and (new.hard or old.hard)):
            continue  # a week under way keeps its hard days where they are: only minutes move
        changed.append(new)
    if not changed:
        return None
    _put_sessions(t, changed)
    before = plan.weeks[first - 1]
    by_day = {s.date: s for s in changed}
    after = sum(by_day.get(s.date, s).minutes for s in before.sessions
                if by_day.get(s.date, s).is_run)
    verb = ("lowered to" if after < before.run_minutes
            else "raised to" if after > before.run_minutes else "kept at")
    which = "last week" if first == week.index + 1 else f"week {week.index}"
    return Adapted(
        days=frozenset(by_day),
        summary=f"Week {first} {verb} {after} min running: {which} ran "
                f"{minutes_run(week, log)} of {week.run_minutes} planned")
