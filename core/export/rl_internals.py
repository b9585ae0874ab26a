"""Every private reportlab attribute the app reads, in one place (STYLE habit 15).

The fridge page writes its text layer itself, shaped runs put ``/ActualText`` spans inside
reportlab's text objects, and the shaped scripts need their typed text in the PDF's
ToUnicode maps; all three reach below reportlab's public API. Each reach is a function
here, checked against the reportlab versions it was written for (:func:`check_version`,
called when the first PDF is made and by the tests), so an upgrade fails loudly in one place
instead of printing wrong PDFs. Nothing is patched process-wide: the ToUnicode builder is
swapped only while one of our documents is written (:func:`our_to_unicode_maps`).

The ``/ActualText`` spans do not make that swap unnecessary: readers that ignore them
(pdf.js, pypdf, pdfminer) and right-to-left runs (which have none) still take the text from
the ToUnicode maps, and reportlab's own map gives conjunct glyphs private-use code points.
reportlab builds each map by calling the module-level ``makeToUnicodeCMap`` from
``TTFont.addObjects``; doing without the swap would take a font class that rewrites
``addObjects`` or edits the written document's objects, both deeper reaches than borrowing
that one function for the length of our save.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

SUPPORTED_MAJORS = (4, 5)  # pyproject pins reportlab>=4.1,<6; check again before widening


class ReportlabChanged(RuntimeError):
    """The installed reportlab lacks an internal this module relies on."""


def version() -> tuple[int, ...]:
    import reportlab

    return tuple(int(p) for p in reportlab.Version.split(".")[:2] if p.isdigit())


def check_version() -> None:
    """Raise ReportlabChanged unless every internal below is where it was."""
    from reportlab.pdfbase import ttfonts
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.pdfgen.textobject import PDFTextObject

    if version()[0] not in SUPPORTED_MAJORS:
        raise ReportlabChanged(f"reportlab {version()} is not a version Runner Legs was "
                               f"checked with ({SUPPORTED_MAJORS} majors)")
    missing = [name for name, ok in (
        ("ttfonts.makeToUnicodeCMap", callable(getattr(ttfonts, "makeToUnicodeCMap", None))),
        ("ttfonts.shapeStr", callable(getattr(ttfonts, "shapeStr", None))),
        ("TTFont._dynamicFont", getattr(ttfonts.TTFont, "_dynamicFont", None) is not None),
        ("Canvas._doc", "_doc" in Canvas.__init__.__code__.co_names),
        ("Canvas._fontname", "_fontname" in _canvas_names()),
        ("PDFTextObject._code", "_code" in PDFTextObject.__init__.__code__.co_names),
        ("ShapedStr slices keep their glyph records", _slices_keep_shape_data()),
    ) if not ok]
    if missing:
        raise ReportlabChanged("reportlab changed internals the PDFs rely on: "
                               + ", ".join(missing))


def _canvas_names() -> set[str]:
    from reportlab.pdfgen.canvas import Canvas

    names: set[str] = set()
    for fn in (Canvas.__init__, Canvas.init_graphics_state, Canvas.setFont):
        names.update(fn.__code__.co_names)
    return names


def _slices_keep_shape_data() -> bool:
    from reportlab.pdfbase.ttfonts import ShapedStr

    try:
        return list(getattr(ShapedStr("ab", shapeData=[1, 2])[1:], "__shapeData__", [])) == [2]
    except Exception:  # noqa: BLE001 - any failure means the class changed
        return False


# -- the canvas --------------------------------------------------------------------------

def canvas_font(canvas: Any) -> tuple[str, float]:
    """The canvas's current font name and size."""
    return str(canvas._fontname), float(canvas._fontsize)


def canvas_document(canvas: Any) -> Any:
    """The PDF document object a canvas writes into (fonts subset per document)."""
    return canvas._doc


def text_object_literal(obj: Any, operators: str) -> None:
    """Put raw PDF operators into a reportlab text object, after the text drawn so far (the
    canvas has the public ``addLiteral``; its text objects have nothing like it)."""
    obj._code.append(operators)


# -- fonts -------------------------------------------------------------------------------

def is_dynamic_font(font: Any) -> bool:
    """An embedded TrueType font that subsets (``splitString`` works on it)."""
    return bool(getattr(font, "_dynamicFont", False))


def is_ascii_readable(font: Any) -> bool:
    """The font keeps printable ASCII at its own codes in its first subset."""
    return bool(getattr(font, "_asciiReadable", False))


def shape_data(shaped: object) -> list[Any] | None:
    """The glyph records (cluster, x_advance) of a string shaped by ``ttfonts.shapeStr``."""
    data = getattr(shaped, "__shapeData__", None)
    return list(data) if data else None


# -- ToUnicode maps ----------------------------------------------------------------------

_LOCK = threading.RLock()


@contextmanager
def our_to_unicode_maps(builder: Callable[[str, list[int]], str]) -> Iterator[None]:
    """Let reportlab build ToUnicode maps with ``builder`` while one of our documents is
    written, and put its own builder back afterwards (one document at a time)."""
    from reportlab.pdfbase import ttfonts

    with _LOCK:
        own = ttfonts.makeToUnicodeCMap
        ttfonts.makeToUnicodeCMap = builder
        try:
            yield
        finally:
            ttfonts.makeToUnicodeCMap = own


__all__ = ["ReportlabChanged", "canvas_document", "canvas_font", "check_version",
           "is_ascii_readable", "is_dynamic_font", "our_to_unicode_maps", "shape_data",
           "text_object_literal", "version"]
