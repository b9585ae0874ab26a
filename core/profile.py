"""The runner's profile (SPEC §2): one frozen dataclass and the validation that guards it.

Every refusal raises :class:`ProfileError`, which names the field, the value and the valid
range, so the GUI can show it beside the field and the command line can print it as is.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any

DAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_NAMES = {"monday": "mon", "tuesday": "tue", "wednesday": "wed", "thursday": "thu",
             "friday": "fri", "saturday": "sat", "sunday": "sun"}
SEXES = ("female", "male", "unspecified")
UNITS = ("metric", "imperial")
LEVELS = ("beginner", "intermediate", "advanced")
EQUIPMENT = ("bodyweight", "dumbbells", "gym")
ACTIVITY = ("sedentary", "light", "active")

NAME_MAX = 80
AGE_RANGE = (16, 90)
HEIGHT_RANGE = (120.0, 230.0)
WEIGHT_RANGE = (35.0, 250.0)
RUN_MINUTES_RANGE = (0, 600)
STRENGTH_RANGE = (2, 3)
DEFICIT_RANGE = (0, 500)
PROTEIN_RANGE = (1.2, 2.2)

FIELDS: tuple[str, ...] = (
    "name", "sex", "birth_date", "height_cm", "weight_kg", "units", "level",
    "weekly_run_minutes", "available_days", "long_run_day", "strength_sessions",
    "equipment", "daily_activity", "deficit_kcal", "protein_g_per_kg", "hot_climate",
)


class ProfileError(ValueError):
    """A profile value is outside its valid range; ``field`` names which one."""

    def __init__(self, field_name: str, value: object, expected: str, code: str = "invalid",
                 numbers: dict[str, Any] | None = None) -> None:
        self.field = field_name
        self.value = value
        self.expected = expected
        self.code = code  # what is wrong, as data: "too_few_days", "not_a_training_day", ...
        self.numbers: dict[str, Any] = dict(numbers or {})  # the limits and values behind it
        super().__init__(f"{field_name} must be {expected}, got {_show(value)}")


def _show(value: object) -> str:
    if isinstance(value, str):
        return repr(value) if value.strip() != value or not value else value
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(str(v) for v in value) + "]"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


@dataclass(frozen=True)
class Profile:
    """Everything the planner, the meal targets and the printouts need to know."""

    birth_date: date
    height_cm: float
    weight_kg: float
    name: str = "Runner"
    sex: str = "unspecified"
    units: str = "metric"
    level: str = "beginner"
    weekly_run_minutes: int = 60
    available_days: tuple[str, ...] = DAYS
    long_run_day: str = "tue"
    strength_sessions: int = 2
    equipment: str = "bodyweight"
    daily_activity: str = "light"
    deficit_kcal: int = 300
    protein_g_per_kg: float = 1.8
    hot_climate: bool = False

    def age_on(self, day: date) -> int:
        """Age in whole years on ``day``."""
        return age_on(self.birth_date, day)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of SPEC §2 (ISO date, list of days)."""
        data = asdict(self)
        data["birth_date"] = self.birth_date.isoformat()
        data["available_days"] = list(self.available_days)
        return data

    def with_changes(self, **changes: Any) -> Profile:
        """A validated copy with some fields changed (raises ProfileError)."""
        data = self.to_dict()
        data.update(changes)
        return profile_from_dict(data)


def age_on(birth: date, day: date) -> int:
    years = day.year - birth.year
    if (day.month, day.day) < (birth.month, birth.day):
        years -= 1
    return years


def _number(name: str, value: object, lo: float, hi: float, unit: str,
            *, whole: bool = False) -> float:
    expected = f"{_fmt(lo)}–{_fmt(hi)}{(' ' + unit) if unit else ''}"
    if isinstance(value, bool) or value is None:
        raise ProfileError(name, value, expected)
    if isinstance(value, str):
        try:
            value = float(value.strip())
        except ValueError:
            raise ProfileError(name, value, expected) from None
    if not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ProfileError(name, value, expected)
    if whole and float(value) != int(value):
        raise ProfileError(name, value, f"a whole number {expected}")
    if not lo <= value <= hi:
        raise ProfileError(name, value, expected)
    return float(value)


def _fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


def _choice(name: str, value: object, options: tuple[str, ...]) -> str:
    if not isinstance(value, str) or value.strip().lower() not in options:
        raise ProfileError(name, value, "one of " + ", ".join(options))
    return value.strip().lower()


def _bool(name: str, value: object) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false", "yes", "no"):
        return value.strip().lower() in ("true", "yes")
    raise ProfileError(name, value, "true or false")


def _day_key(item: object) -> str | None:
    """``mon`` from ``mon``, ``Mon`` or ``monday``; None for anything else."""
    if not isinstance(item, str):
        return None
    word = item.strip().lower()
    return word if word in DAYS else DAY_NAMES.get(word)


def _date(name: str, value: object) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ProfileError(name, value, "an ISO date (YYYY-MM-DD)")


def _days(value: object, strength: int) -> tuple[str, ...]:
    need = 5 if strength == 3 else 4
    expected = f"at least {need} of mon, tue, wed, thu, fri, sat, sun"
    if strength == 3:
        expected += " (5 when strength_sessions is 3)"
    if isinstance(value, str):
        value = [v for v in value.replace(" ", ",").split(",") if v]
    if not isinstance(value, (list, tuple)):
        raise ProfileError("available_days", value, expected)
    days: set[str] = set()
    for item in value:
        key = _day_key(item)
        if key is None:
            raise ProfileError("available_days", value, expected)
        days.add(key)
    if len(days) < need:
        raise ProfileError("available_days", value, expected, "too_few_days",
                           {"need": need, "picked": [d for d in DAYS if d in days],
                            "strength_sessions": strength})
    return tuple(d for d in DAYS if d in days)


def profile_from_dict(data: Mapping[str, Any], *, on: date | None = None) -> Profile:
    """Build a Profile from a JSON-like mapping; missing fields take their defaults.

    ``on`` is the plan start used for the age range; without it the age is not checked.
    Unknown keys are refused so that a typo never passes silently.
    """
    if not isinstance(data, Mapping):
        raise ProfileError("profile", type(data).__name__, "a JSON object of profile fields")
    unknown = sorted(set(data) - set(FIELDS))
    if unknown:
        raise ProfileError(unknown[0], data[unknown[0]], "a profile field (" +
                           ", ".join(FIELDS) + ")")
    d = dict(data)
    for required in ("birth_date", "height_cm", "weight_kg"):
        if d.get(required) is None:
            raise ProfileError(required, None, {
                "birth_date": "an ISO date (YYYY-MM-DD)",
                "height_cm": "120–230 cm", "weight_kg": "35–250 kg"}[required])

    name = d.get("name", "Runner")
    if not isinstance(name, str) or not 1 <= len(name.strip()) <= NAME_MAX:
        raise ProfileError("name", name, f"1–{NAME_MAX} characters")
    strength = int(_number("strength_sessions", d.get("strength_sessions", 2), *STRENGTH_RANGE,
                           "", whole=True))
    days = _days(d.get("available_days", list(DAYS)), strength)
    default_long = "tue" if "tue" in days else days[0]
    long_day = _day_key(d.get("long_run_day") or default_long)
    if long_day is None:
        raise ProfileError("long_run_day", d.get("long_run_day"), "one of " + ", ".join(DAYS))
    if long_day not in days:
        raise ProfileError("long_run_day", long_day,
                           "one of available_days (" + ", ".join(days) + ")",
                           "not_a_training_day", {"days": list(days)})
    profile = Profile(
        name=name.strip(),
        sex=_choice("sex", d.get("sex", "unspecified"), SEXES),
        birth_date=_date("birth_date", d["birth_date"]),
        height_cm=_number("height_cm", d["height_cm"], *HEIGHT_RANGE, "cm"),
        weight_kg=_number("weight_kg", d["weight_kg"], *WEIGHT_RANGE, "kg"),
        units=_choice("units", d.get("units", "metric"), UNITS),
        level=_choice("level", d.get("level", "beginner"), LEVELS),
        weekly_run_minutes=int(_number("weekly_run_minutes", d.get("weekly_run_minutes", 60),
                                       *RUN_MINUTES_RANGE, "minutes", whole=True)),
        available_days=days,
        long_run_day=long_day,
        strength_sessions=strength,
        equipment=_choice("equipment", d.get("equipment", "bodyweight"), EQUIPMENT),
        daily_activity=_choice("daily_activity", d.get("daily_activity", "light"), ACTIVITY),
        deficit_kcal=int(_number("deficit_kcal", d.get("deficit_kcal", 300), *DEFICIT_RANGE,
                                 "kcal", whole=True)),
        protein_g_per_kg=_number("protein_g_per_kg", d.get("protein_g_per_kg", 1.8),
                                 *PROTEIN_RANGE, "g/kg"),
        hot_climate=_bool("hot_climate", d.get("hot_climate", False)),
    )
    if on is not None:
        check_age(profile, on)
    return profile


def check_age(profile: Profile, on: date) -> None:
    """Refuse a birth date that puts the runner outside 16–90 years on ``on``."""
    age = profile.age_on(on)
    lo, hi = AGE_RANGE
    if not lo <= age <= hi:
        raise ProfileError("birth_date", profile.birth_date.isoformat(),
                           f"a date that makes the runner {lo}–{hi} years old at plan start "
                           f"({on.isoformat()}), which is age {age}", "age_out_of_range",
                           {"age": age, "min": lo, "max": hi, "start": on,
                            "born": profile.birth_date})


DEMO: dict[str, Any] = {
    "name": "Alex Demo",
    "sex": "female",
    "birth_date": "1994-05-14",
    "height_cm": 168,
    "weight_kg": 64,
    "level": "beginner",
    "weekly_run_minutes": 60,
    "available_days": list(DAYS),
    "long_run_day": "tue",
    "strength_sessions": 2,
    "equipment": "dumbbells",
    "daily_activity": "light",
    "deficit_kcal": 300,
    "protein_g_per_kg": 1.8,
    "hot_climate": False,
}


def demo_profile() -> Profile:
    """The built-in sample profile used by ``--demo`` and on first start."""
    return profile_from_dict(DEMO)


__all__ = ["Profile", "ProfileError", "profile_from_dict", "check_age", "demo_profile",
           "DAYS", "FIELDS"]
