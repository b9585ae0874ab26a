"""Daily meal targets (SPEC §4): BMR, calories, macros, water, electrolytes and fuel timing.

Everything is computed at full precision and kept as floats in :class:`DayTargets`; numbers
become whole units only when shown. :func:`whole` (round half up) is the one rounding rule,
used by :meth:`DayTargets.to_json`, by the calorie-cap warning and by every display, so the
CLI, the meals page and the printout always show the same numbers. Each number is rounded
from its own exact value, so the shown macros may differ from the shown kcal by a few kcal.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from core.plan import RUN_KINDS, Session, Week
from core.profile import Profile
from core.units import LB_PER_KG, ML_PER_FL_OZ

MET: dict[str, float] = {
    "long_run": 8.3,
    "easy_run": 8.3,
    "tempo": 9.8,
    "hiit": 10.0,
    "hills": 9.0,
    "strength": 5.0,
    "cross_training": 7.0,
    "active_recovery": 3.0,
    "rest": 0.0,
}
ACTIVITY_FACTOR: dict[str, float] = {"sedentary": 1.2, "light": 1.3, "active": 1.4}
SEX_CONSTANT: dict[str, float] = {"male": 5.0, "female": -161.0, "unspecified": -78.0}

WATER_ML_PER_HOUR = 500.0
HOT_CLIMATE_WATER_ML = 500.0
FAT_SHARE = 0.25
KCAL_PER_G_FAT = 9.0
KCAL_PER_G_PROTEIN = 4.0
KCAL_PER_G_CARBS = 4.0
ELECTROLYTE_RUN_MINUTES = 60
CARBS_DURING_MINUTES = 60

WATER_RULE = (
    "Rule of thumb: half your body weight in pounds, as fluid ounces (≈ 32.6 ml per kg), "
    "plus 500 ml per hour of training, plus 500 ml in hot weather."
)
NOTE_BEFORE = "Eat a carb-rich snack 1–4 hours before your run."
NOTE_AFTER = "Within 30–60 minutes after your run, have carbs plus protein."
NOTE_DURING = "Take carbs during the run: it lasts an hour or more."
NOTE_ELECTROLYTES_RUN = "Add electrolytes (sodium, potassium) for a run of an hour or more."
NOTE_ELECTROLYTES_HEAT = "Add electrolytes (sodium, potassium): hot weather means more sweat."


def whole(x: float) -> int:
    """Round half up to a whole number: the one rounding rule for every shown target."""
    return math.floor(x + 0.5)


def bmr(profile: Profile, day: date) -> float:
    """Mifflin–St Jeor resting energy in kcal, with the age in whole years on ``day``."""
    return (10.0 * profile.weight_kg + 6.25 * profile.height_cm
            - 5.0 * profile.age_on(day) + SEX_CONSTANT[profile.sex])


def exercise_kcal(kind: str, minutes: float, weight_kg: float) -> float:
    """Energy of a session above resting: (MET − 1) × kg × hours (0 for rest)."""
    if kind not in MET:
        raise ValueError(f"session kind must be one of {', '.join(MET)}, got {kind}")
    met = MET[kind]
    if met <= 1.0 or minutes <= 0:
        return 0.0
    return (met - 1.0) * weight_kg * minutes / 60.0


def base_water_ml(weight_kg: float) -> float:
    """Half the body weight in pounds, as fluid ounces, in ml (≈ 32.6 ml per kg)."""
    return weight_kg * LB_PER_KG / 2.0 * ML_PER_FL_OZ


@dataclass(frozen=True)
class DayTargets:
    """One day's targets at full precision; ``to_json`` gives the rounded SPEC §7 form."""

    date: date
    bmr: float
    kcal: float
    protein_g: float
    fat_g: float
    carbs_g: float
    water_ml: float
    electrolytes: bool
    session_kind: str
    session_minutes: int
    notes: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    water_rule: str = WATER_RULE
    capped: bool = False  # the deficit was cut so the target does not fall below BMR

    def to_json(self) -> dict[str, Any]:
        """The ``targets --format json`` object: numbers in whole units (half up)."""
        return {
            "date": self.date.isoformat(),
            "bmr": whole(self.bmr),
            "kcal": whole(self.kcal),
            "protein_g": whole(self.protein_g),
            "fat_g": whole(self.fat_g),
            "carbs_g": whole(self.carbs_g),
            "water_ml": whole(self.water_ml),
            "electrolytes": self.electrolytes,
            "session_kind": self.session_kind,
            "notes": list(self.notes),
            "warnings": list(self.warnings),
        }


def fuel_notes(session: Session | None, electrolytes: bool, hot_climate: bool) -> list[str]:
    """Fuel-timing notes: before/after on run days, during long runs, electrolytes if flagged."""
    notes: list[str] = []
    is_run = session is not None and session.kind in RUN_KINDS and session.minutes > 0
    if is_run and session is not None:
        notes += [NOTE_BEFORE, NOTE_AFTER]
        if session.minutes >= CARBS_DURING_MINUTES:
            notes.append(NOTE_DURING)
    if electrolytes:
        long_run = is_run and session is not None and session.minutes >= ELECTROLYTE_RUN_MINUTES
        notes.append(NOTE_ELECTROLYTES_RUN if long_run else NOTE_ELECTROLYTES_HEAT)
        if long_run and hot_climate:
            notes.append(NOTE_ELECTROLYTES_HEAT)
    return notes


def day_targets(profile: Profile, day: date, session: Session | None) -> DayTargets:
    """The meal targets of SPEC §4 for ``day`` with its planned ``session`` (None = rest)."""
    kind = session.kind if session is not None else "rest"
    minutes = session.minutes if session is not None else 0
    kg = profile.weight_kg
    rest_kcal = bmr(profile, day)
    baseline = rest_kcal * ACTIVITY_FACTOR[profile.daily_activity]
    target = baseline + exercise_kcal(kind, minutes, kg) - profile.deficit_kcal
    warnings: list[str] = []
    capped = target < rest_kcal
    if capped:
        target = rest_kcal
        warnings.append(
            f"Calories capped at your BMR ({whole(rest_kcal):,} kcal): the deficit would take "
            "you below what your body needs at rest.")
    protein = profile.protein_g_per_kg * kg
    fat = target * FAT_SHARE / KCAL_PER_G_FAT
    carbs = (target - protein * KCAL_PER_G_PROTEIN - fat * KCAL_PER_G_FAT) / KCAL_PER_G_CARBS
    if carbs < 0:
        warnings.append("Protein alone fills more than the calorie target: carbs are set to 0 g.")
        carbs = 0.0
    water = base_water_ml(kg)
    if kind != "rest" and minutes > 0:
        water += WATER_ML_PER_HOUR * minutes / 60.0
    if profile.hot_climate:
        water += HOT_CLIMATE_WATER_ML
    electrolytes = profile.hot_climate or (
        kind in RUN_KINDS and minutes >= ELECTROLYTE_RUN_MINUTES)
    return DayTargets(
        date=day, bmr=rest_kcal, kcal=target, protein_g=protein, fat_g=fat, carbs_g=carbs,
        water_ml=water, electrolytes=electrolytes, session_kind=kind, session_minutes=minutes,
        notes=tuple(fuel_notes(session, electrolytes, profile.hot_climate)),
        warnings=tuple(warnings), capped=capped,
    )


def week_targets(profile: Profile, week: Week) -> list[DayTargets]:
    """Targets for the seven days of ``week``, Monday first."""
    days = [week.start + timedelta(days=i) for i in range(7)]
    return [day_targets(profile, d, week.session_on(d)) for d in days]


__all__ = ["MET", "ACTIVITY_FACTOR", "LB_PER_KG", "ML_PER_FL_OZ", "DayTargets", "bmr", "day_targets", "week_targets",
           "whole", "exercise_kcal", "base_water_ml", "WATER_RULE"]
