"""Rows ↔ dataclasses over the bound tables that more than one module of the store shares:
the repository's parts, the write transaction of ``core.app`` and the JSON backup. Functions
of an open transaction's :class:`~core.store.tables.Tables`; none opens or commits anything."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Any

from core.plan import Plan, Session, Week
from core.profile import Profile
from core.store.convert import profile_from_text, session_from_text, session_to_text
from core.store.safety import StoredDataError
from core.store.tables import Tables

# -- profile ------------------------------------------------------------------------------


def readable_profile(text: str) -> Profile | None:
    """The stored profile, or None when it cannot be read (saving a new one repairs it)."""
    try:
        return profile_from_text(text)
    except StoredDataError:
        return None


def write_profile(t: Tables, profile: Profile, demo: bool) -> None:
    data = json.dumps(profile.to_dict(), ensure_ascii=False, sort_keys=True)
    t.profile.replace(id=1, data=data, demo=demo,
                      saved_at=datetime.now().isoformat(timespec="seconds")).execute()


# -- plan ---------------------------------------------------------------------------------


def load_plan(t: Tables) -> Plan | None:
    weeks = list(t.plan_week.select().order_by(t.plan_week.idx))
    if not weeks:
        return None
    first, last = weeks[0].start, weeks[-1].start
    pd = t.plan_day
    rows: Any = (pd.select(pd.day, pd.session)
                 .where(pd.day.between(first, last + timedelta(days=6))).tuples())
    sessions: dict[date, Session] = {day: session_from_text(text) for day, text in rows}
    built = []
    for w in weeks:
        days = [date.fromordinal(w.start.toordinal() + i) for i in range(7)]
        built.append(Week(index=int(w.idx), start=w.start, lighter=bool(w.lighter),
                          sessions=tuple(sessions[d] for d in days if d in sessions)))
    return Plan(start=first, weeks=tuple(built))


def put_sessions(t: Tables, sessions: Iterable[Session]) -> None:
    for s in sessions:
        t.plan_day.replace(day=s.date, session=session_to_text(s)).execute()


def logged_days(t: Tables) -> set[date]:
    days = {r.day for r in t.checkin.select(t.checkin.day)}
    days.update(r.day for r in t.outcome.select(t.outcome.day))
    return days


def write_plan(t: Tables, plan: Plan) -> None:
    """Replace the stored plan. Days before it keep their sessions (what a past day had);
    days after it are kept only when they carry a log."""
    t.plan_week.delete().execute()
    t.plan_week.insert_many(
        [{"idx": w.index, "start": w.start, "lighter": w.lighter} for w in plan.weeks]
    ).execute()
    logged = logged_days(t)
    outside = [r.day for r in t.plan_day.select(t.plan_day.day).where(t.plan_day.day > plan.end)
               if r.day not in logged]
    for chunk in _chunks(outside, 500):
        t.plan_day.delete().where(t.plan_day.day.in_(chunk)).execute()
    rows: list[dict[str, Any]] = [{"day": s.date, "session": session_to_text(s)}
                                  for s in plan.sessions()]
    for chunk in _chunks(rows, 200):
        t.plan_day.replace_many(chunk).execute()


def _chunks(items: list[Any], size: int) -> Iterable[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


# -- log and imports ----------------------------------------------------------------------


def unmatched_activities(t: Tables, start: date, end: date) -> dict[date, list[dict[str, Any]]]:
    """SPEC §7 history ``activities`` from ``start`` to ``end``, by day, in start order."""
    sql = ('SELECT "day", "sport", "start", "minutes", "distance_km", "avg_hr", "source" '
           'FROM "activity" WHERE "counted" = 0 AND "day" BETWEEN ? AND ? '
           'ORDER BY "start", "sport"')
    out: dict[date, list[dict[str, Any]]] = {}
    for r in t.activity._meta.database.execute_sql(sql, (start.isoformat(), end.isoformat())):
        out.setdefault(date.fromisoformat(r[0]), []).append(
            {"sport": r[1], "start": r[2], "minutes": r[3], "distance_km": r[4],
             "avg_hr": r[5], "source": r[6]})
    return out


# -- measuring ----------------------------------------------------------------------------


def dismiss_deficit(t: Tables, day: date, verdict: str) -> None:
    """Remember the one declined energy-balance offer (its verdict, on ``day``)."""
    t.deficit_dismissal.delete().execute()
    t.deficit_dismissal.insert(day=day, verdict=verdict).execute()
