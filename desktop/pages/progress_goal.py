"""The Progress page's goal part (SPEC §5 "Measuring the goal"): the energy-balance verdict in
plain words with the deficit offer (Accept is undoable), the "since you started" and "last 4
weeks" changes, and thigh, calf and waist charts. Numbers come from ``core.weight_trend``."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from core.checkin import MEASUREMENTS
from core.units import CM_PER_INCH, weight_in, weight_unit
from core.weight_trend import DeficitOffer, MeasureChange, Progress, verdict_words
from core.wording import day_label
from desktop.context import AppContext
from desktop.pages.common import Notice, card, heading, muted
from desktop.undo import AcceptDeficitCommand, push
from desktop.widgets.charts import ChartPanel, line_chart
from desktop.widgets.stat_tile import scaled_font

CHARTED = ("thigh_cm", "calf_cm", "waist_cm")
NAMES = {"thigh_cm": "Thigh", "calf_cm": "Calf", "waist_cm": "Waist", "hips_cm": "Hips"}


def short_day(day: date) -> str:
    return day_label(day)


def length_in(cm: float, units: str) -> float:
    return cm / CM_PER_INCH if units == "imperial" else cm


def length_unit(units: str) -> str:
    return "in" if units == "imperial" else "cm"


def signed(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    text = f"{value:+.1f}"
    return ("±0.0" if text in ("+0.0", "-0.0") else text.replace("-", "−")) + f" {unit}"


def plain(value: float | None, unit: str) -> str:
    return "—" if value is None else f"{value:.1f} {unit}"


def describe_series(name: str, series: tuple[tuple[date, float], ...], unit: str,
                    change: MeasureChange) -> str:
    """A chart's numbers in words (values already in ``unit``)."""
    if not series:
        return f"{name}: nothing measured yet."
    (d0, v0), (d1, v1) = series[0], series[-1]
    return (f"{name}: {len(series)} reading{'s' if len(series) != 1 else ''}, "
            f"first {v0:.1f} {unit} on {short_day(d0)}, latest {v1:.1f} {unit} on "
            f"{short_day(d1)}; since you started {signed(change.since_start, unit)}, "
            f"last 4 weeks {signed(change.change_4_weeks, unit)}.")


def _scaled(change: MeasureChange, factor: float) -> MeasureChange:
    def s(x: float | None) -> float | None:
        return None if x is None else x * factor
    return MeasureChange(s(change.first), s(change.latest), s(change.change_4_weeks),
                         change.first_date, change.latest_date)


class GoalCard(QWidget):
    """The verdict, the deficit offer and the table of changes."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.offer: DeficitOffer | None = None
        frame, layout = card()
        layout.addWidget(heading("Is the deficit working?", 1.15))
        self.verdict = QLabel()
        self.verdict.setObjectName("verdict")
        self.verdict.setWordWrap(True)
        self.verdict.setFont(scaled_font(self.font(), 1.1, bold=True))
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail = muted()
        layout.addWidget(self.verdict)
        layout.addWidget(self.detail)

        self.offer_notice = Notice("info")
        self.accept = QPushButton()
        self.dismiss = QPushButton("Keep my deficit")
        self.dismiss.setAccessibleName("Dismiss the suggestion and keep my daily deficit")
        self.accept.setAccessibleName("Accept the suggested daily deficit")
        self.offer_buttons = QWidget()
        buttons = QHBoxLayout(self.offer_buttons)
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addStretch(1)
        buttons.addWidget(self.dismiss)
        buttons.addWidget(self.accept)
        layout.addWidget(self.offer_notice)
        layout.addWidget(self.offer_buttons)

        self.changes = QGridLayout()
        self.changes.setHorizontalSpacing(18)
        self.cells: dict[tuple[str, str], QLabel] = {}
        headers = ("", "Latest", "Since you started", "Last 4 weeks")
        for col, text in enumerate(headers):
            label = QLabel(text)
            label.setFont(scaled_font(self.font(), 1.0, bold=True))
            self.changes.addWidget(label, 0, col)
        for row, key in enumerate(("weight", *MEASUREMENTS), start=1):
            self.changes.addWidget(QLabel("Weight trend" if key == "weight" else NAMES[key]),
                                   row, 0)
            for col, part in enumerate(("latest", "since", "four"), start=1):
                cell = QLabel("—")
                cell.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.changes.addWidget(cell, row, col)
                self.cells[(key, part)] = cell
        self.changes.setColumnStretch(4, 1)
        layout.addLayout(self.changes)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(frame)
        self.accept.clicked.connect(self._on_accept_clicked)
        self.dismiss.clicked.connect(self._on_dismiss_clicked)

    def show_report(self, report: Progress, offer: DeficitOffer | None, units: str) -> None:
        wunit, lunit = weight_unit(units), length_unit(units)
        self.verdict.setText(verdict_words(report, wunit).capitalize()
                             if report.rate_kg_per_week is not None
                             else verdict_words(report, wunit))
        self.verdict.setAccessibleName(self.verdict.text())
        self.detail.setText(
            f"Your plan keeps an average of {abs(report.expected_kg_per_week) * 7700 / 7:.0f} "
            f"kcal a day below what you burn (daily deficit set to {report.deficit_kcal} "
            "kcal). The trend smooths out the day-to-day swings of water; the rate is its "
            "slope over the last 28 days.")
        self.offer = offer
        if offer is None:
            self.offer_notice.set_text("")
            self.offer_buttons.setVisible(False)
        else:
            self.offer_notice.set_text(f"{offer.reason}\n\nSuggestion: a daily deficit of "
                                       f"{offer.suggested} kcal instead of {offer.current}.")
            self.accept.setText(f"Use {offer.suggested} kcal")
            self.accept.setAccessibleName(f"Accept a daily deficit of {offer.suggested} kcal")
            self.offer_buttons.setVisible(True)
        rows = {"weight": (_scaled(report.trend, weight_in(1.0, units)), wunit)}
        for name in MEASUREMENTS:
            rows[name] = (_scaled(report.measures[name], length_in(1.0, units)), lunit)
        for key, (change, unit) in rows.items():
            self.cells[(key, "latest")].setText(plain(change.latest, unit))
            self.cells[(key, "since")].setText(signed(change.since_start, unit))
            self.cells[(key, "four")].setText(signed(change.change_4_weeks, unit))

    def cell(self, key: str, part: str) -> str:
        return str(self.cells[(key, part)].text())

    @Slot()
    def _on_accept_clicked(self) -> None:
        if self.offer is None:
            return
        try:
            push(self.ctx, AcceptDeficitCommand(self.ctx, self.offer))
        except ValueError as exc:
            self.offer_notice.set_text(f"Could not change the deficit: {exc}", "warning")

    @Slot()
    def _on_dismiss_clicked(self) -> None:
        if self.offer is None:
            return
        try:
            self.ctx.apply(self.ctx.app.ops.dismiss_deficit_offer(self.offer.id))
        except ValueError as exc:
            self.offer_notice.set_text(f"Could not dismiss: {exc}", "warning")


class MeasureCharts(QWidget):
    """Thigh, calf and waist over time, one chart each, with their numbers in words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        frame, layout = card()
        layout.addWidget(heading("Legs and waist", 1.15))
        layout.addWidget(muted("Log them in the checklist now and then: same leg, same spot, "
                               "in the morning."))
        self.panels: dict[str, ChartPanel] = {}
        for name in CHARTED:
            panel = ChartPanel(f"{NAMES[name]} over time")
            layout.addWidget(panel)
            self.panels[name] = panel
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(frame)

    def show_report(self, report: Progress, units: str) -> None:
        unit = length_unit(units)
        pal = self.palette()
        for name, panel in self.panels.items():
            series = tuple((d, length_in(v, units)) for d, v in report.readings[name])
            change = _scaled(report.measures[name], length_in(1.0, units))
            panel.describe(describe_series(NAMES[name], series, unit, change))
            if len(series) >= 2:
                panel.show_chart(line_chart(pal, series, name=f"{NAMES[name]} ({unit})",
                                            y_title=unit, title=NAMES[name]))
            else:
                panel.show_empty(f"{NAMES[name]}: measure it on two days to see a line."
                                 if not series else
                                 f"{NAMES[name]}: {series[0][1]:.1f} {unit} on "
                                 f"{short_day(series[0][0])}. One more reading draws a line.")
