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
from core.activities.read import FileResult, list_sources, read_paths, read_sources

__all__ = [
    "SPORTS", "Activity", "AfterToday", "FileResult", "IntegrityFailed", "NotAnActivity",
    "Refused", "Unreadable", "list_sources", "normal_sport", "read_paths", "read_sources",
]
