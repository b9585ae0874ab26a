"""One day's session in full: what to do, why, how to fuel it, and Done / Skipped controls.

Used by the calendar and the Today page. Marks go through the undo stack, so Edit → Undo
puts back whatever was there before.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from html import escape

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.activities.display import effort_facts
from core.app import Change
from core.checkin import Outcome
from core.plan import Session
from core.wording import weekday
from desktop.context import AppContext
from desktop.guide import anchor_for
from desktop.models.exercises import ExercisesModel, structure_lines
from desktop.pages.common import refresh_when_shown
from desktop.style import format_minutes, kind_icon, kind_label, long_day, set_title
from desktop.undo import MarkOutcomeCommand, SetMinutesCommand, push
from desktop.widgets.outcome_controls import OutcomeControls
from desktop.widgets.panel import Panel, make_muted


def _bullets(lines: list[str] | tuple[str, ...]) -> str:
    return "".join(f"• {escape(line)}<br>" for line in lines).removesuffix("<br>")


def details_lines(session: Session) -> list[str]:
    """Intervals and repeats in words (exercises have their own table)."""
    lines = []
    intervals = session.details.get("intervals")
    if isinstance(intervals, dict):
        lines.append(f"{intervals.get('rounds', '?')} rounds: {intervals.get('work_s', '?')} s "
                     f"hard, {intervals.get('recovery_s', '?')} s walk or easy jog")
    if "repeats" in session.details:
        lines.append(f"{session.details['repeats']} hill repeats")
    return lines


def outcome_text(outcome: Outcome | None, units: str = "metric") -> str:
    """The mark of a day in words: "Done · 42 min · effort 6/10", and for an imported
    activity "Done · 45 min · 8.12 km · 5:33 /km · 148 bpm · from run.fit"."""
    if outcome is None:
        return "Not marked yet"
    parts = ["Done ✓" if outcome.status == "done" else "Skipped"]
    if outcome.minutes is not None and outcome.status == "done":
        parts.append(format_minutes(outcome.minutes))
        parts.extend(effort_facts(outcome.minutes, outcome.distance_km, outcome.avg_hr,
                                  units))
    if outcome.rpe is not None:
        parts.append(f"effort {outcome.rpe}/10")
    if outcome.source:
        parts.append(f"from {outcome.source}")
    return " · ".join(parts)


class ExercisesTable(QTableView):
    """Sets × reps, every row tall enough for its whole exercise name (a narrow column wraps
    "Standing calf raise … (straight knee, slow lowering)" instead of cutting the cue off),
    and the table exactly as tall as its rows: the panel scrolls, not the table."""

    def fit_height(self) -> None:
        rows = self.model().rowCount() if self.model() is not None else 0
        header = self.horizontalHeader().sizeHint().height()
        self.setFixedHeight(header + sum(self.rowHeight(r) for r in range(rows)) + 4)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.resizeRowsToContents()
            self.fit_height()


class SessionDetail(Panel):
    """Shows the session planned for one day; ``show_day(day)`` picks the day."""

    guide_requested = Signal(str)  # a guide anchor; the window opens the guide there

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, border=Panel.Role.Mid, radius=8)
        self.ctx = ctx
        self._day: date | None = None
        self._session: Session | None = None
        self.setObjectName("sessionDetail")
        self.setAccessibleName("Session details")

        self.icon = QLabel()
        self.icon.setAccessibleName("Session kind")
        self.title = QLabel()
        self.title.setObjectName("sessionTitle")
        self.title.setWordWrap(True)
        set_title(self.title, 1.35)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("muted")
        make_muted(self.subtitle)
        self.subtitle.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("sessionStatus")
        self.status.setAccessibleName("Session status")
        self.status.setWordWrap(True)  # an import adds distance, pace, heart rate and files
        head_text = QVBoxLayout()
        head_text.setSpacing(2)
        head_text.addWidget(self.title)
        head_text.addWidget(self.subtitle)
        head_text.addWidget(self.status)
        head = QHBoxLayout()
        head.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        head.addLayout(head_text, 1)

        self.why = self._text("Why", "sessionWhy")
        self.why.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.why.setStyleSheet("QLabel:focus { border: 1px solid palette(highlight); "
                               "border-radius: 3px; }")
        self.why.linkActivated.connect(self._on_why_link_activated)
        self.structure = self._text("What to do", "sessionStructure")
        self.exercises_model = ExercisesModel(self)
        self.exercises = ExercisesTable()
        self.exercises.setObjectName("exercises")
        self.exercises.setAccessibleName("Exercises, sets and reps")
        self.exercises.setModel(self.exercises_model)
        self.exercises.verticalHeader().hide()
        self.exercises.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.exercises.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.exercises.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.exercises.setAlternatingRowColors(True)
        row = self.fontMetrics().height() + 8
        self.exercises.verticalHeader().setDefaultSectionSize(row)
        self.exercises.verticalHeader().setMinimumSectionSize(row)
        self.exercises.setWordWrap(True)
        self.exercises.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.exercises.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.exercises.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.fuel = self._text("Fuel", "sessionFuel")

        self.controls = OutcomeControls()
        c = self.controls
        self.actual_minutes, self.rpe, self.planned_minutes = (c.actual_minutes, c.rpe,
                                                               c.planned_minutes)
        self.done_button, self.skip_button, self.clear_button, self.set_planned = (
            c.done_button, c.skip_button, c.clear_button, c.set_planned)
        self.error = QLabel()
        self.error.setObjectName("sessionError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #C62828;")
        self.error.hide()

        left = QVBoxLayout()
        left.setAlignment(Qt.AlignmentFlag.AlignTop)
        # The sets × reps table first: it is what a runner looks up mid-session.
        for widget in (self.exercises, self.structure, self.why):
            left.addWidget(widget)
        right = QVBoxLayout()
        right.setAlignment(Qt.AlignmentFlag.AlignTop)
        right.addWidget(self.fuel)
        right.addWidget(self.controls)
        right.addWidget(self.error)
        self.body = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.body.addLayout(left, 3)
        self.body.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addLayout(self.body)
        layout.addStretch(1)

        self.done_button.clicked.connect(self._on_done_clicked)
        self.skip_button.clicked.connect(self._on_skip_clicked)
        self.clear_button.clicked.connect(self._on_clear_clicked)
        self.set_planned.clicked.connect(self._on_set_planned_clicked)
        ctx.changed.connect(self._on_ctx_changed)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Side by side when there is room (the calendar), stacked when narrow (Today)."""
        super().resizeEvent(event)
        wide = event.size().width() > self.fontMetrics().averageCharWidth() * 110
        direction = (QBoxLayout.Direction.LeftToRight if wide
                     else QBoxLayout.Direction.TopToBottom)
        if self.body.direction() != direction:
            self.body.setDirection(direction)
            self.body.setSpacing(self.fontMetrics().averageCharWidth() * (3 if wide else 1))

    def _text(self, name: str, object_name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(object_name)
        label.setAccessibleName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    # --- public --------------------------------------------------------------------------
    def day(self) -> date | None:
        return self._day

    def session(self) -> Session | None:
        return self._session

    def show_day(self, day: date) -> None:
        """Show ``day``'s session and its mark."""
        self._day = day
        self.error.hide()
        self.refresh()

    def refresh(self) -> None:
        day = self._day
        if day is None:
            return
        plan = self.ctx.plan()
        session = plan.session_on(day)
        self._session = session
        outcome = self.ctx.app.queries.outcome(day)
        if session is None:
            self._show_empty(day)
            return
        self.icon.setPixmap(kind_icon(session.kind).pixmap(self._icon_px()))
        self.icon.setToolTip(kind_label(session.kind))
        self.title.setText(session.title)
        bits = [long_day(day), kind_label(session.kind)]
        if session.minutes:
            bits.insert(1, format_minutes(session.minutes))
        if session.hard:
            bits.append("hard day")
        if session.edited:
            bits.append("changed by you")
        week = plan.week_of(day)
        if week is not None and week.lighter:
            bits.append("lighter week")
        self.subtitle.setText(" · ".join(bits))
        units = self.ctx.profile().units
        self.status.setText(outcome_text(outcome, units) if session.kind != "rest" else "")
        self.status.setVisible(session.kind != "rest")
        anchor = anchor_for(session.kind)
        self.why.setText(f"{escape(session.why)} <a href=\"guide:{anchor}\">Why this works</a>")
        self.why.show()
        # The main set already says rounds and repeats: the plain summary only stands in
        # for a session stored without its structure.
        lines = structure_lines(session) or details_lines(session)
        if session.foam_roll and not any("foam roll" in x.lower() for x in lines):
            lines.append("Foam roll quads, glutes, hamstrings and calves afterwards")
        self.structure.setText(_bullets(lines))
        self.structure.setVisible(bool(lines))
        self.exercises_model.set_session(session)
        rows = self.exercises_model.rowCount()
        self.exercises.setVisible(rows > 0)
        if rows:
            self.exercises.resizeRowsToContents()
            self.exercises.fit_height()
        notes = self.ctx.app.queries.targets(day).notes
        self.fuel.setText("<b>Fuel</b><br>" + _bullets(notes) if notes else "")
        self.fuel.setVisible(bool(notes))
        trainable = session.kind != "rest"
        self.controls.setVisible(trainable)
        self.planned_minutes.setValue(session.minutes)
        self.actual_minutes.setValue(
            outcome.minutes if outcome is not None and outcome.minutes is not None
            else session.minutes)
        self.rpe.setValue(outcome.rpe if outcome is not None and outcome.rpe is not None else 0)
        self.clear_button.setEnabled(outcome is not None)
        future = day > self.ctx.today()
        why = "" if not future else f"{weekday(day)} has not come yet: mark it on the day or after."
        for button in (self.done_button, self.skip_button):
            button.setEnabled(not future)
            button.setToolTip(why)

    def _icon_px(self) -> int:
        return self.fontMetrics().height() * 2 + 4

    def _show_empty(self, day: date) -> None:
        self.icon.clear()
        self.title.setText(long_day(day))
        plan = self.ctx.plan()
        if day < plan.start:
            where = (f"No session: a free day before your plan starts on "
                     f"{long_day(plan.start)}.")
        elif day > plan.end:
            where = f"No session: your plan ended on {long_day(plan.end)}."
        else:
            where = "This day is outside your plan."
        self.subtitle.setText(where)
        for widget in (self.status, self.why, self.structure, self.exercises, self.fuel,
                       self.controls):
            widget.hide()

    def focus_controls(self) -> None:
        """Move keyboard focus into the detail (Enter on a calendar day)."""
        if not self.controls.isVisible():
            target: QWidget = self
        elif self.done_button.isEnabled():
            target = self.done_button
        else:  # a day still to come: its planned minutes are what can change
            target = self.planned_minutes
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- slots ---------------------------------------------------------------------------
    def _mark(self, outcome: Outcome | None) -> None:
        if self._day is None or (outcome is not None and self._day > self.ctx.today()):
            return
        try:
            push(self.ctx, MarkOutcomeCommand(self.ctx, self._day, outcome))
        except ValueError as exc:
            self.error.setText(str(exc))
            self.error.show()
        else:
            self.error.hide()

    @Slot()
    def _on_done_clicked(self) -> None:
        if self._day is not None:
            rpe = self.rpe.value() or None
            marked = Outcome(self._day, "done", self.actual_minutes.value(), rpe)
            before = self.ctx.app.queries.outcome(self._day)
            if before is not None and before.status == "done" and before.source:
                # an imported session keeps its distance, heart rate and file names
                marked = replace(before, minutes=marked.minutes, rpe=rpe)
            self._mark(marked)

    @Slot()
    def _on_skip_clicked(self) -> None:
        if self._day is not None:
            self._mark(Outcome(self._day, "skipped", None, None))

    @Slot()
    def _on_clear_clicked(self) -> None:
        # Clear turns itself off, and Qt would pass focus on to "Planned time" with its text
        # selected, where a stray key rewrites the plan: keep focus on the mark buttons.
        had_focus = self.clear_button.hasFocus()
        self._mark(None)
        if had_focus and not self.clear_button.isEnabled():
            target = next((b for b in (self.done_button, self.skip_button)
                           if b.isVisible() and b.isEnabled()), self)
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def _on_set_planned_clicked(self) -> None:
        if self._day is None:
            return
        try:
            push(self.ctx, SetMinutesCommand(self.ctx, self._day, self.planned_minutes.value()))
        except ValueError as exc:
            self.error.setText(str(exc))
            self.error.show()

    @Slot(str)
    def _on_why_link_activated(self, link: str) -> None:
        self.guide_requested.emit(link.removeprefix("guide:"))

    @Slot(object, object)
    def _on_ctx_changed(self, change: Change | None, initiator: object) -> None:
        if isinstance(initiator, QWidget) and initiator.isAncestorOf(self):
            return  # the page that wrote refreshes what it holds
        if self._day is None:
            return
        if change is None or change.touches(self._day, self._day):
            refresh_when_shown(self, self.refresh)
