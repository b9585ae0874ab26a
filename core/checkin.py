"""What the runner logs: a daily check-in and a session outcome (SPEC §5, §7 ``log``)."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import date

from core.plan import FOAM_ROLL_AREAS
from core.profile import WEIGHT_RANGE as WEIGHT_RANGE  # a logged weight: the profile's range
from core.profile import ProfileError

STATUSES = ("done", "skipped")
SLEEP_RANGE = (0.0, 24.0)
QUALITY_RANGE = (1, 5)
MINUTES_RANGE = (0, 600)
RPE_RANGE = (1, 10)
DISTANCE_RANGE = (0.0, 1000.0)
HR_RANGE = (20, 250)
# Body measurements in cm (SPEC §5 "Measuring the goal"): where to measure, and the range.
MEASUREMENTS: dict[str, tuple[str, tuple[float, float]]] = {
    "thigh_cm": ("mid-thigh", (20.0, 100.0)),
    "calf_cm": ("widest point of the calf", (15.0, 70.0)),
    "waist_cm": ("at the navel", (40.0, 200.0)),
    "hips_cm": ("widest point of the hips", (50.0, 200.0)),
}
MEASURE_HINT = ("Measure in the morning before breakfast, with a tape snug but not tight, "
                "always on the same leg and at the same spot.")


@dataclass(frozen=True)
class CheckIn:
    """One day's recovery checklist. ``None`` means not entered yet."""

    date: date
    sleep_hours: float | None = None
    sleep_quality: int | None = None
    warmup_done: bool = False
    stretch_done: bool = False
    foam_roll: tuple[str, ...] = ()
    water_met: bool = False
    weight_kg: float | None = None
    thigh_cm: float | None = None
    calf_cm: float | None = None
    waist_cm: float | None = None
    hips_cm: float | None = None

    @property
    def is_empty(self) -> bool:
        return (self.sleep_hours is None and self.sleep_quality is None and not self.warmup_done
                and not self.stretch_done and not self.foam_roll and not self.water_met
                and self.weight_kg is None
                and all(getattr(self, name) is None for name in MEASUREMENTS))

    def measurements(self) -> dict[str, float | None]:
        """The body measurements in cm by field name (None: not measured that day)."""
        return {name: getattr(self, name) for name in MEASUREMENTS}


class MeasurementError(ProfileError):
    """A body measurement outside its range: ``field``, ``value`` and ``expected`` name it."""


def measurement_range_text(name: str) -> str:
    lo, hi = MEASUREMENTS[name][1]
    return f"{lo:g}–{hi:g} cm"


def check_measurement(name: str, value: object) -> float:
    """``value`` as a float in cm, or MeasurementError naming the field, value and range."""
    lo, hi = MEASUREMENTS[name][1]
    if (isinstance(value, bool) or not isinstance(value, (int, float))
            or not math.isfinite(value) or not lo <= value <= hi):
        raise MeasurementError(name, value, measurement_range_text(name))
    return float(value)


def check_measurements(c: CheckIn) -> None:
    """Refuse a check-in whose measurements are out of range (MeasurementError)."""
    for name, value in c.measurements().items():
        if value is not None:
            check_measurement(name, value)


@dataclass(frozen=True)
class Outcome:
    """What happened to the day's planned session."""

    date: date
    status: str  # "done" or "skipped"
    minutes: int | None = None
    rpe: int | None = None
    distance_km: float | None = None  # from an imported activity (SPEC §9)
    avg_hr: int | None = None
    source: str | None = None  # the imported file's name; None when marked by hand


def normal_areas(areas: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Foam-roll areas in the canonical order, duplicates dropped."""
    chosen = set(areas)
    return tuple(a for a in FOAM_ROLL_AREAS if a in chosen)


# -- the range checks of SPEC §7 ``log`` (a refusal names the field, value and range) ---

class InvalidValue(ProfileError):
    """A logged value is outside its range (the user's input): ``field``, ``value`` and
    ``expected`` as for a profile field."""


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
    if o.distance_km is not None:
        _number("distance_km", o.distance_km, *DISTANCE_RANGE, "km")
    if o.avg_hr is not None:
        _number("avg_hr", o.avg_hr, *HR_RANGE, "beats per minute", whole=True)
    if o.source is not None and (not isinstance(o.source, str) or not o.source
                                 or len(o.source) > 2000):
        raise InvalidValue("source", o.source, "a file name")
    if o.status == "skipped" and (o.minutes is not None or o.rpe is not None):
        field = "minutes" if o.minutes is not None else "rpe"
        raise InvalidValue(field, o.minutes if o.minutes is not None else o.rpe,
                           "empty for a skipped session")
    return replace(o, minutes=None if o.minutes is None else int(o.minutes),
                   rpe=None if o.rpe is None else int(o.rpe),
                   avg_hr=None if o.avg_hr is None else int(o.avg_hr))


def check_minutes(minutes: object) -> int:
    return int(_number("minutes", minutes, *MINUTES_RANGE, "minutes", whole=True))
