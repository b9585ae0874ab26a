"""The catalog's wording and numbers match SPEC §3 and read as plain, single lines."""

from __future__ import annotations

import pytest

from core import catalog
from core.plan import KINDS


def test_every_kind_has_a_label_and_a_why() -> None:
    assert set(catalog.KIND_LABELS) == set(KINDS)
    assert set(catalog.KIND_WHY) == set(KINDS)
    for why in [*catalog.KIND_WHY.values(), *catalog.WORKOUT_WHY.values()]:
        assert why.strip() == why and "\n" not in why and why.endswith(".")
        assert len(why) < 200


def test_titles_the_gui_shows() -> None:
    assert catalog.KIND_LABELS["long_run"] == "Long run"
    assert catalog.KIND_LABELS["hiit"] == "HIIT intervals"
    assert catalog.KIND_LABELS["hills"] == "Hill repeats"
    assert catalog.KIND_LABELS["active_recovery"] == "Active recovery"


def test_minute_ranges_are_the_spec_table() -> None:
    assert catalog.MINUTES_RANGE == {
        "long_run": (30, 60), "easy_run": (30, 45), "hiit": (20, 30), "tempo": (20, 40),
        "hills": (20, 40), "strength": (30, 45), "cross_training": (30, 45),
        "active_recovery": (20, 40)}
    assert catalog.HILL_REPEATS_RANGE == (6, 10)
    assert catalog.LEVEL_FLOOR == {"beginner": 50, "intermediate": 90, "advanced": 120}


@pytest.mark.parametrize("workout", ["A", "B"])
def test_each_exercise_has_a_name_for_every_equipment(workout: str) -> None:
    for row in catalog.WORKOUTS[workout]:
        assert set(row) == {"bodyweight", "dumbbells", "gym"}


def test_equipment_fits() -> None:
    for workout in catalog.WORKOUTS.values():
        for row in workout:
            assert "goblet" not in row["bodyweight"].lower()  # needs a dumbbell
            assert "dumbbell" not in row["bodyweight"].lower()
            assert "leg press" not in row["bodyweight"].lower()
            assert "leg press" not in row["dumbbells"].lower()  # gym only
            assert "machine" not in row["dumbbells"].lower()
    assert any(row["gym"] == "Leg press" for row in catalog.WORKOUTS["B"])


def test_run_warm_up_and_cool_down_follow_s4() -> None:
    assert "leg swings" in catalog.RUN_WARM_UP and "high knees" in catalog.RUN_WARM_UP
    assert "static stretches" in catalog.RUN_COOL_DOWN
    for area in ("quads", "glutes", "hamstrings", "calves"):
        assert area in catalog.FOAM_ROLL_LINE
