"""Daily meal targets (SPEC §4): BMR, calories, macros, water, electrolytes and fuel timing.

The calorie target is the baseline plus the session minus the deficit, lifted by two floors:
never below BMR, and never below an energy availability of 30 kcal per kg of fat-free mass
(Boer's estimate) after the session's energy [EXT: IOC consensus on REDs 2023].

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
# Boer 1984: fat-free mass = a·kg + b·cm + c; "unspecified" takes the mean of the two.
BOER_FFM: dict[str, tuple[float, float, float]] = {
    "male": (0.407, 0.267, -19.2),
    "female": (0.252, 0.473, -48.3),
}
ENERGY_AVAILABILITY_FLOOR = 30.0  # kcal per kg of fat-free mass after exercise (IOC REDs 2023)
FLOOR_BMR = "bmr"
FLOOR_ENERGY_AVAILABILITY = "energy_availability"

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


def fat_free_mass(profile: Profile) -> float:
    """Boer's fat-free mass in kg; for ``unspecified`` the mean of the male and female ones."""
    def boer(sex: str) -> float:
        a, b, c = BOER_FFM[sex]
        return a * profile.weight_kg + b * profile.height_cm + c
    if profile.sex in BOER_FFM:
        return boer(profile.sex)
    return (boer("male") + boer("female")) / 2.0


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
    floor: str | None = None  # FLOOR_BMR or FLOOR_ENERGY_AVAILABILITY when one lifted kcal
    baseline: float = 0.0  # BMR × activity factor
    exercise: float = 0.0  # the session's energy above resting
    ffm_kg: float = 0.0

    @property
    def capped(self) -> bool:
        """True when a floor lifted the target above baseline + exercise − deficit."""
        return self.floor is not None

    @property
    def deficit_left(self) -> float:
        """The day's effective deficit: baseline + exercise − target (SPEC §4, §5)."""
        return self.baseline + self.exercise - self.kcal

    @property
    def floor_label(self) -> str:
        """A few words for the floor that lifted the target ("" when none did)."""
        return {FLOOR_BMR: "at BMR", FLOOR_ENERGY_AVAILABILITY: "energy floor"}.get(
            self.floor or "", "")

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


def calorie_target(profile: Profile, day: date, session: Session | None
                   ) -> tuple[float, str | None]:
    """The day's kcal target and the floor that set it (None when the deficit stands)."""
    kind, minutes = _kind_minutes(session)
    rest_kcal = bmr(profile, day)
    exercise = exercise_kcal(kind, minutes, profile.weight_kg)
    wanted = rest_kcal * ACTIVITY_FACTOR[profile.daily_activity] + exercise \
        - profile.deficit_kcal
    availability = exercise + ENERGY_AVAILABILITY_FLOOR * fat_free_mass(profile)
    if wanted >= rest_kcal and wanted >= availability:
        return wanted, None
    if rest_kcal >= availability:
        return rest_kcal, FLOOR_BMR
    return availability, FLOOR_ENERGY_AVAILABILITY


def _kind_minutes(session: Session | None) -> tuple[str, int]:
    return (session.kind, session.minutes) if session is not None else ("rest", 0)


def floor_warning(profile: Profile, floor: str, target: float, deficit_left: float,
                  ffm_kg: float) -> str:
    """The words for a lifted target: which floor, and the deficit actually left that day."""
    left = (f"the deficit left today is {whole(deficit_left):,} kcal of your "
            f"{profile.deficit_kcal:,}" if whole(deficit_left) > 0
            else "no deficit is left today")
    if floor == FLOOR_BMR:
        return (f"Calories lifted to your BMR ({whole(target):,} kcal), the energy your body "
                f"needs at rest: {left}.")
    return (f"Calories lifted to {whole(target):,} kcal, the energy-availability floor of "
            f"{whole(ENERGY_AVAILABILITY_FLOOR)} kcal per kg of fat-free mass "
            f"({ffm_kg:.1f} kg) on top of the session: {left}.")


def day_targets(profile: Profile, day: date, session: Session | None) -> DayTargets:
    """The meal targets of SPEC §4 for ``day`` with its planned ``session`` (None = rest)."""
    kind, minutes = _kind_minutes(session)
    kg = profile.weight_kg
    rest_kcal = bmr(profile, day)
    baseline = rest_kcal * ACTIVITY_FACTOR[profile.daily_activity]
    exercise = exercise_kcal(kind, minutes, kg)
    ffm = fat_free_mass(profile)
    target, floor = calorie_target(profile, day, session)
    warnings: list[str] = []
    if floor is not None:
        warnings.append(floor_warning(profile, floor, target, baseline + exercise - target, ffm))
    protein = profile.protein_g_per_kg * kg
    fat = target * FAT_SHARE / KCAL_PER_G_FAT
    carbs = (target - protein * KCAL_PER_G_PROTEIN - fat * KCAL_PER_G_FAT) / KCAL_PER_G_CARBS
    if carbs < 0:
        warnings.append("Protein and fat alone fill the calorie target: carbs are set to 0 g.")
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
        warnings=tuple(warnings), floor=floor, baseline=baseline, exercise=exercise,
        ffm_kg=ffm,
    )


def effective_deficit(profile: Profile, session: Session | None, day: date) -> float:
    """The deficit a day really keeps: baseline + exercise − its target kcal, after the
    floors of SPEC §4 (kcal; at most ``deficit_kcal``, below 0 when a floor lifts the day
    above what it spends). The weight trend's expected rate (SPEC §5) reads it."""
    kind, minutes = _kind_minutes(session)
    baseline = bmr(profile, day) * ACTIVITY_FACTOR[profile.daily_activity]
    target, _ = calorie_target(profile, day, session)
    return baseline + exercise_kcal(kind, minutes, profile.weight_kg) - target


def week_targets(profile: Profile, week: Week) -> list[DayTargets]:
    """Targets for the seven days of ``week``, Monday first."""
    days = [week.start + timedelta(days=i) for i in range(7)]
    return [day_targets(profile, d, week.session_on(d)) for d in days]


__all__ = ["MET", "ACTIVITY_FACTOR", "LB_PER_KG", "ML_PER_FL_OZ", "DayTargets", "bmr",
           "day_targets", "week_targets", "whole", "exercise_kcal", "base_water_ml",
           "WATER_RULE", "BOER_FFM", "ENERGY_AVAILABILITY_FLOOR", "fat_free_mass",
           "calorie_target", "effective_deficit", "FLOOR_BMR", "FLOOR_ENERGY_AVAILABILITY"]
