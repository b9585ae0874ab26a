"""Start a new plan: the first day (snapped to the Monday on or after it) and the length,
4–24 weeks, as the command line's --start and --weeks. ``ask`` returns (start, weeks)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale, Slot
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.plan import monday_on_or_after
from core.planner import WEEKS_RANGE
from core.wording import long_day


class NewPlanDialog(QDialog):
    """A date and a number of weeks; the Monday the plan will start on is said in words."""

    def __init__(self, parent: QWidget | None, today: date, weeks: int) -> None:
        super().__init__(parent)
        self.setWindowTitle("Start a new plan")
        self.setAccessibleName("Start a new plan")
        self.today = today
        self.start = QDateEdit()
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("d MMMM yyyy")
        self.start.setLocale(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        self.start.setMinimumDate(QDate(today.year, today.month, today.day))
        first = monday_on_or_after(today)
        self.start.setDate(QDate(first.year, first.month, first.day))
        self.start.setAccessibleName("First day of the plan")
        self.weeks = QSpinBox()
        self.weeks.setRange(*WEEKS_RANGE)
        self.weeks.setValue(min(WEEKS_RANGE[1], max(WEEKS_RANGE[0], weeks)))
        self.weeks.setSuffix(" weeks")
        self.weeks.setAccessibleName("Plan length in weeks")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("When the new plan runs")
        form = QFormLayout()
        form.addRow("&Starts on or after", self.start)
        form.addRow("&Length", self.weeks)
        note = QLabel("The plan is built from your saved profile. Days before it keep their "
                      "sessions, and a day you have logged keeps the session you logged.")
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.addButton("Start the plan", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(self.summary)
        column.addWidget(note)
        column.addWidget(buttons)
        self.start.dateChanged.connect(self._on_changed)
        self.weeks.valueChanged.connect(self._on_changed)
        self._on_changed()

    def choice(self) -> tuple[date, int]:
        """(the Monday the plan starts on, its length in weeks)."""
        d = self.start.date()
        return monday_on_or_after(date(d.year(), d.month(), d.day())), self.weeks.value()

    @Slot()
    def _on_changed(self) -> None:
        from datetime import timedelta

        first, weeks = self.choice()
        last = first + timedelta(days=7 * weeks - 1)
        self.summary.setText(f"{weeks} weeks from {long_day(first)} {first.year} to "
                             f"{long_day(last)} {last.year}.")

    @classmethod
    def ask(cls, parent: QWidget | None, today: date, weeks: int) -> tuple[date, int] | None:
        dialog = cls(parent, today, weeks)
        return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None
