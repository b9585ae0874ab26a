"""What the runner logs: a daily check-in and a session outcome (SPEC §5, §7 ``log``)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from core.plan import FOAM_ROLL_AREAS
from core.profile import WEIGHT_RANGE as WEIGHT_RANGE  # a logged weight: the profile's range
from core.profile import ProfileError

STATUSES = ("done", "skipped")
SLEEP_RANGE = (0.0, 24.0)
QUALITY_RANGE = (1, 5)
MINUTES_RANGE = (0, 600)
RPE_RANGE = (1, 10)
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


def normal_areas(areas: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Foam-roll areas in the canonical order, duplicates dropped."""
    chosen = set(areas)
    return tuple(a for a in FOAM_ROLL_AREAS if a in chosen)
