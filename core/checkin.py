"""What the runner logs: a daily check-in and a session outcome (SPEC §5, §7 ``log``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from core.plan import FOAM_ROLL_AREAS
from core.profile import WEIGHT_RANGE as WEIGHT_RANGE  # a logged weight: the profile's range

STATUSES = ("done", "skipped")
SLEEP_RANGE = (0.0, 24.0)
QUALITY_RANGE = (1, 5)
MINUTES_RANGE = (0, 600)
RPE_RANGE = (1, 10)
DISTANCE_RANGE = (0.0, 1000.0)
HR_RANGE = (20, 250)


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

    @property
    def is_empty(self) -> bool:
        return (self.sleep_hours is None and self.sleep_quality is None and not self.warmup_done
                and not self.stretch_done and not self.foam_roll and not self.water_met
                and self.weight_kg is None)


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
