"""QtCharts helpers: palette-following bar, line and sleep-band charts, plus an empty state.

Charts only draw numbers that core computed; they take plain lists of (label, value) or
(date, value) pairs.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCharts import (
    QAreaSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QDateTimeAxis,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, QDateTime, QMargins, QRectF, QSize, Qt, QTime
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QLabel, QSizePolicy, QStackedLayout, QWidget

# Mid-tone series colours that read on light and dark backgrounds alike.
PRIMARY = "#3d8bfd"
SECONDARY = "#9aa5b1"
GOOD = "#2fb36b"
ACCENT = "#f08c2e"
MIN_LINES = 15  # a chart's least height, in lines of text (room for 8 axis labels)
HINT_LINES = 18


def _ms(day: date) -> float:
    return float(QDateTime(QDate(day.year, day.month, day.day), QTime(12, 0))
                 .toMSecsSinceEpoch())


def themed_chart(palette: QPalette, title: str = "") -> QChart:
    """A chart whose background, text and grid follow ``palette``."""
    chart = QChart()
    chart.setBackgroundBrush(palette.color(QPalette.ColorRole.Base))
    chart.setBackgroundRoundness(8)
    chart.setMargins(QMargins(6, 6, 6, 6))
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    text = palette.color(QPalette.ColorRole.Text)
    if title:
        font = QFont(chart.titleFont())
        font.setBold(True)
        chart.setTitleFont(font)
        chart.setTitle(title)
        chart.setTitleBrush(text)
    legend = chart.legend()
    legend.setLabelColor(text)
    legend.setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


def _style_axis(axis: QValueAxis | QBarCategoryAxis | QDateTimeAxis, palette: QPalette) -> None:
    text = palette.color(QPalette.ColorRole.Text)
    grid = palette.color(QPalette.ColorRole.Mid)
    grid.setAlpha(90)
    axis.setLabelsColor(text)
    axis.setTitleBrush(text)
    axis.setLinePenColor(palette.color(QPalette.ColorRole.Mid))
    axis.setGridLineColor(grid)


def bar_chart(palette: QPalette, categories: Sequence[str],
              sets: Sequence[tuple[str, Sequence[float], str]], *, y_title: str = "",
              y_max: float | None = None, title: str = "", y_format: str = "",
              legend: bool | None = None) -> QChart:
    """Grouped bars: one QBarSet per ``(name, values, colour)``; ``y_format`` labels the
    value axis ("%d min") where a title would crowd its numbers."""
    chart = themed_chart(palette, title)
    series = QBarSeries()
    top = 0.0
    for name, values, colour in sets:
        bar_set = QBarSet(name)
        bar_set.append([float(v) for v in values])
        bar_set.setColor(QColor(colour))
        bar_set.setBorderColor(QColor(colour))
        series.append(bar_set)
        top = max([top, *(float(v) for v in values)])
    chart.addSeries(series)
    x = QBarCategoryAxis()
    x.append(list(categories))
    y = count_axis(y_max if y_max is not None else top * 1.1, palette, y_title)
    if y_format:
        y.setLabelFormat(y_format)
    _style_axis(x, palette)
    for axis, side in ((x, Qt.AlignmentFlag.AlignBottom), (y, Qt.AlignmentFlag.AlignLeft)):
        chart.addAxis(axis, side)
        series.attachAxis(axis)
    chart.legend().setVisible(len(sets) > 1 if legend is None else legend)
    return chart


def _nice_step(top: float) -> float:
    """A round tick step that gives at most 8 intervals up to ``top``."""
    for step in (0.5, 1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
        if top / step <= 8:
            return float(step)
    return float(int(top / 8) + 1)


def count_axis(top: float, palette: QPalette, title: str = "") -> QValueAxis:
    """A 0-based axis with whole, round ticks reaching at least ``top``."""
    step = max(1.0, _nice_step(max(top, 1.0)))
    upper = step * max(1, -(-max(top, 1.0) // step))
    axis = QValueAxis()
    axis.setRange(0, upper)
    axis.setTickType(QValueAxis.TickType.TicksDynamic)
    axis.setTickAnchor(0)
    axis.setTickInterval(step)
    axis.setLabelFormat("%d")
    axis.setTitleText(title)
    _style_axis(axis, palette)
    return axis


DAY_MS = 86_400_000
MAX_DATE_TICKS = 8


def day_ticks(start: date, end: date, most: int = MAX_DATE_TICKS) -> tuple[date, date, int]:
    """An axis range and tick count whose ticks fall on whole days: ``(first, last, ticks)``
    with ``last − first`` a whole number of equal steps of whole days, at most ``most``
    ticks, covering ``start``–``end`` (a single day gets a day either side)."""
    if end <= start:
        return start - timedelta(days=1), start + timedelta(days=1), 3
    days = (end - start).days
    step = max(1, -(-days // max(1, most - 1)))
    steps = -(-days // step)
    return start, start + timedelta(days=step * steps), steps + 1


def _set_day_range(axis: QDateTimeAxis, start: date, end: date, most: int) -> None:
    first, last, ticks = day_ticks(start, end, most)
    lo = QDateTime.fromMSecsSinceEpoch(int(_ms(first)))
    hi = QDateTime.fromMSecsSinceEpoch(int(_ms(last)))
    if axis.min() != lo or axis.max() != hi:
        axis.setRange(lo, hi)
    if axis.tickCount() != ticks:
        axis.setTickCount(ticks)


def _date_axis(palette: QPalette, start: date, end: date) -> QDateTimeAxis:
    """A date axis whose labels sit on whole days: points (drawn at noon) sit on their
    labels, never between two."""
    axis = QDateTimeAxis()
    axis.setFormat("d MMM")
    _set_day_range(axis, start, end, MAX_DATE_TICKS)
    _style_axis(axis, palette)
    return axis


def _keep_dates_whole(chart: QChart, axis: QDateTimeAxis, start: date, end: date) -> None:
    """Show only as many date labels as fit side by side in the plot: on a narrow window
    QtCharts would otherwise cut every one of them short ("29…", "2 …"). The ticks stay on
    whole days (the step grows in whole days)."""
    room = QFontMetrics(axis.labelsFont()).horizontalAdvance("30 Sep") * 1.5

    def fit(area: QRectF) -> None:
        most = max(2, min(MAX_DATE_TICKS, int(area.width() / room) + 1))
        _set_day_range(axis, start, end, most)

    chart.plotAreaChanged.connect(fit)


def sleep_chart(palette: QPalette, nights: Sequence[tuple[date, float | None]],
                band: tuple[float, float], *, title: str = "") -> QChart:
    """Hours slept per night as a line with dots, over a shaded target band."""
    chart = themed_chart(palette, title)
    start, end = nights[0][0], nights[-1][0]
    lo, hi = band
    area = QAreaSeries()
    # The area does not own its edge lines: parent them to it so they live as long as it.
    upper, lower = QLineSeries(area), QLineSeries(area)
    reach = DAY_MS * ((end - start).days + 2)  # past any range the axis may take
    for edge_ms in (_ms(start) - reach, _ms(end) + reach):
        upper.append(edge_ms, hi)
        lower.append(edge_ms, lo)
    area.setUpperSeries(upper)
    area.setLowerSeries(lower)
    area.setName(f"Target {lo:g}–{hi:g} h")
    fill = QColor(GOOD)
    fill.setAlpha(60)
    area.setBrush(fill)
    edge = QColor(GOOD)
    edge.setAlpha(140)
    area.setPen(QPen(edge, 1))
    chart.addSeries(area)
    logged: list[QLineSeries | QScatterSeries] = []
    dots = QScatterSeries()
    dots.setName("Hours slept")
    dots.setColor(QColor(PRIMARY))
    dots.setBorderColor(QColor(PRIMARY))
    dots.setMarkerSize(7.0)
    line: QLineSeries | None = None
    for day, hours in nights:
        if hours is None:
            line = None
            continue
        if line is None:
            line = QLineSeries()
            line.setPen(QPen(QColor(PRIMARY), 2))
            logged.append(line)
        line.append(_ms(day), hours)
        dots.append(_ms(day), hours)
    logged.append(dots)
    for part in logged:
        chart.addSeries(part)
    x = _date_axis(palette, start, end)
    y = count_axis(max(12.0, max((h for _, h in nights if h is not None), default=0) + 1),
                   palette)
    y.setTickInterval(2)
    y.setLabelFormat("%d h")
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    _keep_dates_whole(chart, x, start, end)
    drawn: list[QAreaSeries | QLineSeries | QScatterSeries] = [area, *logged]
    for series in drawn:
        series.attachAxis(x)
        series.attachAxis(y)
    for marker in chart.legend().markers():
        if marker.series() not in (area, dots):
            marker.setVisible(False)
    return chart


def line_chart(palette: QPalette, points: Sequence[tuple[date, float]], *, name: str,
               y_title: str = "", title: str = "",
               trend: Sequence[tuple[date, float]] | None = None,
               trend_name: str = "Trend") -> QChart:
    """One dated line with dots, its y range padded around the data. With ``trend``, the
    points are drawn as dots only and the trend as the line through them."""
    chart = themed_chart(palette, title)
    drawn: list[QLineSeries | QScatterSeries] = []
    if trend:
        dots = QScatterSeries()
        dots.setName(name)
        dots.setColor(QColor(SECONDARY))
        dots.setBorderColor(QColor(SECONDARY))
        dots.setMarkerSize(7.0)
        for day, value in points:
            dots.append(_ms(day), value)
        line = QLineSeries()
        line.setName(trend_name)
        line.setPen(QPen(QColor(ACCENT), 3))
        for day, value in trend:
            line.append(_ms(day), value)
        drawn = [dots, line]
    else:
        line = QLineSeries()
        line.setName(name)
        line.setPen(QPen(QColor(ACCENT), 2))
        line.setPointsVisible(True)
        for day, value in points:
            line.append(_ms(day), value)
        drawn = [line]
    for series in drawn:
        chart.addSeries(series)
    values = [v for _, v in points] + [v for _, v in trend or ()]
    lo, hi = min(values), max(values)
    pad = max(1.0, (hi - lo) * 0.2)
    days = [d for d, _ in points] + [d for d, _ in trend or ()]
    x = _date_axis(palette, min(days), max(days))
    y = QValueAxis()
    y.setRange(lo - pad, hi + pad)
    y.applyNiceNumbers()  # round ticks (62, 63, 64) instead of 63.9 and 64.8
    y.setLabelFormat("%.1f" if y.max() - y.min() < 5 else "%d")
    y.setTitleText(y_title)
    _style_axis(y, palette)
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    _keep_dates_whole(chart, x, min(days), max(days))
    for series in drawn:
        series.attachAxis(x)
        series.attachAxis(y)
    chart.legend().setVisible(bool(trend))
    return chart


class ChartPanel(QWidget):
    """A chart view with an empty-state message in its place when there is nothing to draw."""

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = QChartView()
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setAccessibleName(accessible_name)
        self.view.setStyleSheet("background: transparent;")
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setAccessibleName(accessible_name)
        # Every chart the same height, in lines of text, with or without data: charts side
        # by side or one under another line up, and 200 % scaling scales them with the text.
        lines = self.fontMetrics().lineSpacing()
        self.view.setMinimumHeight(lines * MIN_LINES)
        self.setMinimumHeight(lines * MIN_LINES)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._stack = QStackedLayout(self)
        self._stack.addWidget(self.view)
        self._stack.addWidget(self.empty)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        lines = self.fontMetrics().lineSpacing()
        return QSize(self.fontMetrics().averageCharWidth() * 60, lines * HINT_LINES)

    def describe(self, text: str) -> None:
        """The chart's numbers in words, for a screen reader (and a tooltip)."""
        self.view.setAccessibleDescription(text)
        self.empty.setAccessibleDescription(text)
        self.view.setToolTip(text)

    def description(self) -> str:
        return str(self.view.accessibleDescription())

    def show_chart(self, chart: QChart) -> None:
        old = self.view.chart()
        self.view.setChart(chart)
        if old is not None and old is not chart:
            old.deleteLater()
        self._stack.setCurrentWidget(self.view)

    def show_empty(self, text: str) -> None:
        self.empty.setText(text)
        self._stack.setCurrentWidget(self.empty)

    def is_empty(self) -> bool:
        return self._stack.currentWidget() is self.empty
