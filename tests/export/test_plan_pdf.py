"""The plan PDF (SPEC §6): a cover, one page per week, page numbers, structure and why."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.export.plan_pdf import plan_pdf_bytes, write_plan_pdf
from core.planner import build_plan
from core.profile import demo_profile
from tests.export.conftest import START, reader, squash


@pytest.mark.parametrize("weeks", [4, 12])
def test_a_cover_then_one_page_per_week_numbered(weeks: int) -> None:
    person = demo_profile()
    plan = build_plan(person, START, weeks)
    pdf = reader(plan_pdf_bytes(person, plan))
    assert len(pdf.pages) == weeks + 1
    for number, page in enumerate(pdf.pages, start=1):
        assert squash(f"Page {number} of {weeks + 1}") in squash(page.extract_text())


def test_each_week_page_has_its_sessions_with_structure_and_why(plan, profile) -> None:
    pdf = reader(plan_pdf_bytes(profile, plan))
    for week, page in zip(plan.weeks, pdf.pages[1:], strict=True):
        text = squash(page.extract_text())
        assert squash(f"Week {week.index}") in text
        for session in week.sessions:
            assert squash(session.title) in text
            assert squash(session.why) in text
            for line in session.structure:
                assert squash(line) in text


def test_cover_has_profile_targets_and_the_guide(plan, profile) -> None:
    text = squash(reader(plan_pdf_bytes(profile, plan)).pages[0].extract_text())
    assert squash(profile.name) in text
    assert squash("How the plan works") in text
    assert squash("no exercise slims one spot") in text
    protein = round(profile.protein_g_per_kg * profile.weight_kg)
    assert squash(f"{protein} g") in text


def test_hostile_name_prints_as_written(plan) -> None:
    name = 'Tom & <Jerry> <img src="x"> 李'
    person = demo_profile().with_changes(name=name)
    text = squash(reader(plan_pdf_bytes(person, plan)).pages[0].extract_text())
    assert squash(name) in text


def test_write_plan_pdf_writes_the_file(tmp_path: Path, plan, profile) -> None:
    out = tmp_path / "plan.pdf"
    assert write_plan_pdf(out, profile, plan) == out
    assert len(reader(out.read_bytes()).pages) == len(plan.weeks) + 1
