"""Thigh, calf, waist and hips fields for the day's checklist (SPEC §5 "Measuring the goal"):
stored in cm, shown in inches for an imperial profile (exactly 2.54 cm to the inch), with a
short hint on how to measure the same way each time."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QDoubleSpinBox, QGridLayout, QLabel, QVBoxLayout, QWidget

from core.checkin import MEASURE_HINT, MEASUREMENTS, CheckIn
from core.units import CM_PER_INCH, inch_range
from desktop.widgets.stat_tile import scaled_font

LABELS = {"thigh_cm": "Th&igh", "calf_cm": "Ca&lf", "waist_cm": "W&aist", "hips_cm": "Hi&ps"}
STARTS_CM = {"thigh_cm": 55.0, "calf_cm": 37.0, "waist_cm": 80.0, "hips_cm": 95.0}
NOT_MEASURED = "Not measured"


class _Spin(QDoubleSpinBox):
    """A spin box whose minimum means "not measured"; the first step up jumps to ``start``."""

    def __init__(self, start: float) -> None:
        super().__init__()
        self.start = start
        self.setSpecialValueText(NOT_MEASURED)
        self.setKeyboardTracking(False)
        self.setDecimals(1)
        self.setSingleStep(0.5)

    def is_set(self) -> bool:
        return self.value() > self.minimum()

    def stepBy(self, steps: int) -> None:  # noqa: N802 - Qt override
        if not self.is_set() and steps > 0:
            self.setValue(self.start)
        else:
            super().stepBy(steps)


class MeasureFields(QWidget):
    """Four optional measurements; ``edited(field)`` after the user changes one."""

    edited = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self._inches = False
        self._cm: dict[str, float | None] = dict.fromkeys(MEASUREMENTS)
        self.title = QLabel("Legs and waist · optional")
        self.title.setFont(scaled_font(self.font(), 1.0, bold=True))
        self.hint = QLabel(MEASURE_HINT)
        self.hint.setWordWrap(True)
        self.hint.setObjectName("measureHint")
        self.spins: dict[str, _Spin] = {}
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        for i, name in enumerate(MEASUREMENTS):
            spin = _Spin(STARTS_CM[name])
            spin.setObjectName(name)
            spin.setMinimumWidth(self.fontMetrics().averageCharWidth() * 15)
            label = QLabel(LABELS[name])
            label.setBuddy(spin)
            grid.addWidget(label, i // 2, (i % 2) * 2)
            grid.addWidget(spin, i // 2, (i % 2) * 2 + 1)
            spin.valueChanged.connect(self._on_spin_changed)
            self.spins[name] = spin
        grid.setColumnStretch(4, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addLayout(grid)
        layout.addWidget(self.hint)
        self.set_units("metric")

    def set_units(self, units: str) -> None:
        """Show cm or inches; the stored cm values stay exact."""
        self._inches = units == "imperial"
        unit = "in" if self._inches else "cm"
        for name, spin in self.spins.items():
            where, (lo, hi) = MEASUREMENTS[name]
            if self._inches:
                lo, hi = inch_range((lo, hi))
            self._loading = True
            try:
                spin.setRange(lo - 0.1, hi)  # the step below the range is "not measured"
                spin.setSuffix(f" {unit}")
                spin.start = round(STARTS_CM[name] / CM_PER_INCH if self._inches
                                   else STARTS_CM[name], 1)
                spin.setAccessibleName(f"{name.split('_')[0].capitalize()} in {unit}, {where}")
                spin.setToolTip(f"{where.capitalize()}. {MEASURE_HINT}")
            finally:
                self._loading = False
        self.show_values(self._cm)

    def show_values(self, values: dict[str, float | None]) -> None:
        """Show the day's measurements (cm), without emitting ``edited``."""
        self._cm = dict(values)
        self._loading = True
        try:
            for name, spin in self.spins.items():
                cm = self._cm.get(name)
                if cm is None:
                    spin.setValue(spin.minimum())
                else:
                    spin.setValue(cm / CM_PER_INCH if self._inches else cm)
        finally:
            self._loading = False

    def set_checkin(self, checkin: CheckIn | None) -> None:
        self.show_values(checkin.measurements() if checkin is not None
                         else dict.fromkeys(MEASUREMENTS))

    def values(self) -> dict[str, float | None]:
        """The measurements in cm, exactly as stored unless the user changed them."""
        return dict(self._cm)

    @Slot()
    def _on_spin_changed(self) -> None:
        if self._loading:
            return
        spin = self.sender()
        name = next(n for n, s in self.spins.items() if s is spin)
        value = self.spins[name].value()
        if not self.spins[name].is_set():
            self._cm[name] = None
        else:
            self._cm[name] = round(value * CM_PER_INCH, 2) if self._inches else value
        self.edited.emit(name)
