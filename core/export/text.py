"""User text on its way into a PDF: cleaned, escaped, and set in a font that has its glyphs.

Raw reportlab markup drops ``Tom & <Jerry>`` and follows ``<img src=...>``; every user string
goes through :func:`markup` (for a Paragraph) or :func:`runs` (for the canvas). Arabic and
Devanagari go to their Noto fonts (shaped on the canvas, see ``shaping``); anything else is
drawn in DejaVu Sans when it has it, else in the CJK font, else as a visible U+FFFD — never as
a silent black box — and :func:`missing_note` says so in one line.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Any
from xml.sax.saxutils import escape as _xml_escape

from core.export.pdf_style import RTL_FONTS, SHAPED, Fonts, fonts

_JOINERS = "\u200c\u200d"  # ZWNJ / ZWJ: they steer Arabic and Devanagari shaping


def escape(text: str) -> str:
    """Escape ``&``, ``<`` and ``>`` so Paragraph markup prints them as written."""
    return _xml_escape(text)


def clean(text: str) -> str:
    """NFC-normalise; line breaks and tabs become spaces; invisible format and control
    characters are dropped (except the joiners shaping needs); broken surrogates become
    U+FFFD."""
    text = str(text)
    if text.isprintable() and (text.isascii() or unicodedata.is_normalized("NFC", text)):
        return text  # the common case, already clean: nothing to drop, replace or compose
    out: list[str] = []
    for ch in unicodedata.normalize("NFC", text):
        cat = unicodedata.category(ch)
        if ch in "\t\n\r\v\f\x85\u2028\u2029":
            out.append(" ")
        elif cat == "Cc" or (cat == "Cf" and ch not in "\u00ad" + _JOINERS):
            continue
        elif cat == "Cs":
            out.append("\ufffd")
        else:
            out.append(ch)
    return "".join(out)


def _pick(ch: str, base: str, base_chars: frozenset[int], f: Fonts,
          bold: bool) -> tuple[str, str]:
    code = ord(ch)
    script = f.script_font(code, bold)
    if script is not None:
        return script, ch
    if code in base_chars or ch == " ":
        return base, ch
    if code in f.regular_chars:
        return f.regular, ch
    cjk = f.cjk()
    if cjk is not None and code in cjk[1]:
        return cjk[0], ch
    repl = f.replacement
    return (base if ord(repl) in base_chars else f.regular), repl


def runs(text: str, *, bold: bool = False) -> list[tuple[str, str]]:
    """Split cleaned ``text`` into (font name, text) runs, each font having every glyph."""
    return list(_runs(text, bold))


@lru_cache(maxsize=4096)
def _runs(text: str, bold: bool) -> tuple[tuple[str, str], ...]:
    f = fonts()
    base = f.bold if bold else f.regular
    if text.isascii():
        if text.isprintable():
            return ((base, text),) if text else ()  # every base font has printable ASCII
    elif unicodedata.is_normalized("NFC", text) and f.plain_chars(bold).issuperset(text):
        return ((base, text),)  # already clean, and all in the base font
    return _runs_by_char(text, bold)


def _runs_by_char(text: str, bold: bool) -> tuple[tuple[str, str], ...]:
    """:func:`_runs` the long way: a font picked for every character."""
    f = fonts()
    base = f.bold if bold else f.regular
    base_chars = f.bold_chars if bold else f.regular_chars
    cleaned = clean(text)
    if cleaned.isascii():
        return ((base, cleaned),) if cleaned else ()  # every base font has printable ASCII
    result: list[tuple[str, str]] = []
    for ch in cleaned:
        if ch in _JOINERS:
            if result and result[-1][0] in SHAPED:
                result[-1] = (result[-1][0], result[-1][1] + ch)
            continue
        font, shown = _pick(ch, base, base_chars, f, bold)
        if (font in SHAPED and len(result) >= 2 and result[-2][0] == font
                and result[-1][1].isspace()):
            spaces = result.pop()[1]  # words of one script stay one run, shaped together
            result[-1] = (font, result[-1][1] + spaces)
        if result and result[-1][0] == font:
            result[-1] = (font, result[-1][1] + shown)
        else:
            result.append((font, shown))
    return tuple(result)


def visual_runs(text: str, *, bold: bool = False) -> list[tuple[str, str]]:
    """:func:`runs` in drawing order, left to right: reversed when the text starts (its
    first letter) in a right-to-left script, as the Unicode bidi rules do for a line."""
    parts = list(_runs(text, bold))
    for font, part in parts:
        if font in RTL_FONTS:
            parts.reverse()
            break
        if any(ch.isalpha() for ch in part):
            break
    return parts


def unprintable(text: str) -> int:
    """How many characters of ``text`` no shipped font has (they print as U+FFFD)."""
    f = fonts()
    repl = f.replacement
    count = 0
    for ch in clean(text):
        if ch in _JOINERS or ch == repl:
            continue
        if _pick(ch, f.regular, f.regular_chars, f, False)[1] == repl:
            count += 1
    return count


def missing_note(text: str, what: str = "the name") -> str | None:
    """One line telling the user that characters of ``text`` print as a replacement."""
    n = unprintable(text)
    if not n:
        return None
    chars = "character" if n == 1 else "characters"
    verbs = "has no font and prints" if n == 1 else "have no font and print"
    return f"note: {n} {chars} in {what} {verbs} as {fonts().replacement}"


def printable(text: str, *, bold: bool = False) -> str:
    """The text as it will print: cleaned, with characters no font has replaced."""
    return "".join(part for _, part in runs(text, bold=bold))


def font_for(text: str, *, bold: bool = False) -> str:
    """The one font that has every glyph of ``text`` (DejaVu, else the CJK font); the base
    font when no single font covers it all (then :func:`runs` mixes fonts)."""
    f = fonts()
    used = {font for font, _ in runs(text, bold=bold)}
    if len(used) == 1:
        return used.pop()
    return f.bold if bold else f.regular


def markup(text: str, *, bold: bool = False) -> str:
    """Paragraph markup for a user string: escaped, with ``<font>`` tags only where a
    character needs another font than the style's own."""
    f = fonts()
    base = f.bold if bold else f.regular
    parts: list[str] = []
    for font, part in _runs(text, bold):
        if font == base:
            parts.append(escape(part))
        else:
            parts.append(f'<font face="{font}">{escape(part)}</font>')
    return "".join(parts)


def width(text: str, size: float, *, bold: bool = False) -> float:
    """The printed width of ``text`` at ``size`` points, across its font runs."""
    return _width(text, bold) * size


@lru_cache(maxsize=8192)
def _width(text: str, bold: bool) -> float:
    """The width at 1 pt (widths scale with the size, so one entry serves every size)."""
    if text.isascii() and text.isprintable():
        f = fonts()
        return float(_font_object(f.bold if bold else f.regular).stringWidth(text, 1.0))
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from core.export.shaping import shape

    return float(sum(shape(part, font, 1.0)[1] if font in SHAPED
                     else stringWidth(part, font, 1.0) for font, part in _runs(text, bold)))


@lru_cache(maxsize=16)
def _font_object(name: str) -> Any:
    """reportlab's object for a registered font, looked up once."""
    from reportlab.pdfbase.pdfmetrics import getFont

    return getFont(name)


def ellipsize(text: str, max_chars: int) -> str:
    """Shorten to ``max_chars`` characters with a trailing ellipsis."""
    text = clean(text)
    if len(text) <= max_chars:
        return text
    return text[: max(1, max_chars - 1)].rstrip() + "…"


__all__ = ["escape", "clean", "runs", "visual_runs", "printable", "font_for", "markup", "width",
           "ellipsize", "unprintable", "missing_note"]
