"""The calendar as a runner uses it: turning weeks and months, moving sessions, marking days."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt

from desktop.pages.calendar import CalendarPage
from tests.desktop.calendar_support import MON, press, shown_dates
from tests.desktop.conftest import TODAY


@pytest.fixture
def page(calendar_page: CalendarPage) -> CalendarPage:
    return calendar_page


def test_opens_on_the_week_of_today_with_today_highlighted(page: CalendarPage) -> None:
    assert shown_dates(page) == [MON + timedelta(days=i) for i in range(7)]
    assert page.title.text() == "23 Nov – 29 Nov 2026"
    today = [d for d in page.model.days() if d.is_today]
    assert [d.date for d in today] == [TODAY]
    assert page.selected_date() == TODAY
    assert page.detail.day() == TODAY


def test_previous_next_and_today_buttons_turn_the_week(qtbot: Any, page: CalendarPage) -> None:
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    assert shown_dates(page)[0] == date(2026, 11, 30)
    assert shown_dates(page)[-1] == date(2026, 12, 6)
    assert page.title.text() == "30 Nov – 6 Dec 2026"
    qtbot.mouseClick(page.prev_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.prev_button, Qt.MouseButton.LeftButton)
    assert shown_dates(page)[0] == date(2026, 11, 16)
    assert page.title.text() == "16 Nov – 22 Nov 2026"
    qtbot.mouseClick(page.today_button, Qt.MouseButton.LeftButton)
    assert shown_dates(page)[0] == MON
    assert page.selected_date() == TODAY


def test_days_before_the_plan_are_shown_outside_it(qtbot: Any, page: CalendarPage) -> None:
    qtbot.mouseClick(page.prev_button, Qt.MouseButton.LeftButton)
    assert not any(d.in_plan for d in page.model.days())
    assert "before your plan starts" in page.summary.text()
    flags = page.model.flags(page.model.index(0))
    assert not flags & Qt.ItemFlag.ItemIsDragEnabled


def test_shortcuts_turn_weeks_and_switch_views(qtbot: Any, page: CalendarPage) -> None:
    press(qtbot, page, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert shown_dates(page)[0] == date(2026, 11, 30)
    press(qtbot, page, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert shown_dates(page)[0] == date(2026, 12, 7)
    press(qtbot, page, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert shown_dates(page)[0] == date(2026, 11, 30)
    press(qtbot, page, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert shown_dates(page)[0] == MON

    press(qtbot, page, Qt.Key.Key_M)
    assert page.mode == "month"
    assert page.title.text() == "November 2026"
    # A month grid: six weeks from the Monday on or before 1 November 2026 (a Sunday).
    assert shown_dates(page)[0] == date(2026, 10, 26)
    assert len(shown_dates(page)) == 42
    press(qtbot, page, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert page.title.text() == "December 2026"
    assert shown_dates(page)[0] == date(2026, 11, 30)
    press(qtbot, page, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, page, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert page.title.text() == "October 2026"
    press(qtbot, page, Qt.Key.Key_W)
    assert page.mode == "week"
    assert len(shown_dates(page)) == 7


def test_month_buttons_step_whole_months(qtbot: Any, page: CalendarPage) -> None:
    qtbot.mouseClick(page.month_button, Qt.MouseButton.LeftButton)
    assert page.month_button.isChecked() and not page.week_button.isChecked()
    for expected in ("December 2026", "January 2027", "February 2027"):
        qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
        assert page.title.text() == expected
    # February 2027 starts on a Monday, so the grid starts on 1 February itself.
    assert shown_dates(page)[0] == date(2027, 2, 1)
    in_month = [d.date for d in page.model.days() if d.in_month]
    assert in_month[0] == date(2027, 2, 1) and in_month[-1] == date(2027, 2, 28)


def test_arrow_keys_move_the_selection_and_turn_the_week(qtbot: Any, page: CalendarPage) -> None:
    press(qtbot, page, Qt.Key.Key_Right)
    assert page.selected_date() == TODAY + timedelta(days=1)
    assert page.detail.day() == TODAY + timedelta(days=1)
    press(qtbot, page, Qt.Key.Key_End)
    assert page.selected_date() == date(2026, 11, 29)
    press(qtbot, page, Qt.Key.Key_Right)  # past Sunday: the next week comes in
    assert page.selected_date() == date(2026, 11, 30)
    assert shown_dates(page)[0] == date(2026, 11, 30)
    press(qtbot, page, Qt.Key.Key_Up)
    assert page.selected_date() == date(2026, 11, 23)
    assert shown_dates(page)[0] == MON


def test_enter_opens_the_day_in_the_detail(qtbot: Any, page: CalendarPage) -> None:
    press(qtbot, page, Qt.Key.Key_Return)
    assert page.detail.day() == TODAY
    assert page.detail.done_button.hasFocus()
    page.grid.setFocus()
    press(qtbot, page, Qt.Key.Key_Right)
    press(qtbot, page, Qt.Key.Key_Return)
    assert page.detail.day() == TODAY + timedelta(days=1)
    assert page.detail.planned_minutes.hasFocus()  # tomorrow can be changed, not marked


def test_mark_done_with_minutes_and_rpe(qtbot: Any, page: CalendarPage, ctx: Any) -> None:
    day = TODAY
    assert ctx.app.store.outcome(day) is None
    page.detail.actual_minutes.setValue(37)
    page.detail.rpe.setValue(7)
    qtbot.mouseClick(page.detail.done_button, Qt.MouseButton.LeftButton)
    outcome = ctx.app.store.outcome(day)
    assert (outcome.status, outcome.minutes, outcome.rpe) == ("done", 37, 7)
    cell = page.model.day(page.model.row_of(day))
    assert cell.status == "done"
    assert "done" in page.model.data(page.model.index(page.model.row_of(day)),
                                     Qt.ItemDataRole.AccessibleTextRole)
    assert page.detail.status.text().startswith("Done")
    qtbot.mouseClick(page.detail.skip_button, Qt.MouseButton.LeftButton)
    assert ctx.app.store.outcome(day).status == "skipped"
    ctx.undo_stack.undo()
    outcome = ctx.app.store.outcome(day)
    assert (outcome.status, outcome.minutes, outcome.rpe) == ("done", 37, 7)


def test_offer_on_a_day_can_be_accepted_and_undone(qtbot: Any, page: CalendarPage,
                                                   ctx: Any) -> None:
    from core.checkin import CheckIn

    # Two short nights (SPEC §3: both under 7 h) before today's hard session.
    for offset, hours in ((-1, 6.0), (0, 5.5)):
        day = TODAY + timedelta(days=offset)
        ctx.apply(ctx.app.store.save_checkin(CheckIn(date=day, sleep_hours=hours)))
    banners = page.offer_banners()
    assert banners, "an easier session is offered"
    offer = banners[0].offer
    original = ctx.app.store.plan().session_on(offer.date)
    assert original.kind in {"hiit", "hills", "tempo", "strength"}
    cell = page.model.day(page.model.row_of(offer.date))
    assert cell.offer is not None
    qtbot.mouseClick(banners[0].accept_button, Qt.MouseButton.LeftButton)
    assert ctx.app.store.plan().session_on(offer.date) == offer.replacement
    assert ctx.app.store.plan().session_on(offer.date).minutes < original.minutes or \
        offer.replacement.kind == "easy_run"
    assert page.offer_banners() == []
    ctx.undo_stack.undo()
    assert ctx.app.store.plan().session_on(offer.date).kind == original.kind


def test_offer_can_be_dismissed(qtbot: Any, page: CalendarPage, ctx: Any) -> None:
    from core.checkin import CheckIn

    for offset, hours in ((-1, 6.0), (0, 6.5)):
        ctx.apply(ctx.app.store.save_checkin(CheckIn(date=TODAY + timedelta(days=offset),
                                                sleep_hours=hours)))
    banner = page.offer_banners()[0]
    day = banner.offer.date
    kind = ctx.app.store.plan().session_on(day).kind
    qtbot.mouseClick(banner.dismiss_button, Qt.MouseButton.LeftButton)
    assert day in ctx.app.store.dismissed_offers()
    assert page.offer_banners() == []
    assert ctx.app.store.plan().session_on(day).kind == kind


def test_cells_say_what_was_logged(page: CalendarPage, ctx: Any) -> None:
    from core.checkin import CheckIn

    ctx.apply(ctx.app.store.save_checkin(CheckIn(date=TODAY, sleep_hours=8.0)))
    row = page.model.row_of(TODAY)
    info = page.model.day(row)
    assert info.sleep_logged
    text = page.model.data(page.model.index(row), Qt.ItemDataRole.AccessibleTextRole)
    assert "slept 8 h" in text and "today" in text


# --- marking only what has happened ------------------------------------------------------

def test_a_future_session_cannot_be_marked(qtbot: Any, page: CalendarPage, ctx: Any) -> None:
    assert page.detail.done_button.isEnabled() and page.detail.skip_button.isEnabled()
    press(qtbot, page, Qt.Key.Key_Right)
    tomorrow = TODAY + timedelta(days=1)
    assert page.detail.day() == tomorrow
    for button in (page.detail.done_button, page.detail.skip_button):
        assert not button.isEnabled()
        assert "has not come yet" in button.toolTip()
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert ctx.app.store.outcome(tomorrow) is None
    assert ctx.undo_stack.count() == 0


# --- what the cells and the detail say ---------------------------------------------------

def test_month_cells_use_short_names_and_minutes(page: CalendarPage, ctx: Any) -> None:
    from PySide6.QtGui import QFontMetrics

    from desktop.pages.calendar_cell import month_cell_lines

    page.set_mode("month")
    fm = QFontMetrics(page.grid.font())
    hiit = next(d for d in page.model.days() if d.session and d.session.kind == "hiit")
    wide = month_cell_lines(hiit, fm, fm.horizontalAdvance("Easy run" * 2), 200, 2)
    assert wide == [("HIIT", False), (f"{hiit.session.minutes} min", False)]
    # Too narrow for any name beside the icon: the name across the chip first, then the
    # minutes beside the icon below it; never a cut word.
    tight = fm.horizontalAdvance("HIIT") - 1
    narrow = month_cell_lines(hiit, fm, tight, tight + 30, 2)
    assert narrow == [("HIIT", True), (f"{hiit.session.minutes}′", False)]
    strength = next(d for d in page.model.days() if d.session and d.session.kind == "strength")
    lines = [text for text, _ in month_cell_lines(strength, fm, fm.horizontalAdvance("Stren"),
                                                  fm.horizontalAdvance("Strength") + 4, 3)]
    assert lines == ["Str.", f"{strength.session.minutes}′"]  # the name first, shortened


def test_every_kind_reads_name_then_minutes_in_a_1024_px_month(qtbot: Any, ctx: Any) -> None:
    from PySide6.QtGui import QFontMetrics

    from core.plan import KINDS
    from desktop.pages.calendar_cell import TINY_KIND_LABELS, month_cell_lines
    from desktop.style import short_kind_label

    page = CalendarPage(ctx)
    qtbot.addWidget(page)
    page.resize(1024 - 140, 560)  # a 1024 px window less the sidebar
    page.show()
    qtbot.waitExposed(page)
    page.set_mode("month")
    fm = QFontMetrics(page.grid.font())
    qtbot.waitUntil(lambda: page.grid.visualRect(page.model.index(0)).width() > 40)
    cell = page.grid.visualRect(page.model.index(0)).width()
    chip = cell - 6 - 2 * max(4, fm.height() // 3)  # as the painter measures it
    beside = chip - 8 - (fm.height() + 2) - 6
    day = next(d for d in page.model.days() if d.session is not None)
    for kind in KINDS:
        session = replace(day.session, kind=kind, minutes=45 if kind != "rest" else 0)
        for rows in (1, 2):
            lines = [t for t, _ in month_cell_lines(replace(day, session=session), fm, beside,
                                                    chip - 14, rows)]
            assert lines[0].split(" · ")[0] in (short_kind_label(kind),
                                                TINY_KIND_LABELS.get(kind)), (kind, lines)
            assert "…" not in " ".join(lines)
            if kind != "rest" and rows == 2:
                assert lines[1] in ("45 min", "45′")


def test_a_cut_week_cell_ends_its_last_line_with_an_ellipsis(page: CalendarPage) -> None:
    from PySide6.QtGui import QFontMetrics

    from desktop.pages.calendar_cell import with_ellipsis, wrap_lines

    fm = QFontMetrics(page.grid.font())
    width = fm.horizontalAdvance("Standing calf raise")
    lines = wrap_lines("Standing calf raise with dumbbells (straight knee, slow lowering) 3×12",
                       fm, width)
    assert len(lines) > 2 and all(fm.horizontalAdvance(line) <= width for line in lines)
    assert " ".join(lines).split() == ["Standing", "calf", "raise", "with", "dumbbells", "(straight", "knee,", "slow", "lowering)", "3×12"]
    last = with_ellipsis(lines[1], fm, width)
    assert last.endswith("…") and fm.horizontalAdvance(last) <= width


def test_strength_detail_lists_each_exercise_once(qtbot: Any, page: CalendarPage,
                                                  ctx: Any) -> None:
    session = ctx.plan().session_on(MON)
    assert session.kind == "strength"
    names = [e["name"] for e in session.details["exercises"]]
    detail = page.detail
    assert detail.exercises.isVisible()
    table = [detail.exercises_model.index(r, 0).data()
             for r in range(detail.exercises_model.rowCount())]
    assert table == names
    bullets = detail.structure.text()
    assert not any(name in bullets for name in names)
    assert "Warm-up" in bullets and "Cool-down" in bullets


def test_a_narrow_month_cell_keeps_the_hours_slept_whole(qtbot: Any) -> None:
    from PySide6.QtGui import QFont, QFontMetrics

    from desktop.pages.calendar_cell import fit_mark

    fm = QFontMetrics(QFont())
    full = "☾ 7.5 h"
    assert fit_mark(full, fm, fm.horizontalAdvance(full)) == full
    assert fit_mark(full, fm, fm.horizontalAdvance("☾ 7.5")) == "☾ 7.5"
    assert fit_mark(full, fm, fm.horizontalAdvance("☾7.5")) == "☾7.5"
    tight = fit_mark(full, fm, fm.horizontalAdvance("☾7"))
    assert tight.endswith("…") and fm.horizontalAdvance(tight) <= fm.horizontalAdvance("☾7")


def test_a_narrow_week_cell_shortens_the_title_instead_of_cutting_words(
        page: CalendarPage) -> None:
    from PySide6.QtGui import QFontMetrics

    from desktop.pages.calendar_cell import fitting_title

    strength = next(d for d in page.model.days() if d.session and d.session.kind == "strength")
    workout = strength.session.details["workout"]
    fm = QFontMetrics(page.grid.font())
    assert fitting_title(strength, fm, 400) == f"Strength {workout}"
    narrow = fitting_title(strength, fm, fm.horizontalAdvance("Strength") - 2)
    assert narrow == f"Str. {workout}" and "…" not in narrow


def test_a_week_cell_shows_what_its_session_says_now(page: CalendarPage) -> None:
    """The cell's lines are kept between paints, but never for a session that changed."""
    from dataclasses import replace

    from PySide6.QtGui import QFont

    from desktop.pages.calendar_cell import week_chip_lines

    day = next(d for d in page.model.days()
               if d.session and d.session.minutes and d.session.kind != "strength")
    plain = page.grid.font()
    bold = QFont(plain)
    bold.setBold(True)
    before, _ = week_chip_lines(day, 200, 400, 20, bold, plain)
    assert any("min" in line for _, line, _ in before)
    longer = replace(day, session=replace(day.session, minutes=day.session.minutes + 15,
                                          edited=True))
    after, _ = week_chip_lines(longer, 200, 400, 20, bold, plain)
    assert after != before and any("edited" in line for _, line, _ in after)
    short, height = week_chip_lines(day, 200, 60, 20, bold, plain)
    assert len(short) < len(before) and height <= 60 and short[-1][1].endswith("…")
    assert week_chip_lines(day, 200, 400, 20, bold, plain)[0] == before
