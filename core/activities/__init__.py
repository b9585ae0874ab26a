"""Activities recorded by a watch or an app (SPEC §9): reading FIT, TCX and GPX files and
matching them to the plan. Pure: no store, no Qt, no clock (``today`` is passed in)."""

from __future__ import annotations

from core.activities.model import (
    SPORTS,
    Activity,
    AfterToday,
    IntegrityFailed,
    NotAnActivity,
    Refused,
    Unreadable,
    normal_sport,
)

# The readers (core.activities.read) load the FIT decoder: import them where files are read.
__all__ = [
    "SPORTS", "Activity", "AfterToday", "IntegrityFailed", "NotAnActivity", "Refused",
    "Unreadable", "normal_sport",
]
