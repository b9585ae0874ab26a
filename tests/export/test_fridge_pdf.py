"""The fridge-door page (SPEC §6): one landscape page, big titles, the day's numbers, any name."""

from __future__ import annotations

import math
import unicodedata
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.export.atomic import ExportError
from core.export.fridge_pdf import fridge_pdf_bytes, write_fridge_pdf
from core.export.text import missing_note
from core.plan import Plan
from core.planner import build_plan
from core.profile import Profile, demo_profile
from tests.export.conftest import START, reader, sized_text, squash

A4_LANDSCAPE = (297 / 25.4 * 72, 210 / 25.4 * 72)  # 841.9 × 595.3 pt
LETTER_LANDSCAPE = (11 * 72, 8.5 * 72)  # 792 × 612 pt

# SPEC §4 by hand: MET per kind, activity factors, Mifflin–St Jeor constants.
MET = {"long_run": 8.3, "easy_run": 8.3, "tempo": 9.8, "hiit": 10.0, "hills": 9.0,
       "strength": 5.0, "cross_training": 7.0, "active_recovery": 3.0, "rest": 0.0}


def _page_size(data: bytes) -> tuple[float, float]:
    box = reader(data).pages[0].mediabox
    return float(box.width), float(box.height)


@pytest.mark.parametrize(("paper", "size"),
                         [("a4", A4_LANDSCAPE), ("letter", LETTER_LANDSCAPE)])
def test_one_landscape_page_of_the_chosen_paper(plan: Plan, profile: Profile, paper: str, size: tuple[float, float]) -> None:
    data = fridge_pdf_bytes(profile, plan.weeks[2], paper=paper)
    assert len(reader(data).pages) == 1
    width, height = _page_size(data)
    assert width == pytest.approx(size[0], abs=0.5)
    assert height == pytest.approx(size[1], abs=0.5)
    assert width > height


def test_a4_is_the_default(plan: Plan, profile: Profile) -> None:
    assert _page_size(fridge_pdf_bytes(profile, plan.weeks[0])) == pytest.approx(
        A4_LANDSCAPE, abs=0.5)


def test_unknown_paper_is_refused(plan: Plan, profile: Profile) -> None:
    with pytest.raises(ValueError, match="a4, letter"):
        fridge_pdf_bytes(profile, plan.weeks[0], paper="a3")


HOSTILE = [
    "Tom & <Jerry>",
    '<img src="x"> & <b>bold</b>',
    "O'Brien \"Speedy\" 'Quote'",
    "Łucja Δήμητρα Жанна",
    "李小龍",
    "李 Lee & <Ana>",
    "A" * 80,
    "Wolfeschlegelsteinhausenbergerdorff Maximiliane-Alexandra von Hohenzollern Ø",
    "Ærøskøbing Ζωή Ярослава 王秀英 Ñandú Şükrü Đorđe Ōtani Ƿynn 佐藤 Çağla",
]


@pytest.mark.parametrize("name", HOSTILE)
def test_any_name_prints_exactly_as_written_on_one_page(plan: Plan, name: str) -> None:
    person = demo_profile().with_changes(name=name)
    pdf = reader(fridge_pdf_bytes(person, plan.weeks[0]))
    assert len(pdf.pages) == 1
    assert squash(name) in squash(pdf.pages[0].extract_text())


def test_a_character_no_font_has_prints_a_visible_replacement(plan: Plan) -> None:
    person = demo_profile().with_changes(name="Ana \U00010000 Lee")
    text = reader(fridge_pdf_bytes(person, plan.weeks[0])).pages[0].extract_text()
    assert "\U00010000" not in text
    assert "Ana\ufffdLee" in squash(text)


def test_each_session_title_is_large(plan: Plan, profile: Profile) -> None:
    week = plan.weeks[2]
    runs = sized_text(reader(fridge_pdf_bytes(profile, week)).pages[0])
    large = squash("".join(text for text, size in runs if size >= 14))
    for session in week.sessions:
        assert squash(session.title) in large, session.title


def test_week_dates_and_header(plan: Plan, profile: Profile) -> None:
    week = plan.weeks[2]  # Mon 20 – Sun 26 Jan 2025
    text = squash(reader(fridge_pdf_bytes(profile, week)).pages[0].extract_text())
    assert squash("Mon 20 – Sun 26 Jan 2025") in text
    assert squash(profile.name) in text
    for day in ("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"):
        assert day in text


def _kcal(profile: Profile, day: date, kind: str, minutes: int) -> float:
    age = profile.age_on(day)
    s = {"male": 5, "female": -161, "unspecified": -78}[profile.sex]
    bmr = 10 * profile.weight_kg + 6.25 * profile.height_cm - 5 * age + s
    factor = {"sedentary": 1.2, "light": 1.3, "active": 1.4}[profile.daily_activity]
    exercise = max(MET[kind] - 1, 0) * profile.weight_kg * minutes / 60 if MET[kind] else 0
    return max(bmr, bmr * factor + exercise - profile.deficit_kcal)


def test_each_day_shows_its_kcal_protein_and_water(plan: Plan, profile: Profile) -> None:
    week = plan.weeks[2]
    text = squash(reader(fridge_pdf_bytes(profile, week)).pages[0].extract_text())
    protein = round(profile.protein_g_per_kg * profile.weight_kg)
    for session in week.sessions:
        kcal = _kcal(profile, session.date, session.kind, session.minutes)
        assert squash(f"{int(kcal + 0.5):,} kcal") in text
        water = profile.weight_kg * 2.20462 / 2 * 29.5735
        if session.kind != "rest":
            water += 500 * session.minutes / 60
        assert squash(f"{water / 1000:.1f} L water") in text
    assert squash(f"{protein} g protein") in text


def test_imperial_profile_shows_water_in_fluid_ounces() -> None:
    person = demo_profile().with_changes(units="imperial", hot_climate=True)
    week = build_plan(person, START, 4).weeks[0]
    text = squash(reader(fridge_pdf_bytes(person, week)).pages[0].extract_text())
    rest = next(s for s in week.sessions if s.kind == "rest")
    ounces = person.weight_kg * 2.20462 / 2 + 500 / 29.5735  # hot climate adds 500 ml
    assert squash(f"{round(ounces)} fl oz water") in text
    assert "electrolytes" in text
    assert rest.title in text


def test_rows_and_reminders_are_printed(plan: Plan, profile: Profile) -> None:
    text = squash(reader(fridge_pdf_bytes(profile, plan.weeks[0])).pages[0].extract_text())
    for row in ("Sleep", "Foam roll", "Warm-up", "Eat & drink", "quads", "glutes", "calves"):
        assert squash(row) in text
    for reminder in ("Warm up before", "Stretch after", "Sleep 7–9 h", "Carbs around runs"):
        assert squash(reminder) in text


def test_runner_aged_65_gets_the_7_to_8_hour_sleep_target() -> None:
    start = START
    person = demo_profile().with_changes(birth_date=str(start.replace(year=start.year - 66)))
    week = build_plan(person, start, 4).weeks[0]
    text = squash(reader(fridge_pdf_bytes(person, week)).pages[0].extract_text())
    assert squash("Sleep 7–8 h") in text


PROFILES = [
    {},
    {"level": "advanced", "strength_sessions": 3, "equipment": "gym", "weekly_run_minutes": 240,
     "available_days": ["mon", "wed", "thu", "sat", "sun"], "long_run_day": "sun"},
    {"level": "intermediate", "available_days": ["tue", "thu", "sat", "sun"],
     "sex": "male", "weight_kg": 120, "height_cm": 200, "hot_climate": True},
]


@pytest.mark.parametrize("changes", PROFILES)
def test_every_week_of_several_profiles_is_one_page(changes: dict[str, Any]) -> None:
    person = demo_profile().with_changes(**changes)
    plan = build_plan(person, START, 6)
    for week in plan.weeks:
        assert len(reader(fridge_pdf_bytes(person, week, paper="letter")).pages) == 1


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(name=st.text(min_size=1, max_size=80).filter(lambda s: 1 <= len(s.strip()) <= 80))
def test_any_unicode_name_fits_on_one_page(plan: Plan, name: str) -> None:
    person = demo_profile().with_changes(name=name)
    assert len(reader(fridge_pdf_bytes(person, plan.weeks[0])).pages) == 1


def test_write_returns_the_path_and_leaves_no_temp_file(tmp_path: Path, plan: Plan, profile: Profile) -> None:
    out = tmp_path / "week.pdf"
    assert write_fridge_pdf(out, profile, plan.weeks[0]) == out
    assert out.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir()] == ["week.pdf"]


def test_missing_folder_fails_and_writes_nothing(tmp_path: Path, plan: Plan, profile: Profile) -> None:
    out = tmp_path / "nope" / "week.pdf"
    with pytest.raises(ExportError, match="does not exist"):
        write_fridge_pdf(out, profile, plan.weeks[0])
    assert list(tmp_path.iterdir()) == []


def test_a_week_with_a_missing_day_prints_it_as_rest(plan: Plan, profile: Profile) -> None:
    week = plan.weeks[0]
    short = type(week)(index=week.index, start=week.start, lighter=week.lighter,
                       sessions=tuple(s for s in week.sessions
                                      if s.date != week.start + timedelta(days=3)))
    text = squash(reader(fridge_pdf_bytes(profile, short)).pages[0].extract_text())
    assert "Rest" in text


COMPLEX_NAMES = {"devanagari": "प्रिया शर्मा", "arabic": "فاطمة الزهراء"}


@pytest.mark.parametrize("script", sorted(COMPLEX_NAMES))
def test_devanagari_and_arabic_names_print_in_their_own_script(plan: Plan, script: str) -> None:
    name = COMPLEX_NAMES[script]
    data = fridge_pdf_bytes(demo_profile().with_changes(name=name), plan.weeks[0])
    page = reader(data).pages[0]
    # Shaped Arabic comes out as presentation forms; NFKC folds them back to letters.
    text = unicodedata.normalize("NFKC", page.extract_text())
    assert "\ufffd" not in text
    assert not any("\ue000" <= ch <= "\uf8ff" for ch in text)  # no private-use leftovers
    header = next(line for line in text.splitlines() if set(line) & set(squash(name)))
    assert Counter(squash(name)) <= Counter(squash(header))
    fonts = {str(f["/BaseFont"]) for f in _fonts(page)}
    family = {"devanagari": "NotoSansDevanagari", "arabic": "NotoSansArabic"}[script]
    assert any(family in f for f in fonts), fonts


def test_a_character_no_font_has_is_counted_for_the_note(plan: Plan) -> None:
    name = "Ana \U0001F3C3 Lee \U0001F984"
    assert missing_note(name) == "note: 2 characters in the name have no font and print as \ufffd"
    assert missing_note("Łucja 李 प्रिया") is None
    text = reader(fridge_pdf_bytes(demo_profile().with_changes(name=name),
                                   plan.weeks[0])).pages[0].extract_text()
    assert "Ana\ufffdLee\ufffd" in squash(text)


def _fonts(page: Any) -> list[Any]:
    resources = page["/Resources"]
    return [ref.get_object() for ref in resources["/Font"].values()]


def _embedded(font: Any) -> bool:
    descriptor = font.get("/FontDescriptor")
    if descriptor is None:
        return False
    descriptor = descriptor.get_object()
    return any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_every_font_on_the_page_is_embedded(plan: Plan, paper: str) -> None:
    person = demo_profile().with_changes(name="Zoë 李 فاطمة प्रिया")
    page = reader(fridge_pdf_bytes(person, plan.weeks[0], paper=paper)).pages[0]
    fonts = _fonts(page)
    assert fonts
    for font in fonts:
        assert _embedded(font), font["/BaseFont"]
        assert "Helvetica" not in str(font["/BaseFont"])


LEGIBLE_PT = 9.0


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("changes", [*PROFILES, {"name": "W" * 80, "units": "imperial",
                                                 "hot_climate": True}])
def test_no_text_on_the_page_is_smaller_than_9_pt(paper: str, changes: dict[str, Any]) -> None:
    person = demo_profile().with_changes(**changes)
    for week in build_plan(person, START, 4).weeks:
        runs = sized_text(reader(fridge_pdf_bytes(person, week, paper=paper)).pages[0])
        assert runs
        small = [(text, round(size, 2)) for text, size in runs if size < LEGIBLE_PT - 1e-6]
        assert small == [], small


def test_day_name_and_date_keep_a_clear_gap_on_letter(plan: Plan, profile: Profile) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from core.export.pdf_style import fonts

    f = fonts()
    page = reader(fridge_pdf_bytes(profile, plan.weeks[9], paper="letter")).pages[0]
    heads: list[tuple[str, float, float, float]] = []  # text, x, size, baseline y

    def visit(text: str, cm: Any, tm: Any, font: Any, size: float) -> None:
        if text.strip() and tm:
            heads.append((text.strip(), float(tm[4]), size * math.hypot(tm[0], tm[1]),
                          float(tm[5])))
    page.extract_text(visitor_text=visit)
    days = [h for h in heads if h[0] in ("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN")]
    assert len(days) == 7
    for day, x, size, y in days:
        end = x + stringWidth(day, f.bold, size)
        date_x = min(hx for text, hx, _, hy in heads
                     if abs(hy - y) < 0.5 and hx > x and text[0].isdigit())
        assert date_x - end >= 6, (day, date_x - end)


def test_a_non_runners_first_week_prints_the_run_walk() -> None:
    person = demo_profile().with_changes(weekly_run_minutes=0)
    week = build_plan(person, START, 4).weeks[0]
    long_run = next(s for s in week.sessions if s.kind == "long_run")
    rw = long_run.details["run_walk"]
    assert (rw["run_s"], rw["walk_s"]) == (60, 90)
    text = squash(reader(fridge_pdf_bytes(person, week)).pages[0].extract_text())
    assert squash(f"{rw['rounds']} × 60 s run / 90 s walk") in text
