"""Shaped Devanagari copies as it was typed: every cluster whose glyphs are not its letters one
for one (a conjunct, a vowel sign drawn before its consonant) is marked with its letters
(``/ActualText``), which poppler's pdftotext, MuPDF and PDFium read instead of the glyphs."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf.generic import ContentStream

from core.export import shaping
from core.export.fridge_pdf import fridge_pdf_bytes
from core.export.pdf_style import ARABIC, DEVANAGARI, fonts
from core.export.plan_pdf import plan_pdf_bytes
from core.plan import Plan
from core.profile import demo_profile
from tests.export.conftest import reader

NAME = "क्षत्रिय"  # a conjunct (क्ष), and a vowel sign (ि) drawn before the conjunct त्र
SCRAMBLED = "क्षित्रय"  # what a glyph-by-glyph reading of it gives
NAMES = [NAME, "प्रिया शर्मा", "शर्मा क्षत्रिय", "Zoë क्षत्रिय"]
PDFTOTEXT = shutil.which("pdftotext")
needs_pdftotext = pytest.mark.skipif(
    PDFTOTEXT is None, reason="pdftotext (poppler-utils) is not installed; it is the reader "
                              "these tests copy text with, as Evince and Okular do")


def _pdftotext(data: bytes, tmp_path: Path, page: int = 1) -> list[str]:
    assert PDFTOTEXT is not None
    pdf = tmp_path / "out.pdf"
    pdf.write_bytes(data)
    out = subprocess.run([PDFTOTEXT, "-enc", "UTF-8", "-f", str(page), "-l", str(page),
                          str(pdf), "-"], capture_output=True, check=True).stdout
    return [line.strip() for line in out.decode("utf-8").splitlines()]


@needs_pdftotext
@pytest.mark.parametrize("name", NAMES)
def test_a_devanagari_name_copies_from_the_fridge_page_as_typed(plan: Plan, tmp_path: Path,
                                                                 name: str) -> None:
    data = fridge_pdf_bytes(demo_profile().with_changes(name=name), plan.weeks[0])
    lines = _pdftotext(data, tmp_path)
    assert name in lines, lines[:5]
    assert not any(SCRAMBLED in line for line in lines)


@needs_pdftotext
@pytest.mark.parametrize("name", NAMES)
def test_a_devanagari_name_copies_from_the_plan_cover_and_footer_as_typed(
        plan: Plan, tmp_path: Path, name: str) -> None:
    data = plan_pdf_bytes(demo_profile().with_changes(name=name), plan)
    lines = _pdftotext(data, tmp_path)
    assert name in lines  # the cover's heading
    assert f"Runner Legs · {name}" in lines  # the footer
    assert not any(SCRAMBLED in line for line in lines)


def _marked(data: bytes) -> list[str]:
    """The /ActualText of every marked-content span on the first page, checking that each
    span opens and closes inside one text object."""
    pdf = reader(data)
    page = pdf.pages[0]
    found: list[str] = []
    in_text, depth = False, 0
    for operands, op in ContentStream(page.get_contents(), pdf).operations:
        if op == b"BT":
            assert not in_text and depth == 0
            in_text = True
        elif op == b"ET":
            assert in_text and depth == 0, "a span left open at the end of its text object"
            in_text = False
        elif op == b"BDC":
            assert in_text and depth == 0
            tag, props = operands
            assert tag == "/Span"
            found.append(str(props["/ActualText"]))
            depth += 1
        elif op == b"EMC":
            assert in_text and depth == 1
            depth -= 1
    assert not in_text and depth == 0
    return found


@pytest.mark.parametrize("build", ["fridge", "plan"])
def test_only_the_clusters_that_need_it_are_marked(plan: Plan, build: str) -> None:
    person = demo_profile().with_changes(name=NAME)
    data = (fridge_pdf_bytes(person, plan.weeks[0]) if build == "fridge"
            else plan_pdf_bytes(person, plan))
    spans = _marked(data)
    assert spans, "no /ActualText for a conjunct"
    assert set(spans) <= {"क्ष", "त्रि"}  # each marks a cluster of the name; य is its own glyph
    assert "क्ष" in spans


@pytest.mark.parametrize("name", ["Ana Lee", "Łucja Δήμητρα 李", "فاطمة الزهراء"])
def test_latin_cjk_and_arabic_names_get_no_marked_content(plan: Plan, name: str) -> None:
    # Arabic is drawn right to left in glyph order, which readers put back in order
    # themselves; they disagree on how to read /ActualText there (see shaping).
    data = fridge_pdf_bytes(demo_profile().with_changes(name=name), plan.weeks[0])
    assert _marked(data) == []


@pytest.fixture(scope="module")
def devanagari() -> str:
    if fonts().extra(DEVANAGARI) is None or not shaping.available():
        pytest.skip("the Devanagari font or HarfBuzz is missing")
    return DEVANAGARI


def _read_back(pieces: tuple[Any, ...]) -> str:
    """What a reader that honours /ActualText extracts: the marked letters, and every other
    glyph as the letter it is."""
    return "".join(str(glyphs) if letters is None else letters for glyphs, letters in pieces)


def test_the_pieces_of_a_name_are_its_glyphs_and_read_back_as_its_letters(
        devanagari: str) -> None:
    drawn, _ = shaping.shape(NAME, devanagari, 10)
    pieces = shaping.pieces(NAME, devanagari)
    assert "".join(str(glyphs) for glyphs, _ in pieces) == str(drawn)
    assert _read_back(pieces) == NAME
    assert [letters for _, letters in pieces] == ["क्ष", "त्रि", None]


DEVANAGARI_TEXT = st.text(alphabet="कखगघचछजटडणतथदधनपबभमयरलवशषसहक्षत्र ािीुूेैोौंःँ़्"
                                   "\u200c\u200d०१२", min_size=1, max_size=16)


@settings(max_examples=80, deadline=None)
@given(text=DEVANAGARI_TEXT)
def test_any_devanagari_text_reads_back_exactly_as_typed(devanagari: str, text: str) -> None:
    drawn, _ = shaping.shape(text, devanagari, 10)
    pieces = shaping.pieces(text, devanagari)
    assert "".join(str(glyphs) for glyphs, _ in pieces) == str(drawn)
    assert _read_back(pieces) == text


def test_a_right_to_left_run_is_one_unmarked_piece() -> None:
    if fonts().extra(ARABIC) is None:
        pytest.skip("the Arabic font is missing")
    drawn, _ = shaping.shape("فاطمة", ARABIC, 10)
    assert shaping.pieces("فاطمة", ARABIC) == ((drawn, None),)


def test_actual_text_is_utf16_with_its_byte_order_mark() -> None:
    assert shaping.actual_text("क्ष") == "/Span <</ActualText <FEFF0915094D0937>>> BDC"
    assert shaping.actual_text("\U0001F3C3") == "/Span <</ActualText <FEFFD83CDFC3>>> BDC"
