"""The page's text layer and the shortcuts behind it: strings land where they are placed and
print as written, fonts are picked as character by character, boxes get the largest size."""

from __future__ import annotations

import io
import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.export import text as txt
from core.export.boxes import _tokens, draw_text, fit, wrap
from core.export.pdf_style import color, fonts, styles
from core.export.text_layer import TextLayer
from tests.export.conftest import reader

# Latin, Greek, Cyrillic, dashes and dots, CJK, Arabic, Devanagari, a no-break space, a soft
# hyphen, joiners, a combining accent (not yet composed), a tab and a line separator.
ALPHABET = ("aZ09 (),;&<>\\'\"" "ÅéñøŁżΔωЖя" "–—·×…½✓" "李龍" "فاطمة" "प्रिया"
            "\u00a0\u00ad\u200c\u200d\u0301\t\u2028")


@settings(max_examples=60, deadline=None)
@given(text=st.text(alphabet=ALPHABET, max_size=24), bold=st.booleans())
def test_font_runs_are_those_picked_character_by_character(text: str, bold: bool) -> None:
    assert txt._runs(text, bold) == txt._runs_by_char(text, bold)


@pytest.mark.parametrize(("raw", "clean"), [
    ("Zoe\u0308", "Zoë"),  # composed
    ("Ann\u00a0Lee", "Ann\u00a0Lee"),  # the no-break space stays
    ("Ana\u2028Lee\u200b", "Ana Lee"),  # a line separator is a space, a zero-width space goes
    ("Łucja – Δήμητρα", "Łucja – Δήμητρα"),
])
def test_clean_composes_and_drops_only_what_it_must(raw: str, clean: str) -> None:
    assert txt.clean(raw) == clean


def _placed(data: bytes) -> list[tuple[str, float, float]]:
    found: list[tuple[str, float, float]] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: float) -> None:
        if text.strip() and tm:
            found.append((text.strip(), float(tm[4]), float(tm[5])))

    reader(data).pages[0].extract_text(visitor_text=visit)
    return found


def _layer_page(strings: list[tuple[str, float, float, bool]]) -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=(600, 400), initialFontName=fonts().regular)
    layer = TextLayer(canvas)
    ink = color("#111111")
    for text, x, y, bold in strings:
        draw_text(layer, text, x, y, 10, bold=bold, colour=ink)
    layer.flush()
    canvas.showPage()
    canvas.save()
    return buf.getvalue()


def test_every_string_lands_where_it_was_placed_and_prints_as_written() -> None:
    strings = [(f"({k}) a\\b {k * 7}", 20.3 + 37.123 * (k % 13), 380.7 - 11.377 * k, k % 2 == 0)
               for k in range(30)]
    strings.append(("Łucja – Δήμητρα ½", 101.01, 20.02, False))
    found = _placed(_layer_page(strings))
    assert [text for text, _, _ in found] == [text for text, _, _, _ in strings]
    for (_, x, y), (_, want_x, want_y, _) in zip(found, strings, strict=True):
        assert math.isclose(x, want_x, abs_tol=1e-3) and math.isclose(y, want_y, abs_tol=1e-3)


def test_right_aligned_text_ends_at_its_edge() -> None:
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=(600, 400), initialFontName=fonts().regular)
    layer = TextLayer(canvas)
    width = draw_text(layer, "Mon 30 Nov – Sun 6 Dec", 500, 200, 17, bold=True, align="right")
    layer.flush()
    canvas.showPage()
    canvas.save()
    (_, x, _), = _placed(buf.getvalue())
    assert width > 100
    assert math.isclose(x + width, 500, abs_tol=1e-3)


WORDS = st.lists(st.sampled_from(["run", "easy", "Conversational", "pace", "–", "Calf raise",
                                  "hamstrings,", "Wolfeschlegelstein", "李龍", "×", "stretch"]),
                 min_size=1, max_size=12).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(text=WORDS, w=st.floats(40, 240), h=st.floats(12, 60),
       style=st.sampled_from(["session_title", "dose", "footer", "name"]))
def test_fit_takes_the_largest_size_at_which_the_text_fits(text: str, w: float, h: float,
                                                           style: str) -> None:
    s = styles()[style]
    floor = 9.0
    got = fit(text, s, w, h, min_size=floor)
    ratio = s.leading / s.fontSize
    bold = s.fontName == fonts().bold
    size = max(float(s.fontSize), floor)
    while size - 1 >= floor - 1e-6:  # every larger size tried first must not fit
        lines, whole = wrap(_tokens(text, bold), size, w, split_words=False)
        fits = whole and len(lines) <= max(1, int((h + 0.01) // (size * ratio)))
        if fits:
            break
        size -= 1
    assert got.font_size == size
    # fit() allows the box a hundredth of a point of slack (boxes.py), no more
    assert got.height <= max(h, got.leading) + 0.01 + 1e-6
