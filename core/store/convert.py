"""Rows <-> core dataclasses. The range checks every saved check-in and outcome passes live
beside the dataclasses (core.checkin) and are re-exported here for the store's callers."""

from __future__ import annotations

import json
from datetime import date
from functools import lru_cache
from typing import Any

from core.checkin import (
    CheckIn,
    Outcome,
    check_checkin,
    check_outcome,
)
from core.plan import Session
from core.profile import Profile, ProfileError, profile_from_dict
from core.store.safety import StoredDataError

_DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def nice_date(day: date) -> str:
    """``Mon 30 Nov`` (English, whatever the process locale)."""
    return f"{_DAY_NAMES[day.weekday()]} {day.day} {_MONTHS[day.month - 1]}"


def checkin_from_row(row: Any) -> CheckIn:
    return checkin_from_tuple(tuple(getattr(row, c) for c in CHECKIN_COLUMNS))


CHECKIN_COLUMNS = ("day", "sleep_hours", "sleep_quality", "warmup_done", "stretch_done",
                   "foam_roll", "water_met", "weight_kg", "thigh_cm", "calf_cm", "waist_cm",
                   "hips_cm")
OUTCOME_COLUMNS = ("day", "status", "minutes", "rpe", "distance_km", "avg_hr", "source")


def checkin_from_tuple(r: tuple[Any, ...]) -> CheckIn:
    """A check-in from a row fetched as a tuple of CHECKIN_COLUMNS (the fast path);
    StoredDataError when a stored value has the wrong type or range (an edited file)."""
    try:
        return check_checkin(CheckIn(
            date=r[0], sleep_hours=r[1], sleep_quality=r[2], warmup_done=bool(r[3]),
            stretch_done=bool(r[4]), foam_roll=tuple(a for a in r[5].split(",") if a),
            water_met=bool(r[6]), weight_kg=r[7], thigh_cm=r[8], calf_cm=r[9],
            waist_cm=r[10], hips_cm=r[11]))
    except (ProfileError, AttributeError, TypeError) as exc:
        raise StoredDataError(f"a stored check-in cannot be read ({_day(r)}: {exc})") from None


def outcome_from_tuple(r: tuple[Any, ...]) -> Outcome:
    """An outcome from a tuple of OUTCOME_COLUMNS (or of its first four); StoredDataError
    when a stored value has the wrong type or range."""
    try:
        if len(r) <= 4:
            return check_outcome(Outcome(date=r[0], status=r[1], minutes=r[2], rpe=r[3]))
        return check_outcome(Outcome(date=r[0], status=r[1], minutes=r[2], rpe=r[3],
                                     distance_km=r[4], avg_hr=r[5], source=r[6]))
    except (ProfileError, TypeError) as exc:
        raise StoredDataError(f"a stored session mark cannot be read ({_day(r)}: "
                              f"{exc})") from None


def _day(r: tuple[Any, ...]) -> str:
    return r[0].isoformat() if isinstance(r[0], date) else repr(r[0])[:40]


def checkin_to_row(c: CheckIn) -> dict[str, Any]:
    return {
        "day": c.date, "sleep_hours": c.sleep_hours, "sleep_quality": c.sleep_quality,
        "warmup_done": c.warmup_done, "stretch_done": c.stretch_done,
        "foam_roll": ",".join(c.foam_roll), "water_met": c.water_met, "weight_kg": c.weight_kg,
        **c.measurements(),
    }


def outcome_from_row(row: Any) -> Outcome:
    return outcome_from_tuple((row.day, row.status, row.minutes, row.rpe, row.distance_km,
                               row.avg_hr, row.source))


def outcome_to_row(o: Outcome) -> dict[str, Any]:
    return {"day": o.date, "status": o.status, "minutes": o.minutes, "rpe": o.rpe,
            "distance_km": o.distance_km, "avg_hr": o.avg_hr, "source": o.source}


def outcome_json(o: Outcome) -> dict[str, Any]:
    """An outcome as a backup holds it."""
    return {"date": o.date.isoformat(), "status": o.status, "minutes": o.minutes,
            "rpe": o.rpe, "distance_km": o.distance_km, "avg_hr": o.avg_hr,
            "source": o.source}


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
                kind: str | None, activities: list[dict[str, Any]] | None = None
                ) -> dict[str, Any]:
    """One day of SPEC §7 ``history --format json``; ``activities`` are the imported ones
    that matched no session that day."""
    return {
        "date": day.isoformat(),
        "sleep_hours": None if c is None else c.sleep_hours,
        "sleep_quality": None if c is None else c.sleep_quality,
        "foam_roll": [] if c is None else list(c.foam_roll),
        "weight_kg": None if c is None else c.weight_kg,
        "measurements": (CheckIn(date=day) if c is None else c).measurements(),
        "session": None if o is None else {
            "kind": kind, "status": o.status, "minutes": o.minutes, "rpe": o.rpe,
            "distance_km": o.distance_km, "avg_hr": o.avg_hr, "source": o.source},
        "activities": activities or [],
    }
