"""Screen readers can name every control on the pages: an accessible name or a label buddy."""

from __future__ import annotations

import importlib
from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from core import clock
from core.app import App
from core.checkin import CheckIn
from core.profile import profile_from_dict
from core.store import open_repository
from desktop.context import AppContext

TODAY = date(2026, 11, 25)  # a Wednesday
RUNNER = {"name": "Sam", "birth_date": "1990-03-02", "height_cm": 170, "weight_kg": 60}
CONTROLS = (QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit, QAbstractItemView)
PARTS_OF = (QAbstractSpinBox, QComboBox, QAbstractItemView)  # their inner editors and views


def _inner(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, PARTS_OF):
            return True
        parent = parent.parentWidget()
    return False


def unnamed_controls(page: QWidget) -> list[str]:
    buddies = {id(label.buddy()) for label in page.findChildren(QLabel) if label.buddy()}
    missing = []
    for widget in page.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or _inner(widget):
            continue
        if not widget.accessibleName().strip() and id(widget) not in buddies:
            text = widget.text() if isinstance(widget, QAbstractButton) else ""
            missing.append(f"{type(widget).__name__} {widget.objectName()!r} {text!r}")
    return missing


@pytest.mark.parametrize("module, name", [("today", "TodayPage"), ("meals", "MealsPage"),
                                          ("recovery", "RecoveryPage"),
                                          ("progress", "ProgressPage"),
                                          ("profile", "ProfilePage")])
def test_every_control_has_a_name_or_a_label(module: str, name: str, qtbot,  # noqa: ANN001
                                             tmp_path) -> None:  # noqa: ANN001
    repo = open_repository(tmp_path / "data", today=clock.today)
    try:
        repo.save_profile(profile_from_dict(RUNNER), TODAY - timedelta(days=9))
        for d in (1, 2):  # two short nights: the Today page shows an offer with its buttons
            repo.save_checkin(CheckIn(TODAY - timedelta(days=d), sleep_hours=5.5,
                                      weight_kg=60.0))
        page = getattr(importlib.import_module(f"desktop.pages.{module}"), name)(
            AppContext(App(repo, lambda: TODAY)))
        qtbot.addWidget(page)
        page.show()
        assert unnamed_controls(page) == []
    finally:
        repo.close()
