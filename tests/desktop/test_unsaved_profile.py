"""Unsaved profile edits are never lost silently: Quit, closing the window and leaving the
Profile page ask Save / Discard / Cancel; an untouched demo can be saved as it is."""

from __future__ import annotations

from typing import Any

import pytest

from desktop.dialogs.messages import UnsavedChanges


def answer(monkeypatch: pytest.MonkeyPatch, reply: str | None) -> list[str]:
    asked: list[str] = []

    def ask(cls: Any, parent: Any, what: str) -> str | None:
        asked.append(what)
        return reply

    monkeypatch.setattr(UnsavedChanges, "ask", classmethod(ask))
    return asked


def edit_name(qtbot: Any, window: Any, text: str) -> Any:
    page = window.show_page("profile")
    page.form.name.selectAll()
    qtbot.keyClicks(page.form.name, text)
    assert page.is_dirty()
    return page


def test_quit_with_unsaved_edits_can_be_cancelled(main_window, qtbot, monkeypatch) -> None:
    asked = answer(monkeypatch, None)
    edit_name(qtbot, main_window, "Robin")
    main_window.quit_action.trigger()
    assert asked == ["your profile"]
    assert main_window.isVisible()
    assert main_window.ctx.app.store.profile().name == "Sam Tester"
    main_window.pages["profile"].refresh()  # drop the edits: the window closes after the test


def test_quit_can_save_the_edits(main_window, qtbot, monkeypatch) -> None:
    answer(monkeypatch, "save")
    edit_name(qtbot, main_window, "Robin")
    main_window.quit_action.trigger()
    assert not main_window.isVisible()
    assert main_window.ctx.app.store.profile().name == "Robin"


def test_closing_the_window_can_discard(main_window, qtbot, monkeypatch) -> None:
    asked = answer(monkeypatch, "discard")
    edit_name(qtbot, main_window, "Robin")
    main_window.close()
    assert asked and not main_window.isVisible()
    assert main_window.ctx.app.store.profile().name == "Sam Tester"


def test_leaving_the_page_asks_and_cancel_stays(main_window, qtbot, monkeypatch) -> None:
    asked = answer(monkeypatch, None)
    page = edit_name(qtbot, main_window, "Robin")
    main_window.sidebar.setCurrentRow(0)  # click "Today"
    assert asked == ["your profile"]
    assert main_window.current_page_name() == "profile"
    assert main_window.sidebar.currentRow() == 2
    assert page.form.name.text() == "Robin"
    page.refresh()


def test_leaving_the_page_with_save_keeps_the_edits(main_window, qtbot, monkeypatch) -> None:
    answer(monkeypatch, "save")
    edit_name(qtbot, main_window, "Robin")
    main_window.show_page("calendar")
    assert main_window.current_page_name() == "calendar"
    assert main_window.ctx.app.store.profile().name == "Robin"


def test_leaving_without_edits_asks_nothing(main_window, monkeypatch) -> None:
    asked = answer(monkeypatch, None)
    main_window.show_page("profile")
    main_window.show_page("today")
    main_window.close()
    assert asked == [] and not main_window.isVisible()


def test_the_untouched_demo_can_be_saved_as_it_is(qtbot, demo_ctx) -> None:
    from desktop.pages.profile import ProfilePage

    page = ProfilePage(demo_ctx)
    qtbot.addWidget(page)
    page.show()
    assert "save to make it yours" in page.status.text()
    assert page.save_button.isEnabled()
    page.save_button.click()
    assert not demo_ctx.app.store.is_demo()
    assert page.status.text() == "Saved" and not page.save_button.isEnabled()


def wheel(qtbot: Any, widget: Any, steps: int = -3) -> None:
    """Turn the mouse wheel over the middle of ``widget`` (negative: towards the user)."""
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    local = QPointF(widget.rect().center())
    for _ in range(abs(steps)):
        event = QWheelEvent(local, QPointF(widget.mapToGlobal(local.toPoint())), QPoint(),
                            QPoint(0, 120 if steps > 0 else -120), Qt.MouseButton.NoButton,
                            Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
                            False)
        QApplication.sendEvent(widget, event)
    qtbot.wait(10)


def test_the_wheel_scrolls_the_profile_page_and_changes_no_field(main_window, qtbot) -> None:
    from PySide6.QtWidgets import QScrollArea

    page = main_window.show_page("profile")
    main_window.resize(900, 500)
    form = page.form
    form.name.setFocus()
    scroller = page.findChild(QScrollArea)
    bar = scroller.verticalScrollBar()
    assert bar.maximum() > 0
    before = (form.long_day.currentText(), form.equipment.currentText(), form.minutes.value(),
              form.weight.value(), form.deficit.value())
    for field in (form.long_day, form.equipment, form.minutes, form.weight):
        start = bar.value()
        wheel(qtbot, field)
        assert bar.value() > start or bar.value() == bar.maximum()
    after = (form.long_day.currentText(), form.equipment.currentText(), form.minutes.value(),
             form.weight.value(), form.deficit.value())
    assert after == before and not page.is_dirty()


def test_a_focused_field_still_takes_the_wheel(main_window, qtbot) -> None:
    page = main_window.show_page("profile")
    minutes = page.form.minutes
    minutes.setFocus()
    qtbot.waitUntil(minutes.hasFocus)
    start = minutes.value()
    wheel(qtbot, minutes, steps=2)
    assert minutes.value() == start + 10
    page.refresh()
