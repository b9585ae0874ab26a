"""The Progress page's goal part, driven as a user: a month of weights shows a trend line, a
rate and a verdict in words; the deficit offer is accepted (and undone) or dismissed; legs and
waist are charted with their numbers readable by a screen reader; dates sit on whole days."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCharts import QDateTimeAxis, QLineSeries, QScatterSeries
from PySide6.QtCore import QDateTime, Qt

from core.app.measuring import open_deficit_offer
from core.checkin import CheckIn
from core.profile import Profile, profile_from_dict
from desktop.pages.progress import ProgressPage
from desktop.widgets.charts import day_ticks

START = date(2026, 11, 2)  # the profile is saved on this Monday
TODAY = date(2026, 12, 10)
RUNNER = {"name": "Sam", "birth_date": "1990-03-02", "height_cm": 180, "weight_kg": 64}


def straight_trend(days: int, start: float, per_day: float) -> list[CheckIn]:
    """Weights whose smoothed trend falls exactly ``per_day`` a day, ending TODAY."""
    first = TODAY - timedelta(days=days - 1)
    out = [CheckIn(first, weight_kg=start)]
    for n in range(1, days):
        out.append(CheckIn(first + timedelta(days=n), weight_kg=start + per_day * (n - 1)
                           + per_day / 0.1))
    return out


@pytest.fixture
def make_page(open_page: Any) -> Callable[..., ProgressPage]:
    def make(checkins: list[CheckIn], profile: Profile | None = None) -> ProgressPage:
        page: ProgressPage = open_page(ProgressPage, profile or profile_from_dict(RUNNER),
                                       saved_on=START, today=TODAY, checkins=tuple(checkins))
        page.resize(1024, 640)
        return page
    return make


def with_legs(logs: list[CheckIn]) -> list[CheckIn]:
    by_day = {c.date: c for c in logs}
    for offset, thigh, calf, waist in ((35, 57.5, 37.2, 82.0), (20, 57.2, 37.0, 81.0),
                                       (3, 56.9, 36.9, 80.0)):
        d = TODAY - timedelta(days=offset)
        base = by_day.get(d, CheckIn(d))
        by_day[d] = CheckIn(d, weight_kg=base.weight_kg, thigh_cm=thigh, calf_cm=calf,
                            waist_cm=waist)
    return sorted(by_day.values(), key=lambda c: c.date)


def test_a_month_of_weights_gives_a_trend_a_rate_and_a_verdict(make_page: Any) -> None:
    page = make_page(with_legs(straight_trend(35, 70.0, -0.05)))
    goal = page.goal
    assert goal.verdict.text() == "Losing 0.35 kg a week; your plan expects 0.27 — on track"
    assert not goal.offer_buttons.isVisibleTo(page)
    assert goal.cell("weight", "latest") == "68.3 kg"  # 70 − 0.05 × 34 = 68.30
    assert goal.cell("weight", "since") == "−1.7 kg"
    assert goal.cell("weight", "four") == "−1.4 kg"  # 28 days × 0.05
    assert goal.cell("thigh_cm", "latest") == "56.9 cm"
    assert goal.cell("thigh_cm", "since") == "−0.6 cm"
    assert goal.cell("thigh_cm", "four") == "−0.6 cm"  # latest − the 35-days-ago reading
    assert goal.cell("hips_cm", "latest") == "—"
    chart = page.weight_panel.view.chart()
    dots = next(s for s in chart.series() if isinstance(s, QScatterSeries))
    line = next(s for s in chart.series() if type(s) is QLineSeries)
    assert dots.count() == 35 and line.count() == 35
    assert line.at(34).y() == pytest.approx(68.3)
    assert line.at(0).y() == pytest.approx(70.0) and dots.at(1).y() == pytest.approx(69.5)
    words = page.weight_panel.description()
    assert "35 weights" in words and "Rate −0.3 kg a week" in words
    thigh = page.measures.panels["thigh_cm"]
    assert not thigh.is_empty()
    assert thigh.description() == ("Thigh: 3 readings, first 57.5 cm on 5 Nov, latest 56.9 cm "
                                   "on 7 Dec; since you started −0.6 cm, last 4 weeks −0.6 cm.")
    assert page.measures.panels["waist_cm"].view.accessibleName() == "Waist over time"


def test_imperial_shows_pounds_and_inches(make_page: Any) -> None:
    profile = profile_from_dict({**RUNNER, "units": "imperial"})
    page = make_page(with_legs(straight_trend(35, 70.0, -0.05)), profile)
    assert page.goal.verdict.text().startswith("Losing 0.77 lb a week")  # 0.35 / 0.45359237
    assert page.goal.cell("waist_cm", "latest") == "31.5 in"  # 80 / 2.54
    assert "in on" in page.measures.panels["calf_cm"].description()


def test_accepting_the_offer_changes_the_deficit_and_undo_takes_it_back(
        make_page: Any, qtbot: Any) -> None:
    page = make_page([CheckIn(TODAY - timedelta(days=i), weight_kg=64.0) for i in range(28)])
    goal = page.goal
    assert goal.verdict.text().startswith("Holding steady; your plan expects 0.27 — slower")
    assert goal.offer_buttons.isVisibleTo(page)
    assert "400 kcal instead of 300" in goal.offer_notice.text()
    qtbot.mouseClick(goal.accept, Qt.MouseButton.LeftButton)
    repo = page.ctx.app.store
    assert repo.profile().deficit_kcal == 400
    assert "500 kcal instead of 400" in goal.offer_notice.text()  # the page read it again
    page.ctx.undo_stack.undo()
    assert repo.profile().deficit_kcal == 300
    assert "400 kcal instead of 300" in goal.offer_notice.text()
    page.ctx.undo_stack.redo()
    assert repo.profile().deficit_kcal == 400


def test_dismissing_the_offer_hides_it_and_keeps_the_deficit(make_page: Any,
                                                             qtbot: Any) -> None:
    page = make_page([CheckIn(TODAY - timedelta(days=i), weight_kg=64.0) for i in range(28)])
    qtbot.mouseClick(page.goal.dismiss, Qt.MouseButton.LeftButton)
    assert open_deficit_offer(page.ctx.app.store, TODAY) is None
    assert page.ctx.app.store.profile().deficit_kcal == 300
    assert not page.goal.offer_buttons.isVisibleTo(page)


def test_not_enough_weights_says_so(make_page: Any) -> None:
    page = make_page([CheckIn(TODAY, weight_kg=64.0)])
    assert page.goal.verdict.text().startswith("Not enough data yet")
    assert page.measures.panels["thigh_cm"].is_empty()
    assert page.measures.panels["thigh_cm"].description() == "Thigh: nothing measured yet."


def test_date_labels_sit_on_whole_days_with_the_points_on_them(make_page: Any,
                                                                qtbot: Any) -> None:
    for start, end, most in ((date(2026, 11, 1), date(2026, 11, 28), 8),
                             (date(2026, 11, 1), date(2026, 11, 3), 8),
                             (date(2026, 11, 1), date(2026, 12, 30), 5)):
        first, last, ticks = day_ticks(start, end, most)
        assert first <= start and last >= end and 2 <= ticks <= most
        assert (last - first).days % (ticks - 1) == 0
    page = make_page(straight_trend(35, 70.0, -0.05))
    page.show()
    chart = page.weight_panel.view.chart()
    axis = next(a for a in chart.axes(Qt.Orientation.Horizontal)
                if isinstance(a, QDateTimeAxis))

    def on_days() -> bool:
        lo, hi = axis.min(), axis.max()
        span = lo.msecsTo(hi)
        step = span / (axis.tickCount() - 1)
        return (lo.time().hour() == 12 and step % 86_400_000 == 0
                and lo.date().toPython() == TODAY - timedelta(days=34))

    qtbot.waitUntil(on_days)
    first_point = QDateTime.fromMSecsSinceEpoch(int(chart.series()[0].at(0).x()))
    assert first_point == axis.min()  # the first weight sits on the first label


def test_a_hidden_page_catches_up_when_shown(make_page: Any) -> None:
    page = make_page([CheckIn(TODAY - timedelta(days=1), weight_kg=64.0)])
    page.hide()
    page.ctx.apply(page.ctx.app.ops.check_in(CheckIn(TODAY, weight_kg=63.0)))
    assert page.report is not None and len(page.report.weights) == 1  # not read while hidden
    page.show()
    assert len(page.report.weights) == 2
    assert page.goal.cell("weight", "latest") == "63.9 kg"  # 64 + 0.1 × (63 − 64)
