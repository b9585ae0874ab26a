"""The repository's import part: activities read from watch files are matched to the plan
(SPEC §9, the rule in core.activities.matching) and written in one transaction per batch."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from core.activities.matching import Mark, Matched, Matching, import_summary, match
from core.activities.model import Activity, utc_text
from core.activities.times import parse_time
from core.changes import NO_CHANGES, Change
from core.checkin import Outcome
from core.store.convert import outcome_from_row, outcome_to_row, session_from_text
from core.store.database import Database
from core.store.rows import unmatched_activities
from core.store.tables import Tables


@dataclass(frozen=True)
class Imported:
    """What one import batch did: each activity's result, and the Change to show."""

    results: tuple[Matched, ...]
    change: Change


class ImportPart:
    """Writing imported activities and reading the ones that matched no session, through
    the repository's one database."""

    def __init__(self, database: Database) -> None:
        self._database = database

    def import_activities(self, activities: Sequence[Activity]) -> Imported:
        """Match and keep ``activities`` (already read and checked against today) in one
        transaction. Duplicates change nothing; a batch of only duplicates writes nothing.
        Like a mark by hand, an import adapts nothing at once: the week is judged once it is
        over (SPEC §3)."""
        if not activities:
            return Imported((), NO_CHANGES)
        with self._database.reading() as t:
            preview = None if t is None else _matching(t, activities)
        if preview is not None and not preview.kept:
            return Imported(preview.results, NO_CHANGES)
        with self._database.writing() as t:
            m = _matching(t, activities)
            for day, mark in sorted(m.marks.items()):
                old = t.outcome.get_or_none(t.outcome.day == day)
                rpe = None if old is None else outcome_from_row(old).rpe
                t.outcome.replace(**outcome_to_row(Outcome(
                    date=day, status=mark.status, minutes=mark.minutes, rpe=rpe,
                    distance_km=mark.distance_km, avg_hr=mark.avg_hr,
                    source=mark.source))).execute()
            rows = [{"sport": a.sport, "start": utc_text(a.start), "day": a.date,
                     "minutes": a.minutes, "distance_km": a.distance_km, "avg_hr": a.avg_hr,
                     "source": a.source, "counted": counted} for a, counted in m.kept]
            for i in range(0, len(rows), 200):
                t.activity.insert_many(rows[i:i + 200]).execute()
        days = frozenset(a.date for a, _ in m.kept) | frozenset(m.marks)
        return Imported(m.results, Change(days=days, summary=import_summary(m.results)))

    def activities_by_day(self, start: date, end: date) -> dict[date, list[Activity]]:
        """The imported activities that matched no session, from ``start`` to ``end``, by
        day, in start order (what the calendar shows outside the plan)."""
        with self._database.reading() as t:
            unmatched = {} if t is None else unmatched_activities(t, start, end)
        out: dict[date, list[Activity]] = {}
        for day, rows in unmatched.items():
            out[day] = [Activity(sport=r["sport"], start=parse_time(r["start"]) or
                                 datetime.min.replace(tzinfo=UTC), date=day,
                                 minutes=r["minutes"], distance_km=r["distance_km"],
                                 avg_hr=r["avg_hr"], source=r["source"]) for r in rows]
        return out


def _matching(t: Tables, activities: Sequence[Activity]) -> Matching:
    """The matching of ``activities`` against the stored plan, outcomes and imports."""
    days = {a.date for a in activities}
    lo, hi = min(days), max(days)
    pd, oc, ac = t.plan_day, t.outcome, t.activity
    plan_rows: Any = pd.select(pd.day, pd.session).where(pd.day.between(lo, hi)).tuples()
    kinds = {r[0]: session_from_text(r[1]).kind for r in plan_rows if r[0] in days}
    marks = {r.day: Mark(r.status, r.minutes, r.distance_km, r.avg_hr, r.source)
             for r in oc.select().where(oc.day.between(lo, hi)) if r.day in days}
    key_rows: Any = ac.select(ac.sport, ac.start).where(ac.day.between(lo, hi)).tuples()
    return match(activities, kinds, marks, {(r[0], r[1]) for r in key_rows})
