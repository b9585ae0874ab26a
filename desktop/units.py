"""Metric / imperial display conversions (SPEC §2: display only, storage stays metric)."""

from __future__ import annotations

import math

KG_PER_LB = 0.45359237
CM_PER_INCH = 2.54
INCHES_PER_FOOT = 12
ML_PER_FL_OZ = 29.5735295625


def kg_to_lb(kg: float) -> float:
    return kg / KG_PER_LB


def lb_to_kg(lb: float) -> float:
    return lb * KG_PER_LB


def cm_to_ft_in(cm: float) -> tuple[int, float]:
    """Whole feet and the inches left over (0 ≤ inches < 12, rounded to 0.1 in)."""
    total = round(cm / CM_PER_INCH, 1)
    feet = int(total // INCHES_PER_FOOT)
    inches = round(total - feet * INCHES_PER_FOOT, 1)
    if inches >= INCHES_PER_FOOT:
        feet, inches = feet + 1, 0.0
    return feet, inches


def ft_in_to_cm(feet: float, inches: float) -> float:
    return (feet * INCHES_PER_FOOT + inches) * CM_PER_INCH


def ml_to_fl_oz(ml: float) -> float:
    return ml / ML_PER_FL_OZ


def _whole(x: float) -> int:
    return math.floor(x + 0.5)


def format_weight(kg: float, units: str) -> str:
    """``64.0 kg`` or ``141.1 lb``."""
    if units == "imperial":
        return f"{kg_to_lb(kg):.1f} lb"
    return f"{kg:.1f} kg"


def format_height(cm: float, units: str) -> str:
    """``168 cm`` or ``5 ft 6.1 in``."""
    if units == "imperial":
        feet, inches = cm_to_ft_in(cm)
        return f"{feet} ft {inches:g} in"
    return f"{cm:g} cm"


def format_water(ml: float, units: str) -> str:
    """``2,600 ml``, or ``2,600 ml (88 fl oz)`` in imperial (ml stays: bottles say both)."""
    text = f"{_whole(ml):,} ml"
    if units == "imperial":
        text += f" ({_whole(ml_to_fl_oz(ml)):,} fl oz)"
    return text


def weight_unit(units: str) -> str:
    return "lb" if units == "imperial" else "kg"


def weight_in(kg: float, units: str) -> float:
    """A weight in kg expressed in the display unit."""
    return kg_to_lb(kg) if units == "imperial" else kg


__all__ = ["kg_to_lb", "lb_to_kg", "cm_to_ft_in", "ft_in_to_cm", "ml_to_fl_oz",
           "format_weight", "format_height", "format_water", "weight_unit", "weight_in"]
