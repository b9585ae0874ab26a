"""Judging finished weeks in the stored plan (SPEC §3 "Short weeks"): read the rows, let
core.adaptation decide, write what it changed and remember the last week judged. The rule
lives in the domain; ``today`` is passed in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from core.adaptation import WeekChange, judge_finished_weeks, week_to_judge
from core.checkin import Outcome
from core.store.convert import outcome_from_tuple
from core.store.repository_plan import _load_plan, _logged_days, _put_sessions, _readable_profile
from core.store.tables import Tables

JUDGED_KEY = "judged_through"  # the start of the last week judged


@dataclass(frozen=True)
class Adapted:
    days: frozenset[date]
    weeks: frozenset[int]
    changes: tuple[WeekChange, ...]

    @property
    def summary(self) -> str:
        first = self.changes[0].words() if self.changes else "Plan eased"
        more = len(self.changes) - 1
        return first + (f" (and {more} later week{'s' if more > 1 else ''})" if more else "")


def outcomes_between(t: Tables, start: date, end: date) -> dict[date, Outcome]:
    """The outcomes logged from ``start`` to ``end``, both included."""
    rows: Any = (t.outcome.select(t.outcome.day, t.outcome.status, t.outcome.minutes,
                                  t.outcome.rpe)
                 .where(t.outcome.day.between(start, end)).tuples())
    return {o.date: o for o in (outcome_from_tuple(r) for r in rows)}


def judged_through(t: Tables) -> date | None:
    row = t.setting.get_or_none(t.setting.key == JUDGED_KEY)
    return None if row is None else date.fromisoformat(str(row.value))


def needs_judging(t: Tables, today: date) -> bool:
    """A finished week waits to be judged (a read; nothing is written)."""
    plan = _load_plan(t)
    return plan is not None and week_to_judge(plan, today, judged_through(t)) is not None


def judge_weeks(t: Tables, today: date) -> Adapted | None:
    """Judge the week that ended before ``today``'s week, once (call inside a write)."""
    plan = _load_plan(t)
    row = t.profile.get_or_none(t.profile.id == 1)
    profile = None if row is None else _readable_profile(row.data)
    if plan is None or profile is None:
        return None
    result = judge_finished_weeks(plan, profile, outcomes_between(t, plan.start, plan.end),
                                  today, judged_through(t), _logged_days(t))
    if result.judged_through is not None:
        t.setting.replace(key=JUDGED_KEY, value=result.judged_through.isoformat()).execute()
    if not result.changed:
        return None
    _put_sessions(t, result.changed)
    weeks = frozenset(w.index for w in plan.weeks
                      if any(w.start <= s.date <= w.end for s in result.changed))
    return Adapted(frozenset(s.date for s in result.changed), weeks, result.changes)
