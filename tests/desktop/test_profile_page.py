"""The Profile page as a runner uses it: type, see what is wrong beside the field, save."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QApplication, QComboBox, QLineEdit

from core import clock
from core.app import App
from core.app.planning import save_profile
from core.plan import monday_on_or_after
from core.profile import Profile, profile_from_dict
from core.store import open_repository
from desktop.context import AppContext
from desktop.pages.profile import ProfilePage

TODAY = date(2026, 11, 23)  # a Monday
MINE = {"name": "Sam", "sex": "male", "birth_date": "1990-03-02", "height_cm": 180,
        "weight_kg": 64, "level": "beginner", "available_days": ["mon", "tue", "wed", "thu",
        "fri", "sat", "sun"], "long_run_day": "tue"}


@pytest.fixture
def make_page(qtbot, tmp_path) -> Iterator[Callable[..., ProfilePage]]:  # noqa: ANN001
    repos = []

    def make(profile: Profile | None = None, *, demo: bool = False) -> ProfilePage:
        repo = open_repository(tmp_path / f"data{len(repos)}", today=clock.today)
        repos.append(repo)
        save_profile(repo, profile or profile_from_dict(MINE), TODAY, demo=demo)
        ctx = AppContext(App(repo, lambda: TODAY))
        page = ProfilePage(ctx)
        qtbot.addWidget(page)
        page.resize(900, 800)
        page.show()
        return page

    yield make
    for repo in repos:
        repo.close()


def retype(qtbot, widget, text: str) -> None:  # noqa: ANN001
    """Select what is in a field and type over it, as a user would."""
    editor = widget.lineEdit() if isinstance(widget, QAbstractSpinBox) else widget
    editor.selectAll()
    qtbot.keyClicks(editor, text)


def test_invalid_weight_is_named_beside_the_field_and_blocks_save(make_page, qtbot) -> None:
    page = make_page()
    form = page.form
    retype(qtbot, form.weight, "300")
    error = form.errors["weight_kg"]
    assert error.isVisible()
    assert "Weight" in error.text() and "35–250 kg" in error.text() and "300" in error.text()
    assert not page.save_button.isEnabled()
    qtbot.keyClick(page, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.ctx.app.store.profile().weight_kg == 64  # nothing saved from a refused form

    retype(qtbot, form.weight, "70.5")
    assert not error.isVisible()
    assert page.save_button.isEnabled()


def test_save_stores_the_typed_values_and_rebuilds_the_plan(make_page, qtbot) -> None:
    page = make_page()
    form = page.form
    form.name.selectAll()
    qtbot.keyClicks(form.name, "  Zo")
    commit = QInputMethodEvent()  # accented letters arrive through the input method
    commit.setCommitString("ë Läufer ")
    QApplication.sendEvent(form.name, commit)
    retype(qtbot, form.weight, "70.5")
    form.long_day.setCurrentIndex(form.long_day.findData("sat"))
    with qtbot.waitSignal(page.profile_saved) as saved:
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)

    stored = page.ctx.app.store.profile()
    assert (stored.name, stored.weight_kg, stored.long_run_day) == ("Zoë Läufer", 70.5, "sat")
    plan = page.ctx.app.store.plan()
    assert plan.start == monday_on_or_after(TODAY)
    for week in plan.weeks:  # every regenerated week has its long run on Saturday now
        assert week.session_on(week.start + timedelta(days=5)).kind == "long_run"
    assert "Plan rebuilt from Mon 23 Nov." in page.result.text()
    assert saved.args[0].plan
    assert page.result.isVisible()
    assert not page.save_button.isEnabled()  # nothing left to save


def test_ctrl_s_saves(make_page, qtbot) -> None:
    page = make_page()
    retype(qtbot, page.form.minutes, "90")
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)  # shortcuts only reach the active window
    page.form.minutes.setFocus()
    qtbot.keyClick(page.form.minutes, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert page.ctx.app.store.profile().weekly_run_minutes == 90


def test_imperial_shows_pounds_but_stores_the_same_kilograms(make_page, qtbot) -> None:
    page = make_page()
    form = page.form
    form.units.setCurrentIndex(form.units.findData("imperial"))
    assert form.weight.text().replace(",", ".") == "141.1 lb"  # 64 kg / 0.45359237
    assert (form.height_ft.value(), form.height_in.value()) == (5, 10.9)  # 180 cm = 70.87 in
    assert not form.height_cm.isVisible()
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    stored = page.ctx.app.store.profile()
    assert stored.units == "imperial"
    assert stored.weight_kg == 64 and stored.height_cm == 180  # untouched, not re-rounded

    retype(qtbot, form.weight, "150")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.ctx.app.store.profile().weight_kg == pytest.approx(150 * 0.45359237, abs=0.01)


def test_imperial_error_speaks_pounds(make_page, qtbot) -> None:
    page = make_page(profile_from_dict({**MINE, "units": "imperial"}))
    retype(qtbot, page.form.weight, "600")
    text = page.form.errors["weight_kg"].text()
    # 35 kg = 77.16 lb and 250 kg = 551.16 lb: whole pounds, rounded inwards
    assert "78–551 lb" in text and "600.0 lb" in text


def test_imperial_protein_reads_per_pound_and_stores_per_kilogram(make_page, qtbot) -> None:
    page = make_page(profile_from_dict({**MINE, "units": "imperial",
                                        "protein_g_per_kg": 1.8}))
    form = page.form
    assert form.protein.text().replace(",", ".") == "0.82 g per lb"  # 1.8 × 0.4536
    assert "0.55–0.99 g per lb" in form.help["protein_g_per_kg"].text()
    retype(qtbot, form.protein, "0.9")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.ctx.app.store.profile().protein_g_per_kg == 1.98  # 0.9 / 0.4536
    retype(qtbot, form.protein, "0.4")
    assert "Protein must be 0.55–0.99 g per lb, got 0.40 g per lb" in \
        form.errors["protein_g_per_kg"].text()
    form.units.setCurrentIndex(form.units.findData("metric"))
    assert form.protein.text().replace(",", ".").endswith("g per kg")
    assert "1.2–2.2 g per kg" in form.help["protein_g_per_kg"].text()


def test_too_few_days_is_refused_and_long_run_day_follows_the_days(make_page, qtbot) -> None:
    page = make_page()
    form = page.form
    for code in ("tue", "wed", "thu", "fri"):
        qtbot.mouseClick(form.day_buttons[code], Qt.MouseButton.LeftButton)
    offered = [form.long_day.itemData(i) for i in range(form.long_day.count())]
    assert offered == ["mon", "sat", "sun"]
    error = form.errors["available_days"]
    assert error.isVisible() and "at least 4" in error.text()
    assert not page.save_button.isEnabled()
    qtbot.mouseClick(form.day_buttons["fri"], Qt.MouseButton.LeftButton)
    assert not error.isVisible() and page.save_button.isEnabled()
    form.strength.setCurrentIndex(form.strength.findData("3"))  # 3 strength needs 5 days
    assert error.isVisible() and "5 days when you do 3 strength sessions" in error.text()


def test_day_messages_speak_plainly_and_name_the_days_picked(make_page, qtbot) -> None:
    page = make_page()
    form = page.form
    form.strength.setCurrentIndex(form.strength.findData("3"))
    for code in ("tue", "thu", "sat"):  # leaves Mon, Wed, Fri, Sun
        qtbot.mouseClick(form.day_buttons[code], Qt.MouseButton.LeftButton)
    error = form.errors["available_days"]
    assert error.text() == ("⚠ Pick at least 5 days when you do 3 strength sessions "
                            "(you picked 4: Mon, Wed, Fri, Sun)")
    form.strength.setCurrentIndex(form.strength.findData("2"))
    assert not error.isVisible()  # 4 days are enough with 2 strength sessions
    qtbot.mouseClick(form.day_buttons["sun"], Qt.MouseButton.LeftButton)
    assert error.text() == "⚠ Pick at least 4 days (you picked 3: Mon, Wed, Fri)"
    assert "available_days" not in error.text() and "[" not in error.text()


def test_long_run_day_message_lists_the_training_days() -> None:
    from core.profile import ProfileError
    from desktop.pages.profile_fields import message

    with pytest.raises(ProfileError) as raised:
        profile_from_dict({**MINE, "available_days": ["mon", "wed", "fri", "sun"],
                           "long_run_day": "sat"})
    assert message(raised.value, "metric") == (
        "Long run day must be one of your training days (Mon, Wed, Fri, Sun), not Sat")


def test_two_problems_show_two_messages(make_page, qtbot) -> None:
    page = make_page()
    retype(qtbot, page.form.weight, "20")
    retype(qtbot, page.form.deficit, "900")
    assert page.form.errors["weight_kg"].isVisible()
    assert "0–500 kcal" in page.form.errors["deficit_kcal"].text()
    assert "2 fields" in page.status.text()


def test_too_young_at_plan_start_is_refused(make_page) -> None:
    page = make_page()
    page.form.birth.setDate(QDate(2012, 1, 1))  # 14 on the plan's first Monday
    error = page.form.errors["birth_date"]
    assert error.isVisible()
    assert error.text() == ("⚠ Born 1 Jan 2012, you would be 14 when the plan starts on "
                            "23 Nov 2026; the plan is for ages 16–90")
    assert not page.save_button.isEnabled()


def test_revert_puts_back_the_saved_profile(make_page, qtbot) -> None:
    page = make_page()
    retype(qtbot, page.form.name, "Someone else")
    assert page.revert_button.isEnabled()
    qtbot.mouseClick(page.revert_button, Qt.MouseButton.LeftButton)
    assert page.form.name.text() == "Sam"
    assert not page.save_button.isEnabled() and not page.revert_button.isEnabled()


def test_demo_profile_is_announced_until_saved_as_yours(make_page, qtbot) -> None:
    from core.profile import demo_profile
    page = make_page(demo_profile(), demo=True)
    assert page.demo_note.isVisible() and "demo" in page.demo_note.text()
    retype(qtbot, page.form.name, "Robin")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert not page.ctx.app.store.is_demo()
    assert not page.demo_note.isVisible()


def test_every_control_has_an_accessible_name(make_page) -> None:
    page = make_page()
    controls = page.findChildren(QLineEdit) + page.findChildren(QComboBox) + \
        page.findChildren(QAbstractSpinBox) + page.findChildren(QAbstractButton)
    unnamed = [w for w in controls if w.isVisibleTo(page) and not w.accessibleName()
               and not isinstance(w.parent(), QAbstractSpinBox | QComboBox)]
    assert unnamed == []


def shown_limits(text: str, pattern: str) -> tuple[str, ...]:
    match = re.search(pattern, text)
    assert match, text
    return match.groups()


def test_the_imperial_weight_limits_shown_are_accepted(make_page, qtbot) -> None:
    page = make_page(profile_from_dict({**MINE, "units": "imperial"}))
    form = page.form
    retype(qtbot, form.weight, "600")
    lo, hi = shown_limits(form.errors["weight_kg"].text(), r"must be ([\d.]+)–([\d.]+) lb")
    for limit in (lo, hi):  # what the message allows is what Save takes
        retype(qtbot, form.weight, limit)
        assert not form.errors["weight_kg"].isVisible(), limit
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
        assert page.ctx.app.store.profile().weight_kg == pytest.approx(float(limit) * 0.45359237,
                                                                   abs=0.01)
    retype(qtbot, form.weight, f"{float(lo) - 1:.1f}")  # a pound under the shown limit
    assert form.errors["weight_kg"].isVisible()


def test_the_imperial_height_limits_shown_are_accepted(make_page, qtbot) -> None:
    page = make_page(profile_from_dict({**MINE, "units": "imperial"}))
    form = page.form
    retype(qtbot, form.height_ft, "3")
    retype(qtbot, form.height_in, "5")
    limits = shown_limits(form.errors["height_cm"].text(),
                          r"must be (\d) ft ([\d.]+) in – (\d) ft ([\d.]+) in")
    # 120 cm = 47.24 in, 230 cm = 90.55 in: shown as 3 ft 11.3 in and 7 ft 6.5 in
    assert limits == ("3", "11.3", "7", "6.5")
    for feet, inches in (limits[:2], limits[2:]):
        retype(qtbot, form.height_ft, feet)
        retype(qtbot, form.height_in, inches)
        assert not form.errors["height_cm"].isVisible(), (feet, inches)
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
        total = int(feet) * 12 + float(inches)
        assert page.ctx.app.store.profile().height_cm == pytest.approx(total * 2.54, abs=0.05)


def test_the_save_message_says_what_changed_and_goes_when_editing_again(
        make_page, qtbot) -> None:
    page = make_page()
    session = page.ctx.plan().session_on(TODAY)
    retype(qtbot, page.form.weight, "62")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    text = page.result.text()
    assert "Weight 64 → 62 kg." in text
    assert "Plan rebuilt from Mon 23 Nov." in text
    assert "logged days kept" not in text  # nothing logged: nothing to say about it

    met = {"long_run": 8.3, "easy_run": 8.3, "tempo": 9.8, "hiit": 10.0, "hills": 9.0,
           "strength": 5.0, "cross_training": 7.0, "active_recovery": 3.0, "rest": 1.0}

    def kcal(kg: float, minutes: int, kind: str) -> str:
        bmr = 10 * kg + 6.25 * 180 - 5 * 36 + 5  # 36 years old on 23 Nov 2026
        value = bmr * 1.3 + (met[kind] - 1) * kg * minutes / 60 - 300
        return f"{int(value + 0.5):,}"

    after = page.ctx.plan().session_on(TODAY)
    assert (f"Today's calorie target {kcal(64, session.minutes, session.kind)} → "
            f"{kcal(62, after.minutes, after.kind)} kcal.") in text

    page.form.long_day.setCurrentIndex(page.form.long_day.findData("sat"))
    assert not page.result.isVisible()  # the old message does not linger over new edits
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.result.text().startswith("Saved. Long run day Tue → Sat.")


def test_an_ended_plan_can_be_restarted_from_the_profile_page(qtbot, tmp_path) -> None:
    repo = open_repository(tmp_path / "ended", today=clock.today)
    try:
        save_profile(repo, profile_from_dict(MINE), TODAY)
        later = repo.plan().end + timedelta(days=10)  # a Wednesday, ten days after the end
        page = ProfilePage(AppContext(App(repo, lambda: later)))
        qtbot.addWidget(page)
        page.show()
        assert page.ended.isVisible() and "ended" in page.ended.text()
        assert not page.save_button.isEnabled()  # nothing typed: Save has nothing to save
        qtbot.mouseClick(page.new_plan_button, Qt.MouseButton.LeftButton)
        plan = repo.plan()
        assert plan.start == monday_on_or_after(later) and plan.end > later
        assert repo.profile() == profile_from_dict(MINE)
        assert not page.new_plan_button.isVisible() and not page.ended.isVisible()
    finally:
        repo.close()


def test_edits_made_on_an_ended_plan_go_in_with_the_new_plan(qtbot, tmp_path) -> None:
    repo = open_repository(tmp_path / "ended", today=clock.today)
    try:
        save_profile(repo, profile_from_dict(MINE), TODAY)
        later = repo.plan().end + timedelta(days=10)
        page = ProfilePage(AppContext(App(repo, lambda: later)))
        qtbot.addWidget(page)
        page.show()
        retype(qtbot, page.form.minutes, "90")
        qtbot.mouseClick(page.new_plan_button, Qt.MouseButton.LeftButton)
        assert repo.profile().weekly_run_minutes == 90
        assert repo.plan().session_on(monday_on_or_after(later)) is not None
        assert "Weekly running 60 → 90 min a week." in page.result.text()
    finally:
        repo.close()


def test_more_running_mid_plan_says_the_plan_builds_from_what_was_run(qtbot, tmp_path) -> None:
    from core.checkin import Outcome

    repo = open_repository(tmp_path / "midway", today=clock.today)
    try:
        save_profile(repo, profile_from_dict(MINE), TODAY)
        sunday = TODAY + timedelta(days=13)  # the end of week 2
        week2 = repo.plan().week_of(sunday)
        runs = [s for s in week2.sessions if s.is_run]
        for s in runs:  # every run of week 2 cut to 20 minutes
            repo.save_outcome(Outcome(s.date, "done", 20, None))
        page = ProfilePage(AppContext(App(repo, lambda: sunday)))
        qtbot.addWidget(page)
        page.show()
        retype(qtbot, page.form.minutes, "150")
        page.form.level.setCurrentIndex(page.form.level.findData("advanced"))
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
        assert repo.profile().weekly_run_minutes == 150
        text = page.result.text()
        assert (f"Running time builds from what you've actually run (last week "
                f"{20 * len(runs)} min), up to 10 % a week.") in text
    finally:
        repo.close()


def test_more_running_before_the_plan_starts_needs_no_note(make_page, qtbot) -> None:
    page = make_page()
    retype(qtbot, page.form.minutes, "90")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "Weekly running 60 → 90 min a week." in page.result.text()
    assert "actually run" not in page.result.text()  # week 1 is built from the new minutes
