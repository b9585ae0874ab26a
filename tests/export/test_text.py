"""User text meets the PDF: escaping, a font that has every glyph, visible replacements."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from core.export import pdf_style
from core.export.pdf_style import default_paper_for_locale, fonts
from core.export.text import clean, font_for, markup, printable, runs


def test_markup_escapes_what_looks_like_tags() -> None:
    assert markup("Tom & <Jerry>") == "Tom &amp; &lt;Jerry&gt;"
    assert "<img" not in markup('<img src="x">')


def test_latin_greek_cyrillic_use_dejavu_and_chinese_the_cjk_font() -> None:
    f = fonts()
    assert font_for("Łucja Δήμητρα Жанна") == f.regular
    cjk = f.cjk()
    assert cjk is not None
    assert font_for("李小龍") == cjk[0]


def test_mixed_text_switches_font_per_run() -> None:
    f = fonts()
    cjk = f.cjk()
    assert cjk is not None
    assert runs("李 Lee") == [(cjk[0], "李"), (f.regular, " Lee")]
    assert f'<font face="{cjk[0]}">李</font>' in markup("李 & Lee")


@pytest.mark.parametrize("char", ["\U00010000", "\U0001d11e", "\u0e01"])
def test_a_character_no_font_has_becomes_a_visible_replacement(char: str) -> None:
    f = fonts()
    cjk = f.cjk()
    assert cjk is not None
    assert ord(char) not in f.regular_chars and ord(char) not in cjk[1]
    assert printable(f"a{char}b") == "a\ufffdb"


def test_clean_turns_breaks_into_spaces_and_drops_control_characters() -> None:
    assert clean("Ann\nLee\tX\x00\u200b") == "Ann Lee X"


def test_fonts_are_registered_once() -> None:
    assert fonts() is fonts()
    assert pdf_style.styles() is pdf_style.styles()


@pytest.mark.parametrize(("name", "paper"), [
    ("en_US.UTF-8", "letter"), ("fr_CA", "letter"), ("es-MX", "letter"), ("fil_PH", "letter"),
    ("US", "letter"), ("en_GB.UTF-8", "a4"), ("de_DE@euro", "a4"), ("zh_Hant_TW", "a4"),
    ("ja_JP", "a4"), ("", "a4"), ("C", "a4"), ("POSIX", "a4"), ("en", "a4"),
])
def test_default_paper_follows_the_country(name: str, paper: str) -> None:
    assert default_paper_for_locale(name) == paper


def test_importing_the_export_command_does_not_load_reportlab() -> None:
    code = ("import sys, core.cli.export_cmd, core.wording; "
            "print('reportlab' in sys.modules, 'icalendar' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["False", "False"]


def test_without_the_shipped_fonts_a_page_still_prints(tmp_path: Path) -> None:
    code = (
        "import io, sys\n"
        "from pathlib import Path\n"
        "from datetime import date\n"
        "import core.export.pdf_style as ps\n"
        f"ps.fonts_dir = lambda: Path({str(tmp_path)!r})\n"
        "from core.export.fridge_pdf import fridge_pdf_bytes\n"
        "from core.planner import build_plan\n"
        "from core.profile import demo_profile\n"
        "from pypdf import PdfReader\n"
        "p = demo_profile().with_changes(name='Zoë & <Li> 李')\n"
        "data = fridge_pdf_bytes(p, build_plan(p, date(2025, 1, 6), 4).weeks[0])\n"
        "r = PdfReader(io.BytesIO(data))\n"
        "print(len(r.pages), ps.fonts().regular)\n"
        "print(''.join(r.pages[0].extract_text().split()))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.splitlines()
    assert out[0] == "1 Helvetica"
    assert "Zoë&<Li>?" in out[1]
