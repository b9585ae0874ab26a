"""The profile form's fields (SPEC §2): widgets in display units, values out in metric."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.profile import DAYS, Profile, ProfileError, age_on
from core.units import KG_PER_LB, cm_to_ft_in, ft_in_to_cm, kg_to_lb, lb_to_kg
from desktop.pages.common import card, muted
from desktop.pages.profile_fields import (
    CHOICES,
    DAY_NAMES,
    ERROR_STYLE,
    HELP,
    DaysPicker,
    message,
    protein_help,
    protein_per_lb,
)


class WheelGuard(QObject):
    """A wheel turned over a field that has no keyboard focus scrolls the page instead of
    changing the field's value (a value changes only once the field is clicked or tabbed to)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Wheel or not isinstance(watched, QWidget) \
                or watched.hasFocus():
            return False
        area = watched.parentWidget()
        while area is not None and not isinstance(area, QAbstractScrollArea):
            area = area.parentWidget()
        if area is not None:
            QApplication.sendEvent(area.verticalScrollBar(), event)
        return True


class ProfileForm(QWidget):
    """Every SPEC §2 field; ``values()`` is the metric dict core validates."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self._height_cm = 170.0
        self._weight_kg = 70.0
        self._protein = 1.8  # g per kg, whatever the units shown
        self.help: dict[str, QLabel] = {}
        self._plan_start: date | None = None
        self.errors: dict[str, QLabel] = {}
        self.rows: dict[str, QWidget] = {}
        self.labels: list[QLabel] = []
        self._build()

    # ---------------------------------------------------------------- building
    def _combo(self, key: str) -> QComboBox:
        box = QComboBox()
        for value, text in CHOICES[key]:
            box.addItem(text, value)
        box.currentIndexChanged.connect(self._on_edited)
        return box

    def _build(self) -> None:
        self.name = QLineEdit()
        self.name.setPlaceholderText("Your name as it prints on the schedule")
        self.sex = self._combo("sex")
        self.birth = QDateEdit()
        self.birth.setCalendarPopup(True)
        self.birth.setDisplayFormat("d MMMM yyyy")
        self.birth.setLocale(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        self.birth.setDateRange(QDate(1900, 1, 1), QDate(2100, 12, 31))
        self.height_cm = QDoubleSpinBox(decimals=1, maximum=300.0, suffix=" cm")
        self.height_ft = QSpinBox(maximum=9, suffix=" ft")
        self.height_in = QDoubleSpinBox(decimals=1, maximum=11.9, suffix=" in")
        self.weight = QDoubleSpinBox(decimals=1, maximum=1200.0)
        self.units = self._combo("units")
        self.level = self._combo("level")
        self.minutes = QSpinBox(maximum=5000, suffix=" min per week", singleStep=5)
        days = DaysPicker()
        self.day_buttons = days.buttons
        self.long_day = QComboBox()
        self.strength = self._combo("strength_sessions")
        self.equipment = self._combo("equipment")
        self.activity = self._combo("daily_activity")
        self.deficit = QSpinBox(maximum=5000, singleStep=50, suffix=" kcal a day")
        self.protein = QDoubleSpinBox(decimals=1, maximum=10.0, singleStep=0.1,
                                      suffix=" g per kg")
        self.hot = QCheckBox("I train in a hot &climate")

        self.age_hint = muted(wrap=False)
        self.age_hint.setAccessibleName("Age at plan start")
        em = self.fontMetrics().averageCharWidth()
        for w in (self.height_cm, self.weight, self.minutes, self.deficit, self.protein):
            w.setAlignment(Qt.AlignmentFlag.AlignRight)
            w.setMinimumWidth(em * 18)
        for w in (self.height_ft, self.height_in):
            w.setAlignment(Qt.AlignmentFlag.AlignRight)
            w.setMinimumWidth(em * 9)
        for wide in (self.sex, self.birth, self.units, self.level, self.long_day,
                     self.strength, self.equipment, self.activity):
            wide.setMinimumWidth(em * 24)
        self.name.setMinimumWidth(em * 40)
        self.name.textEdited.connect(self._on_edited)
        self.birth.dateChanged.connect(self._on_edited)
        self.birth.dateChanged.connect(self._show_age)
        for w in (self.height_cm, self.height_ft, self.height_in):
            w.valueChanged.connect(self._on_height_edited)
        self.weight.valueChanged.connect(self._on_weight_edited)
        self.units.currentIndexChanged.connect(self._on_units_changed)
        for w in (self.minutes, self.deficit):
            w.valueChanged.connect(self._on_edited)
        self.protein.valueChanged.connect(self._on_protein_edited)
        days.toggled.connect(self._on_days_changed)
        self.long_day.currentIndexChanged.connect(self._on_edited)
        self.hot.toggled.connect(self._on_edited)

        height = QWidget()
        hl = QHBoxLayout(height)
        hl.setContentsMargins(0, 0, 0, 0)
        for w in (self.height_cm, self.height_ft, self.height_in):
            hl.addWidget(w)
        hl.addStretch(1)

        sections = (
            ("About you", (("name", "&Name", self.name), ("sex", "Se&x", self.sex),
                           ("birth_date", "&Birth date", self.birth),
                           ("units", "&Units", self.units),
                           ("height_cm", "&Height", height),
                           ("weight_kg", "&Weight", self.weight))),
            ("Training", (("level", "Running &level", self.level),
                          ("weekly_run_minutes", "Weekly &running", self.minutes),
                          ("available_days", "Available &days", days),
                          ("long_run_day", "Lon&g run day", self.long_day),
                          ("strength_sessions", "S&trength sessions", self.strength),
                          ("equipment", "&Equipment", self.equipment))),
            ("Everyday life and food", (("daily_activity", "Daily &activity", self.activity),
                                        ("deficit_kcal", "Calorie de&ficit", self.deficit),
                                        ("protein_g_per_kg", "&Protein", self.protein),
                                        ("hot_climate", "Climate", self.hot))),
        )
        buddies = {"height_cm": self.height_cm, "available_days": self.day_buttons["mon"]}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(14)
        for title, rows in sections:
            frame, layout = card(title)
            form = QFormLayout()
            form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            form.setVerticalSpacing(8)
            form.setHorizontalSpacing(14)
            for key, text, widget in rows:
                form.addRow(*self._row(key, text, widget, buddies.get(key, widget)))
            layout.addLayout(form)
            outer.addWidget(frame)
        widest = max(label.sizeHint().width() for label in self.labels)
        for label in self.labels:
            label.setMinimumWidth(widest)
        self.wheel_guard = WheelGuard(self)
        for field in (self.sex, self.birth, self.height_cm, self.height_ft, self.height_in,
                      self.weight, self.units, self.level, self.minutes, self.long_day,
                      self.strength, self.equipment, self.activity, self.deficit, self.protein):
            field.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            field.installEventFilter(self.wheel_guard)
        self.tab_chain: list[QWidget] = [
            self.name, self.sex, self.birth, self.units, self.height_cm, self.height_ft,
            self.height_in, self.weight, self.level, self.minutes, *self.day_buttons.values(),
            self.long_day, self.strength, self.equipment, self.activity, self.deficit,
            self.protein, self.hot]
        for first, second in zip(self.tab_chain, self.tab_chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _row(self, key: str, text: str, widget: QWidget,
             buddy: QWidget) -> tuple[QLabel, QWidget]:
        label = QLabel(text)
        label.setBuddy(buddy)
        plain = text.replace("&", "")
        if key not in ("height_cm", "available_days"):
            widget.setAccessibleName(plain)
        error = QLabel()
        error.setObjectName(f"error_{key}")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.setVisible(False)
        self.errors[key] = error
        self.labels.append(label)
        cell = QWidget()
        cl = QVBoxLayout(cell)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.setSpacing(2)
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(widget)
        if key == "birth_date":
            line.addWidget(self.age_hint)
        line.addStretch(1)
        cl.addLayout(line)
        if key in HELP:
            self.help[key] = muted(HELP[key])
            cl.addWidget(self.help[key])
        cl.addWidget(error)
        self.rows[key] = cell
        return label, cell

    # ---------------------------------------------------------------- values
    def load(self, profile: Profile) -> None:
        """Show ``profile`` (display units follow its ``units``)."""
        self._loading = True
        try:
            self._height_cm = profile.height_cm
            self._weight_kg = profile.weight_kg
            self.name.setText(profile.name)
            self._set_choice(self.sex, profile.sex)
            b = profile.birth_date
            self.birth.setDate(QDate(b.year, b.month, b.day))
            self._set_choice(self.units, profile.units)
            self._set_choice(self.level, profile.level)
            self.minutes.setValue(profile.weekly_run_minutes)
            for code, button in self.day_buttons.items():
                button.setChecked(code in profile.available_days)
            self._fill_long_days(profile.long_run_day)
            self._set_choice(self.strength, str(profile.strength_sessions))
            self._set_choice(self.equipment, profile.equipment)
            self._set_choice(self.activity, profile.daily_activity)
            self.deficit.setValue(profile.deficit_kcal)
            self._protein = profile.protein_g_per_kg
            self.hot.setChecked(profile.hot_climate)
            self._show_body_units()
        finally:
            self._loading = False

    def values(self) -> dict[str, Any]:
        """The form as a SPEC §2 dict, heights and weights in metric."""
        d = self.birth.date()
        return {
            "name": self.name.text(),
            "sex": self.sex.currentData(),
            "birth_date": date(d.year(), d.month(), d.day()).isoformat(),
            "height_cm": self._height_cm,
            "weight_kg": self._weight_kg,
            "units": self.units.currentData(),
            "level": self.level.currentData(),
            "weekly_run_minutes": self.minutes.value(),
            "available_days": [c for c, b in self.day_buttons.items() if b.isChecked()],
            "long_run_day": self.long_day.currentData(),
            "strength_sessions": int(self.strength.currentData()),
            "equipment": self.equipment.currentData(),
            "daily_activity": self.activity.currentData(),
            "deficit_kcal": self.deficit.value(),
            # g per lb is typed to 0.01: keep what was typed (0.90 g/lb = 1.98 g/kg)
            "protein_g_per_kg": round(self._protein, 2 if self.current_units() == "imperial"
                                      else 1),
            "hot_climate": self.hot.isChecked(),
        }

    def set_plan_start(self, day: date) -> None:
        """The day ages are counted on (the Monday a new plan would start)."""
        self._plan_start = day
        self._show_age()

    @Slot()
    def _show_age(self) -> None:
        if self._plan_start is None:
            return
        d = self.birth.date()
        years = age_on(date(d.year(), d.month(), d.day()), self._plan_start)
        self.age_hint.setText(f"{years} years old when the plan starts")

    def current_units(self) -> str:
        return str(self.units.currentData())

    def show_errors(self, errors: Mapping[str, ProfileError]) -> None:
        units = self.current_units()
        for key, label in self.errors.items():
            err = errors.get(key)
            if key == "long_run_day" and "available_days" in errors:
                err = None
            label.setText(f"⚠ {message(err, units)}" if err else "")
            label.setVisible(err is not None)
            widget = self.rows[key]
            widget.setAccessibleDescription(label.text())

    # ---------------------------------------------------------------- slots
    @Slot()
    def _on_edited(self) -> None:
        if not self._loading:
            self.edited.emit()

    @Slot()
    def _on_height_edited(self) -> None:
        if self._loading:
            return
        if self.current_units() == "imperial":
            cm = ft_in_to_cm(self.height_ft.value(), self.height_in.value())
        else:
            cm = self.height_cm.value()
        self._height_cm = round(cm, 1)
        self.edited.emit()

    @Slot()
    def _on_weight_edited(self) -> None:
        if self._loading:
            return
        value = self.weight.value()
        self._weight_kg = round(lb_to_kg(value), 2) if self.current_units() == "imperial" \
            else value
        self.edited.emit()

    @Slot()
    def _on_protein_edited(self) -> None:
        if self._loading:
            return
        value = self.protein.value()
        self._protein = value / KG_PER_LB if self.current_units() == "imperial" else value
        self.edited.emit()

    @Slot()
    def _on_units_changed(self) -> None:
        if self._loading:
            return
        self._loading = True
        try:
            self._show_body_units()
        finally:
            self._loading = False
        self.edited.emit()

    @Slot()
    def _on_days_changed(self) -> None:
        if self._loading:
            return
        self._loading = True
        try:
            self._fill_long_days(self.long_day.currentData())
        finally:
            self._loading = False
        self.edited.emit()

    # ---------------------------------------------------------------- helpers
    @staticmethod
    def _set_choice(box: QComboBox, value: str) -> None:
        i = box.findData(value)
        box.setCurrentIndex(max(i, 0))

    def _fill_long_days(self, wanted: str | None) -> None:
        """Offer only the available days; keep ``wanted`` if it still is one."""
        days = [c for c, b in self.day_buttons.items() if b.isChecked()]
        self.long_day.clear()
        for code in days:
            self.long_day.addItem(DAY_NAMES[DAYS.index(code)], code)
        if wanted not in days:
            wanted = "tue" if "tue" in days else (days[0] if days else None)
        if wanted is not None:
            self._set_choice(self.long_day, wanted)

    def _show_body_units(self) -> None:
        """Show the exact stored height and weight in the chosen units (no rounding back)."""
        imperial = self.current_units() == "imperial"
        self.height_cm.setVisible(not imperial)
        self.height_ft.setVisible(imperial)
        self.height_in.setVisible(imperial)
        if imperial:
            feet, inches = cm_to_ft_in(self._height_cm)
            self.height_ft.setValue(feet)
            self.height_in.setValue(inches)
            self.weight.setSuffix(" lb")
            self.weight.setValue(kg_to_lb(self._weight_kg))
        else:
            self.height_cm.setValue(self._height_cm)
            self.weight.setSuffix(" kg")
            self.weight.setValue(self._weight_kg)
        self.protein.setDecimals(2 if imperial else 1)
        self.protein.setSingleStep(0.01 if imperial else 0.1)
        self.protein.setSuffix(" g per lb" if imperial else " g per kg")
        self.protein.setMaximum(5.0 if imperial else 10.0)
        self.protein.setValue(protein_per_lb(self._protein) if imperial else self._protein)
        self.protein.setAccessibleName("Protein, grams per pound of body weight" if imperial
                                       else "Protein, grams per kilogram of body weight")
        if "protein_g_per_kg" in self.help:
            self.help["protein_g_per_kg"].setText(protein_help(self.current_units()))
        self.height_cm.setAccessibleName("Height in centimetres")
        self.height_ft.setAccessibleName("Height, feet")
        self.height_in.setAccessibleName("Height, inches")
        self.weight.setAccessibleName("Weight in pounds" if imperial else "Weight in kilograms")
