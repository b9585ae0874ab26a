"""The Recovery page: the checklist saves as it is ticked; the numbers read the store."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QCheckBox, QScrollArea

from core import clock
from core.app import App
from core.checkin import CheckIn
from core.profile import Profile, profile_from_dict
from core.store import open_repository
from desktop.context import AppContext
from desktop.pages.recovery import RecoveryPage

TODAY = date(2026, 11, 25)  # a Wednesday
RUNNER = {"name": "Sam", "birth_date": "1990-03-02", "height_cm": 180, "weight_kg": 64}


@pytest.fixture
def make_page(open_page) -> Callable[..., RecoveryPage]:  # noqa: ANN001
    def make(profile: Profile | None = None,
             checkins: tuple[CheckIn, ...] = ()) -> RecoveryPage:
        return open_page(RecoveryPage, profile or profile_from_dict(RUNNER),
                         saved_on=TODAY - timedelta(days=30), today=TODAY, checkins=checkins)
    return make


def tick(qtbot, box: QCheckBox) -> None:  # noqa: ANN001
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)


def type_hours(qtbot, spin, text: str) -> None:  # noqa: ANN001
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), text)
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Return)


def test_ticks_and_sleep_hours_are_saved_for_today(make_page, qtbot) -> None:
    page = make_page()
    widget = page.checklist
    assert page.ctx.app.store.checkin(TODAY) is None
    tick(qtbot, widget.boxes["water"])
    tick(qtbot, widget.boxes["stretch"])  # no run on this Wednesday: stretching is off
    tick(qtbot, widget.boxes["foam_roll_calves"])
    tick(qtbot, widget.boxes["foam_roll_quads"])
    type_hours(qtbot, widget.sleep, "7.5")
    widget.quality.setCurrentIndex(4)
    saved = page.ctx.app.store.checkin(TODAY)
    assert saved.water_met and not saved.stretch_done and not saved.warmup_done
    assert set(saved.foam_roll) == {"quads", "calves"}
    assert saved.sleep_hours == 7.5 and saved.sleep_quality == 4
    tick(qtbot, widget.boxes["foam_roll_quads"])  # untick
    assert page.ctx.app.store.checkin(TODAY).foam_roll == ("calves",)
    assert page.tiles["week_rolls"].value() == "1 session"  # stats follow the ticks


def test_a_past_day_can_be_filled_in(make_page, qtbot) -> None:
    page = make_page()
    qtbot.mouseClick(page.prev_day, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.prev_day, Qt.MouseButton.LeftButton)
    monday = TODAY - timedelta(days=2)
    assert page.selected_day() == monday
    tick(qtbot, page.checklist.boxes["water"])
    assert page.ctx.app.store.checkin(monday).water_met
    assert page.ctx.app.store.checkin(TODAY) is None
    page.date_edit.setDate(QDate(2030, 1, 1))  # the future cannot be logged
    assert page.selected_day() == TODAY
    assert not page.next_day.isEnabled()


def test_sleep_numbers_read_the_logged_nights(make_page) -> None:
    nights = (CheckIn(TODAY, sleep_hours=7.0), CheckIn(TODAY - timedelta(days=1), sleep_hours=8.0),
              CheckIn(TODAY - timedelta(days=2), sleep_hours=6.5),
              CheckIn(TODAY - timedelta(days=9), sleep_hours=3.0))  # outside the 7 days
    page = make_page(checkins=nights)
    assert page.tiles["average"].value() == "7.2 h"  # (7 + 8 + 6.5) / 3 = 7.17
    assert "3 nights logged" in page.tiles["average"].detail()
    assert page.tiles["nights"].value() == "2 of 3"
    assert page.tiles["nights"].caption() == "Nights in 7–9 h"
    assert not page.sleep_panel.is_empty()


def test_from_65_the_sleep_band_is_7_to_8_hours(make_page) -> None:
    older = profile_from_dict({**RUNNER, "birth_date": "1955-01-01"})
    page = make_page(older, (CheckIn(TODAY, sleep_hours=8.5),))
    assert page.tiles["nights"].caption() == "Nights in 7–8 h"
    assert page.tiles["nights"].value() == "0 of 1"


def test_foam_rolling_week_and_streak(make_page) -> None:
    rolls = tuple(CheckIn(TODAY - timedelta(days=d), foam_roll=("glutes",)) for d in (1, 2, 3))
    page = make_page(checkins=rolls)
    # Mon 23 and Tue 24 are this week; Sun 22 was last week; today not logged yet
    assert page.tiles["week_rolls"].value() == "2 sessions"
    assert page.tiles["streak"].value() == "3 days"


def test_range_selector_sets_the_weeks_charted(make_page, qtbot) -> None:
    page = make_page(checkins=(CheckIn(TODAY, foam_roll=("calves",), sleep_hours=8.0),))
    for weeks in (4, 8, 12):
        page.range_box.setCurrentIndex(page.range_box.findData(weeks))
        bars = page.roll_panel.view.chart().series()[0].barSets()[0]
        assert bars.count() == weeks
        assert bars.at(weeks - 1) == 1  # this week's roll is the last bar


def test_nothing_logged_shows_empty_states(make_page) -> None:
    page = make_page()
    assert page.tiles["average"].value() == "—"
    assert page.sleep_panel.is_empty() and page.roll_panel.is_empty()


def test_checklist_controls_are_named_for_screen_readers(make_page) -> None:
    page = make_page()
    widget = page.checklist
    names = [b.accessibleName() for b in widget.boxes.values()]
    assert all(names) and len(set(names)) == len(names)
    assert widget.sleep.accessibleName() and widget.quality.accessibleName()


def test_first_step_up_from_not_logged_starts_near_a_likely_value(make_page, qtbot) -> None:
    page = make_page()
    widget = page.checklist
    assert widget.sleep.text() == "Not logged"
    qtbot.keyClick(widget.sleep, Qt.Key.Key_Up)
    assert page.ctx.app.store.checkin(TODAY).sleep_hours == 7.5
    qtbot.keyClick(widget.weight, Qt.Key.Key_Up)  # starts at the profile's weight
    assert page.ctx.app.store.checkin(TODAY).weight_kg == 64.0
    qtbot.keyClick(widget.weight, Qt.Key.Key_Down)
    assert page.ctx.app.store.checkin(TODAY).weight_kg == pytest.approx(63.9)


def test_weight_is_typed_in_pounds_for_imperial_and_stored_in_kilograms(make_page, qtbot) -> None:
    page = make_page(profile_from_dict({**RUNNER, "units": "imperial"}))
    type_hours(qtbot, page.checklist.weight, "150")
    assert page.ctx.app.store.checkin(TODAY).weight_kg == pytest.approx(150 * 0.45359237, abs=0.01)
    assert page.checklist.weight.text().endswith("lb")


def test_both_charts_get_the_same_height_and_the_page_fits_without_scrolling(
        make_page, qtbot) -> None:
    days = tuple(CheckIn(TODAY - timedelta(days=d), sleep_hours=7.0 + d % 3 * 0.5,
                         foam_roll=("calves",) if d % 2 else ()) for d in range(28))
    page = make_page(checkins=days)
    page.resize(1360, 860)
    qtbot.waitUntil(lambda: page.sleep_panel.height() > 0)
    assert not page.sleep_panel.is_empty() and not page.roll_panel.is_empty()
    assert page.sleep_panel.height() == page.roll_panel.height()
    area = page.findChild(QScrollArea)
    qtbot.waitUntil(lambda: area.widget().height() <= area.viewport().height())
    assert area.verticalScrollBar().maximum() == 0


def test_sleep_hours_read_with_one_decimal_like_the_tiles(make_page, qtbot) -> None:
    page = make_page(checkins=(CheckIn(TODAY, sleep_hours=6.0),))
    assert page.checklist.sleep.text() == "6.0 h"
    assert page.tiles["average"].value() == "6.0 h"
    qtbot.keyClick(page.checklist.sleep, Qt.Key.Key_Up)
    assert page.ctx.app.store.checkin(TODAY).sleep_hours == 6.5
    assert page.checklist.sleep.text() == "6.5 h"


def test_a_finer_logged_sleep_is_not_rounded_by_ticking_something_else(make_page, qtbot) -> None:
    page = make_page(checkins=(CheckIn(TODAY, sleep_hours=6.25),))  # logged from the CLI
    tick(qtbot, page.checklist.boxes["water"])
    saved = page.ctx.app.store.checkin(TODAY)
    assert saved.water_met and saved.sleep_hours == 6.25


def spy_reads(page) -> list[tuple[date, date]]:  # noqa: ANN001
    reads: list[tuple[date, date]] = []
    real = page.ctx.app.store.checkins

    def checkins(start: date, end: date):  # noqa: ANN202
        reads.append((start, end))
        return real(start, end)

    page.ctx.app.store.checkins = checkins
    return reads


def test_only_the_charted_weeks_are_read(make_page, qtbot) -> None:
    old = tuple(CheckIn(TODAY - timedelta(days=d), sleep_hours=7.0) for d in range(200, 400))
    page = make_page(checkins=old + (CheckIn(TODAY, sleep_hours=8.0),))
    reads = spy_reads(page)
    page.range_box.setCurrentIndex(page.range_box.findData(12))
    tick(qtbot, page.checklist.boxes["water"])
    first_shown = TODAY - timedelta(days=7 * 12)  # 12 weeks back, to the Monday of then
    assert reads and all(start >= first_shown for start, _ in reads)


def test_a_streak_longer_than_the_charts_is_counted_in_full(make_page) -> None:
    rolls = tuple(CheckIn(TODAY - timedelta(days=d), foam_roll=("quads",)) for d in range(150))
    page = make_page(checkins=rolls + (CheckIn(TODAY - timedelta(days=151), foam_roll=("quads",)),))
    assert page.tiles["streak"].value() == "150 days"  # day 150 was missed


def test_ticks_can_be_taken_back_with_undo(qtbot, tmp_path) -> None:  # noqa: ANN001
    """Each tick is one undo step; undoing the first tick of a day leaves no check-in."""
    from core.profile import demo_profile
    from desktop.widgets.checklist import ChecklistWidget

    repo = open_repository(tmp_path / "undo", today=clock.today)
    try:
        today = date(2026, 11, 25)
        repo.save_profile(demo_profile(), today - timedelta(days=10))
        ctx = AppContext(App(repo, lambda: today))
        widget = ChecklistWidget(ctx)
        qtbot.addWidget(widget)
        widget.show()
        widget.set_day(today)
        qtbot.mouseClick(widget.boxes["foam_roll_quads"], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(widget.boxes["foam_roll_glutes"], Qt.MouseButton.LeftButton)
        assert repo.checkin(today).foam_roll == ("quads", "glutes")

        ctx.undo_stack.undo()
        assert repo.checkin(today).foam_roll == ("quads",)
        assert not widget.boxes["foam_roll_glutes"].isChecked()
        ctx.undo_stack.undo()
        assert repo.checkin(today) is None
        ctx.undo_stack.redo()
        assert repo.checkin(today).foam_roll == ("quads",)
        assert widget.boxes["foam_roll_quads"].isChecked()
    finally:
        repo.close()


def test_arrowing_sleep_hours_is_one_undo_step(qtbot, tmp_path) -> None:  # noqa: ANN001
    from core.profile import demo_profile
    from desktop.widgets.checklist import ChecklistWidget

    repo = open_repository(tmp_path / "undo-sleep", today=clock.today)
    try:
        today = date(2026, 11, 25)
        repo.save_profile(demo_profile(), today - timedelta(days=10))
        repo.save_checkin(CheckIn(date=today, sleep_hours=6.0))
        ctx = AppContext(App(repo, lambda: today))
        widget = ChecklistWidget(ctx)
        qtbot.addWidget(widget)
        widget.show()
        widget.set_day(today)
        widget.sleep.setFocus()
        for _ in range(3):
            qtbot.keyClick(widget.sleep, Qt.Key.Key_Up)
        assert repo.checkin(today).sleep_hours == 7.5
        ctx.undo_stack.undo()
        assert repo.checkin(today).sleep_hours == 6.0
    finally:
        repo.close()


def test_sleep_chart_dates_thin_out_on_a_narrow_window_instead_of_being_cut(
        make_page, qtbot) -> None:
    from PySide6.QtCharts import QDateTimeAxis
    from PySide6.QtGui import QFontMetrics

    nights = tuple(CheckIn(TODAY - timedelta(days=d), sleep_hours=7.5) for d in range(20))
    page = make_page(checkins=nights)
    chart = page.sleep_panel.view.chart()
    axis = next(a for a in chart.axes(Qt.Orientation.Horizontal) if isinstance(a, QDateTimeAxis))
    label = QFontMetrics(axis.labelsFont()).horizontalAdvance("30 Nov")

    def labels_fit() -> bool:
        width = chart.plotArea().width()
        return width > 0 and (axis.tickCount() - 1) * label <= width

    page.resize(1600, 900)
    qtbot.waitUntil(lambda: labels_fit() and axis.tickCount() == 8)  # roomy: a label a week
    page.resize(820, 900)  # the charts share a laptop-width window with the checklist
    qtbot.waitUntil(lambda: chart.plotArea().width() < 400)
    qtbot.waitUntil(labels_fit)
    assert 2 <= axis.tickCount() < 8
