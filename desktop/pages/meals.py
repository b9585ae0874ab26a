"""The Meals page (SPEC §4): one day's targets in big tiles, fuel timing, and the week's table.

Every number comes from ``core.nutrition``; this page only picks the day and formats.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QItemSelectionModel, QSize, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.app import Change
from core.nutrition import DayTargets
from core.plan import Plan, Session, Week, monday_of
from core.profile import Profile
from core.units import format_water, water_parts
from core.wording import month
from desktop.context import AppContext
from desktop.pages.common import Notice, card, heading, muted, refresh_when_shown, scrolling
from desktop.style import format_minutes, kind_icon, long_day
from desktop.widgets.stat_tile import StatTile, scaled_font
from desktop.widgets.table_models import TargetRow, TargetsModel

TABLE_STYLE = """
QTableView::item { padding: 0px 10px; }
QHeaderView::section {
    padding: 4px 10px; border: none; border-bottom: 1px solid palette(mid);
    background: palette(button); color: palette(button-text); font-weight: 600;
}
"""


def day_title(day: date, today: date) -> str:
    text = f"{long_day(day)} {day.year}"
    return f"Today · {text}" if day == today else text


class MealsPage(QWidget):
    """Calories, macros, water and fuel timing for a day, and the same for its week."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mealsPage")
        self.ctx = ctx
        self._day = ctx.today()
        self._today = ctx.today()
        self.targets: DayTargets | None = None

        self.title = heading("Meals")
        self.day_label = muted()
        self.day_label.setFont(scaled_font(self.day_label.font(), 1.1))
        self.session_icon = QLabel()
        self.session_label = QLabel()
        self.session_label.setWordWrap(True)
        self.session_label.setFont(scaled_font(self.session_label.font(), 1.1, bold=True))
        self.session_label.setAccessibleName("Session that drives the day")
        self.session_hint = muted("The targets follow this session: training adds calories, "
                                  "carbs and water.")
        self.warning = Notice("warning")
        self.warning.setObjectName("mealsWarning")

        self.tiles = {
            "kcal": StatTile("Calories", accent=True),
            "protein": StatTile("Protein"),
            "carbs": StatTile("Carbs"),
            "fat": StatTile("Fat"),
            "water": StatTile("Water"),
            "electrolytes": StatTile("Electrolytes"),
        }
        grid = QGridLayout()
        grid.setSpacing(10)
        for i, tile in enumerate(self.tiles.values()):
            grid.addWidget(tile, i // 3, i % 3)

        fuel_card, fuel_layout = card("Fuel timing")
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.RichText)
        self.notes.setAccessibleName("Fuel timing notes")
        self.water_rule = muted()
        self.water_rule.setObjectName("waterRule")
        self.water_rule.setAccessibleName("Water rule of thumb")
        fuel_layout.addWidget(self.notes)
        fuel_layout.addWidget(self.water_rule)

        week_card, week_layout = card()
        self.week_label = heading("", 1.15)
        self.prev_button = QPushButton("◀ &Previous week")
        self.prev_button.setAccessibleName("Previous week")
        self.today_button = QPushButton("T&oday")
        self.today_button.setAccessibleName("Back to today")
        self.next_button = QPushButton("&Next week ▶")
        self.next_button.setAccessibleName("Next week")
        nav = QHBoxLayout()
        nav.addWidget(self.week_label, 1)
        for b in (self.prev_button, self.today_button, self.next_button):
            nav.addWidget(b)
        self.model = TargetsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Meal targets for the week")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setIconSize(QSize(12, 12))
        self.table.setStyleSheet(TABLE_STYLE)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        week_layout.addLayout(nav)
        week_layout.addWidget(muted("Select a day to see its targets above."))
        week_layout.addWidget(self.table)

        session_row = QHBoxLayout()
        session_row.addWidget(self.session_icon)
        session_text = QVBoxLayout()
        session_text.setSpacing(0)
        session_text.addWidget(self.session_label)
        session_text.addWidget(self.session_hint)
        session_row.addLayout(session_text, 1)
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(24, 20, 24, 20)
        column.setSpacing(12)
        column.addWidget(self.title)
        column.addWidget(self.day_label)
        column.addLayout(session_row)
        column.addWidget(self.warning)
        column.addLayout(grid)
        column.addWidget(fuel_card)
        column.addWidget(week_card)
        column.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scrolling(body))

        self.prev_button.clicked.connect(self._on_prev_clicked)
        self.next_button.clicked.connect(self._on_next_clicked)
        self.today_button.clicked.connect(self._on_today_clicked)
        self.table.selectionModel().currentRowChanged.connect(self._on_row_changed)
        ctx.changed.connect(self._on_ctx_changed)
        ctx.day_changed.connect(self._on_day_changed)
        self.refresh()

    # ----------------------------------------------------------------- public
    def day(self) -> date:
        return self._day

    def show_day(self, day: date) -> None:
        self._day = day
        self.refresh()

    def refresh(self) -> None:
        """Recompute the shown day and its week through core.nutrition."""
        ctx = self.ctx
        self._today = ctx.today()
        profile = ctx.profile()
        plan = ctx.plan()
        session = plan.session_on(self._day)
        self.targets = t = ctx.app.queries.targets(self._day)
        units = profile.units
        self.day_label.setText(day_title(self._day, self._today))
        self._show_session(session, self._day < plan.start or self._day > plan.end)
        self.warning.set_text("\n".join(t.warnings))
        j = t.to_json()
        self.tiles["kcal"].set_value(f"{j['kcal']:,} kcal",
                                     f"Resting energy (BMR) {j['bmr']:,} kcal")
        self.tiles["protein"].set_value(
            f"{j['protein_g']} g", f"{profile.protein_g_per_kg:g} g per kg of body weight")
        self.tiles["carbs"].set_value(f"{j['carbs_g']} g", "The rest of the energy: "
                                      "your main running fuel")
        self.tiles["fat"].set_value(f"{j['fat_g']} g", "A quarter of the calories")
        water, water_ml = water_parts(t.water_ml, units)
        water_detail = f"{water_ml} · rule of thumb" if water_ml else "Rule of thumb — see below"
        self.tiles["water"].set_value(water, water_detail)
        self.tiles["water"].setToolTip(format_water(t.water_ml, units))
        self.tiles["electrolytes"].set_value(
            "Yes" if t.electrolytes else "Not needed",
            "Run of an hour or more, or hot weather" if t.electrolytes
            else "Plain water is enough today")
        if t.notes:
            items = "".join(f"<li>{_escape(n)}</li>" for n in t.notes)
            self.notes.setText(f"<ul style='margin-left:-20px'>{items}</ul>")
        else:
            self.notes.setText("No run today, so no special fuel timing: spread your protein "
                               "over the day's meals.")
        self.water_rule.setText(t.water_rule)
        self._fill_week(profile, plan)

    # ----------------------------------------------------------------- helpers
    def _show_session(self, session: Session | None, outside: bool) -> None:
        kind = session.kind if session is not None else "rest"
        self.session_icon.setPixmap(kind_icon(kind).pixmap(self.fontMetrics().height() * 2))
        if outside:
            text = "Outside your plan's dates: targets for a rest day"
        elif session is None or kind == "rest":
            text = "Rest day drives today's targets" if self._day == self._today \
                else "Rest day"
        else:
            text = f"{session.title} · {format_minutes(session.minutes)}"
        self.session_label.setText(text)

    def _fill_week(self, profile: Profile, plan: Plan) -> None:
        start = monday_of(self._day)
        week = plan.week_of(start)
        if week is None:
            sessions = tuple(s for d in range(7)
                             if (s := plan.session_on(start + timedelta(days=d))) is not None)
            week = Week(index=0, start=start, lighter=False, sessions=sessions)
        targets = self.ctx.app.queries.week_targets(week)
        rows = [TargetRow(t, week.session_on(t.date), profile.units, t.date == self._today)
                for t in targets]
        label = f"Week of {start.day} {month(start)}"
        if week.index:
            label = f"Week {week.index} · {start.day} {month(start, short=True)} – " \
                    f"{week.end.day} {month(week.end, short=True)}" \
                + (" · lighter week" if week.lighter else "")
        self.week_label.setText(label)
        self.model.set_rows(rows)
        row = self.model.row_for(self._day)
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        selection.setCurrentIndex(self.model.index(row, 0),
                                  QItemSelectionModel.SelectionFlag.ClearAndSelect
                                  | QItemSelectionModel.SelectionFlag.Rows)
        selection.blockSignals(False)
        rows_height = sum(self.table.rowHeight(i) for i in range(self.model.rowCount()))
        self.table.setFixedHeight(rows_height + self.table.horizontalHeader().height()
                                  + 2 * self.table.frameWidth())

    # ----------------------------------------------------------------- slots
    @Slot()
    def _on_prev_clicked(self) -> None:
        self.show_day(self._day - timedelta(days=7))

    @Slot()
    def _on_next_clicked(self) -> None:
        self.show_day(self._day + timedelta(days=7))

    @Slot()
    def _on_today_clicked(self) -> None:
        self.show_day(self.ctx.today())

    @Slot()
    def _on_row_changed(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            row: TargetRow = self.model.row_object(index.row())
            if row.targets.date != self._day:
                self.show_day(row.targets.date)

    @Slot(object)
    def _on_day_changed(self, ended: date) -> None:
        """Showing the day that has just ended: move on to the new today."""
        self.show_day(self.ctx.today() if self._day == ended else self._day)

    @Slot(object, object)
    def _on_ctx_changed(self, change: Change | None, initiator: object) -> None:
        first = monday_of(self._day)
        if change is None or change.touches(first, first + timedelta(days=6)):
            refresh_when_shown(self, self.refresh)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

