"""A page's strings gathered into one PDF text object, written as plain text operators.

One BT/ET for the whole page instead of one per string, a relative move (``Td``) per string,
and a font or colour change only when it changes. Strings in the embedded TrueType fonts go
through reportlab's documented dynamic-font calls (``splitString`` and
``getSubsetInternalName``), so reportlab still subsets and embeds the fonts; shaped runs (with
their ``/ActualText`` spans, see ``shaping``) and non-TrueType fonts are drawn by a reportlab
text object of their own.
"""

from __future__ import annotations

from typing import Any

from core.export import rl_internals as rl
from core.export import text as txt
from core.export.pdf_style import SHAPED
from core.export.shaping import shape, text_object

Run = tuple[str, str, float]  # (font, text (shaped when drawn), width at 1 pt)


class TextLayer:
    """Stands in for the canvas in ``boxes.draw_text``; :meth:`flush` puts the text on the
    page, above every shape drawn before it."""

    def __init__(self, canvas: Any) -> None:
        from reportlab.lib.rl_accel import escapePDF, fp_str
        from reportlab.pdfbase.pdfmetrics import getFont

        self.canvas = canvas
        self._get_font = getFont
        self._fp = fp_str
        self._escape = escapePDF
        self._ops: list[str] = []
        self._font: tuple[str, float] = rl.canvas_font(canvas)
        self._tf: tuple[str, float] | None = None  # font and size set in the open text object
        self._colour: Any = None
        self._at = (0, 0)  # the text line start, in whole 1/10000 pt (moves never drift)
        # (font, string) -> [(PDF font name, "(…) Tj")], or None when reportlab draws it
        self._chunks: dict[tuple[str, str], list[tuple[str, str]] | None] = {}
        self._lines: dict[tuple[str, bool], tuple[float, list[Run]]] = {}
        self._fills: dict[Any, str] = {}

    def draw(self, text: str, x: float, y: float, size: float, *, bold: bool = False,
             align: str = "left", colour: Any = None) -> float:
        """``boxes.draw_text`` on this layer: one line in font runs, visual order."""
        line = self._lines.get((text, bold))
        if line is None:
            line = self._lines[(text, bold)] = _line(text, bold)
        unit, runs = line
        total = unit * size
        if align == "right":
            x -= total
        elif align == "center":
            x -= total / 2
        if colour is not None and colour is not self._colour:
            self.setFillColor(colour)
        for font, part, run_unit in runs:
            self._font = (font, size)
            if font in SHAPED:
                self._shaped(x, y, part)
            else:
                self.drawString(x, y, part)
            x += run_unit * size
        return total

    def setFont(self, name: str, size: float) -> None:  # noqa: N802 - the canvas's API
        self._font = (name, size)

    def setFillColor(self, colour: Any) -> None:  # noqa: N802 - the canvas's API
        if colour is self._colour:
            return
        op = self._fills.get(colour)
        if op is None:
            op = self._fills[colour] = _fill_op(colour)
        self._ops.append(op)
        self._colour = colour

    def drawString(self, x: float, y: float, text: str) -> None:  # noqa: N802
        name, size = self._font
        key = (name, text)
        chunks = self._chunks[key] if key in self._chunks else self._split(name, text)
        if chunks is None:
            self._other(x, y, text)
            return
        ops, fp = self._ops, self._fp
        xi, yi = round(x * 10000), round(y * 10000)
        ax, ay = self._at
        ops.append(f"{fp((xi - ax) / 10000, (yi - ay) / 10000)} Td")
        self._at = (xi, yi)
        for pdf_name, shown in chunks:
            if self._tf != (pdf_name, size):
                ops.append(f"{pdf_name} {fp(size)} Tf")
                self._tf = (pdf_name, size)
            ops.append(shown)

    def _split(self, name: str, text: str) -> list[tuple[str, str]] | None:
        """The operators for ``text`` in an embedded TrueType font (None for other fonts and
        shaped runs); splitting adds its characters to the font's subsets."""
        font = self._get_font(name)
        chunks: list[tuple[str, str]] | None = None
        if name not in SHAPED and rl.is_dynamic_font(font):
            doc = rl.canvas_document(self.canvas)
            if rl.is_ascii_readable(font) and text.isascii() and text.isprintable():
                # "ASCII readable" fonts keep printable ASCII at its own codes in the first
                # subset (what splitString would return, without its per-character loop)
                raw = text.encode("ascii")
                chunks = [(font.getSubsetInternalName(0, doc), f"({self._escape(raw)}) Tj")]
            else:
                chunks = [(font.getSubsetInternalName(subset, doc), f"({self._escape(raw)}) Tj")
                          for subset, raw in font.splitString(text, doc)]
        self._chunks[(name, text)] = chunks
        return chunks

    def _shaped(self, x: float, y: float, text: str) -> None:
        """A run of a shaped script, in a text object of its own (it closes ours)."""
        name, size = self._font
        self._own(text_object(self.canvas, x, y, text, name, size))

    def _other(self, x: float, y: float, text: str) -> None:
        """One string drawn by a reportlab text object of its own (it closes ours)."""
        name, size = self._font
        obj = self.canvas.beginText(x, y)
        obj.setFont(name, size)
        obj.textOut(text)
        self._own(obj)

    def _own(self, obj: Any) -> None:
        """A reportlab text object between two of ours."""
        self._ops += ["ET", obj.getCode(), "BT"]
        self._tf = None
        self._at = (0, 0)

    def flush(self) -> None:
        """Put the gathered text on the page."""
        if self._ops:
            self.canvas.addLiteral(" ".join(["BT", *self._ops, "ET"]))
        self._ops = []
        self._tf = None
        self._colour = None
        self._at = (0, 0)


def _line(text: str, bold: bool) -> tuple[float, list[Run]]:
    """A line's width at 1 pt and its runs in drawing order, each with its own width."""
    parts = txt.visual_runs(text, bold=bold)
    unit = txt.width(text, 1.0, bold=bold)
    if len(parts) == 1:
        font, part = parts[0]
        return unit, [(font, part, unit)]
    from reportlab.pdfbase.pdfmetrics import stringWidth

    runs: list[Run] = []
    for font, part in parts:
        if font in SHAPED:
            runs.append((font, part, shape(part, font, 1.0)[1]))
        else:
            runs.append((font, part, float(stringWidth(part, font, 1.0))))
    return unit, runs


def _fill_op(colour: Any) -> str:
    """The PDF fill-colour operator for a reportlab colour."""
    from reportlab.lib.colors import CMYKColor, toColor
    from reportlab.lib.rl_accel import fp_str

    c = toColor(colour)
    if isinstance(c, CMYKColor):
        return f"{fp_str(c.cyan, c.magenta, c.yellow, c.black)} k"
    return f"{fp_str(c.red, c.green, c.blue)} rg"


__all__ = ["TextLayer"]
