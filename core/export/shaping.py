"""Complex scripts on the canvas: Arabic and Devanagari runs are shaped with HarfBuzz
(``uharfbuzz``, through reportlab's own shaper) so letters join, conjuncts form and Arabic
reads right to left; the PDF's text layer is mapped back to the letters that were typed.

reportlab gives shaped glyphs that have no character of their own (a conjunct, a reordered
vowel sign) private-use code points, and its ToUnicode map sends them nowhere useful. Every
shaped run records which typed characters each such glyph stands for, and
:func:`to_unicode_cmap` builds the ToUnicode maps of our documents from that record (and turns Arabic
presentation forms back into plain letters), so copy-paste and search find the name.
Without ``uharfbuzz`` runs are drawn unshaped, Arabic reversed so at least it reads in order.
"""

from __future__ import annotations

import importlib
import threading
import unicodedata
from functools import lru_cache
from typing import Any

from core.export import rl_internals as rl
from core.export.pdf_style import RTL_FONTS

_PUA = range(0xE000, 0xF900)
_PRESENTATION = (range(0xFB50, 0xFE00), range(0xFE70, 0xFF00))
_LOCK = threading.Lock()
# face name -> private-use code point -> the typed text its glyph stands for
_ACTUAL: dict[str, dict[int, str]] = {}


@lru_cache(maxsize=1)
def available() -> bool:
    """True when HarfBuzz shaping works in this process."""
    try:
        importlib.import_module("uharfbuzz")
    except ImportError:
        return False
    return True


def shape(text: str, font: str, size: float) -> tuple[str, float]:
    """The string to hand to ``drawString`` for ``text`` in ``font`` and its width."""
    drawn, units = _shape(text, font)
    return drawn, units * size / 1000.0


@lru_cache(maxsize=2048)
def _shape(text: str, font: str) -> tuple[str, float]:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if not available():
        drawn = text[::-1] if font in RTL_FONTS else text
        return drawn, float(stringWidth(text, font, 1000))
    from reportlab.pdfbase.ttfonts import shapeStr

    shaped = shapeStr(text, font, 10, force=True)
    data = rl.shape_data(shaped)
    if not data:
        return text, float(stringWidth(text, font, 1000))
    _remember(font, text, str(shaped), [d.cluster for d in data])
    return shaped, float(sum(d.x_advance for d in data))


def _face_name(font: str) -> str:
    """The font's name as it appears (after the subset tag) in the PDF."""
    from reportlab.pdfbase.pdfmetrics import getFont

    face: Any = getFont(font).face
    return bytes(face.name + face.subfontNameX).decode("latin-1")


def _remember(font: str, text: str, glyphs: str, clusters: list[int]) -> None:
    """Record the typed text behind each private-use glyph of one shaped run."""
    if not any(ord(g) in _PUA for g in glyphs):
        return
    starts = sorted(set(clusters))
    ends = {c: (starts[k + 1] if k + 1 < len(starts) else len(text))
            for k, c in enumerate(starts)}
    known = _ACTUAL.setdefault(_face_name(font), {})
    for start in starts:
        members = [g for g, c in zip(glyphs, clusters, strict=True) if c == start]
        left = text[start:ends[start]]
        unresolved: list[int] = []
        for g in members:
            code = ord(g)
            plain = known.get(code) if code in _PUA else unicodedata.normalize("NFKC", g)
            if plain and plain in left:
                left = left.replace(plain, "", 1)
            elif code in _PUA:
                unresolved.append(code)
        if len(unresolved) > 1:
            for code in list(unresolved):
                piece = _peel(font, left, code)
                if piece:
                    known[code] = piece
                    left = left.replace(piece, "", 1)
                    unresolved.remove(code)
        if unresolved and left:
            with _LOCK:
                known.setdefault(unresolved[0], left)


def _peel(font: str, text: str, code: int) -> str:
    """The part of ``text`` that shapes to the single glyph ``code`` on its own, if any."""
    from reportlab.pdfbase.ttfonts import shapeStr

    for n in range(len(text) - 1, 0, -1):
        for i in range(len(text) - n + 1):
            piece = text[i:i + n]
            if [ord(g) for g in str(shapeStr(piece, font, 10, force=True))] == [code]:
                return piece
    return ""


def _unicode_for(face: str, code: int) -> str:
    text = _ACTUAL.get(face, {}).get(code)
    if text:
        return text
    if any(code in r for r in _PRESENTATION):
        return unicodedata.normalize("NFKC", chr(code))
    return chr(code)


def to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap, with private-use glyphs and presentation forms mapped to
    the typed letters and every value written as UTF-16 (so U+10000 and up work too)."""
    face = fontname.split("+", 1)[-1]
    entries = [f"<{i:02X}> <{_unicode_for(face, v).encode('utf-16-be').hex().upper()}>"
               for i, v in enumerate(subset)]
    return "\n".join([
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
        "/CIDSystemInfo", f"<< /Registry ({fontname})", f"/Ordering ({fontname})",
        "/Supplement 0", ">> def", f"/CMapName /{fontname} def", "/CMapType 2 def",
        "1 begincodespacerange", f"<00> <{len(subset) - 1:02X}>", "endcodespacerange",
        f"{len(subset)} beginbfchar", *entries, "endbfchar", "endcmap",
        "CMapName currentdict /CMap defineresource pop", "end", "end",
    ])


__all__ = ["available", "shape", "to_unicode_cmap"]
