"""Distance, pace and heart rate as a runner reads them (min/km, or min/mi for imperial):
one rule for the calendar, the session detail and the command line."""

from __future__ import annotations

import math

KM_PER_MILE = 1.609344  # exact, by definition


def pace_seconds(minutes: float, distance_km: float | None, units: str = "metric"
                 ) -> float | None:
    """Seconds per km (per mile for ``imperial``), or None without a distance."""
    if distance_km is None or distance_km <= 0 or minutes <= 0:
        return None
    per_km = minutes * 60.0 / distance_km
    return per_km * KM_PER_MILE if units == "imperial" else per_km


def pace_text(minutes: float, distance_km: float | None, units: str = "metric") -> str:
    """``5:32 /km`` or ``8:54 /mi`` (whole seconds, halves up); "" without a distance."""
    seconds = pace_seconds(minutes, distance_km, units)
    if seconds is None:
        return ""
    whole = int(math.floor(seconds + 0.5))
    return f"{whole // 60}:{whole % 60:02d} /{'mi' if units == 'imperial' else 'km'}"


def distance_text(distance_km: float | None, units: str = "metric") -> str:
    """``8.12 km`` or ``5.05 mi``; "" when unknown."""
    if distance_km is None:
        return ""
    if units == "imperial":
        return f"{distance_km / KM_PER_MILE:.2f} mi"
    return f"{distance_km:.2f} km"


def speed_text(minutes: float, distance_km: float | None, units: str = "metric") -> str:
    """``25.0 km/h`` or ``15.5 mph`` (how cyclists read it); "" without a distance."""
    if distance_km is None or distance_km <= 0 or minutes <= 0:
        return ""
    per_hour = distance_km * 60.0 / minutes
    if units == "imperial":
        return f"{per_hour / KM_PER_MILE:.1f} mph"
    return f"{per_hour:.1f} km/h"


def effort_facts(minutes: int | None, distance_km: float | None, avg_hr: int | None,
                 units: str = "metric", sport: str = "running") -> list[str]:
    """What an imported activity adds to a day: distance, pace (speed for cycling) and
    heart rate, the ones known, in that order (``["8.12 km", "5:33 /km", "148 bpm"]``)."""
    rate = speed_text if sport == "cycling" else pace_text
    facts = [distance_text(distance_km, units),
             rate(minutes or 0, distance_km, units),
             "" if avg_hr is None else f"{avg_hr} bpm"]
    return [f for f in facts if f]
