"""Complex scripts on the canvas: Arabic and Devanagari runs are shaped with HarfBuzz
(``uharfbuzz``, through reportlab's own shaper) so letters join, conjuncts form and Arabic
reads right to left; the PDF's text layer is mapped back to the letters that were typed.

Shaping breaks the one glyph per letter that text extraction relies on: a Devanagari
conjunct is one glyph for three letters, and the vowel sign of "क्षत्रिय" is drawn before the
consonants it follows. A glyph-to-text map (the font's ToUnicode) cannot put that back in
order, so :func:`text_object` draws each such cluster of a left-to-right run inside a
marked-content span whose ``/ActualText`` is the letters it stands for: poppler (pdftotext,
Evince, Okular), MuPDF and PDFium (Chrome) copy and extract "क्षत्रिय", not "क्षित्रय".

Right-to-left runs get no ``/ActualText``: their glyphs are stored in drawing order, and the
readers that honour ``/ActualText`` reverse its text like the glyphs' (poppler, MuPDF) or
not (PDFium, for a single cluster), so no one spelling reads right everywhere.

Readers that ignore ``/ActualText`` (pdf.js in Firefox, pypdf, pdfminer) still read the
glyphs through the ToUnicode maps. reportlab gives shaped glyphs that have no character of
their own (a conjunct, a reordered vowel sign) private-use code points, and its ToUnicode map
sends them nowhere useful. Every shaped run records which typed characters each such glyph
stands for, and :func:`to_unicode_cmap` builds the ToUnicode maps of our documents from that
record (and turns Arabic presentation forms back into plain letters), so these readers get
the letters, if not always in the typed order.
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


Piece = tuple[str, str | None]  # (glyphs to draw, the letters they stand for if not 1:1)


def pieces(text: str, font: str) -> tuple[Piece, ...]:
    """The shaped run of ``text`` in ``font`` in drawing order, cut into pieces: a cluster
    whose glyphs are not its letters one for one (a conjunct, a reordered vowel sign) is a
    piece of its own with the letters it stands for (and the spaces drawn right after it);
    the glyphs between such clusters are pieces with None. Right-to-left runs are one piece
    with None. The pieces' glyphs together are exactly what :func:`shape` draws."""
    return _pieces(text, font)


@lru_cache(maxsize=2048)
def _pieces(text: str, font: str) -> tuple[Piece, ...]:
    drawn, _ = _shape(text, font)
    data = rl.shape_data(drawn)
    if font in RTL_FONTS or not data or len(data) != len(drawn):
        return ((drawn, None),)  # right to left: see the module's docstring
    clusters = [d.cluster for d in data]
    n = len(clusters)
    # Cut before glyph i when every glyph before it stands for earlier letters and every
    # glyph from i on for later ones (HarfBuzz keeps clusters in order, left to right; this
    # still holds should it not).
    before = list(clusters)
    for i in range(1, n):
        before[i] = max(before[i - 1], clusters[i])
    after = list(clusters)
    for i in range(n - 2, -1, -1):
        after[i] = min(after[i + 1], clusters[i])
    cuts = [0, *(i for i in range(1, n) if before[i - 1] < clusters[i] == after[i]), n]
    spans: list[list[Any]] = []  # [first glyph, end glyph, letters or None]
    for k, (a, b) in enumerate(zip(cuts, cuts[1:], strict=False)):
        start = 0 if k == 0 else clusters[a]
        letters = text[start:clusters[b] if b < n else len(text)]
        plain = str(drawn[a:b]) == letters
        if spans and plain and spans[-1][2] is None:
            spans[-1][1] = b  # plain glyphs go on one piece
        elif spans and plain and letters.isspace():
            # a space after a marked cluster joins it (PDFium drops a space that stands
            # alone between two marked clusters: "शर्मा क्षत्रिय" came out "शर्माक्षत्रिय")
            spans[-1][1] = b
            spans[-1][2] += letters
        else:
            spans.append([a, b, None if plain else letters])
    # a ShapedStr's slice keeps its glyph records
    return tuple((drawn[a:b], letters) for a, b, letters in spans)


def actual_text(letters: str) -> str:
    """The operator opening a marked-content span that reads as ``letters`` (``EMC`` ends
    it); the text is UTF-16BE with its byte-order mark, as a hex string."""
    utf16 = ("\ufeff" + letters).encode("utf-16-be").hex().upper()
    return f"/Span <</ActualText <{utf16}>>> BDC"


def text_object(canvas: Any, x: float, y: float, text: str, font: str, size: float) -> Any:
    """A reportlab text object (for ``canvas.drawText``) that draws ``text`` shaped in
    ``font`` at ``size`` from (x, y), each cluster that is not its letters one for one
    marked with its letters as ``/ActualText``."""
    obj = canvas.beginText(x, y)
    obj.setFont(font, size)
    for glyphs, letters in _pieces(text, font):
        if letters is None:
            obj.textOut(glyphs)
            continue
        rl.text_object_literal(obj, actual_text(letters))
        obj.textOut(glyphs)
        rl.text_object_literal(obj, "EMC")
    return obj


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
    the typed letters and every value written as UTF-16 (so U+10000 and up work too).

    Still needed beside ``/ActualText``: pdf.js, pypdf and pdfminer ignore ``/ActualText``
    and read every glyph through this map (reportlab's own would give them private-use
    code points for conjuncts), right-to-left runs have no ``/ActualText`` at all, and
    reportlab's map writes code points above U+FFFF as invalid four-digit values."""
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


__all__ = ["Piece", "actual_text", "available", "pieces", "shape", "text_object",
           "to_unicode_cmap"]
