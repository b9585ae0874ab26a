"""The repository's plan part: the saved profile and the stored plan with the user's moves,
minute edits, accepted offers and declined offers."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Any

from core.checkin import check_minutes
from core.plan import KINDS, Plan, Session, Week
from core.profile import Profile
from core.store.change import NO_CHANGES, Change
from core.store.convert import (
    nice_date,
    profile_from_text,
    session_from_text,
    session_to_text,
)
from core.store.repository_base import RepositoryBase
from core.store.safety import InvalidRequest, StoredDataError
from core.store.tables import Tables


class PlanPart(RepositoryBase):
    """Profile and plan reads and writes."""

    def profile(self) -> Profile | None:
        with self._reading() as t:
            row = None if t is None else t.profile.get_or_none(t.profile.id == 1)
            return None if row is None else profile_from_text(row.data)

    def is_demo(self) -> bool:
        """The saved profile is the built-in demo (the app's first start)."""
        with self._reading() as t:
            row = None if t is None else t.profile.get_or_none(t.profile.id == 1)
            return bool(row is not None and row.demo)

    def plan(self) -> Plan | None:
        """The stored plan with the user's moves and minute edits."""
        with self._reading() as t:
            return None if t is None else _load_plan(t)

    def replace_session(self, session: Session) -> Change:
        """Put ``session`` on its date (accepting an adaptation offer, or undoing an edit)."""
        if session.kind not in KINDS:
            raise InvalidRequest(f"kind must be one of {', '.join(KINDS)}, got {session.kind}")
        check_minutes(session.minutes)
        with self._writing() as t:
            old = _require_session(t, session.date)
            if old == session:
                return NO_CHANGES
            _put_sessions(t, [session])
            return Change(plan=True, days=frozenset({session.date}),
                          summary=f"{nice_date(session.date)}: {session.title}")

    def dismiss_offer(self, day: date) -> Change:
        """Remember that the user declined the adaptation offer for ``day``."""
        with self._writing() as t:
            t.offer_dismissal.insert(day=day).on_conflict_ignore().execute()
            return Change(days=frozenset({day}), summary=f"Offer for {nice_date(day)} declined")

    def dismissed_offers(self, since: date | None = None) -> frozenset[date]:
        """The days whose offer was declined (only those from ``since`` on, when given)."""
        with self._reading() as t:
            if t is None:
                return frozenset()
            od = t.offer_dismissal
            rows = od.select(od.day) if since is None else od.select(od.day).where(od.day >= since)
            return frozenset(r.day for r in rows)

    def setting(self, key: str) -> str | None:
        with self._reading() as t:
            row = None if t is None else t.setting.get_or_none(t.setting.key == key)
            return None if row is None else str(row.value)

    def set_setting(self, key: str, value: str) -> None:
        with self._writing() as t:
            t.setting.replace(key=key, value=value).execute()


def _readable_profile(text: str) -> Profile | None:
    """The stored profile, or None when it cannot be read (saving a new one repairs it)."""
    try:
        return profile_from_text(text)
    except StoredDataError:
        return None


def _load_plan(t: Tables) -> Plan | None:
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


def _require_plan(t: Tables) -> Plan:
    plan = _load_plan(t)
    if plan is None:
        raise InvalidRequest("there is no plan yet: save a profile first")
    return plan


def _require_session(t: Tables, day: date) -> Session:
    row = t.plan_day.get_or_none(t.plan_day.day == day)
    plan = _load_plan(t)
    if row is None or plan is None or plan.session_on(day) is None:
        where = f" ({plan.start.isoformat()} to {plan.end.isoformat()})" if plan else ""
        raise InvalidRequest(f"{day.isoformat()} is not in the plan{where}")
    return session_from_text(row.session)


def _put_sessions(t: Tables, sessions: Iterable[Session]) -> None:
    for s in sessions:
        t.plan_day.replace(day=s.date, session=session_to_text(s)).execute()


def _write_profile(t: Tables, profile: Profile, demo: bool) -> None:
    data = json.dumps(profile.to_dict(), ensure_ascii=False, sort_keys=True)
    t.profile.replace(id=1, data=data, demo=demo,
                      saved_at=datetime.now().isoformat(timespec="seconds")).execute()


def _logged_days(t: Tables) -> set[date]:
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
    logged = _logged_days(t)
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
