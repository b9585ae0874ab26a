"""One write transaction seen as rows ↔ dataclasses, for the application layer's use cases:
the reads and writes a rule needs, and nothing of the rules themselves (those live in the
domain; ``core.app.operations`` puts the two together inside one transaction)."""

from __future__ import annotations

from datetime import date
from typing import Any

from core.checkin import Outcome
from core.plan import Plan, Session
from core.profile import Profile
from core.store.convert import outcome_from_tuple
from core.store.rows import (
    dismiss_deficit,
    load_plan,
    logged_days,
    put_sessions,
    readable_profile,
    write_plan,
    write_profile,
)
from core.store.tables import Tables


class Transaction:
    """The open write transaction's tables, spoken in core dataclasses."""

    def __init__(self, tables: Tables) -> None:
        self._t = tables

    # -- reads --------------------------------------------------------------------------

    def saved_profile(self) -> tuple[Profile | None, bool] | None:
        """(profile, demo flag) as stored, None before the first save; the profile is None
        when the stored one can no longer be read."""
        row = self._t.profile.get_or_none(self._t.profile.id == 1)
        return None if row is None else (readable_profile(row.data), bool(row.demo))

    def plan(self) -> Plan | None:
        return load_plan(self._t)

    def logged_days(self) -> set[date]:
        return logged_days(self._t)

    def outcomes(self, start: date, end: date) -> dict[date, Outcome]:
        """The outcomes logged from ``start`` to ``end``, both included."""
        o = self._t.outcome
        rows: Any = (o.select(o.day, o.status, o.minutes, o.rpe)
                     .where(o.day.between(start, end)).tuples())
        return {x.date: x for x in (outcome_from_tuple(r) for r in rows)}

    def setting(self, key: str) -> str | None:
        row = self._t.setting.get_or_none(self._t.setting.key == key)
        return None if row is None else str(row.value)

    # -- writes -------------------------------------------------------------------------

    def write_profile(self, profile: Profile, demo: bool) -> None:
        write_profile(self._t, profile, demo)

    def set_demo(self, demo: bool) -> None:
        self._t.profile.update(demo=demo).where(self._t.profile.id == 1).execute()

    def write_plan(self, plan: Plan) -> None:
        """Replace the stored plan (days before it, and logged days after it, stay)."""
        write_plan(self._t, plan)

    def put_sessions(self, sessions: list[Session] | tuple[Session, ...]) -> None:
        put_sessions(self._t, sessions)

    def dismiss_deficit(self, day: date, verdict: str) -> None:
        """Remember the declined energy-balance offer (its verdict, on ``day``)."""
        dismiss_deficit(self._t, day, verdict)

    def set_setting(self, key: str, value: str) -> None:
        self._t.setting.replace(key=key, value=value).execute()
