"""Pieces of the profile form: labels, choices, help lines, core validation, the day picker.

``field_errors`` runs ``core.profile.profile_from_dict`` and, for each refusal, puts the last
saved value back in that field and tries again, so every invalid field gets its own message.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QToolButton, QWidget

from core.profile import (
    DAYS,
    FIELDS,
    HEIGHT_RANGE,
    PROTEIN_RANGE,
    WEIGHT_RANGE,
    Profile,
    ProfileError,
    profile_from_dict,
)
from core.units import CM_PER_INCH, KG_PER_LB, format_inches, inch_range, kg_to_lb
from core.wording import month_year

LABELS = {
    "name": "Name", "sex": "Sex", "birth_date": "Birth date", "height_cm": "Height",
    "weight_kg": "Weight", "units": "Units", "level": "Running level",
    "weekly_run_minutes": "Weekly running", "available_days": "Available days",
    "long_run_day": "Long run day", "strength_sessions": "Strength sessions",
    "equipment": "Equipment", "daily_activity": "Daily activity",
    "deficit_kcal": "Calorie deficit", "protein_g_per_kg": "Protein",
    "hot_climate": "Hot climate",
}
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
CHOICES: dict[str, tuple[tuple[str, str], ...]] = {
    "sex": (("female", "Female"), ("male", "Male"), ("unspecified", "Prefer not to say")),
    "units": (("metric", "Metric (kg, cm, ml)"), ("imperial", "Imperial (lb, ft in, fl oz)")),
    "level": (("beginner", "Beginner"), ("intermediate", "Intermediate"),
              ("advanced", "Advanced")),
    "strength_sessions": (("2", "2 per week"), ("3", "3 per week")),
    "equipment": (("bodyweight", "Bodyweight only"), ("dumbbells", "Dumbbells"),
                  ("gym", "Gym")),
    "daily_activity": (("sedentary", "Sedentary (desk, little walking)"),
                       ("light", "Light (on your feet some of the day)"),
                       ("active", "Active (on your feet most of the day)")),
}
HELP = {
    "weekly_run_minutes": "What you run now; week 1 builds from here.",
    "available_days": "At least 4 days, 5 with 3 strength sessions.",
    "deficit_kcal": "0–500 kcal a day: a steady, modest deficit.",
    "protein_g_per_kg": "1.2–2.2 g per kg of body weight a day.",
    "hot_climate": "Adds water and electrolytes.",
}
ERROR_STYLE = "color: #d9534f; font-weight: 600;"
DAY_STYLE = """
QToolButton { border: 1px solid palette(mid); border-radius: 6px; padding: 4px 8px; }
QToolButton:checked { background: palette(highlight); color: palette(highlighted-text);
                      border-color: palette(highlight); }
"""


def field_errors(data: Mapping[str, Any], base: Mapping[str, Any],
                 on: date) -> dict[str, ProfileError]:
    """Every field core refuses in ``data``, with ``base`` (a valid profile) as fallback."""
    errors: dict[str, ProfileError] = {}
    trial = dict(data)
    for _ in range(len(FIELDS) + 1):
        try:
            profile_from_dict(trial, on=on)
            break
        except ProfileError as raised:
            # Keep a fresh copy: the raised error's traceback holds the frames (and the page
            # that called us), a cycle that would let the garbage collector delete a
            # parentless page in the middle of painting it.
            exc = ProfileError(raised.field, raised.value, raised.expected, raised.code,
                               raised.numbers)
            if exc.field in errors or exc.field not in trial:
                errors.setdefault(exc.field, exc)
                break
            errors[exc.field] = exc
            trial[exc.field] = base[exc.field]
            if exc.field in ("available_days", "strength_sessions"):
                trial["long_run_day"] = None  # let core pick a day from the fallback days
    return errors


def _day_list(days: Any) -> list[str]:
    """Day codes as "Mon", "Wed"… in week order (unknown items as typed)."""
    items = [str(d) for d in days] if isinstance(days, (list, tuple)) else []
    known = [d for d in DAYS if d in items]
    return [d.capitalize() for d in known] + [d for d in items if d not in DAYS]


def _plain(err: ProfileError) -> str | None:
    """Plain words for the day and age refusals, from the error's code and numbers; None
    keeps core's wording."""
    n = err.numbers
    if err.code == "too_few_days":
        picked = _day_list(n["picked"])
        when = " when you do 3 strength sessions" if n["strength_sessions"] == 3 else ""
        got = f"you picked {len(picked)}: {', '.join(picked)}" if picked else "none picked"
        return f"Pick at least {n['need']} days{when} ({got})"
    if err.code == "not_a_training_day":
        days = ", ".join(_day_list(n["days"]))
        return (f"Long run day must be one of your training days ({days}), "
                f"not {str(err.value).capitalize()}")
    if err.code == "age_out_of_range":
        on, born = n["start"], n["born"]
        return (f"Born {born.day} {month_year(born, short=True)}, you would be {n['age']} "
                f"when the plan starts on {on.day} {month_year(on, short=True)}; the plan is "
                f"for ages {n['min']}–{n['max']}")
    return None


def whole_lb_range(kg_range: tuple[float, float]) -> tuple[int, int]:
    """A kg range in whole pounds, both ends inside it (35–250 kg → 78–551 lb)."""
    return math.ceil(round(kg_to_lb(kg_range[0]), 6)), math.floor(round(kg_to_lb(kg_range[1]), 6))


def protein_per_lb(grams_per_kg: float) -> float:
    """Grams of protein per pound of body weight, to 0.01 (1.8 g/kg → 0.82 g/lb)."""
    return round(grams_per_kg * KG_PER_LB, 2)


def protein_per_lb_range() -> tuple[float, float]:
    """SPEC's 1.2–2.2 g per kg in g per lb, both ends inside it (0.55–0.99)."""
    lo, hi = PROTEIN_RANGE
    return (math.ceil(round(lo * KG_PER_LB * 100, 6)) / 100,
            math.floor(round(hi * KG_PER_LB * 100, 6)) / 100)


def protein_help(units: str) -> str:
    if units != "imperial":
        return HELP["protein_g_per_kg"]
    lo, hi = protein_per_lb_range()
    return f"{lo:.2f}–{hi:.2f} g per lb of body weight a day."


def message(err: ProfileError, units: str) -> str:
    """The error in words beside its field; imperial units for height and weight."""
    label = LABELS.get(err.field, err.field)
    text = str(err)
    if text.startswith(err.field):
        text = label + text[len(err.field):]
    plain = _plain(err)
    if plain is not None:
        text = plain
    elif units == "imperial" and err.field == "weight_kg" and isinstance(err.value, float):
        lb_lo, lb_hi = whole_lb_range(WEIGHT_RANGE)
        text = f"Weight must be {lb_lo}–{lb_hi} lb, got {kg_to_lb(err.value):.1f} lb"
    elif units == "imperial" and err.field == "protein_g_per_kg" \
            and isinstance(err.value, float):
        lo, hi = protein_per_lb_range()
        text = (f"Protein must be {lo:.2f}–{hi:.2f} g per lb, got "
                f"{protein_per_lb(err.value):.2f} g per lb")
    elif units == "imperial" and err.field == "height_cm" and isinstance(err.value, float):
        lo, hi = inch_range(HEIGHT_RANGE)
        text = (f"Height must be {format_inches(lo)} – {format_inches(hi)}, "
                f"got {format_inches(err.value / CM_PER_INCH)}")
    return text


def _short(key: str, value: Any) -> str:
    """A choice's words without the explanation in brackets ("Sedentary", "Imperial")."""
    text = dict(CHOICES[key]).get(str(value), str(value))
    return text.split(" (")[0]


def _number(x: float) -> str:
    return f"{round(x, 1):g}"


def _show(key: str, profile: Profile, units: str) -> str:
    """One field of ``profile`` in words, heights and weights in ``units``."""
    value = getattr(profile, key)
    if key == "height_cm":
        return format_inches(value / CM_PER_INCH) if units == "imperial" else _number(value)
    if key == "weight_kg":
        return _number(kg_to_lb(value) if units == "imperial" else value)
    if key == "protein_g_per_kg" and units == "imperial":
        return f"{protein_per_lb(value):.2f}"
    if key == "birth_date":
        return f"{value.day} {month_year(value, short=True)}"
    if key == "available_days":
        return ", ".join(d.capitalize() for d in value)
    if key == "long_run_day":
        return str(value).capitalize()
    if key == "hot_climate":
        return "on" if value else "off"
    if key in CHOICES and key != "strength_sessions":
        return _short(key, value)
    return _number(value) if isinstance(value, float) else str(value)


UNIT_AFTER = {"weekly_run_minutes": " min a week", "strength_sessions": " a week",
              "deficit_kcal": " kcal", "protein_g_per_kg": " g per kg"}


def describe_changes(old: Profile, new: Profile) -> list[str]:
    """Each changed field as "Weight 64 → 62 kg", in the new profile's units."""
    units = new.units
    out = []
    for key in FIELDS:
        if getattr(old, key) == getattr(new, key):
            continue
        after = UNIT_AFTER.get(key, "")
        if key == "weight_kg":
            after = " lb" if units == "imperial" else " kg"
        elif key == "height_cm" and units != "imperial":
            after = " cm"
        elif key == "protein_g_per_kg" and units == "imperial":
            after = " g per lb"
        out.append(f"{LABELS[key]} {_show(key, old, units)} → {_show(key, new, units)}{after}")
    return out


def join_changes(changes: list[str]) -> str:
    """"Weight 64 → 62 kg, long run day Tue → Sat." (later labels in lower case)."""
    parts = [c if i == 0 else c[0].lower() + c[1:] for i, c in enumerate(changes)]
    return ", ".join(parts) + "." if parts else ""


class DaysPicker(QWidget):
    """Seven toggle buttons, Monday first; ``toggled`` fires when any of them changes."""

    toggled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.buttons: dict[str, QToolButton] = {}
        self.group = QButtonGroup(self)
        self.group.setExclusive(False)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        for code, full in zip(DAYS, DAY_NAMES, strict=True):
            button = QToolButton()
            button.setText(code.capitalize())
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            button.setAccessibleName(f"Available on {full}")
            button.setToolTip(f"Available on {full}")
            button.setStyleSheet(DAY_STYLE)
            self.group.addButton(button)
            self.buttons[code] = button
            row.addWidget(button)
        row.addStretch(1)
        self.group.buttonToggled.connect(self.toggled)
