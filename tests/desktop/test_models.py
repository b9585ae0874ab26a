"""The adapter models behave as Qt models and say what a runner would read on screen."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from core.checkin import CheckIn, Outcome
from core.plan import Session
from desktop.models.days import SESSION_MIME, DayInfo, DaysModel
from desktop.models.exercises import ExercisesModel
from tests.desktop.conftest import TODAY


def week_days(ctx: Any) -> list[DayInfo]:
    plan = ctx.plan()
    return [DayInfo(date=TODAY + timedelta(days=i), session=plan.session_on(
        TODAY + timedelta(days=i)), in_plan=True, is_today=i == 0) for i in range(7)]


def test_days_model_passes_the_model_tester(qtmodeltester: Any, ctx: Any) -> None:
    model = DaysModel()
    model.set_days(week_days(ctx))
    qtmodeltester.check(model)
    assert model.rowCount() == 7


def test_days_model_in_month_shape_passes_the_model_tester(qtmodeltester: Any) -> None:
    model = DaysModel()
    start = date(2026, 10, 26)
    model.set_days([DayInfo(date=start + timedelta(days=i)) for i in range(42)])
    qtmodeltester.check(model)
    assert model.rowCount() == 42
    assert model.index(0).data(DaysModel.DateRole) == start


def test_day_text_reads_as_a_sentence(ctx: Any) -> None:
    model = DaysModel()
    days = week_days(ctx)
    first = days[0]
    days[0] = DayInfo(date=first.date, session=first.session, in_plan=True, is_today=True,
                      outcome=Outcome(first.date, "done", 40, 6),
                      checkin=CheckIn(first.date, sleep_hours=7.5))
    model.set_days(days)
    text = model.index(0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert text.startswith("Monday 23 November (today)")
    assert first.session.title in text
    assert "done, 40 min" in text and "effort 6 of 10" in text and "slept 7.5 h" in text
    assert model.index(0).data(Qt.ItemDataRole.DisplayRole) == f"Mon 23: {first.session.title}"


def test_update_keeps_rows_when_the_dates_are_the_same(ctx: Any, qtbot: Any) -> None:
    model = DaysModel()
    model.set_days(week_days(ctx))
    with qtbot.waitSignal(model.dataChanged):
        model.update_days(week_days(ctx))
    with qtbot.waitSignal(model.modelReset):
        model.update_days([DayInfo(date=TODAY + timedelta(days=7 + i)) for i in range(7)])


def test_drag_carries_the_date_and_drops_within_reach(ctx: Any, qtbot: Any) -> None:
    model = DaysModel()
    model.set_days(week_days(ctx))
    mime = model.mimeData([model.index(3)])
    assert bytes(mime.data(SESSION_MIME).data()).decode() == "2026-11-26"
    assert model.canDropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, model.index(1))
    assert not model.canDropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, model.index(3))
    with qtbot.waitSignal(model.session_dropped) as blocker:
        assert model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, model.index(1))
    assert blocker.args == [date(2026, 11, 26), date(2026, 11, 24)]
    # The next week (to Sunday 6 December) is within reach; the week after is not.
    for monday, reachable in ((date(2026, 11, 30), True), (date(2026, 12, 7), False)):
        other = DaysModel()
        other.set_days([DayInfo(date=monday + timedelta(days=i),
                                session=ctx.plan().session_on(monday + timedelta(days=i)),
                                in_plan=True) for i in range(7)])
        assert other.canDropMimeData(mime, Qt.DropAction.MoveAction, -1, -1,
                                     other.index(6)) is reachable
    assert not model.canDropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, QModelIndex())


def strength() -> Session:
    return Session(date=TODAY, kind="strength", title="Strength A", minutes=35, hard=True,
                   why="Build the legs.", details={"exercises": [
                       {"name": "Goblet squat", "sets": 3, "reps": "12–15"},
                       {"name": "Reverse lunge", "sets": 3, "reps": "12–15"}]})


def test_exercises_model_passes_the_model_tester(qtmodeltester: Any) -> None:
    model = ExercisesModel()
    model.set_session(strength())
    qtmodeltester.check(model)
    assert model.rowCount() == 2 and model.columnCount() == 3
    assert [model.index(0, c).data() for c in range(3)] == ["Goblet squat", "3", "12–15"]
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Sets"


def test_exercises_model_is_empty_for_a_run(qtmodeltester: Any) -> None:
    model = ExercisesModel()
    model.set_session(Session(date=TODAY, kind="long_run", title="Long run", minutes=40,
                              hard=False, why="Slow and steady."))
    qtmodeltester.check(model)
    assert model.rowCount() == 0
