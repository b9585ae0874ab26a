"""The repository's measuring part (SPEC §5 "Measuring the goal"), rows only: the check-ins
that hold a weight or a measurement, the declined energy-balance offer, and the profile's
``deficit_kcal`` saved alone. The report and the offer are worked out in ``core.app``."""

from __future__ import annotations

from datetime import date

from core.checkin import MEASUREMENTS, CheckIn
from core.store.change import NO_CHANGES, Change
from core.store.convert import profile_from_text
from core.store.database import Database
from core.store.rows import write_profile
from core.store.safety import InvalidRequest
from core.store.tables import Tables

_BODY = ("weight_kg", *MEASUREMENTS)


class MeasurePart:
    """Body check-ins, the declined deficit offer and the deficit alone, through the
    repository's one database."""

    def __init__(self, database: Database) -> None:
        self._database = database

    def body_checkins(self, today: date) -> list[CheckIn]:
        """The check-ins up to ``today`` that hold a weight or a measurement, with just those
        fields, oldest first."""
        with self._database.reading() as t:
            return [] if t is None else body_checkins(t, today)

    def deficit_dismissal(self) -> tuple[date, str] | None:
        """(day, verdict) of the last declined energy-balance offer, if any."""
        with self._database.reading() as t:
            return None if t is None else deficit_dismissal(t)

    def set_deficit(self, kcal: int, summary: str = "") -> Change:
        """Save ``deficit_kcal`` alone (an accepted offer, or undoing one); the plan stays."""
        with self._database.writing() as t:
            return set_deficit(t, kcal, summary or f"Daily deficit set to {kcal} kcal")


def set_deficit(t: Tables, kcal: int, summary: str) -> Change:
    row = t.profile.get_or_none(t.profile.id == 1)
    if row is None:
        raise InvalidRequest("there is no profile yet: save one first")
    profile = profile_from_text(row.data)
    if profile.deficit_kcal == kcal:
        return NO_CHANGES
    write_profile(t, profile.with_changes(deficit_kcal=kcal), bool(row.demo))
    return Change(profile=True, summary=summary)


def body_checkins(t: Tables, today: date) -> list[CheckIn]:
    """Plain SQL: years of history are read on every refresh of the Progress page."""
    names = ", ".join(f'"{c}"' for c in _BODY)
    held = " OR ".join(f'"{c}" IS NOT NULL' for c in _BODY)
    sql = (f'SELECT "day", {names} FROM "{t.checkin._meta.table_name}" '
           f'WHERE "day" <= ? AND ({held}) ORDER BY "day"')
    cursor = t.checkin._meta.database.execute_sql(sql, (today.isoformat(),))
    return [CheckIn(date.fromisoformat(r[0]), **dict(zip(_BODY, r[1:], strict=True)))
            for r in cursor]


def deficit_dismissal(t: Tables) -> tuple[date, str] | None:
    row = t.deficit_dismissal.select().order_by(t.deficit_dismissal.day.desc()).first()
    return None if row is None else (row.day, str(row.verdict))
