"""The read-only table adapters pass Qt's model checks with real core results in them."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt

from core.checkin import CheckIn, Outcome
from core.nutrition import week_targets
from core.planner import build_plan
from core.profile import profile_from_dict
from core.progress import weekly_progress, weight_series
from desktop.widgets.table_models import (
    Column,
    ProgressModel,
    RowsModel,
    TargetRow,
    TargetsModel,
    WeightModel,
    WeightRow,
)

START = date(2026, 11, 23)  # a Monday
RUNNER = profile_from_dict({"name": "Sam", "birth_date": "1990-03-02", "height_cm": 170,
                            "weight_kg": 60, "hot_climate": True})


def a_plan():  # noqa: ANN201
    return build_plan(RUNNER, START, 8)


def test_targets_model_over_a_planned_week(qtmodeltester) -> None:
    week = a_plan().weeks[0]
    model = TargetsModel()
    model.set_rows([TargetRow(t, week.session_on(t.date), "imperial", t.date == START)
                    for t in week_targets(RUNNER, week)])
    qtmodeltester.check(model)
    assert model.rowCount() == 7 and model.columnCount() == len(TargetsModel.columns)
    assert model.index(0, 0).data() == "Mon 23 Nov"
    assert model.index(0, 0).data(Qt.ItemDataRole.FontRole).bold()  # today stands out
    assert "fl oz" in model.index(0, 6).data()  # imperial water shows both units
    assert model.row_for(START + timedelta(days=3)) == 3


def test_progress_model_over_a_plan_with_a_log(qtmodeltester) -> None:
    plan = a_plan()
    first = next(s for s in plan.weeks[0].sessions if s.kind != "rest")
    weeks = weekly_progress(plan, [Outcome(first.date, "done", minutes=first.minutes + 5)])
    model = ProgressModel()
    model.set_rows(weeks)
    qtmodeltester.check(model)
    assert model.rowCount() == 8
    assert model.index(0, 2).data() == f"{first.minutes + 5} min"
    assert model.index(1, 2).data() == "0 min"


def test_weight_model_over_logged_weights(qtmodeltester) -> None:
    checkins = [CheckIn(START + timedelta(days=i), weight_kg=60 - i / 10) for i in range(5)]
    model = WeightModel()
    model.set_rows([WeightRow(d, kg, "metric") for d, kg in weight_series(checkins)])
    qtmodeltester.check(model)
    assert [model.index(i, 1).data() for i in range(2)] == ["60.0 kg", "59.9 kg"]


def test_a_plain_rows_model_and_its_reset(qtmodeltester) -> None:
    class Pairs(RowsModel):
        columns = (Column("Name", lambda r: r[0]), Column("Count", lambda r: str(r[1]), True))

    model = Pairs()
    qtmodeltester.check(model)  # empty
    model.set_rows([("a", 1), ("b", 2)])
    qtmodeltester.check(model)
    assert model.index(1, 1).data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Name"
    assert model.index(0, 0).data(Qt.ItemDataRole.UserRole) == ("a", 1)
    model.set_rows([])
    assert model.rowCount() == 0
