"""One day's recovery checklist (SPEC §5) that saves as it is ticked.

Labels and which items apply come from ``core.recovery.checklist``; each edit writes the
whole check-in through ``app.ops.check_in`` and announces it with ``ctx.apply``.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from core.app import Change
from core.checkin import CheckIn
from core.plan import FOAM_ROLL_AREAS
from core.profile import WEIGHT_RANGE
from core.recovery import Checklist, checklist
from core.units import kg_to_lb, lb_range, lb_to_kg, weight_unit
from desktop.context import AppContext
from desktop.pages.common import refresh_when_shown
from desktop.style import long_day
from desktop.undo import SaveCheckinCommand, push
from desktop.widgets.measures import MeasureFields
from desktop.widgets.stat_tile import scaled_font

NOT_LOGGED = "Not logged"
QUALITY_TEXT = ("Not rated", "1 · poor", "2 · restless", "3 · okay", "4 · good", "5 · great")
# Mnemonic letters, chosen so no two controls of the widget share one.
MNEMONIC = {"warmup": "w", "stretch": "t", "water": "m", "foam_roll_quads": "u",
            "foam_roll_glutes": "g", "foam_roll_hamstrings": "h", "foam_roll_calves": "c"}
LEFT = Qt.AlignmentFlag.AlignLeft
NOT_TODAY_TIP = "Optional today: tick it if you did it."
NO_RUN_TIP = "No run today: warm-up and stretching go with a run."
RUN_ONLY = ("warmup", "stretch")
SLEEP_STEP = 0.5


def with_mnemonic(text: str, letter: str) -> str:
    """``text`` with ``&`` before the first ``letter`` (any case); existing ``&`` escaped."""
    text = text.replace("&", "&&")
    i = text.lower().find(letter.lower())
    return text if i < 0 else text[:i] + "&" + text[i:]


def _day_text(day: date, today: date) -> str:
    text = long_day(day)
    if day == today:
        return f"Today, {text}"
    if (today - day).days == 1:
        return f"Yesterday, {text}"
    return text


class OptionalSpin(QDoubleSpinBox):
    """A spin box whose minimum means "not logged"; the first step jumps to ``start``."""

    def __init__(self, start: float) -> None:
        super().__init__()
        self.start = start
        self.setSpecialValueText(NOT_LOGGED)
        self.setKeyboardTracking(False)

    def is_set(self) -> bool:
        return self.value() > self.minimum()

    def clear_value(self) -> None:
        self.setValue(self.minimum())

    def stepBy(self, steps: int) -> None:  # noqa: N802 - Qt override
        if not self.is_set() and steps > 0:
            self.setValue(self.start)
        else:
            super().stepBy(steps)


class ChecklistWidget(QWidget):
    """Sleep, quality, warm-up, stretching, foam rolling by area, water, weight and the leg
    and waist measurements for a day."""

    saved = Signal(object)  # the CheckIn just saved

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *,
                 show_weight: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("checklistWidget")
        self.ctx = ctx
        self._day = ctx.today()
        self._loading = False
        self._weight_kg: float | None = None
        self._sleep_hours: float | None = None  # exact, so a display rounding never saves
        self._units = "metric"

        self.title = QLabel()
        self.title.setFont(scaled_font(self.font(), 1.15, bold=True))
        self.progress = QLabel()
        self.progress.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.progress.setAccessibleName("Checklist progress")
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.progress)

        self.sleep = OptionalSpin(7.5)
        self.sleep.setDecimals(1)  # one decimal, as the tiles and charts show hours
        self.sleep.setRange(-SLEEP_STEP, 24.0)
        self.sleep.setSingleStep(SLEEP_STEP)
        self.sleep.setSuffix(" h")
        self.sleep.setAccessibleName("Sleep hours last night")
        self.sleep_hint = QLabel()
        self.quality = QComboBox()
        self.quality.addItems(QUALITY_TEXT)
        self.quality.setAccessibleName("Sleep quality, 1 to 5")
        self.weight = OptionalSpin(70.0)
        self.weight.setDecimals(1)
        self.weight.setSingleStep(0.1)
        self.weight.setAccessibleName("Body weight today")
        for control in (self.sleep, self.quality, self.weight):
            control.setMinimumWidth(self.fontMetrics().averageCharWidth() * 16)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        sleep_row = QHBoxLayout()
        sleep_row.addWidget(self.sleep)
        sleep_row.addWidget(self.sleep_hint, 1)
        sleep_label = QLabel("&Sleep last night")
        sleep_label.setBuddy(self.sleep)
        quality_label = QLabel("Sleep &quality")
        quality_label.setBuddy(self.quality)
        form.addRow(sleep_label, sleep_row)
        form.addRow(quality_label, self.quality)
        self.weight_label = QLabel("&Body weight")
        self.weight_label.setBuddy(self.weight)
        form.addRow(self.weight_label, self.weight)
        self.weight_label.setVisible(show_weight)
        self.weight.setVisible(show_weight)

        self.boxes: dict[str, QCheckBox] = {}
        for key in ("warmup", "stretch", *(f"foam_roll_{a}" for a in FOAM_ROLL_AREAS), "water"):
            box = QCheckBox()
            box.setObjectName(key)
            box.toggled.connect(self._on_control_changed)
            self.boxes[key] = box
        self.foam_title = QLabel("Foam rolling")
        self.foam_title.setFont(scaled_font(self.font(), 1.0, bold=True))
        foam = QGridLayout()
        foam.setContentsMargins(0, 0, 0, 0)
        for i, area in enumerate(FOAM_ROLL_AREAS):
            foam.addWidget(self.boxes[f"foam_roll_{area}"], i // 2, i % 2, LEFT)

        self.measures = MeasureFields()
        self.measures.setVisible(show_weight)
        self.measures.edited.connect(self._on_measure_edited)

        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setVisible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addLayout(form)
        layout.addWidget(self.boxes["warmup"], 0, LEFT)
        layout.addWidget(self.boxes["stretch"], 0, LEFT)
        layout.addWidget(self.foam_title)
        layout.addLayout(foam)
        layout.addWidget(self.boxes["water"], 0, LEFT)
        layout.addWidget(self.measures)
        layout.addWidget(self.error)

        self.sleep.valueChanged.connect(self._on_sleep_changed)
        self.quality.currentIndexChanged.connect(self._on_control_changed)
        self.weight.valueChanged.connect(self._on_weight_changed)
        ctx.changed.connect(self._on_ctx_changed)
        self.refresh()

    # ----------------------------------------------------------------- public
    def day(self) -> date:
        return self._day

    def set_day(self, day: date) -> None:
        """Show (and edit) the check-in of ``day``."""
        self._day = day
        self.refresh()

    def current_checklist(self, stored: CheckIn | None = None) -> Checklist:
        """The day's checklist through core.recovery (``stored``: the check-in when the caller
        has just read it, so it is not read twice)."""
        ctx = self.ctx
        session = ctx.plan().session_on(self._day)
        age = ctx.profile().age_on(self._day)
        if stored is None:
            stored = ctx.app.queries.checkin(self._day)
        return checklist(self._day, session, stored, age)

    def refresh(self) -> None:
        """Reload the day's check-in from the store."""
        ctx = self.ctx
        profile = ctx.profile()
        self._units = profile.units
        stored = ctx.app.queries.checkin(self._day)
        self._weight_kg = stored.weight_kg if stored is not None else None
        self._sleep_hours = stored.sleep_hours if stored is not None else None
        marks = self.current_checklist(stored)
        self._loading = True
        try:
            self.title.setText(_day_text(self._day, ctx.today()))
            if marks.sleep_hours is None:
                self.sleep.clear_value()
            else:
                self.sleep.setValue(marks.sleep_hours)
            self.quality.setCurrentIndex(marks.sleep_quality or 0)
            label = marks.item("sleep").label
            self.sleep_hint.setText(label[label.find("(") + 1:-1] if "(" in label else "")
            foam_applies = False
            for key, box in self.boxes.items():
                item = marks.item(key)
                box.setChecked(item.done)
                text = item.label
                if key.startswith("foam_roll_"):
                    text = key.removeprefix("foam_roll_").capitalize()
                    foam_applies = foam_applies or item.applies
                box.setText(with_mnemonic(text, MNEMONIC[key]))
                box.setAccessibleName(item.label)
                # Warm-up and stretching belong to a run: off on other days (unless a tick
                # is stored, so it can be taken back). Anything else not asked of the day is
                # optional and stays an ordinary box; the foam title says "optional".
                run_only = key in RUN_ONLY and not item.applies and not item.done
                box.setEnabled(not run_only)
                box.setToolTip(NO_RUN_TIP if run_only else "" if item.applies
                               else NOT_TODAY_TIP)
                box.setAccessibleDescription(box.toolTip())
                box.setProperty("applies", item.applies)
            self.foam_title.setText("Foam rolling · suggested today" if foam_applies
                                    else "Foam rolling · optional today")
            unit = weight_unit(self._units)
            lo, hi = WEIGHT_RANGE if unit == "kg" else lb_range(WEIGHT_RANGE)
            self.weight.setRange(lo - 0.1, hi)  # the step below the range is "not logged"
            self.weight.setSuffix(f" {unit}")
            self.weight.start = round(profile.weight_kg if unit == "kg"
                                      else kg_to_lb(profile.weight_kg), 1)
            shown = self._weight_kg
            if shown is None:
                self.weight.clear_value()
            else:
                self.weight.setValue(kg_to_lb(shown) if unit == "lb" else shown)
            self.measures.set_units(self._units)
            self.measures.set_checkin(stored)
            self._show_progress(marks)
        finally:
            self._loading = False

    # ----------------------------------------------------------------- slots
    @Slot()
    def _on_weight_changed(self) -> None:
        if self._loading:
            return
        value = self.weight.value()
        metric = round(lb_to_kg(value), 2) if self._units == "imperial" else value
        self._weight_kg = metric if self.weight.is_set() else None
        self._save("weight")

    @Slot()
    def _on_sleep_changed(self) -> None:
        if not self._loading:
            self._sleep_hours = self.sleep.value() if self.sleep.is_set() else None
            self._save("sleep")

    @Slot(str)
    def _on_measure_edited(self, field: str) -> None:
        if not self._loading:
            self._save(field)

    @Slot()
    def _on_control_changed(self) -> None:
        if not self._loading:
            self._save()

    @Slot(object, object)
    def _on_ctx_changed(self, change: Change | None, initiator: object) -> None:
        if isinstance(initiator, QWidget) and initiator.isAncestorOf(self):
            return  # the page that wrote refreshes what it holds
        if initiator is self:  # its own tick: the boxes already show it
            return
        if change is None or change.touches(self._day, self._day):
            refresh_when_shown(self, self.refresh)

    # ----------------------------------------------------------------- helpers
    def checkin_from_controls(self) -> CheckIn:
        """The check-in the controls describe right now."""
        hours = self._sleep_hours
        areas = tuple(a for a in FOAM_ROLL_AREAS if self.boxes[f"foam_roll_{a}"].isChecked())
        return CheckIn(
            date=self._day,
            sleep_hours=hours,
            sleep_quality=self.quality.currentIndex() or None,
            warmup_done=self.boxes["warmup"].isChecked(),
            stretch_done=self.boxes["stretch"].isChecked(),
            foam_roll=areas,
            water_met=self.boxes["water"].isChecked(),
            weight_kg=self._weight_kg,
            **self.measures.values(),
        )

    def _save(self, field: str | None = None) -> None:
        """Save the day as ticked, through the undo stack (Ctrl+Z takes a tick back)."""
        command = SaveCheckinCommand(self.ctx, self.checkin_from_controls(), field)
        try:
            push(self.ctx, command, self)
        except ValueError as exc:
            self.error.setText(f"Not saved: {exc}")
            self.error.setVisible(True)
            return
        self.error.setVisible(False)
        self._show_progress(self.current_checklist())
        self.saved.emit(command.checkin)

    def _show_progress(self, marks: Checklist) -> None:
        self.progress.setText(f"{marks.done_count} of {marks.total} done")
        self.progress.setAccessibleDescription(self.progress.text())
