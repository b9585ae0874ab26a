"""Numbers for the Progress page: planned versus done training per week, and body weight.

Planned minutes count every session that is not ``rest`` (runs, strength, cross-training and
active recovery): all the training time the plan asks for. A session marked done counts its
logged minutes, or its planned minutes when none were logged. An outcome on a day with no
plan session or a rest day counts only its logged minutes. When several outcomes share a date
the last one wins.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from core.checkin import CheckIn, Outcome
from core.plan import Plan


@dataclass(frozen=True)
class WeekProgress:
    """One plan week: training minutes planned and done, strength sessions, sessions logged."""

    week_start: date
    planned_minutes: int
    done_minutes: int
    strength_planned: int
    strength_done: int
    sessions_done: int
    sessions_skipped: int


def weekly_progress(plan: Plan, outcomes: Iterable[Outcome]) -> list[WeekProgress]:
    """Planned versus done for each week of ``plan``, in order."""
    by_date = {o.date: o for o in outcomes}
    result = []
    for week in plan.weeks:
        planned = done = strength_planned = strength_done = n_done = n_skipped = 0
        training = {s.date: s for s in week.sessions if s.kind != "rest"}
        for s in training.values():
            planned += s.minutes
            if s.kind == "strength":
                strength_planned += 1
        for day, o in by_date.items():
            if not week.start <= day <= week.end:
                continue
            session = training.get(day)
            if o.status == "done":
                if session is not None:
                    n_done += 1
                    done += o.minutes if o.minutes is not None else session.minutes
                    strength_done += session.kind == "strength"
                else:
                    done += o.minutes or 0
            elif o.status == "skipped" and session is not None:
                n_skipped += 1
        result.append(WeekProgress(week.start, planned, done, strength_planned, strength_done,
                                   n_done, n_skipped))
    return result


def weight_series(checkins: Iterable[CheckIn]) -> list[tuple[date, float]]:
    """Logged body weight in kg by date, oldest first (days without a weight left out)."""
    by_date = {c.date: c.weight_kg for c in checkins}
    return [(d, w) for d, w in sorted(by_date.items()) if w is not None]


__all__ = ["WeekProgress", "weekly_progress", "weight_series"]
