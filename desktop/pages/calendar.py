"""The calendar page: the plan by week or by month, with the chosen day in detail.

Drag a session to another day of its week; the week is then checked and every broken rule
is shown in words above the grid (the move is kept: the runner decides). Adaptation offers
appear on their day with Accept / Dismiss.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QSettings, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication, QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QLabel,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from core.app import Change
from core.plan import Week, monday_of
from core.wording import month, weekday
from desktop.context import AppContext
from desktop.models.days import DaysModel
from desktop.pages import calendar_data as data
from desktop.pages.calendar_banners import (
    CalendarHeader,
    MessageBanner,
    OfferBanner,
    WarningBanner,
    day_banners,
)
from desktop.pages.calendar_view import DayGrid, page_actions
from desktop.undo import AcceptOfferCommand, MoveSessionCommand, push
from desktop.widgets.panel import make_muted
from desktop.widgets.session_detail import SessionDetail

MODE_KEY = "calendar/mode"


class CalendarPage(QWidget):
    """Week (default) and month views of the plan; the selected day's SessionDetail."""

    guide_requested = Signal(str)  # forwarded from the session's "why" link

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("calendarPage")
        self.setAccessibleName("Calendar")
        saved = QSettings().value(MODE_KEY, "week", str)
        self.mode = saved if saved in ("week", "month") else "week"
        plan_start = ctx.plan().start
        # Before the plan begins, open on its first week: that is what the runner came to see.
        self._selected = max(ctx.today(), plan_start)
        self._anchor = self._selected
        self._dirty = True
        self._arranged = False
        self._banner_widgets: list[QWidget] = []

        self.header = CalendarHeader()
        h = self.header
        self.title, self.summary = h.title, h.summary
        self.prev_button, self.today_button, self.next_button = (h.prev_button, h.today_button,
                                                                 h.next_button)
        self.week_button, self.month_button = h.week_button, h.month_button

        self.message = MessageBanner()
        self.banners = QVBoxLayout()
        self.banners.setSpacing(4)
        self.model = DaysModel(self)
        self.grid = DayGrid()
        self.grid.setModel(self.model)
        self.grid.set_mode(self.mode)
        self.detail = SessionDetail(ctx)
        self.detail.guide_requested.connect(self.guide_requested)
        scroll = QScrollArea()
        scroll.setObjectName("detailScroll")
        scroll.setWidget(self.detail)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setMinimumWidth(self.fontMetrics().averageCharWidth() * 36)
        scroll.setMinimumHeight(self.fontMetrics().height() * 5)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.grid)
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        hint = QLabel("Drag a session onto another day (this week or the next), or press "
                      "Ctrl+Shift+←/→, "
                      "to move it · arrows move between days · Alt+←/→ change week · "
                      "W/M week or month · Ctrl+Z undo")
        hint.setObjectName("muted")
        make_muted(hint)
        hint.setWordWrap(True)
        self.hint = hint
        # On a short screen (a laptop at 200 %) the days matter more than the key hints,
        # which stay in the Edit menu and the tooltips.
        screen = QGuiApplication.primaryScreen()
        hint.setVisible(screen is None or screen.availableGeometry().height()
                        > self.fontMetrics().height() * 30)

        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.message)
        layout.addLayout(self.banners)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(hint)

        self.prev_button.clicked.connect(self.go_previous)
        self.next_button.clicked.connect(self.go_next)
        self.today_button.clicked.connect(self.go_today)
        self.week_button.clicked.connect(lambda: self.set_mode("week"))
        self.month_button.clicked.connect(lambda: self.set_mode("month"))
        self.grid.selectionModel().currentChanged.connect(self._on_grid_current_changed)
        self.grid.date_requested.connect(self.show_date)
        self.grid.day_activated.connect(self._on_grid_day_activated)
        self.grid.move_refused.connect(self.message.show_text)
        self.model.session_dropped.connect(self.move_session)
        ctx.changed.connect(self._on_ctx_changed)
        ctx.day_changed.connect(self._on_day_changed)
        keys = (("Previous week or month", ("Alt+Left", "Ctrl+PgUp"), self.go_previous),
                ("Next week or month", ("Alt+Right", "Ctrl+PgDown"), self.go_next),
                ("Go to today", ("Ctrl+T",), self.go_today),
                ("Show one week", ("W",), lambda: self.set_mode("week")),
                ("Show the whole month", ("M",), lambda: self.set_mode("month")),
                ("Move session to previous day", ("Ctrl+Shift+Left",),
                 lambda: self.move_selected(-1)),
                ("Move session to next day", ("Ctrl+Shift+Right",),
                 lambda: self.move_selected(1)))
        self.shortcuts = page_actions(self, keys)
        self.move_actions = self.shortcuts[-2:]
        self.grid.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.grid.addActions(self.move_actions)
        self.refresh()

    # --- state ---------------------------------------------------------------------------
    def selected_date(self) -> date:
        return self._selected

    def shown_range(self) -> tuple[date, date]:
        """First and last day on screen."""
        first, count = data.shown_range(self.mode, self._anchor)
        return first, first + timedelta(days=count - 1)

    def selected_week(self) -> Week:
        """The plan week holding the selected day (the plan's first or last week outside it)."""
        return self.ctx.plan().current_week(self._selected)

    def warnings(self) -> list[str]:
        """The warning texts now on screen."""
        return [text for w in self._banner_widgets if isinstance(w, WarningBanner)
                for text in w.warnings]

    def offer_banners(self) -> list[OfferBanner]:
        return [w for w in self._banner_widgets if isinstance(w, OfferBanner)]

    # --- navigation ----------------------------------------------------------------------
    @Slot()
    def go_previous(self) -> None:
        self._step(-1)

    @Slot()
    def go_next(self) -> None:
        self._step(1)

    def _step(self, direction: int) -> None:
        if self.mode == "week":
            self._anchor = self._selected = self._selected + timedelta(days=7 * direction)
        else:
            self._anchor = data.add_months(data.month_start(self._anchor), direction)
            self._selected = data.add_months(self._selected, direction)
            if self._selected.month != self._anchor.month:
                self._selected = self._anchor
        self.refresh()

    @Slot()
    def go_today(self) -> None:
        self._anchor = self._selected = self.ctx.today()
        self.refresh()

    def set_mode(self, mode: str) -> None:
        """Switch between "week" and "month", keeping the selected day."""
        if mode not in ("week", "month"):
            raise ValueError(f"mode must be week or month, got {mode}")
        self.mode = mode
        self._anchor = self._selected
        QSettings().setValue(MODE_KEY, mode)
        self.grid.set_mode(mode)
        self.refresh()

    @Slot(object)
    def show_date(self, day: date) -> None:
        """Select ``day``, turning the week or month when it is not on screen."""
        first, last = self.shown_range()
        self._selected = day
        if not first <= day <= last:
            self._anchor = day
        self.refresh()

    # --- edits ---------------------------------------------------------------------------
    @Slot(object, object)
    def move_session(self, src: date, dst: date) -> None:
        """Move the session on ``src`` to ``dst`` (its week or the next one) through the undo
        stack; a move across weeks names what each week now breaks."""
        try:
            push(self.ctx, MoveSessionCommand(self.ctx, src, dst), self)
        except ValueError as exc:
            self.message.show_text(f"Could not move the session: {exc}")
            return
        self.message.hide()
        self._selected = dst
        self.refresh()
        if monday_of(src) != monday_of(dst):
            text = data.moved_weeks_text(self.ctx, src, dst)
            if text:
                self.message.show_text(text)

    def move_selected(self, step: int) -> None:
        """Keyboard move: swap the selected day's session with the day before or after (also
        across the weekend into the next or previous week)."""
        src = self._selected
        dst = src + timedelta(days=step)
        plan = self.ctx.plan()
        if plan.session_on(src) is None:
            self.message.show_text("There is no session on this day to move.")
        elif plan.session_on(dst) is None:
            edge = "first" if step < 0 else "last"
            self.message.show_text(f"{weekday(src)} {src.day} {month(src)} is the {edge} day "
                                   "of your plan: there is no day to move the session to.")
        else:
            self.move_session(src, dst)

    def accept_offer(self, offer: Any) -> None:
        try:
            push(self.ctx, AcceptOfferCommand(self.ctx, offer))
        except ValueError as exc:
            self.message.show_text(f"Could not change the session: {exc}")

    def dismiss_offer(self, offer: Any) -> None:
        try:
            self.ctx.apply(self.ctx.app.ops.dismiss_offer(offer.date))
        except ValueError as exc:
            self.message.show_text(str(exc))

    # --- drawing -------------------------------------------------------------------------
    def refresh(self) -> None:
        """Rebuild what is on screen from the store."""
        self._dirty = False
        self.week_button.setChecked(self.mode == "week")
        self.month_button.setChecked(self.mode == "month")
        days = data.build_days(self.ctx, self.mode, self._anchor)
        self.model.update_days(days)
        self.grid.set_mode(self.mode)
        self._arrange()
        self._update_titles(days)
        self._update_banners(days)
        self.grid.select_date(self._selected)
        self.detail.show_day(self._selected)

    def _arrange(self) -> None:
        """Week: grid above the detail (a little over half). Month: grid beside it (60 %)."""
        orientation = (Qt.Orientation.Vertical if self.mode == "week"
                       else Qt.Orientation.Horizontal)
        if self.splitter.orientation() == orientation and self._arranged:
            return
        self._arranged = True
        self.splitter.setOrientation(orientation)
        total = (self.splitter.height() if self.mode == "week" else self.splitter.width())
        total = max(total, 1000)
        share = 11 / 20 if self.mode == "week" else 3 / 5
        self.splitter.setSizes([round(total * share), round(total * (1 - share))])

    def _update_titles(self, days: list[Any]) -> None:
        self.title.setText(data.range_title(self.mode, self._anchor, days))
        self.summary.setText(data.week_summary(self.ctx.plan(), self._selected, days))

    def _update_banners(self, days: list[Any]) -> None:
        for widget in self._banner_widgets:
            self.banners.removeWidget(widget)
            widget.deleteLater()
        self._banner_widgets = day_banners(self.ctx.plan().week_of(self._selected),
                                           data.week_warnings, self.ctx, days,
                                           self.accept_offer, self.dismiss_offer)
        for widget in self._banner_widgets:
            self.banners.addWidget(widget)

    # --- slots ---------------------------------------------------------------------------
    @Slot(object, object)
    def _on_grid_current_changed(self, current: Any, previous: Any) -> None:
        day = current.data(DaysModel.DateRole) if current.isValid() else None
        if isinstance(day, date) and day != self._selected:
            old_week = monday_of(self._selected)
            self._selected = day
            self.detail.show_day(day)
            if monday_of(day) != old_week:
                self._update_titles(self.model.days())
                self._update_banners(self.model.days())

    @Slot(object)
    def _on_grid_day_activated(self, day: date) -> None:
        self.show_date(day)
        self.detail.focus_controls()

    @Slot(object)
    def _on_day_changed(self, ended: date) -> None:
        """Move the highlight to the new today; follow it into the next week or month when
        the day that ended was selected and on screen."""
        today = self.ctx.today()
        if self._selected == ended:
            first, last = self.shown_range()
            self._selected = today
            if first <= ended <= last and not first <= today <= last:
                self._anchor = today
        self._on_ctx_changed(None, None)

    @Slot(object, object)
    def _on_ctx_changed(self, change: Change | None, initiator: object) -> None:
        if initiator is self:  # its own move: it refreshes once, with the new selection
            return
        first, count = data.shown_range(self.mode, self._anchor)
        if change is not None and not change.touches(first, first + timedelta(days=count)):
            return
        if self.isVisible():
            self.refresh()
        else:
            self._dirty = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        for action in self.shortcuts:  # window-wide keys, but only while the calendar shows
            action.setEnabled(True)
        if self._dirty:
            self.refresh()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        for action in self.shortcuts:
            action.setEnabled(False)
