"""The Recovery page (SPEC §5): the daily checklist, sleep and foam-rolling numbers and charts.

The numbers and series come from ``core.recovery``; the page reads the check-ins from the
store and draws what core returns.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.app import Change
from core.checkin import CheckIn
from core.plan import monday_of
from core.recovery import (
    foam_roll_sessions_per_week,
    foam_roll_streak,
    foam_roll_weekly,
    nights_in_range,
    sleep_average,
    sleep_series,
    sleep_target,
)
from core.wording import month
from desktop.context import AppContext
from desktop.pages.common import card, heading, muted, refresh_when_shown, scrolling
from desktop.widgets.charts import GOOD, ChartPanel, bar_chart, sleep_chart
from desktop.widgets.checklist import ChecklistWidget
from desktop.widgets.stat_tile import StatTile

RANGES = ((4, "Last 4 weeks"), (8, "Last 8 weeks"), (12, "Last 12 weeks"))
STREAK_PAGE_DAYS = 91  # how much further back to read while a streak reaches the window's start


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _to_date(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class RecoveryPage(QWidget):
    """Tick today's (or a past day's) checklist; see sleep and foam-rolling trends."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryPage")
        self.ctx = ctx

        self.checklist = ChecklistWidget(ctx)
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("ddd d MMM yyyy")
        self.date_edit.setAccessibleName("Day to fill in")
        date_label = QLabel("&Day")
        date_label.setBuddy(self.date_edit)
        self.prev_day = QToolButton()
        self.prev_day.setArrowType(Qt.ArrowType.LeftArrow)
        self.prev_day.setAccessibleName("Previous day")
        self.prev_day.setToolTip("Previous day (Alt+Left)")
        self.next_day = QToolButton()
        self.next_day.setArrowType(Qt.ArrowType.RightArrow)
        self.next_day.setAccessibleName("Next day")
        self.next_day.setToolTip("Next day (Alt+Right)")
        self.today_button = QPushButton("T&oday")
        self.today_button.setAccessibleName("Back to today")
        self.prev_day.setShortcut("Alt+Left")
        self.next_day.setShortcut("Alt+Right")
        picker = QHBoxLayout()
        picker.addWidget(date_label)
        picker.addWidget(self.prev_day)
        picker.addWidget(self.date_edit)
        picker.addWidget(self.next_day)
        picker.addWidget(self.today_button)
        picker.addStretch(1)

        check_card, check_layout = card("Daily checklist")
        check_layout.addLayout(picker)
        check_layout.addWidget(self.checklist)
        check_layout.addStretch(1)

        self.tiles = {
            "average": StatTile("Sleep · 7-day average", accent=True),
            "nights": StatTile("Nights on target"),
            "week_rolls": StatTile("Foam rolling this week"),
            "streak": StatTile("Foam-rolling streak"),
        }
        tiles = QHBoxLayout()
        tiles.setSpacing(10)
        for tile in self.tiles.values():
            tiles.addWidget(tile)

        charts_card, charts_layout = card()
        self.range_box = QComboBox()
        for weeks, text in RANGES:
            self.range_box.addItem(text, weeks)
        self.range_box.setCurrentIndex(0)
        self.range_box.setAccessibleName("Chart range")
        range_label = QLabel("Chart &range")
        range_label.setBuddy(self.range_box)
        head = QHBoxLayout()
        head.addWidget(heading("Trends", 1.15), 1)
        head.addWidget(range_label)
        head.addWidget(self.range_box)
        self.sleep_panel = ChartPanel("Sleep hours per night, with the target band")
        self.roll_panel = ChartPanel("Foam-rolling days per week")
        charts_layout.addLayout(head)
        charts_layout.addWidget(self.sleep_panel, 1)  # equal shares of any spare height
        charts_layout.addWidget(self.roll_panel, 1)

        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(24, 20, 24, 20)
        column.setSpacing(12)
        column.addWidget(heading("Recovery"))
        column.addWidget(muted("Sleep, stretching and foam rolling are where the training "
                               "turns into fitness. Tick things off as you go; it saves "
                               "straight away."))
        column.addLayout(tiles)
        columns = QHBoxLayout()
        columns.setSpacing(14)
        columns.addWidget(check_card, 2)
        columns.addWidget(charts_card, 3)
        column.addLayout(columns)
        column.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scrolling(body))
        QWidget.setTabOrder(self.today_button, self.checklist.sleep)
        today = ctx.today()
        self.date_edit.setMaximumDate(QDate(today.year, today.month, today.day))
        self.date_edit.setDate(QDate(today.year, today.month, today.day))

        self.date_edit.dateChanged.connect(self._on_date_changed)
        self.prev_day.clicked.connect(self._on_prev_clicked)
        self.next_day.clicked.connect(self._on_next_clicked)
        self.today_button.clicked.connect(self._on_today_clicked)
        self.range_box.currentIndexChanged.connect(self._on_range_changed)
        ctx.changed.connect(self._on_ctx_changed)
        ctx.day_changed.connect(self._on_day_changed)
        self.refresh()

    # ----------------------------------------------------------------- public
    def selected_day(self) -> date:
        return _to_date(self.date_edit.date())

    def set_day(self, day: date) -> None:
        """Fill in ``day`` (not after today)."""
        self.date_edit.setDate(QDate(day.year, day.month, day.day))

    def refresh(self) -> None:
        today = self.ctx.today()
        self.date_edit.blockSignals(True)
        self.date_edit.setMaximumDate(QDate(today.year, today.month, today.day))
        self.date_edit.blockSignals(False)
        self.next_day.setEnabled(self.selected_day() < today)
        self.checklist.set_day(self.selected_day())
        self.refresh_stats()

    def refresh_stats(self) -> None:
        """Tiles and charts from the stored check-ins."""
        ctx = self.ctx
        today = ctx.today()
        first = self._window_start(today)
        checkins = ctx.app.queries.checkins(first, today)
        lo, hi = sleep_target(ctx.profile().age_on(today))
        band = f"{lo:g}–{hi:g} h"
        average = sleep_average(checkins, today, 7)
        logged = sum(1 for c in checkins
                     if c.sleep_hours is not None and (today - c.date).days < 7)
        if average is None:
            self.tiles["average"].set_value("—", "No nights logged in the last 7 days")
        else:
            self.tiles["average"].set_value(
                f"{average:.1f} h", f"{_plural(logged, 'night')} logged · target {band}")
        on_target = nights_in_range(checkins, today, 7, lo, hi)
        self.tiles["nights"].set_caption(f"Nights in {band}")
        self.tiles["nights"].set_value(f"{on_target} of {logged}" if logged else "—",
                                       "Last 7 days")
        week = foam_roll_sessions_per_week(checkins, monday_of(today))
        self.tiles["week_rolls"].set_value(_plural(week, "session"), "Since Monday")
        streak = self._streak(checkins, first, today)
        self.tiles["streak"].set_value(
            _plural(streak, "day"),
            "Keep it going today" if streak else "Roll today to start one")
        self._draw_charts(checkins, today, (lo, hi))

    # ----------------------------------------------------------------- helpers
    def _weeks(self) -> int:
        return int(self.range_box.currentData())

    def _window_start(self, today: date) -> date:
        """The first day the tiles and charts show: only those check-ins are read, so a long
        history costs no more than an empty one."""
        weeks = self._weeks()
        return min(today - timedelta(days=7 * weeks - 1),
                   monday_of(today) - timedelta(days=7 * (weeks - 1)))

    def _streak(self, checkins: list[CheckIn], first: date, today: date) -> int:
        """The foam-rolling streak; reads further back only while it runs past ``first``."""
        streak = foam_roll_streak(checkins, today)
        while streak and today - timedelta(days=streak) <= first:  # it may go on before first
            older = self.ctx.app.queries.checkins(first - timedelta(days=STREAK_PAGE_DAYS),
                                           first - timedelta(days=1))
            if not older:
                break
            first -= timedelta(days=STREAK_PAGE_DAYS)
            checkins = older + checkins
            longer = foam_roll_streak(checkins, today)
            if longer == streak:
                break
            streak = longer
        return streak

    def _draw_charts(self, checkins: list[CheckIn], today: date, band: tuple[float, float]) -> None:
        weeks = self._weeks()
        nights = sleep_series(checkins, today - timedelta(days=7 * weeks - 1), today)
        pal = self.palette()
        if any(h is not None for _, h in nights):
            self.sleep_panel.show_chart(sleep_chart(pal, nights, band, title="Sleep per night"))
        else:
            self.sleep_panel.show_empty("No sleep logged in this range yet. Log last night in "
                                        "the checklist and the chart starts here.")
        first = monday_of(today) - timedelta(days=7 * (weeks - 1))
        per_week = foam_roll_weekly(checkins, first, weeks)
        if any(n for _, n in per_week):
            labels = [f"{d.day} {month(d, short=True)}" for d, _ in per_week]
            self.roll_panel.show_chart(bar_chart(
                pal, labels, [("Foam-rolling days", [n for _, n in per_week], GOOD)],
                y_max=7, title="Foam-rolling days per week",
                legend=True))  # a legend as the sleep chart has: both plots get one height
        else:
            self.roll_panel.show_empty("No foam rolling logged in this range yet.")

    # ----------------------------------------------------------------- slots
    @Slot()
    def _on_date_changed(self) -> None:
        self.next_day.setEnabled(self.selected_day() < self.ctx.today())
        self.checklist.set_day(self.selected_day())

    @Slot()
    def _on_prev_clicked(self) -> None:
        self.set_day(self.selected_day() - timedelta(days=1))

    @Slot()
    def _on_next_clicked(self) -> None:
        self.set_day(min(self.ctx.today(), self.selected_day() + timedelta(days=1)))

    @Slot()
    def _on_today_clicked(self) -> None:
        self.set_day(self.ctx.today())

    @Slot()
    def _on_range_changed(self) -> None:
        self.refresh_stats()

    @Slot(object)
    def _on_day_changed(self, ended: date) -> None:
        """Ticking "today" after midnight must fill in the new day, not the one that ended."""
        today = self.ctx.today()
        self.date_edit.blockSignals(True)
        self.date_edit.setMaximumDate(QDate(today.year, today.month, today.day))
        if self.selected_day() == ended:
            self.set_day(today)
        self.date_edit.blockSignals(False)
        self.refresh()

    @Slot(object, object)
    def _on_ctx_changed(self, change: Change | None, initiator: object) -> None:
        if change is not None and not (change.days or change.everything or change.profile):
            return  # a moved session or new minutes: no check-in changed
        # The checklist refreshes itself; the stats read every check-in.
        refresh_when_shown(self, self.refresh_stats)
