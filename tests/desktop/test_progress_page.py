"""The Progress page: planned versus done, strength sessions and the weight trend."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from core.checkin import CheckIn, Outcome
from core.profile import Profile, profile_from_dict
from desktop.pages.progress import ProgressPage

START = date(2026, 11, 23)  # the plan's first Monday
TODAY = date(2026, 12, 3)  # Thursday of week 2
RUNNER = {"name": "Sam", "birth_date": "1990-03-02", "height_cm": 180, "weight_kg": 64}


@pytest.fixture
def make_page(open_page) -> Callable[..., ProgressPage]:  # noqa: ANN001
    def make(profile: Profile | None = None, outcomes: tuple[Outcome, ...] = (),
             weights: tuple[tuple[date, float], ...] = ()) -> ProgressPage:
        return open_page(ProgressPage, profile or profile_from_dict(RUNNER), saved_on=START,
                         today=TODAY, outcomes=outcomes,
                         checkins=tuple(CheckIn(day, weight_kg=kg) for day, kg in weights))
    return make


def test_this_week_counts_done_minutes_against_the_plan(make_page, qtmodeltester) -> None:
    probe = make_page()
    week = probe.ctx.plan().week_of(TODAY)
    training = [s for s in week.sessions if s.kind != "rest"]
    planned = sum(s.minutes for s in training)
    strength = [s for s in training if s.kind == "strength"]
    other = next(s for s in training if s.kind != "strength")
    outcomes = (Outcome(strength[0].date, "done", minutes=50),
                Outcome(other.date, "done"),  # no minutes logged: the planned ones count
                Outcome(strength[1].date, "skipped"))
    page = make_page(outcomes=outcomes)
    assert page.tiles["week"].value() == f"{50 + other.minutes} min"
    assert page.tiles["week"].detail() == f"of {planned} min planned"
    assert page.tiles["strength"].value() == f"1 of {len(strength)}"
    assert page.tiles["total"].value() == "2" and page.tiles["total"].detail() == "1 skipped"
    qtmodeltester.check(page.progress_model)
    row = (week.start - START).days // 7
    assert page.progress_model.index(row, 2).data() == f"{50 + other.minutes} min"
    bars = page.minutes_panel.view.chart().series()[0].barSets()
    assert [b.label() for b in bars] == ["Planned", "Done"]
    assert bars[1].at(row) == 50 + other.minutes


def test_chart_can_switch_to_a_table(make_page, qtbot) -> None:
    page = make_page()
    box = page.minutes_box
    assert box.stack.currentWidget() is page.minutes_panel
    qtbot.mouseClick(box.toggle, Qt.MouseButton.LeftButton)
    assert box.stack.currentWidget() is box.table
    assert box.table.model().rowCount() == len(page.ctx.plan().weeks)


def test_one_weight_shows_a_table_two_show_a_trend(make_page, qtmodeltester) -> None:
    one = make_page(weights=((TODAY, 64.0),))
    assert one.weight_box.stack.currentWidget() is one.weight_box.table
    assert one.weight_model.index(0, 1).data() == "64.0 kg"
    assert one.tiles["weight"].value() == "64.0 kg"
    two = make_page(weights=((TODAY - timedelta(days=7), 65.0), (TODAY, 64.2)))
    assert not two.weight_panel.is_empty()
    assert two.weight_box.stack.currentWidget() is two.weight_panel
    assert two.tiles["weight"].detail().startswith("-0.8 kg since")
    qtmodeltester.check(two.weight_model)


def test_weights_show_in_pounds_for_imperial(make_page) -> None:
    page = make_page(profile_from_dict({**RUNNER, "units": "imperial"}),
                     weights=((TODAY, 64.0),))
    assert page.weight_model.index(0, 1).data() == "141.1 lb"  # 64 / 0.45359237


def test_nothing_logged_yet(make_page) -> None:
    page = make_page()
    assert page.tiles["weight"].value() == "—"
    assert page.weight_panel.is_empty()
    assert page.tiles["week"].value() == "0 min"


def test_only_the_half_year_the_weight_trend_shows_is_read(make_page) -> None:
    years_ago = tuple((TODAY - timedelta(days=d), 70.0) for d in range(400, 1800, 30))
    page = make_page(weights=(*years_ago, (TODAY - timedelta(days=14), 65.0), (TODAY, 64.0)))
    reads: list[tuple[date, date]] = []
    real = page.ctx.app.store.checkins

    def checkins(start: date, end: date):  # noqa: ANN202
        reads.append((start, end))
        return real(start, end)

    page.ctx.app.store.checkins = checkins
    page.refresh()
    assert reads and all((TODAY - start).days < 26 * 7 for start, _ in reads)
    assert page.weight_model.rowCount() == 2  # the years-old weights are not on this chart
    assert page.tiles["weight"].detail().startswith("-1.0 kg since")
