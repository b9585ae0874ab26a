"""The Today page: today's session, targets, checklist and any adaptation offer."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from core import clock
from core.app import App
from core.app.planning import save_profile
from core.checkin import CheckIn
from core.plan import monday_on_or_after
from core.profile import profile_from_dict
from core.store import open_repository
from desktop.context import AppContext
from desktop.pages.today import OfferBox, TodayPage

TODAY = date(2026, 11, 23)  # a Monday: the plan starts today
RUNNER = {"name": "Sam", "sex": "female", "birth_date": "1990-03-02", "height_cm": 165,
          "weight_kg": 60, "daily_activity": "active", "deficit_kcal": 250}
MET = {"long_run": 8.3, "easy_run": 8.3, "tempo": 9.8, "hiit": 10.0, "hills": 9.0,
       "strength": 5.0, "cross_training": 7.0, "active_recovery": 3.0, "rest": 0.0}


@pytest.fixture
def make_page(open_page) -> Callable[..., TodayPage]:  # noqa: ANN001
    def make(checkins: tuple[CheckIn, ...] = ()) -> TodayPage:
        return open_page(TodayPage, profile_from_dict(RUNNER), saved_on=TODAY, today=TODAY,
                         checkins=checkins)
    return make


def test_shows_todays_session_and_its_targets(make_page) -> None:
    page = make_page()
    session = page.ctx.plan().session_on(TODAY)
    assert page.detail.title.text() == session.title
    assert page.detail.day() == TODAY
    bmr = 10 * 60 + 6.25 * 165 - 5 * 36 - 161  # 36 on 23 Nov 2026
    kcal = bmr * 1.4 + (MET[session.kind] - 1) * 60 * session.minutes / 60 - 250
    assert page.food["kcal"].value() == f"{math.floor(kcal + 0.5):,} kcal"
    assert page.food["protein"].value() == f"{math.floor(1.8 * 60 + 0.5)} g"
    assert "Week 1 of" in page.subtitle.text()
    tomorrow = page.ctx.plan().session_on(TODAY + timedelta(days=1))
    assert tomorrow.title in page.tomorrow.text()


def test_checklist_ticks_save_todays_checkin(make_page, qtbot) -> None:
    page = make_page()
    qtbot.mouseClick(page.checklist.boxes["water"], Qt.MouseButton.LeftButton)
    assert page.ctx.app.store.checkin(TODAY).water_met
    assert page.checklist.day() == TODAY


def short_nights() -> tuple[CheckIn, ...]:
    return (CheckIn(TODAY - timedelta(days=1), sleep_hours=5.5),
            CheckIn(TODAY - timedelta(days=2), sleep_hours=6.0))


def test_two_short_nights_offer_an_easier_session_that_can_be_accepted_and_undone(
        make_page, qtbot) -> None:
    page = make_page(short_nights())
    assert len(page.offer_boxes) == 1
    box = page.offer_boxes[0]
    original = page.ctx.plan().session_on(box.offer.date)
    week = page.ctx.plan().week_of(box.offer.date).run_minutes
    assert original.hard
    easier = "an easy run of" if original.kind != "strength" else "(lighter): 2 sets"
    assert easier in box.notice.text() and original.title in box.notice.text()
    qtbot.mouseClick(box.accept, Qt.MouseButton.LeftButton)
    accepted = page.ctx.app.store.plan().session_on(box.offer.date)
    assert accepted.kind == ("strength" if original.kind == "strength" else "easy_run")
    assert accepted.minutes <= original.minutes
    assert page.ctx.app.store.plan().week_of(box.offer.date).run_minutes <= week
    assert page.offer_boxes == []  # accepted: nothing left to offer
    page.ctx.undo_stack.undo()
    assert page.ctx.app.store.plan().session_on(box.offer.date).kind == original.kind


def test_an_offer_that_comes_back_is_shown_again_in_the_same_box(make_page, qtbot) -> None:
    page = make_page(short_nights())
    page.show()
    box = page.offer_boxes[0]
    text = box.notice.text()
    qtbot.mouseClick(box.accept, Qt.MouseButton.LeftButton)
    assert page.offer_boxes == [] and not box.isVisible()  # gone from the screen
    page.ctx.undo_stack.undo()  # the plan as it was: the offer is open again
    assert page.offer_boxes == [box] and box.isVisible()
    assert box.notice.text() == text
    assert len(page.findChildren(OfferBox)) == 1  # shown again, not built a second time
    page.refresh()  # nothing changed: the box, and what it says, stay
    assert page.offer_boxes == [box] and box.notice.text() == text


def test_declined_offer_goes_away_and_changes_nothing(make_page, qtbot) -> None:
    page = make_page(short_nights())
    box = page.offer_boxes[0]
    before = page.ctx.plan().session_on(box.offer.date)
    qtbot.mouseClick(box.decline, Qt.MouseButton.LeftButton)
    assert page.offer_boxes == []
    assert page.ctx.app.store.plan().session_on(box.offer.date) == before
    assert box.offer.date in page.ctx.app.store.dismissed_offers()


def test_no_offer_after_good_sleep(make_page) -> None:
    page = make_page((CheckIn(TODAY - timedelta(days=1), sleep_hours=8.0),
                      CheckIn(TODAY - timedelta(days=2), sleep_hours=6.0)))
    assert page.offer_boxes == []


@pytest.mark.parametrize("module, name", [("today", "TodayPage"), ("meals", "MealsPage"),
                                          ("recovery", "RecoveryPage"),
                                          ("progress", "ProgressPage")])
def test_every_control_on_the_page_has_an_accessible_name(
        module: str, name: str, qtbot, tmp_path) -> None:  # noqa: ANN001
    import importlib

    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QWidget,
    )

    repo = open_repository(tmp_path / "data", today=clock.today)
    try:
        save_profile(repo, profile_from_dict(RUNNER), TODAY)
        page = getattr(importlib.import_module(f"desktop.pages.{module}"), name)(
            AppContext(App(repo, lambda: TODAY)))
        qtbot.addWidget(page)
        page.show()
        theirs = getattr(page, "detail", None)  # the shell's SessionDetail is tested there
        kinds = (QAbstractButton, QAbstractSpinBox, QComboBox, QAbstractItemView)
        controls = [w for w in page.findChildren(QWidget) if isinstance(w, kinds)]
        unnamed = [w for w in controls
                   if w.isVisibleTo(page) and not w.accessibleName()
                   and not isinstance(w.parent(), QAbstractSpinBox | QComboBox | QAbstractItemView)
                   and not (theirs is not None and theirs.isAncestorOf(w))]
        assert unnamed == []
    finally:
        repo.close()


def test_at_720_pixels_wide_the_checklist_goes_under_the_session(make_page, qtbot) -> None:
    """1440 × 900 at 200 % scaling is 720 × 450: nothing may need sideways scrolling."""
    page = make_page(short_nights())  # an offer box too: the widest Today there is
    page.resize(720, 450)
    qtbot.waitUntil(lambda: page.columns.is_stacked())
    assert page.scroll_area.horizontalScrollBar().maximum() == 0
    detail_bottom = page.detail.mapTo(page, page.detail.rect().bottomLeft()).y()
    assert page.checklist.mapTo(page, page.checklist.rect().topLeft()).y() > detail_bottom
    page.resize(1360, 860)  # wide again: side by side
    qtbot.waitUntil(lambda: not page.columns.is_stacked())
    assert page.checklist.mapTo(page, page.checklist.rect().topLeft()).x() > page.width() / 2


def test_an_ended_plan_offers_a_new_one_that_starts_on_the_next_monday(
        qtbot, tmp_path) -> None:  # noqa: ANN001
    repo = open_repository(tmp_path / "ended", today=clock.today)
    try:
        save_profile(repo, profile_from_dict(RUNNER), TODAY)
        later = repo.plan().end + timedelta(days=10)  # a Wednesday after the plan's end
        page = TodayPage(AppContext(App(repo, lambda: later)))
        qtbot.addWidget(page)
        page.show()
        assert page.new_plan_button.isVisible() and "ended" in page.ended.text()
        qtbot.mouseClick(page.new_plan_button, Qt.MouseButton.LeftButton)
        assert repo.plan().start == monday_on_or_after(later)
        assert not page.new_plan_button.isVisible()
        assert "Your plan starts on Monday" in page.subtitle.text()
    finally:
        repo.close()


def test_no_new_plan_button_while_the_plan_runs(make_page) -> None:
    page = make_page()
    assert not page.new_plan_button.isVisible() and not page.ended.isVisible()


def test_imperial_water_target_reads_fluid_ounces_first(open_page) -> None:
    page = open_page(TodayPage, profile_from_dict({**RUNNER, "units": "imperial"}),
                     saved_on=TODAY, today=TODAY)
    session = page.ctx.plan().session_on(TODAY)
    # SPEC §4: half the body weight in lb as fl oz, + 500 ml per hour of the session
    ml = 60 / 0.45359237 / 2 * 29.5735295625 + 500 * session.minutes / 60
    assert page.food["water"].value() == f"{math.floor(ml / 29.5735295625 + 0.5):,} fl oz"
    assert page.food["water"].detail() == f"{math.floor(ml + 0.5):,} ml"


def test_before_the_plan_optional_boxes_tick_and_run_only_boxes_say_why_not(
        open_page, qtbot) -> None:
    saturday = TODAY - timedelta(days=2)  # the plan starts on Monday: no session today
    page = open_page(TodayPage, profile_from_dict(RUNNER), saved_on=TODAY, today=saturday)
    assert page.ctx.plan().session_on(saturday) is None
    boxes = page.checklist.boxes
    for key in ("warmup", "stretch"):
        assert not boxes[key].isEnabled()
        assert "No run today" in boxes[key].toolTip()
        qtbot.mouseClick(boxes[key], Qt.MouseButton.LeftButton)
        assert not boxes[key].isChecked()
    quads = boxes["foam_roll_quads"]
    assert quads.isEnabled()
    text = quads.palette().color(quads.foregroundRole())
    assert text == page.checklist.palette().color(page.checklist.foregroundRole())  # not grey
    assert "optional" in page.checklist.foam_title.text()
    qtbot.mouseClick(quads, Qt.MouseButton.LeftButton)
    assert page.ctx.app.store.checkin(saturday).foam_roll == ("quads",)


def test_a_key_typed_after_clear_mark_does_not_touch_the_plan(open_page, qtbot) -> None:
    from core.checkin import Outcome

    page = open_page(TodayPage, profile_from_dict(RUNNER), saved_on=TODAY, today=TODAY,
                     outcomes=(Outcome(TODAY, "done", 30, 5),))
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    planned = page.ctx.plan().session_on(TODAY).minutes
    detail = page.detail
    qtbot.mouseClick(detail.clear_button, Qt.MouseButton.LeftButton)
    assert page.ctx.app.store.outcome(TODAY) is None
    focused = QApplication.focusWidget()
    assert focused is not None
    assert focused not in (detail.planned_minutes, detail.planned_minutes.lineEdit())
    qtbot.keyClicks(focused, "7")
    qtbot.keyClick(focused, Qt.Key.Key_Return)
    assert detail.planned_minutes.value() == planned
    assert page.ctx.plan().session_on(TODAY).minutes == planned


def test_long_exercise_names_wrap_instead_of_being_cut_off(make_page, qtbot) -> None:
    from PySide6.QtCore import QRect

    page = make_page()
    plan = page.ctx.plan()
    strength = next(s for s in plan.weeks[0].sessions if s.kind == "strength")
    page.detail.show_day(strength.date)
    page.resize(760, 900)  # narrow: the exercise column is far shorter than the longest name
    table = page.detail.exercises
    model = table.model()
    qtbot.waitUntil(lambda: table.columnWidth(0) < 400)
    QApplication.processEvents()
    rows = model.rowCount()
    assert rows >= 3
    metrics = table.fontMetrics()
    wrapped = 0
    for row in range(rows):
        name = model.index(row, 0).data()
        width = table.columnWidth(0) - 8  # the cell's text margins
        needed = metrics.boundingRect(QRect(0, 0, width, 10_000),
                                      int(Qt.TextFlag.TextWordWrap), name).height()
        assert table.rowHeight(row) >= needed, name
        wrapped += metrics.horizontalAdvance(name) > width
    assert wrapped, "no name was long enough to need wrapping at this width"
    every_row = sum(table.rowHeight(r) for r in range(rows))
    assert table.height() >= table.horizontalHeader().height() + every_row


def test_before_the_plan_starts_today_names_its_first_session(open_page) -> None:
    wednesday = TODAY + timedelta(days=2)  # saved mid-week: the plan starts next Monday
    page = open_page(TodayPage, profile_from_dict(RUNNER), saved_on=wednesday, today=wednesday)
    plan = page.ctx.plan()
    first = plan.session_on(plan.start)
    assert plan.start == monday_on_or_after(wednesday) > wednesday
    assert first.minutes < 60  # week 1 builds gently
    assert page.tomorrow.text() == (
        f"First session, Monday {plan.start.day} {plan.start:%B}: {first.title} · "
        f"{first.minutes} min")
    assert page.detail.subtitle.text().startswith("No session: a free day before your plan")


def visible_text(widget) -> str:  # noqa: ANN001
    from PySide6.QtWidgets import QLabel

    return " ".join(label.text() for label in widget.findChildren(QLabel)
                    if label.isVisible())


def test_fuel_notes_are_said_once(open_page) -> None:  # noqa: ANN001
    from core.nutrition import day_targets

    page = open_page(TodayPage, profile_from_dict(RUNNER), saved_on=TODAY, today=TODAY)
    plan = page.ctx.plan()
    day = next(s.date for s in plan.sessions() if day_targets(
        page.ctx.profile(), s.date, s).notes)
    page = open_page(TodayPage, profile_from_dict(RUNNER), saved_on=TODAY, today=day)
    notes = day_targets(page.ctx.profile(), day, plan.session_on(day)).notes
    text = visible_text(page)
    for note in notes:
        assert text.count(note) == 1, note


def test_hiit_structure_is_said_once_in_its_detail(open_page) -> None:  # noqa: ANN001
    page = open_page(TodayPage, profile_from_dict(RUNNER), saved_on=TODAY, today=TODAY)
    hiit = next(s for s in page.ctx.plan().sessions() if s.kind == "hiit")
    page.detail.show_day(hiit.date)
    text = page.detail.structure.text()
    rounds = hiit.details["intervals"]["rounds"]
    assert text.count(f"{rounds} rounds") == 1


def test_a_trained_runner_sees_the_plans_note(open_page) -> None:  # noqa: ANN001
    runner = profile_from_dict({**RUNNER, "level": "advanced", "weekly_run_minutes": 600})
    page = open_page(TodayPage, runner, saved_on=TODAY, today=TODAY)
    week1 = page.ctx.plan().weeks[0].run_minutes
    assert page.plan_notes.isVisible()
    text = page.plan_notes.text()
    assert f"Week 1 runs {week1} min" in text and "600 min" in text
    assert f"the other {600 - week1} min as easy running" in text


def test_no_note_when_the_plan_holds_what_the_runner_runs(make_page) -> None:
    assert not make_page().plan_notes.isVisible()


def test_the_monday_after_a_short_week_lowers_the_next_one_in_words(open_page, qtbot) -> None:  # noqa: ANN001
    from core.checkin import Outcome

    runner = profile_from_dict({**RUNNER, "level": "intermediate", "weekly_run_minutes": 95})
    page = open_page(TodayPage, runner, saved_on=TODAY, today=TODAY + timedelta(days=7))
    ctx = page.ctx
    before = ctx.plan()
    for s in before.weeks[0].sessions:
        if s.is_run:
            ctx.app.ops.mark(Outcome(s.date, "skipped"))
    with qtbot.waitSignal(ctx.changed) as blocker:
        ctx.judge_weeks()
    assert blocker.args[0].summary.startswith(
        f"Week 2 lowered to {ctx.plan().weeks[1].run_minutes} min running: week 1 ran 0 of "
        f"{before.weeks[0].run_minutes} planned")
    assert ctx.plan().weeks[1].run_minutes < before.weeks[1].run_minutes
