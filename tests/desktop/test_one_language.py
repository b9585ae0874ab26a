"""Dates read in one language and format on screen whatever the desktop's locale: English
day and month names beside English number formatting, never the locale's ``strftime`` names
(Qt sets the C locale from the environment at start-up)."""

from __future__ import annotations

import locale
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from core import wording

GERMAN = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag",
          "Januar", "Februar", "März", "Mai", "Juni", "Juli", "Oktober", "Dezember", "Mo ",
          "Di ", "Mi ", "Do ", "Fr ", "Sa ", "So ", "Okt", "Dez")


@pytest.fixture
def german_desktop() -> Iterator[bool]:
    """QLocale and, where the system has it, the C library set to German."""
    old_q = QLocale()
    old_c = locale.setlocale(locale.LC_ALL)
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    try:
        locale.setlocale(locale.LC_ALL, "de_DE.UTF-8")
        c_library = True
    except locale.Error:
        c_library = False
    yield c_library
    locale.setlocale(locale.LC_ALL, old_c)
    QLocale.setDefault(old_q)


def test_wording_names_days_and_months_in_english(german_desktop) -> None:
    day = date(2026, 11, 25)
    assert wording.long_day(day) == "Wednesday 25 November"
    assert wording.short_day(day) == "Wed 25 Nov"
    assert wording.month_year(day) == "November 2026"
    if german_desktop:  # the trap the wording module avoids
        assert f"{day:%A}" == "Mittwoch"


def test_pages_show_english_dates_on_a_german_desktop(german_desktop, main_window,
                                                      qtbot) -> None:
    today = main_window.show_page("today")
    assert today.subtitle.text().startswith("Monday 23 November · Week 1 of")
    calendar = main_window.show_page("calendar")
    calendar.set_mode("month")
    assert calendar.header.title.text() == "November 2026"
    profile = main_window.show_page("profile")
    assert re.fullmatch(r"\d{1,2} [A-Z][a-z]+ \d{4}", profile.form.birth.text())
    assert profile.form.birth.text().split()[1] in wording.MONTH_NAMES
    shown = " ".join((today.subtitle.text(), calendar.header.title.text(),
                      calendar.header.summary.text(), profile.form.birth.text()))
    assert not any(word in shown for word in GERMAN)


def test_no_screen_or_paper_text_formats_names_with_strftime() -> None:
    """%a, %A, %b, %B follow the C locale: every name comes from core.wording instead."""
    root = Path(__file__).resolve().parents[2]
    offenders = []
    for folder in ("core", "desktop"):
        for path in (root / folder).rglob("*.py"):
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if re.search(r"[{:][^{}\"']*%[aAbB]", line) and "never ``strftime``" not in line:
                    offenders.append(f"{path.relative_to(root)}:{n}")
    assert offenders == []
