"""Leg and waist measurements in the checklist (Today and Recovery): typed values reach the
store in cm, an imperial profile sees and types inches (2.54 cm exactly), and the checklist's
"x of N done" neither grows with them nor counts a short night."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt

from core.checkin import CheckIn
from core.profile import Profile, profile_from_dict
from desktop.pages.recovery import RecoveryPage
from desktop.pages.today import TodayPage

TODAY = date(2026, 11, 25)  # a Wednesday
RUNNER = {"name": "Sam", "birth_date": "1990-03-02", "height_cm": 180, "weight_kg": 64}


@pytest.fixture
def make_page(open_page: Any) -> Callable[..., Any]:
    def make(cls: Any = RecoveryPage, profile: Profile | None = None,
             checkins: tuple[CheckIn, ...] = ()) -> Any:
        return open_page(cls, profile or profile_from_dict(RUNNER),
                         saved_on=TODAY - timedelta(days=30), today=TODAY, checkins=checkins)
    return make


def type_into(qtbot: Any, spin: Any, text: str) -> None:
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), text)
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Return)


@pytest.mark.parametrize("cls", [RecoveryPage, TodayPage])
def test_typed_measurements_are_saved_in_cm(make_page: Any, qtbot: Any, cls: Any) -> None:
    page = make_page(cls)
    fields = page.checklist.measures
    assert fields.isVisibleTo(page)
    assert "same leg" in fields.hint.text() and "morning" in fields.hint.text()
    before = page.checklist.progress.text()
    type_into(qtbot, fields.spins["thigh_cm"], "55.5")
    type_into(qtbot, fields.spins["calf_cm"], "36")
    type_into(qtbot, fields.spins["waist_cm"], "79")
    saved = page.ctx.app.store.checkin(TODAY)
    assert (saved.thigh_cm, saved.calf_cm, saved.waist_cm, saved.hips_cm) == (
        55.5, 36.0, 79.0, None)
    assert page.checklist.progress.text() == before  # measurements are not checklist items
    page.ctx.undo_stack.undo()  # Ctrl+Z takes the last one back
    assert page.ctx.app.store.checkin(TODAY).waist_cm is None


def test_imperial_shows_and_types_inches(make_page: Any, qtbot: Any) -> None:
    profile = profile_from_dict({**RUNNER, "units": "imperial"})
    page = make_page(profile=profile, checkins=(CheckIn(TODAY, thigh_cm=55.88),))
    spin = page.checklist.measures.spins["thigh_cm"]
    assert spin.suffix() == " in" and spin.text() == "22.0 in"  # 55.88 / 2.54
    assert spin.accessibleName().startswith("Thigh in in")
    lo, hi = spin.minimum() + 0.1, spin.maximum()
    assert (round(lo, 1), hi) == (7.9, 39.3)  # 20–100 cm inward to 0.1 in
    type_into(qtbot, page.checklist.measures.spins["calf_cm"], "14.5")
    saved = page.ctx.app.store.checkin(TODAY)
    assert saved.calf_cm == pytest.approx(36.83)  # 14.5 × 2.54
    assert saved.thigh_cm == 55.88  # untouched, not rounded through inches


def test_a_short_night_is_not_done_and_the_count_keeps_its_total(make_page: Any,
                                                                   qtbot: Any) -> None:
    page = make_page()
    widget = page.checklist
    total = widget.progress.text().split(" of ")[1]
    type_into(qtbot, widget.sleep, "6")
    assert page.ctx.app.store.checkin(TODAY).sleep_hours == 6.0
    assert widget.progress.text() == f"0 of {total}"
    type_into(qtbot, widget.sleep, "7.5")
    assert widget.progress.text() == f"1 of {total}"
    type_into(qtbot, widget.weight, "63.5")
    assert widget.progress.text() == f"1 of {total}"
