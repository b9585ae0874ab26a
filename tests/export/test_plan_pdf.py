"""The plan PDF (SPEC §6): a cover, one page per week, page numbers, structure and why."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from core.export.plan_pdf import plan_pdf_bytes, write_plan_pdf
from core.plan import Plan
from core.planner import build_plan
from core.profile import Profile, demo_profile
from tests.export.conftest import START, reader, squash


@pytest.mark.parametrize("weeks", [4, 12])
def test_a_cover_then_one_page_per_week_numbered(weeks: int) -> None:
    person = demo_profile()
    plan = build_plan(person, START, weeks)
    pdf = reader(plan_pdf_bytes(person, plan))
    assert len(pdf.pages) == weeks + 1
    for number, page in enumerate(pdf.pages, start=1):
        assert squash(f"Page {number} of {weeks + 1}") in squash(page.extract_text())


def test_each_week_page_has_its_sessions_with_structure_and_why(plan: Plan, profile: Profile) -> None:
    pdf = reader(plan_pdf_bytes(profile, plan))
    for week, page in zip(plan.weeks, pdf.pages[1:], strict=True):
        text = squash(page.extract_text())
        assert squash(f"Week {week.index}") in text
        for session in week.sessions:
            assert squash(session.title) in text
            assert squash(session.why) in text
            for line in session.structure:
                assert squash(line) in text


def test_cover_has_profile_targets_and_the_guide(plan: Plan, profile: Profile) -> None:
    text = squash(reader(plan_pdf_bytes(profile, plan)).pages[0].extract_text())
    assert squash(profile.name) in text
    assert squash("How the plan works") in text
    assert squash("no exercise slims one spot") in text
    protein = round(profile.protein_g_per_kg * profile.weight_kg)
    assert squash(f"{protein} g") in text


def test_hostile_name_prints_as_written(plan: Plan) -> None:
    name = 'Tom & <Jerry> <img src="x"> 李'
    person = demo_profile().with_changes(name=name)
    text = squash(reader(plan_pdf_bytes(person, plan)).pages[0].extract_text())
    assert squash(name) in text


def test_write_plan_pdf_writes_the_file(tmp_path: Path, plan: Plan, profile: Profile) -> None:
    out = tmp_path / "plan.pdf"
    assert write_plan_pdf(out, profile, plan) == out
    assert len(reader(out.read_bytes()).pages) == len(plan.weeks) + 1


def test_document_title_names_the_whole_plan() -> None:
    person = demo_profile()
    plan = build_plan(person, date(2025, 3, 10), 12)  # 12 weeks: Sun 1 Jun is the last day
    meta = reader(plan_pdf_bytes(person, plan)).metadata
    assert meta is not None and meta.title == "Runner Legs plan — 10 Mar – 1 Jun 2025"


def test_a_plan_across_new_year_names_both_years() -> None:
    person = demo_profile()
    plan = build_plan(person, date(2025, 12, 1), 8)  # to Sun 25 Jan 2026
    meta = reader(plan_pdf_bytes(person, plan)).metadata
    assert meta is not None and meta.title == "Runner Legs plan — 1 Dec 2025 – 25 Jan 2026"


def test_every_font_in_the_plan_is_embedded(plan: Plan) -> None:
    person = demo_profile().with_changes(name="Zoë 李 فاطمة प्रिया")
    pdf = reader(plan_pdf_bytes(person, plan))
    seen = set()
    for page in pdf.pages:
        resources: Any = page["/Resources"]
        for ref in resources["/Font"].values():
            font = ref.get_object()
            seen.add(str(font["/BaseFont"]))
            descriptor = font.get("/FontDescriptor")
            assert descriptor is not None, font["/BaseFont"]
            assert "/FontFile2" in descriptor.get_object(), font["/BaseFont"]
    assert not any("Helvetica" in name for name in seen), seen


def test_a_devanagari_name_on_the_cover(plan: Plan) -> None:
    name = "प्रिया शर्मा"
    text = reader(plan_pdf_bytes(demo_profile().with_changes(name=name), plan)).pages[0]
    extracted = unicodedata.normalize("NFKC", text.extract_text())
    assert "\ufffd" not in extracted
    assert set(squash(name)) <= set(extracted)


def _week_one_water_ml(person: Profile, plan: Plan) -> list[float]:
    """SPEC §4 by hand: half the weight in lb as fl oz, + 500 ml per hour of the session."""
    base = person.weight_kg * 2.20462 / 2 * 29.5735
    out = []
    for i in range(7):
        session = plan.weeks[0].session_on(plan.start + timedelta(days=i))
        hours = session.minutes / 60 if session and session.kind != "rest" else 0.0
        out.append(base + 500 * hours)
    return out


def _cover_text(person: Profile) -> tuple[str, Plan]:
    plan = build_plan(person, START, 4)
    return reader(plan_pdf_bytes(person, plan)).pages[0].extract_text(), plan


def test_metric_cover_shows_litres_kg_and_cm() -> None:
    person = demo_profile()  # 168 cm, 64 kg, metric
    raw, plan = _cover_text(person)
    text = squash(raw)
    assert squash("168 cm") in text and squash("64 kg") in text
    assert squash("1.8 g per kg") in text
    for ml in _week_one_water_ml(person, plan):
        assert squash(f"{ml / 1000:.1f} L") in text
    assert "fl oz" not in raw and " lb" not in raw and " ft " not in raw


def test_imperial_cover_shows_fluid_ounces_pounds_and_feet() -> None:
    person = demo_profile().with_changes(units="imperial")
    raw, plan = _cover_text(person)
    text = squash(raw)
    # 64 kg × 2.20462 = 141.1 lb; 168 cm ÷ 2.54 = 66.1 in = 5 ft 6.1 in; 1.8 ÷ 2.20462 = 0.82
    assert squash("141.1 lb") in text
    assert squash("5 ft 6.1 in") in text
    assert squash("0.82 g per lb") in text
    for ml in _week_one_water_ml(person, plan):
        assert squash(f"{int(ml / 29.5735 + 0.5)} fl oz") in text
    assert "kg" not in raw and " cm" not in raw
    assert not re.search(r"\d\.\d L\b", raw)


def test_imperial_salts_days_keep_fluid_ounces() -> None:
    person = demo_profile().with_changes(units="imperial", hot_climate=True)
    raw, plan = _cover_text(person)
    ounces = [int((ml + 500) / 29.5735 + 0.5) for ml in _week_one_water_ml(person, plan)]
    for oz in ounces:
        assert squash(f"{oz} fl oz + salts") in squash(raw)
    assert not re.search(r"\d\.\d L\b", raw)


def test_cover_carries_the_plans_note_for_a_trained_runner() -> None:
    runner = Profile(birth_date=date(1990, 1, 1), height_cm=175.0, weight_kg=70.0,
                     level="advanced", weekly_run_minutes=600)
    plan = build_plan(runner, START, 4)
    assert plan.notes  # week 1 runs far less than 600 min
    text = squash(reader(plan_pdf_bytes(runner, plan)).pages[0].extract_text())
    week1 = plan.weeks[0].run_minutes
    assert squash(f"Week 1 runs {week1} min, less than the 600 min a week you run now") in text
    assert squash(f"keep the other {600 - week1} min as easy running") in text


@pytest.mark.parametrize(("born", "hours"), [(date(1955, 1, 1), "7–8 h"),
                                             (date(1990, 1, 1), "7–9 h")])
def test_the_guide_box_states_the_sleep_target_for_the_age(born: date, hours: str) -> None:
    person = Profile(birth_date=born, height_cm=165.0, weight_kg=60.0)
    plan = build_plan(person, START, 4)
    text = squash(reader(plan_pdf_bytes(person, plan)).pages[0].extract_text())
    assert squash(f"sleep {hours} a night") in text
    other = "7–9 h" if hours == "7–8 h" else "7–8 h"
    assert squash(other) not in text


def test_every_week_has_an_outline_entry_that_opens_its_page(plan: Plan,
                                                             profile: Profile) -> None:
    pdf = reader(plan_pdf_bytes(profile, plan))
    outline = pdf.outline
    assert len(outline) == len(plan.weeks) + 1
    assert outline[0].title == "Your plan" and pdf.get_destination_page_number(outline[0]) == 0
    for number, (week, entry) in enumerate(zip(plan.weeks, outline[1:], strict=True), start=1):
        assert entry.title.startswith(f"Week {week.index} · ")
        assert str(week.start.day) in entry.title
        assert pdf.get_destination_page_number(entry) == number
        assert squash(f"Week {week.index}") in squash(pdf.pages[number].extract_text())
    assert pdf.trailer["/Root"]["/PageMode"] == "/UseOutlines"


def test_the_document_says_its_language_title_and_whose_plan_it_is(plan: Plan,
                                                                   profile: Profile) -> None:
    pdf = reader(plan_pdf_bytes(profile, plan))
    assert pdf.trailer["/Root"]["/Lang"] == "en"
    info = pdf.metadata
    assert info is not None
    assert info.author == profile.name
    assert info.title is not None and info.title.startswith("Runner Legs plan — ")
    assert str(plan.start.day) in info.title and str(plan.end.year) in info.title
    assert info.author != "anonymous"


def test_a_plan_without_a_name_is_by_runner_legs(plan: Plan, profile: Profile) -> None:
    import dataclasses

    nameless = dataclasses.replace(profile, name="   ")
    info = reader(plan_pdf_bytes(nameless, plan)).metadata
    assert info is not None and info.author == "Runner Legs"


def test_the_cover_shows_the_weight_trend_when_there_are_weights() -> None:
    from core.checkin import CheckIn
    from core.weight_trend import progress

    person = demo_profile()
    plan = build_plan(person, START, 12)
    today = START + timedelta(days=34)
    # a trend that falls exactly 0.05 kg a day (wₙ = Tₙ₋₁ − 0.5), 35 mornings
    logs = [CheckIn(START, weight_kg=70.0)] + [
        CheckIn(START + timedelta(days=n), weight_kg=70.0 - 0.05 * (n - 1) - 0.5)
        for n in range(1, 35)]
    report = progress(person, plan, logs, today)
    pdf = reader(plan_pdf_bytes(person, plan, progress=report))
    assert len(pdf.pages) == 13  # the cover still fits one page
    text = squash(pdf.pages[0].extract_text())
    assert squash("Weight trend") in text
    assert squash("losing 0.35 kg a week; your plan expects 0.27 — on track") in text
    plain = squash(reader(plan_pdf_bytes(person, plan)).pages[0].extract_text())
    assert squash("Weight trend") not in plain
