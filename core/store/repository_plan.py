"""The repository's plan part: the saved profile and the stored plan with the user's moves,
minute edits, accepted offers and declined offers."""

from __future__ import annotations

from datetime import date

from core.checkin import check_minutes
from core.plan import KINDS, Plan, Session
from core.profile import Profile
from core.store.change import NO_CHANGES, Change
from core.store.convert import nice_date, profile_from_text, session_from_text
from core.store.database import Database
from core.store.rows import load_plan, put_sessions
from core.store.safety import InvalidRequest
from core.store.tables import Tables


class PlanPart:
    """Profile and plan reads and writes, through the repository's one database."""

    def __init__(self, database: Database) -> None:
        self._database = database

    def profile(self) -> Profile | None:
        with self._database.reading() as t:
            row = None if t is None else t.profile.get_or_none(t.profile.id == 1)
            return None if row is None else profile_from_text(row.data)

    def is_demo(self) -> bool:
        """The saved profile is the built-in demo (the app's first start)."""
        with self._database.reading() as t:
            row = None if t is None else t.profile.get_or_none(t.profile.id == 1)
            return bool(row is not None and row.demo)

    def plan(self) -> Plan | None:
        """The stored plan with the user's moves and minute edits."""
        with self._database.reading() as t:
            return None if t is None else load_plan(t)

    def replace_session(self, session: Session) -> Change:
        """Put ``session`` on its date (accepting an adaptation offer, or undoing an edit)."""
        if session.kind not in KINDS:
            raise InvalidRequest(f"kind must be one of {', '.join(KINDS)}, got {session.kind}")
        check_minutes(session.minutes)
        with self._database.writing() as t:
            old = _require_session(t, session.date)
            if old == session:
                return NO_CHANGES
            put_sessions(t, [session])
            return Change(plan=True, days=frozenset({session.date}),
                          summary=f"{nice_date(session.date)}: {session.title}")

    def dismiss_offer(self, day: date) -> Change:
        """Remember that the user declined the adaptation offer for ``day``."""
        with self._database.writing() as t:
            t.offer_dismissal.insert(day=day).on_conflict_ignore().execute()
            return Change(days=frozenset({day}), summary=f"Offer for {nice_date(day)} declined")

    def dismissed_offers(self, since: date | None = None) -> frozenset[date]:
        """The days whose offer was declined (only those from ``since`` on, when given)."""
        with self._database.reading() as t:
            if t is None:
                return frozenset()
            od = t.offer_dismissal
            rows = od.select(od.day) if since is None else od.select(od.day).where(od.day >= since)
            return frozenset(r.day for r in rows)

    def setting(self, key: str) -> str | None:
        with self._database.reading() as t:
            row = None if t is None else t.setting.get_or_none(t.setting.key == key)
            return None if row is None else str(row.value)

    def set_setting(self, key: str, value: str) -> None:
        with self._database.writing() as t:
            t.setting.replace(key=key, value=value).execute()


def _require_session(t: Tables, day: date) -> Session:
    row = t.plan_day.get_or_none(t.plan_day.day == day)
    plan = load_plan(t)
    if row is None or plan is None or plan.session_on(day) is None:
        where = f" ({plan.start.isoformat()} to {plan.end.isoformat()})" if plan else ""
        raise InvalidRequest(f"{day.isoformat()} is not in the plan{where}")
    return session_from_text(row.session)
