"""Metric / imperial conversions with the exact constants, used by every face (SPEC §2:
imperial is display only, storage stays metric)."""

from __future__ import annotations

import math

KG_PER_LB = 0.45359237
CM_PER_INCH = 2.54
INCHES_PER_FOOT = 12
ML_PER_FL_OZ = 29.5735295625  # the US fluid ounce: 1/128 US gallon of 231 in³
LB_PER_KG = 1 / KG_PER_LB


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


def _inward(lo: float, hi: float) -> tuple[float, float]:
    """``lo`` rounded up and ``hi`` rounded down to 0.1, so both ends stay inside the range."""
    return math.ceil(round(lo * 10, 6)) / 10, math.floor(round(hi * 10, 6)) / 10


def lb_range(kg_range: tuple[float, float]) -> tuple[float, float]:
    """A kg range in pounds to 0.1 lb, every shown value inside it (35 kg → 77.2 lb)."""
    return _inward(kg_to_lb(kg_range[0]), kg_to_lb(kg_range[1]))


def inch_range(cm_range: tuple[float, float]) -> tuple[float, float]:
    """A cm range in inches to 0.1 in, every shown value inside it (120 cm → 47.3 in)."""
    return _inward(cm_range[0] / CM_PER_INCH, cm_range[1] / CM_PER_INCH)


def format_inches(total: float) -> str:
    """``47.3`` in as ``3 ft 11.3 in``."""
    total = round(total, 1)
    feet = int(total // INCHES_PER_FOOT)
    return f"{feet} ft {round(total - feet * INCHES_PER_FOOT, 1):g} in"


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
    """``2,600 ml``, or ``88 fl oz (2.6 L)`` in imperial (fluid ounces first, litres beside)."""
    if units == "imperial":
        return f"{_whole(ml_to_fl_oz(ml)):,} fl oz ({ml / 1000:.1f} L)"
    return f"{_whole(ml):,} ml"


def water_parts(ml: float, units: str) -> tuple[str, str]:
    """The big and the small line of a water tile: ``("88 fl oz", "2,600 ml")`` in imperial,
    ``("2,600 ml", "")`` in metric."""
    if units == "imperial":
        return f"{_whole(ml_to_fl_oz(ml)):,} fl oz", f"{_whole(ml):,} ml"
    return f"{_whole(ml):,} ml", ""


def weight_unit(units: str) -> str:
    return "lb" if units == "imperial" else "kg"


def weight_in(kg: float, units: str) -> float:
    """A weight in kg expressed in the display unit."""
    return kg_to_lb(kg) if units == "imperial" else kg


__all__ = ["kg_to_lb", "lb_to_kg", "cm_to_ft_in", "ft_in_to_cm", "ml_to_fl_oz", "lb_range",
           "inch_range", "format_inches", "format_weight", "format_height", "format_water",
           "water_parts", "weight_unit", "weight_in"]
