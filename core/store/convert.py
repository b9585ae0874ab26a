"""Rows <-> core dataclasses, and the range checks of SPEC §7 ``log`` that every saved
check-in and outcome passes (a refusal names the field, the value and the valid range)."""

from __future__ import annotations

import json
import math
from dataclasses import replace
from datetime import date
from functools import lru_cache
from typing import Any

from core.checkin import (
    MINUTES_RANGE,
    QUALITY_RANGE,
    RPE_RANGE,
    SLEEP_RANGE,
    STATUSES,
    WEIGHT_RANGE,
    CheckIn,
    MeasurementError,
    Outcome,
    check_measurements,
    normal_areas,
)
from core.plan import FOAM_ROLL_AREAS, Session
from core.profile import Profile, ProfileError, profile_from_dict
from core.store.safety import StoredDataError

_DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class InvalidValue(ProfileError):
    """A logged value is outside its range (the user's input): ``field``, ``value`` and
    ``expected`` as for a profile field."""


def nice_date(day: date) -> str:
    """``Mon 30 Nov`` (English, whatever the process locale)."""
    return f"{_DAY_NAMES[day.weekday()]} {day.day} {_MONTHS[day.month - 1]}"


def _number(name: str, value: object, lo: float, hi: float, unit: str,
            *, whole: bool = False) -> float:
    expected = f"{lo:g}–{hi:g}{(' ' + unit) if unit else ''}"
    if whole:
        expected = "a whole number " + expected
    if (isinstance(value, bool) or not isinstance(value, (int, float))
            or not math.isfinite(value) or not lo <= value <= hi
            or (whole and float(value) != int(value))):
        raise InvalidValue(name, value, expected)
    return float(value)


def check_checkin(c: CheckIn) -> CheckIn:
    """The check-in with its foam-roll areas in canonical order; ProfileError when a value is
    out of range."""
    if not isinstance(c.date, date):
        raise InvalidValue("date", c.date, "a date")
    if c.sleep_hours is not None:
        _number("sleep_hours", c.sleep_hours, *SLEEP_RANGE, "hours")
    if c.sleep_quality is not None:
        _number("sleep_quality", c.sleep_quality, *QUALITY_RANGE, "", whole=True)
    if c.weight_kg is not None:
        _number("weight_kg", c.weight_kg, *WEIGHT_RANGE, "kg")
    try:
        check_measurements(c)
    except MeasurementError as exc:
        raise InvalidValue(exc.field, exc.value, exc.expected) from None
    for name in ("warmup_done", "stretch_done", "water_met"):
        if not isinstance(getattr(c, name), bool):
            raise InvalidValue(name, getattr(c, name), "true or false")
    areas = c.foam_roll
    if (not isinstance(areas, (tuple, list))
            or any(not isinstance(a, str) or a not in FOAM_ROLL_AREAS for a in areas)):
        raise InvalidValue("foam_roll", areas, "areas from " + ", ".join(FOAM_ROLL_AREAS))
    return replace(c, foam_roll=normal_areas(tuple(areas)),
                   sleep_quality=None if c.sleep_quality is None else int(c.sleep_quality))


def check_outcome(o: Outcome) -> Outcome:
    """The outcome, or ProfileError naming the value that is out of range."""
    if not isinstance(o.date, date):
        raise InvalidValue("date", o.date, "a date")
    if o.status not in STATUSES:
        raise InvalidValue("status", o.status, "one of " + ", ".join(STATUSES))
    if o.minutes is not None:
        _number("minutes", o.minutes, *MINUTES_RANGE, "minutes", whole=True)
    if o.rpe is not None:
        _number("rpe", o.rpe, *RPE_RANGE, "", whole=True)
    if o.status == "skipped" and (o.minutes is not None or o.rpe is not None):
        field = "minutes" if o.minutes is not None else "rpe"
        raise InvalidValue(field, o.minutes if o.minutes is not None else o.rpe,
                           "empty for a skipped session")
    return replace(o, minutes=None if o.minutes is None else int(o.minutes),
                   rpe=None if o.rpe is None else int(o.rpe))


def check_minutes(minutes: object) -> int:
    return int(_number("minutes", minutes, *MINUTES_RANGE, "minutes", whole=True))


def checkin_from_row(row: Any) -> CheckIn:
    return CheckIn(
        date=row.day, sleep_hours=row.sleep_hours, sleep_quality=row.sleep_quality,
        warmup_done=bool(row.warmup_done), stretch_done=bool(row.stretch_done),
        foam_roll=normal_areas([a for a in row.foam_roll.split(",") if a]),
        water_met=bool(row.water_met), weight_kg=row.weight_kg,
        thigh_cm=row.thigh_cm, calf_cm=row.calf_cm, waist_cm=row.waist_cm, hips_cm=row.hips_cm,
    )


CHECKIN_COLUMNS = ("day", "sleep_hours", "sleep_quality", "warmup_done", "stretch_done",
                   "foam_roll", "water_met", "weight_kg", "thigh_cm", "calf_cm", "waist_cm",
                   "hips_cm")
OUTCOME_COLUMNS = ("day", "status", "minutes", "rpe")


def checkin_from_tuple(r: tuple[Any, ...]) -> CheckIn:
    """A check-in from a row fetched as a tuple of CHECKIN_COLUMNS (the fast path)."""
    return CheckIn(date=r[0], sleep_hours=r[1], sleep_quality=r[2], warmup_done=bool(r[3]),
                   stretch_done=bool(r[4]),
                   foam_roll=normal_areas([a for a in r[5].split(",") if a]),
                   water_met=bool(r[6]), weight_kg=r[7], thigh_cm=r[8], calf_cm=r[9],
                   waist_cm=r[10], hips_cm=r[11])


def outcome_from_tuple(r: tuple[Any, ...]) -> Outcome:
    return Outcome(date=r[0], status=r[1], minutes=r[2], rpe=r[3])


def checkin_to_row(c: CheckIn) -> dict[str, Any]:
    return {
        "day": c.date, "sleep_hours": c.sleep_hours, "sleep_quality": c.sleep_quality,
        "warmup_done": c.warmup_done, "stretch_done": c.stretch_done,
        "foam_roll": ",".join(c.foam_roll), "water_met": c.water_met, "weight_kg": c.weight_kg,
        **c.measurements(),
    }


def outcome_from_row(row: Any) -> Outcome:
    return Outcome(date=row.day, status=row.status, minutes=row.minutes, rpe=row.rpe)


def outcome_to_row(o: Outcome) -> dict[str, Any]:
    return {"day": o.date, "status": o.status, "minutes": o.minutes, "rpe": o.rpe}


def session_to_text(s: Session) -> str:
    return json.dumps(s.to_json(full=True), ensure_ascii=False, sort_keys=True)


@lru_cache(maxsize=8192)
def session_from_text(text: str) -> Session:
    """A stored session; StoredDataError when the row cannot be read. Sessions are frozen,
    so a row read again (the plan is re-read after every write) is parsed only once."""
    try:
        return Session.from_json(json.loads(text))
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise StoredDataError(f"a stored session cannot be read ({type(exc).__name__}: "
                              f"{exc})") from None


def profile_from_text(text: str) -> Profile:
    """The stored profile; StoredDataError when it is not a valid profile any more."""
    try:
        return profile_from_dict(json.loads(text))
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise StoredDataError(f"the saved profile cannot be read: {exc}") from None


def history_row(day: date, c: CheckIn | None, o: Outcome | None,
                kind: str | None) -> dict[str, Any]:
    """One day of SPEC §7 ``history --format json``."""
    return {
        "date": day.isoformat(),
        "sleep_hours": None if c is None else c.sleep_hours,
        "sleep_quality": None if c is None else c.sleep_quality,
        "foam_roll": [] if c is None else list(c.foam_roll),
        "weight_kg": None if c is None else c.weight_kg,
        "measurements": (CheckIn(date=day) if c is None else c).measurements(),
        "session": None if o is None else {
            "kind": kind, "status": o.status, "minutes": o.minutes, "rpe": o.rpe},
    }
