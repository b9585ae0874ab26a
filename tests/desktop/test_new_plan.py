"""A runner picks a new plan's first day (snapped to the Monday on or after it) and its
length, 4–24 weeks, from the Profile page, as the command line's --start and --weeks."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QDate

from core.checkin import Outcome
from desktop.dialogs.new_plan import NewPlanDialog
from tests.desktop.conftest import TODAY


def test_the_dialog_snaps_to_a_monday_and_keeps_the_length_in_range(qtbot) -> None:
    dialog = NewPlanDialog(None, TODAY + timedelta(days=2), 12)  # a Wednesday
    qtbot.addWidget(dialog)
    assert dialog.choice() == (date(2026, 11, 30), 12)
    dialog.start.setDate(QDate(2027, 1, 6))  # a Wednesday
    dialog.weeks.setValue(30)
    assert dialog.choice() == (date(2027, 1, 11), 24)
    assert "24 weeks from Monday 11 January 2027 to Sunday 27 June 2027" in dialog.summary.text()
    dialog.weeks.setValue(1)
    assert dialog.weeks.value() == 4
    dialog.start.setDate(QDate(2026, 1, 1))  # before today: the dialog does not go there
    assert dialog.choice()[0] >= TODAY


def test_profile_page_starts_a_plan_on_the_chosen_monday_and_length(
        main_window: Any, ctx: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    ctx.apply(ctx.app.ops.mark(Outcome(TODAY, "done", 30, 5)))
    logged = ctx.app.store.plan().session_on(TODAY)
    asked: list[Any] = []

    def ask(cls: Any, parent: Any, today: date, weeks: int) -> tuple[date, int]:
        asked.append((today, weeks))
        return date(2026, 11, 23), 8

    monkeypatch.setattr(NewPlanDialog, "ask", classmethod(ask))
    page = main_window.show_page("profile")
    page.plan_button.click()
    assert asked == [(TODAY, 12)]
    plan = ctx.app.store.plan()
    assert plan.start == date(2026, 11, 23) and len(plan.weeks) == 8
    assert plan.session_on(TODAY) == logged  # the logged day keeps its session
    assert "8-week plan from" in page.result.text()
    assert main_window.show_page("today").subtitle.text().endswith("Week 1 of 8")


def test_a_start_in_the_past_is_refused_in_words(main_window, ctx, monkeypatch) -> None:
    monkeypatch.setattr(NewPlanDialog, "ask",
                        classmethod(lambda cls, *a: (date(2026, 11, 2), 12)))
    before = ctx.app.store.plan()
    page = main_window.show_page("profile")
    page.plan_button.click()
    assert "No new plan" in page.result.text() and "earliest" in page.result.text()
    assert ctx.app.store.plan() == before
