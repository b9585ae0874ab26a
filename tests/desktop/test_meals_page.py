"""The Meals page shows SPEC §4 targets for the day's session, and the week around it."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from core.profile import Profile, profile_from_dict
from desktop.pages.meals import MealsPage

TODAY = date(2026, 11, 23)  # a Monday
RUNNER = {"name": "Sam", "sex": "male", "birth_date": "1990-03-02", "height_cm": 180,
          "weight_kg": 64, "daily_activity": "light", "deficit_kcal": 300,
          "protein_g_per_kg": 1.8}
# SPEC §4 by hand
MET = {"long_run": 8.3, "easy_run": 8.3, "tempo": 9.8, "hiit": 10.0, "hills": 9.0,
       "strength": 5.0, "cross_training": 7.0, "active_recovery": 3.0, "rest": 0.0}


def half_up(x: float) -> int:
    return math.floor(x + 0.5)


@pytest.fixture
def make_page(open_page) -> Callable[..., MealsPage]:  # noqa: ANN001
    def make(profile: Profile | None = None) -> MealsPage:
        return open_page(MealsPage, profile or profile_from_dict(RUNNER), saved_on=TODAY,
                         today=TODAY)
    return make


def click_day(qtbot, page: MealsPage, day: date) -> None:  # noqa: ANN001
    index = page.model.index(page.model.row_for(day), 0)
    rect = page.table.visualRect(index)
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_tiles_show_todays_targets_for_todays_session(make_page) -> None:
    page = make_page()
    session = page.ctx.plan().session_on(TODAY)
    bmr = 10 * 64 + 6.25 * 180 - 5 * 36 + 5  # 36 years old on 23 Nov 2026
    exercise = (max(MET[session.kind] - 1, 0)) * 64 * session.minutes / 60
    kcal = bmr * 1.3 + exercise - 300
    protein = 1.8 * 64
    fat = kcal * 0.25 / 9
    carbs = (kcal - protein * 4 - fat * 9) / 4
    water = 64 * 2.20462 / 2 * 29.5735 + (500 * session.minutes / 60 if session.minutes else 0)
    assert page.tiles["kcal"].value() == f"{half_up(kcal):,} kcal"
    assert page.tiles["protein"].value() == f"{half_up(protein)} g"
    assert page.tiles["fat"].value() == f"{half_up(fat)} g"
    assert page.tiles["carbs"].value() == f"{half_up(carbs)} g"
    assert page.tiles["water"].value() == f"{half_up(water):,} ml"
    assert session.title in page.session_label.text()
    assert not page.warning.isVisible()
    assert page.water_rule.text().startswith("Rule of thumb")


def test_low_bmr_big_deficit_rest_day_is_lifted_with_a_warning(make_page, qtbot) -> None:
    small = profile_from_dict({"name": "Ada", "sex": "female", "birth_date": "1940-01-01",
                               "height_cm": 150, "weight_kg": 45,
                               "daily_activity": "sedentary", "deficit_kcal": 500})
    page = make_page(small)
    plan = page.ctx.plan()
    rest = next(s.date for s in plan.weeks[0].sessions if s.kind == "rest")
    click_day(qtbot, page, rest)
    assert page.day() == rest
    # BMR 796.5; 1.2 × BMR − 500 is below it; Boer FFM = 0.252·45 + 0.473·150 − 48.3 = 33.99
    floor = 30 * (0.252 * 45 + 0.473 * 150 - 48.3)  # 1019.7, above the BMR
    assert page.tiles["kcal"].value() == f"{half_up(floor):,} kcal"
    assert page.warning.isVisible()
    assert "fat-free mass" in page.warning.text() and "lifted" in page.warning.text().lower()
    row = page.model.row_for(rest)
    assert "(energy floor)" in page.model.index(row, 2).data()


def test_week_table_lists_each_day_with_its_session(make_page, qtbot, qtmodeltester) -> None:
    page = make_page()
    qtmodeltester.check(page.model)
    plan = page.ctx.plan()
    assert page.model.rowCount() == 7
    for row in range(7):
        day = TODAY + timedelta(days=row)
        session = plan.session_on(day)
        assert page.model.index(row, 0).data().startswith(f"{day:%a} {day.day}")
        expected = "Rest" if session.kind == "rest" else session.title
        assert expected in page.model.index(row, 1).data()
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    assert page.model.index(0, 0).data().startswith("Mon 30 Nov")
    assert page.day() == TODAY + timedelta(days=7)
    qtmodeltester.check(page.model)
    qtbot.mouseClick(page.today_button, Qt.MouseButton.LeftButton)
    assert page.day() == TODAY


def test_imperial_shows_fluid_ounces_first_and_millilitres_small(make_page) -> None:
    page = make_page(profile_from_dict({**RUNNER, "units": "imperial"}))
    ml = page.targets.water_ml
    assert page.tiles["water"].value() == f"{half_up(ml / 29.5735295625):,} fl oz"
    assert page.tiles["water"].detail().startswith(f"{half_up(ml):,} ml")
    assert page.model.index(0, 6).data() == (f"{half_up(ml / 29.5735295625):,} fl oz "
                                             f"({ml / 1000:.1f} L)")


def test_metric_water_stays_in_millilitres(make_page) -> None:
    page = make_page()
    ml = page.targets.water_ml
    assert page.tiles["water"].value() == f"{half_up(ml):,} ml"
    assert "fl oz" not in page.tiles["water"].detail()
    assert page.model.index(0, 6).data() == f"{half_up(ml):,} ml"


def test_run_day_shows_fuel_timing(make_page, qtbot) -> None:
    page = make_page()
    run = next(s for s in page.ctx.plan().weeks[0].sessions if s.is_run)
    click_day(qtbot, page, run.date)
    assert "1–4 hours before" in page.notes.text()
    assert "30–60 minutes after" in page.notes.text()
