"""The repository's measuring part (SPEC §5 "Measuring the goal"): the progress report read
from the stored weights and plan, and the energy-balance offer — open, accepted (the profile's
``deficit_kcal`` saved) or dismissed (remembered with its verdict)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from core.checkin import MEASUREMENTS, CheckIn
from core.store.change import NO_CHANGES, Change
from core.store.convert import profile_from_text
from core.store.repository_log import LogPart
from core.store.repository_plan import _load_plan, _write_profile
from core.store.safety import InvalidRequest
from core.store.tables import Tables
from core.weight_trend import (
    DeficitDismissal,
    DeficitOffer,
    Progress,
    deficit_offer,
    progress,
    verdicts,
)


class MeasurePart(LogPart):
    """Progress report and deficit offer reads and writes."""

    def progress_report(self, today: date) -> Progress | None:
        """The weight trend, rate, check and measurements on ``today`` (None before a
        profile is saved)."""
        with self._reading() as t:
            return None if t is None else _report(t, today)[0]

    def deficit_offer(self, today: date) -> DeficitOffer | None:
        """The open energy-balance offer on ``today``, if there is one."""
        with self._reading() as t:
            return None if t is None else _open_offer(t, today)

    def accept_deficit_offer(self, offer_id: str, today: date) -> Change:
        """Save the offered ``deficit_kcal`` (InvalidRequest when no such offer is open)."""
        with self._writing() as t:
            offer = _require_offer(t, offer_id, today)
            return _set_deficit(t, offer.suggested,
                                f"Daily deficit changed from {offer.current} to "
                                f"{offer.suggested} kcal")

    def dismiss_deficit_offer(self, offer_id: str, today: date) -> Change:
        """Decline the offer: it stays gone until the verdict changes."""
        with self._writing() as t:
            offer = _require_offer(t, offer_id, today)
            t.deficit_dismissal.delete().execute()
            t.deficit_dismissal.insert(day=today, verdict=offer.check).execute()
        return Change(summary=f"Kept the daily deficit at {offer.current} kcal")

    def set_deficit(self, kcal: int) -> Change:
        """Save ``deficit_kcal`` alone (undoing an accepted offer); the plan stays as it is."""
        with self._writing() as t:
            return _set_deficit(t, kcal, f"Daily deficit set to {kcal} kcal")


def _set_deficit(t: Tables, kcal: int, summary: str) -> Change:
    row = t.profile.get_or_none(t.profile.id == 1)
    if row is None:
        raise InvalidRequest("there is no profile yet: save one first")
    profile = profile_from_text(row.data)
    if profile.deficit_kcal == kcal:
        return NO_CHANGES
    _write_profile(t, profile.with_changes(deficit_kcal=kcal), bool(row.demo))
    return Change(profile=True, summary=summary)


_BODY = ("weight_kg", *MEASUREMENTS)


def _all_checkins(t: Tables, today: date) -> list[CheckIn]:
    """The check-ins up to ``today`` that hold a weight or a measurement, with just those
    fields (plain SQL: years of history are read on every refresh of the Progress page)."""
    names = ", ".join(f'"{c}"' for c in _BODY)
    held = " OR ".join(f'"{c}" IS NOT NULL' for c in _BODY)
    sql = (f'SELECT "day", {names} FROM "{t.checkin._meta.table_name}" '
           f'WHERE "day" <= ? AND ({held}) ORDER BY "day"')
    cursor = t.checkin._meta.database.execute_sql(sql, (today.isoformat(),))
    return [CheckIn(date.fromisoformat(r[0]), **dict(zip(_BODY, r[1:], strict=True)))
            for r in cursor]


def _report(t: Tables, today: date) -> tuple[Progress | None, Any]:
    row = t.profile.get_or_none(t.profile.id == 1)
    if row is None:
        return None, None
    profile = profile_from_text(row.data)
    plan = _load_plan(t)
    logs = _all_checkins(t, today)
    return progress(profile, plan, logs, today), (profile, plan, logs)


def _open_offer(t: Tables, today: date) -> DeficitOffer | None:
    report, inputs = _report(t, today)
    if report is None:
        return None
    dismissed_row = t.deficit_dismissal.select().order_by(t.deficit_dismissal.day.desc()).first()
    dismissed = (None if dismissed_row is None
                 else DeficitDismissal(dismissed_row.day, str(dismissed_row.verdict)))
    profile, plan, logs = inputs

    def since(start: date) -> Iterator[str]:
        return verdicts(profile, plan, logs, start, today)

    return deficit_offer(report, dismissed, since)


def _require_offer(t: Tables, offer_id: str, today: date) -> DeficitOffer:
    offer = _open_offer(t, today)
    if offer is None or offer.id != offer_id:
        raise InvalidRequest(f"no open offer with id {offer_id}")
    return offer
