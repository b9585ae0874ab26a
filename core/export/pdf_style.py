"""The look of every PDF: paper sizes, a black-and-white-friendly palette, named paragraph
styles, and the shipped fonts (registered lazily, once per process, with a fallback)."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

PAPERS: tuple[str, ...] = ("a4", "letter")
_PAPER_POINTS: dict[str, tuple[float, float]] = {
    "a4": (595.2756, 841.8898),  # 210 × 297 mm
    "letter": (612.0, 792.0),    # 8.5 × 11 in
}
# Countries whose printers load US Letter by default (glibc LC_PAPER and common practice).
LETTER_COUNTRIES = frozenset({
    "US", "CA", "MX", "PH", "PR", "CL", "CO", "CR", "DO", "GT", "NI", "PA", "SV", "VE", "BZ",
})

# Palette: greys only, so nothing relies on colour. Values are hex strings; callers turn
# them into reportlab colours with :func:`color`.
INK = "#111111"
GREY_DARK = "#333333"
GREY = "#555555"  # the lightest grey used for text: still legible from two metres
GREY_LIGHT = "#c8c8c8"
TINT = "#ececec"
TINT_LIGHT = "#f6f6f6"
PAPER = "#ffffff"

SANS = "RunnerLegsSans"
SANS_BOLD = "RunnerLegsSans-Bold"
CJK = "RunnerLegsCJK"
ARABIC = "RunnerLegsArabic"
ARABIC_BOLD = "RunnerLegsArabic-Bold"
DEVANAGARI = "RunnerLegsDevanagari"
DEVANAGARI_BOLD = "RunnerLegsDevanagari-Bold"
FONT_FILES = {SANS: "DejaVuSans.ttf", SANS_BOLD: "DejaVuSans-Bold.ttf",
              CJK: "DroidSansFallbackFull.ttf",
              ARABIC: "NotoSansArabic-Regular.ttf", ARABIC_BOLD: "NotoSansArabic-Bold.ttf",
              DEVANAGARI: "NotoSansDevanagari-Regular.ttf",
              DEVANAGARI_BOLD: "NotoSansDevanagari-Bold.ttf"}
# Scripts that need shaping get their own font even where DejaVu has isolated forms:
# (first, last) code points -> (regular font, bold font).
SCRIPT_FONTS: tuple[tuple[int, int, str, str], ...] = (
    (0x0600, 0x06FF, ARABIC, ARABIC_BOLD), (0x0750, 0x077F, ARABIC, ARABIC_BOLD),
    (0x08A0, 0x08FF, ARABIC, ARABIC_BOLD), (0xFB50, 0xFDFF, ARABIC, ARABIC_BOLD),
    (0xFE70, 0xFEFF, ARABIC, ARABIC_BOLD),
    (0x0900, 0x097F, DEVANAGARI, DEVANAGARI_BOLD), (0xA8E0, 0xA8FF, DEVANAGARI, DEVANAGARI_BOLD),
    (0x1CD0, 0x1CFF, DEVANAGARI, DEVANAGARI_BOLD),
)
SHAPED = frozenset({ARABIC, ARABIC_BOLD, DEVANAGARI, DEVANAGARI_BOLD})
RTL_FONTS = frozenset({ARABIC, ARABIC_BOLD})
REPLACEMENT = "\ufffd"


def paper_size(paper: str, *, landscape: bool = False) -> tuple[float, float]:
    """Page (width, height) in points for ``a4`` or ``letter``; ValueError names the choices."""
    key = paper.strip().lower() if isinstance(paper, str) else paper
    if key not in _PAPER_POINTS:
        raise ValueError(f"paper must be one of {', '.join(PAPERS)}, got {paper}")
    w, h = _PAPER_POINTS[key]
    return (h, w) if landscape else (w, h)


def default_paper_for_locale(locale_name: str) -> str:
    """``letter`` where printers load US Letter (US, CA, MX, PH and similar), else ``a4``.

    Accepts ``en_US.UTF-8``, ``es-MX``, ``fr_CA@euro`` or a bare country code ``US``.
    """
    text = (locale_name or "").split(".")[0].split("@")[0].replace("-", "_").strip()
    parts = [p for p in text.split("_") if p]
    if len(parts) >= 2:
        country = parts[-1]  # en_US, zh_Hant_TW
    elif len(parts) == 1 and len(parts[0]) == 2 and parts[0].isupper():
        country = parts[0]  # a bare country code
    else:
        return "a4"  # "", "C", "POSIX" or a bare language say nothing about paper
    return "letter" if country.upper() in LETTER_COUNTRIES else "a4"


@dataclass
class Fonts:
    """The registered font names and the characters each one can draw."""

    regular: str
    bold: str
    regular_chars: frozenset[int]
    bold_chars: frozenset[int]
    cjk_path: Path | None
    folder: Path | None = None
    _lazy: dict[str, frozenset[int] | None] = field(default_factory=dict, repr=False)
    _plain: dict[bool, frozenset[str]] = field(default_factory=dict, repr=False)

    @property
    def replacement(self) -> str:
        """The visible stand-in for a character no font has."""
        return REPLACEMENT if ord(REPLACEMENT) in self.regular_chars else "?"

    def cjk(self) -> tuple[str, frozenset[int]] | None:
        """The CJK font's name and characters, registered on first use (None if missing)."""
        if self.cjk_path is None:
            return None
        chars = self.extra(CJK)
        if chars is None:
            self.cjk_path = None
            return None
        return CJK, chars

    def extra(self, name: str) -> frozenset[int] | None:
        """A fallback font's characters, registered on first use (None if missing/broken)."""
        if name in self._lazy:
            return self._lazy[name]
        with _LOCK:
            if name not in self._lazy:
                path = self.cjk_path if name == CJK else (
                    self.folder / FONT_FILES[name] if self.folder else None)
                chars: frozenset[int] | None = None
                if path is not None and path.is_file():
                    try:
                        chars = _register(name, path)
                        _family(name, name)
                    except Exception:  # noqa: BLE001 - a broken file means "no such font"
                        chars = None
                self._lazy[name] = chars
        return self._lazy[name]

    def plain_chars(self, bold: bool) -> frozenset[str]:
        """Characters the base font draws on its own and that text cleaning keeps as they
        are: no control, format or line-break character, nothing from a shaped script."""
        chars = self._plain.get(bold)
        if chars is None:
            import unicodedata

            shaped = [(first, last) for first, last, _, _ in SCRIPT_FONTS]
            chars = self._plain[bold] = frozenset(
                chr(code) for code in (self.bold_chars if bold else self.regular_chars)
                if unicodedata.category(chr(code)) not in ("Cc", "Cf", "Cs", "Zl", "Zp")
                and not any(first <= code <= last for first, last in shaped))
        return chars

    def script_font(self, code: int, bold: bool) -> str | None:
        """The shaping font for a character of a script that needs one, if it has it."""
        if code < SCRIPT_FONTS[0][0]:
            return None  # Latin, Greek, Cyrillic and the rest below Arabic: never shaped
        for first, last, regular, heavy in SCRIPT_FONTS:
            if first <= code <= last:
                for name in ((heavy, regular) if bold else (regular,)):
                    chars = self.extra(name)
                    if chars is not None and code in chars:
                        return name
                return None
        return None


_LOCK = threading.RLock()
_FONTS: Fonts | None = None
_STYLES: dict[str, Any] | None = None


def fonts_dir() -> Path:
    """The folder of shipped fonts (``resources/fonts``)."""
    return Path(str(resources.files("resources").joinpath("fonts")))


def _register(name: str, path: Path) -> frozenset[int]:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    font = TTFont(name, str(path))
    pdfmetrics.registerFont(font)
    return frozenset(font.face.charToGlyph)


def _family(regular: str, bold: str) -> None:
    from reportlab.lib.fonts import addMapping

    addMapping(regular, 0, 0, regular)
    addMapping(regular, 1, 0, bold)
    addMapping(regular, 0, 1, regular)
    addMapping(regular, 1, 1, bold)


def _latin1_chars() -> frozenset[int]:
    chars = set()
    for i in range(32, 256):
        try:
            chr(i).encode("cp1252")
        except UnicodeEncodeError:
            continue
        chars.add(i)
    return frozenset(chars)


def fonts() -> Fonts:
    """Register the shipped fonts once per process; fall back to Helvetica if they are gone."""
    global _FONTS
    if _FONTS is not None:
        return _FONTS
    with _LOCK:
        if _FONTS is not None:
            return _FONTS
        from core.export.rl_internals import check_version

        check_version()  # loud, before any PDF, when an upgrade moved what we rely on
        folder = fonts_dir()
        cjk_path = folder / FONT_FILES[CJK]
        try:
            regular = _register(SANS, folder / FONT_FILES[SANS])
            bold = _register(SANS_BOLD, folder / FONT_FILES[SANS_BOLD])
            _family(SANS, SANS_BOLD)
            _FONTS = Fonts(SANS, SANS_BOLD, regular, bold,
                           cjk_path if cjk_path.is_file() else None, folder)
        except Exception:  # noqa: BLE001 - missing or damaged font files: still print
            latin = _latin1_chars()
            _FONTS = Fonts("Helvetica", "Helvetica-Bold", latin, latin,
                           cjk_path if cjk_path.is_file() else None)
        return _FONTS


@lru_cache(maxsize=64)
def color(hex_value: str) -> Any:
    """A reportlab colour from one of the palette's hex strings."""
    from reportlab.lib.colors import HexColor

    return HexColor(hex_value)


def styles() -> dict[str, Any]:
    """The named ParagraphStyles every PDF uses (built once, after the fonts)."""
    global _STYLES
    if _STYLES is not None:
        return _STYLES
    from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    f = fonts()
    ink, dark, grey = color(INK), color(GREY_DARK), color(GREY)

    def make(name: str, size: float, *, bold: bool = False, lead: float = 1.2,
             colour: Any = ink, align: int = TA_LEFT, **extra: Any) -> Any:
        return ParagraphStyle(name, fontName=f.bold if bold else f.regular, fontSize=size,
                              embeddedHyphenation=1, bulletFontName=f.regular,
                              leading=round(size * lead, 2), textColor=colour,
                              alignment=align, **extra)

    built = {
        # fridge page
        "name": make("name", 26, bold=True, lead=1.1),
        "dates": make("dates", 17, bold=True, align=TA_RIGHT, lead=1.15),
        "kicker": make("kicker", 9.5, bold=True, colour=dark),
        "kicker_right": make("kicker_right", 9.5, colour=dark, align=TA_RIGHT),
        "session_title": make("session_title", 21, bold=True, lead=1.05),
        "dose": make("dose", 11.5, colour=ink, lead=1.18),
        "cell_label": make("cell_label", 10, bold=True, colour=dark, lead=1.15),
        "fuel": make("fuel", 12, bold=True, lead=1.2),
        "fuel_small": make("fuel_small", 9.5, colour=dark, lead=1.2),
        "footer": make("footer", 9, colour=dark, lead=1.25),
        "footer_head": make("footer_head", 9, bold=True, lead=1.25),
        # plan document
        "h1": make("h1", 24, bold=True, lead=1.15, spaceAfter=6),
        "h2": make("h2", 14, bold=True, lead=1.2, spaceBefore=8, spaceAfter=4),
        "h3": make("h3", 11.5, bold=True, lead=1.2, spaceBefore=6, spaceAfter=1),
        "body": make("body", 10, lead=1.35, spaceAfter=5),
        "small": make("small", 8.5, colour=dark, lead=1.3),
        "bullet": make("bullet", 9.5, lead=1.3, leftIndent=11, bulletIndent=2),
        "why": make("why", 9.5, colour=dark, lead=1.3, leftIndent=11, spaceAfter=2),
        "cell": make("cell", 9.5, lead=1.25),
        "cell_bold": make("cell_bold", 9.5, bold=True, lead=1.25),
        "cell_right": make("cell_right", 9.5, lead=1.25, align=TA_RIGHT),
        "cell_bold_right": make("cell_bold_right", 9.5, bold=True, lead=1.25, align=TA_RIGHT),
        "center": make("center", 9.5, lead=1.25, align=TA_CENTER, colour=grey),
    }
    _STYLES = built
    return built


__all__ = ["PAPERS", "paper_size", "default_paper_for_locale", "fonts", "styles", "color",
           "Fonts", "INK", "GREY_DARK", "GREY", "GREY_LIGHT", "TINT", "TINT_LIGHT", "PAPER"]
