"""The Done / Skipped controls of a session: actual minutes, effort (RPE) and the plan's
minutes. Plain widgets; SessionDetail wires them to the undo stack."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QSpinBox, QWidget


def _spin(maximum: int, name: str, suffix: str = "") -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, maximum)
    box.setSuffix(suffix)
    box.setAccessibleName(name)
    return box


class OutcomeControls(QWidget):
    """Actual minutes and RPE with Mark done / Skipped / Clear; planned minutes with Change."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actual_minutes = _spin(600, "Actual minutes", " min")
        self.rpe = _spin(10, "Effort, RPE 1 to 10")
        self.rpe.setSpecialValueText("—")
        self.rpe.setToolTip("Rate of perceived exertion: 1 very easy, 10 flat out")
        self.planned_minutes = _spin(600, "Planned minutes", " min")
        self.done_button = QPushButton("Mark done")
        self.done_button.setObjectName("doneButton")
        self.done_button.setAccessibleName("Mark done")
        self.skip_button = QPushButton("Skipped")
        self.skip_button.setAccessibleName("Mark skipped")
        self.clear_button = QPushButton("Clear mark")
        self.clear_button.setAccessibleName("Clear mark")
        self.set_planned = QPushButton("Change plan")
        self.set_planned.setAccessibleName("Change planned minutes")
        labels = [QLabel("&Actual time"), QLabel("&Effort (RPE)"), QLabel("&Planned time")]
        for label, buddy in zip(labels, (self.actual_minutes, self.rpe, self.planned_minutes),
                                strict=True):
            label.setBuddy(buddy)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(labels[0], 0, 0)
        grid.addWidget(self.actual_minutes, 0, 1)
        grid.addWidget(labels[1], 0, 2)
        grid.addWidget(self.rpe, 0, 3)
        buttons = QHBoxLayout()
        buttons.addWidget(self.done_button)
        buttons.addWidget(self.skip_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        grid.addLayout(buttons, 1, 0, 1, 4)
        grid.addWidget(labels[2], 2, 0)
        grid.addWidget(self.planned_minutes, 2, 1)
        grid.addWidget(self.set_planned, 2, 2, 1, 2, Qt.AlignmentFlag.AlignLeft)
        grid.setColumnStretch(4, 1)
