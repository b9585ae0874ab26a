"""The Progress page: is the deficit working (the weight trend, its rate and the verdict),
legs and waist, planned versus done per week and strength sessions.

Numbers come from ``core.progress`` and ``core.weight_trend``; each chart can switch to a
table (screen readers and exact values) and carries its numbers in an accessible
description; the weight trend falls back to a table until there are two weights.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.app import Change
from core.plan import monday_of
from core.progress import WeekProgress, weight_series
from core.units import weight_in, weight_unit
from core.weight_trend import Progress
from core.wording import day_label
from desktop.context import AppContext
from desktop.pages.common import card, heading, muted, refresh_when_shown, scrolling
from desktop.pages.progress_goal import GoalCard, MeasureCharts, signed
from desktop.widgets.charts import PRIMARY, SECONDARY, ChartPanel, bar_chart, line_chart
from desktop.widgets.stat_tile import StatTile
from desktop.widgets.table_models import ProgressModel, RowsModel, WeightModel, WeightRow

WEIGHT_WEEKS = 26  # the weight trend shows the last half year (and reads only that)


def _table(model: RowsModel, name: str) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    view.setMinimumHeight(view.fontMetrics().height() * 14)
    return view


class ChartOrTable(QWidget):
    """A chart panel and a table in one place, with a button to switch between them."""

    def __init__(self, title: str, panel: ChartPanel, table: QTableView,
                 mnemonic_title: str) -> None:
        super().__init__()
        self.panel, self.table = panel, table
        self.toggle = QPushButton(mnemonic_title)
        self.toggle.setCheckable(True)
        self.toggle.setAccessibleName(f"Show {title.split(' · ')[0].lower()} as a table")
        self.stack = QStackedWidget()
        self.stack.addWidget(panel)
        self.stack.addWidget(table)
        frame, layout = card()
        head = QHBoxLayout()
        head.addWidget(heading(title, 1.15), 1)
        head.addWidget(self.toggle)
        layout.addLayout(head)
        layout.addWidget(self.stack)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(frame)
        self.toggle.toggled.connect(self._on_toggle_toggled)

    def show_table(self, table: bool) -> None:
        self.stack.setCurrentWidget(self.table if table else self.panel)

    @Slot(bool)
    def _on_toggle_toggled(self, checked: bool) -> None:
        self.show_table(checked)


class ProgressPage(QWidget):
    """How the plan is going: minutes, strength sessions and body weight over time."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("progressPage")
        self.ctx = ctx
        self.weeks: list[WeekProgress] = []
        self.report: Progress | None = None
        self.tiles = {
            "week": StatTile("Training this week", accent=True),
            "strength": StatTile("Strength this week"),
            "total": StatTile("Sessions done so far"),
            "weight": StatTile("Body weight"),
        }
        grid = QGridLayout()
        grid.setSpacing(10)
        for i, tile in enumerate(self.tiles.values()):
            grid.addWidget(tile, 0, i)

        self.progress_model = ProgressModel(self)
        self.weight_model = WeightModel(self)
        self.minutes_panel = ChartPanel("Training minutes per week, planned and done")
        self.strength_panel = ChartPanel("Strength sessions per week, planned and done")
        self.weight_panel = ChartPanel("Body weight over time")
        self.minutes_box = ChartOrTable(
            "Minutes per week", self.minutes_panel,
            _table(self.progress_model, "Weekly progress table"), "Show &table")
        self.strength_box = ChartOrTable(
            "Strength sessions", self.strength_panel,
            _table(self.progress_model, "Weekly strength table"), "Show t&able")
        self.weight_box = ChartOrTable(
            "Weight trend · last 6 months", self.weight_panel,
            _table(self.weight_model, "Weight table"), "Show ta&ble")
        self.goal = GoalCard(ctx)
        self.measures = MeasureCharts()

        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(24, 20, 24, 20)
        column.setSpacing(12)
        column.addWidget(heading("Progress"))
        column.addWidget(muted("Consistency beats intensity: the weeks add up. Mark sessions "
                               "done on the calendar and log your weight in the checklist."))
        column.addLayout(grid)
        column.addWidget(self.goal)
        column.addWidget(self.weight_box)
        column.addWidget(self.measures)
        column.addWidget(self.minutes_box)
        column.addWidget(self.strength_box)
        column.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scrolling(body))
        ctx.changed.connect(self._on_ctx_changed)
        ctx.day_changed.connect(self._on_day_changed)  # "this week" may be a new one
        self.refresh()

    def refresh(self) -> None:
        ctx = self.ctx
        today = ctx.today()
        units = ctx.profile().units
        self.weeks = ctx.app.queries.weekly_progress()
        self.progress_model.set_rows(self.weeks)
        current = next((w for w in self.weeks if w.week_start == monday_of(today)), None)
        if current is None:
            self.tiles["week"].set_value("—", "Your plan is not running this week")
            self.tiles["strength"].set_value("—", "")
        else:
            self.tiles["week"].set_value(f"{current.done_minutes} min",
                                         f"of {current.planned_minutes} min planned")
            self.tiles["strength"].set_value(f"{current.strength_done} of "
                                             f"{current.strength_planned}", "sessions done")
        done = sum(w.sessions_done for w in self.weeks)
        skipped = sum(w.sessions_skipped for w in self.weeks)
        self.tiles["total"].set_value(str(done), f"{skipped} skipped")
        checkins = ctx.app.queries.checkins(today - timedelta(weeks=WEIGHT_WEEKS) + timedelta(days=1),
                                     today)
        weights = weight_series(checkins)
        self.weight_model.set_rows([WeightRow(d, kg, units) for d, kg in weights])
        unit = weight_unit(units)
        if weights:
            last = weight_in(weights[-1][1], units)
            change = last - weight_in(weights[0][1], units)
            self.tiles["weight"].set_value(
                f"{last:.1f} {unit}",
                f"{change:+.1f} {unit} since {day_label(weights[0][0])}"
                if len(weights) > 1 else "First weight logged")
        else:
            self.tiles["weight"].set_value("—", "Log it in the recovery checklist")
        report = ctx.app.queries.progress()
        self.report = report
        if report is not None:
            self.goal.show_report(report, ctx.app.queries.deficit_offer(), units)
            self.measures.show_report(report, units)
        self._draw(weights, units, report)

    def _draw(self, weights: list[tuple[date, float]], units: str,
              report: Progress | None = None) -> None:
        pal = self.palette()
        labels = [f"W{i + 1}" for i in range(len(self.weeks))]
        self.minutes_panel.show_chart(bar_chart(
            pal, labels, [("Planned", [w.planned_minutes for w in self.weeks], SECONDARY),
                          ("Done", [w.done_minutes for w in self.weeks], PRIMARY)],
            y_format="%d min"))
        self.strength_panel.show_chart(bar_chart(
            pal, labels, [("Planned", [w.strength_planned for w in self.weeks], SECONDARY),
                          ("Done", [w.strength_done for w in self.weeks], PRIMARY)],
            y_max=3))
        unit = weight_unit(units)
        first = weights[0][0] if weights else None
        trend = [(p.date, weight_in(p.trend_kg, units)) for p in (report.weights if report
                 else ()) if first is not None and p.date >= first]
        self.weight_panel.describe(self._weight_words(weights, trend, units, report))
        if len(weights) >= 2:
            points = [(d, weight_in(kg, units)) for d, kg in weights]
            self.weight_panel.show_chart(line_chart(pal, points, name=f"Weight ({unit})",
                                                    y_title=unit, trend=trend,
                                                    trend_name=f"Trend ({unit})"))
            self.weight_box.toggle.setEnabled(True)
            self.weight_box.show_table(self.weight_box.toggle.isChecked())
        else:
            self.weight_panel.show_empty("Log your weight on two days to see a trend.")
            self.weight_box.show_table(bool(weights))
            self.weight_box.toggle.setEnabled(False)

    @staticmethod
    def _weight_words(weights: list[tuple[date, float]], trend: list[tuple[date, float]],
                      units: str, report: Progress | None) -> str:
        """The weight chart's numbers in words, for a screen reader."""
        unit = weight_unit(units)
        if not weights:
            return "Body weight: nothing logged yet."
        (d0, w0), (d1, w1) = weights[0], weights[-1]
        words = (f"Body weight: {len(weights)} weights from {day_label(d0)} to "
                 f"{day_label(d1)}, first {weight_in(w0, units):.1f} {unit}, latest "
                 f"{weight_in(w1, units):.1f} {unit}.")
        if trend:
            words += (f" Trend {trend[0][1]:.1f} {unit} to {trend[-1][1]:.1f} {unit} "
                      f"({signed(trend[-1][1] - trend[0][1], unit)}).")
        if report is not None and report.rate_kg_per_week is not None:
            words += f" Rate {signed(weight_in(report.rate_kg_per_week, units), unit)} a week."
        return words

    @Slot(object)
    def _on_day_changed(self, ended: object) -> None:
        refresh_when_shown(self, self.refresh)

    @Slot(object, object)
    def _on_ctx_changed(self, change: Change | None, initiator: object) -> None:
        refresh_when_shown(self, self.refresh)
