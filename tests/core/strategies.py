"""Hypothesis strategies shared by the core tests: valid profiles, plan starts and lengths."""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import strategies as st

from core.profile import DAYS, Profile, profile_from_dict

LEVELS = ("beginner", "intermediate", "advanced")
EQUIPMENT = ("bodyweight", "dumbbells", "gym")

# [S0]'s sample-week runner (rule 11): beginner, every day, 2 strength, long run on Tuesday.
SAMPLE_WEEK_RUNNER: dict[str, Any] = {
    "birth_date": "1990-06-15", "height_cm": 168, "weight_kg": 64, "level": "beginner",
    "available_days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
    "long_run_day": "tue", "strength_sessions": 2, "equipment": "dumbbells",
    "weekly_run_minutes": 60,
}


@st.composite
def profile_dicts(draw: st.DrawFn) -> dict[str, Any]:
    """A JSON-like profile with every planner field drawn from its SPEC §2 range."""
    strength = draw(st.sampled_from((2, 3)))
    days = draw(st.sets(st.sampled_from(DAYS), min_size=5 if strength == 3 else 4))
    ordered = [d for d in DAYS if d in days]
    return {
        "name": "Test Runner",
        "sex": draw(st.sampled_from(("female", "male", "unspecified"))),
        "birth_date": "1990-06-15",
        "height_cm": draw(st.integers(120, 230)),
        "weight_kg": draw(st.integers(35, 250)),
        "level": draw(st.sampled_from(LEVELS)),
        "weekly_run_minutes": draw(st.one_of(st.sampled_from((0, 600)), st.integers(0, 600))),
        "available_days": ordered,
        "long_run_day": draw(st.sampled_from(ordered)),
        "strength_sessions": strength,
        "equipment": draw(st.sampled_from(EQUIPMENT)),
    }


def profiles() -> st.SearchStrategy[Profile]:
    """Valid profiles, built through profile_from_dict as a user's input would be."""
    return profile_dicts().map(profile_from_dict)


def starts() -> st.SearchStrategy[date]:
    """Any plan start date, weekday or not."""
    return st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31))


def week_counts() -> st.SearchStrategy[int]:
    """Plan lengths the planner accepts (4–24)."""
    return st.integers(4, 24)
