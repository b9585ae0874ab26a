"""Fixed-size text boxes for one-page layouts. Text is wrapped here (greedy, at spaces, after
hyphens and between CJK characters) and drawn line by line on the canvas: it shrinks down to
a floor size and, as a last resort, is shortened with an ellipsis — it never leaves its box.

Drawing goes through :func:`draw_text`, which picks a font per character run, so user text
is printed literally (no markup is ever interpreted) and never as missing-glyph boxes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from core.export import text as txt
from core.export.pdf_style import SHAPED, fonts
from core.export.shaping import shape, text_object
from core.export.text_layer import TextLayer

ELLIPSIS = "…"
# Words break at spaces, after hyphens and between CJK characters; a no-break space
# (U+00A0) holds two words together ("Calf raise").
_SPACE = r"[^\S\u00a0]"
_TOKENS = re.compile(r"(?:[^\s]|\u00a0)+?(?:-|(?<=[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff])|$"
                     rf"|(?={_SPACE}))|{_SPACE}+")
_SPACES = re.compile(rf"{_SPACE}+")
_CJK = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff]")

Segment = tuple[str, bool]  # (text, bold)


@dataclass
class Fitted:
    """Text fitted to a box: its lines (each a list of segments), size and font size."""

    lines: list[list[Segment]]
    width: float
    height: float
    font_size: float
    leading: float
    style: Any = None
    box_width: float = 0.0
    widths: list[float] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join("".join(t for t, _ in line) for line in self.lines)

    def draw(self, canvas: Any, x: float, y_top: float) -> None:
        """Draw with the text's top edge at ``y_top``."""
        align = self.style.alignment
        colour = self.style.textColor
        y = y_top - self.font_size * 0.78  # first baseline: the ascent of capitals below the top
        for line, w in zip(self.lines, self.widths, strict=True):
            lx = x
            if align == 2:  # right
                lx = x + self.box_width - w
            elif align == 1:  # centre
                lx = x + (self.box_width - w) / 2
            for part, bold in line:
                lx += draw_text(canvas, part, lx, y, self.font_size, bold=bold, colour=colour)
            y -= self.leading


def _tokens(text: str, bold: bool) -> list[Segment]:
    return [(tok, bold) for tok in _TOKENS.findall(text)]


def _width(seg: Segment, size: float) -> float:
    return txt.width(seg[0], size, bold=seg[1])


def _split_long(seg: Segment, size: float, w: float) -> list[Segment]:
    """Break a word wider than the box into pieces that fit (last resort)."""
    pieces: list[Segment] = []
    cur = ""
    for ch in seg[0]:
        if cur and txt.width(cur + ch, size, bold=seg[1]) > w:
            pieces.append((cur, seg[1]))
            cur = ch
        else:
            cur += ch
    if cur:
        pieces.append((cur, seg[1]))
    return pieces


class _Units(dict[Segment, float]):
    """Each segment's width at 1 pt, measured once: a fit tries several sizes of the same
    words, and a width scales with the size."""

    def __missing__(self, seg: Segment) -> float:
        unit = self[seg] = txt.width(seg[0], 1.0, bold=seg[1])
        return unit


def wrap(segments: list[Segment], size: float, w: float, *, split_words: bool,
         units: _Units | None = None) -> tuple[list[list[Segment]], bool]:
    """Greedy line breaking. Returns the lines and whether every word fitted whole.
    ``units`` (widths at 1 pt) can be shared by the calls of one fit."""
    unit = _Units() if units is None else units
    room = (w + 0.01) / size  # the box in 1-pt units
    lines: list[list[Segment]] = []
    line: list[Segment] = []
    line_u = 0.0
    whole = True
    queue = segments[::-1]  # next segment last
    while queue:
        seg = queue.pop()
        if seg[0] == " " or _SPACES.fullmatch(seg[0]):
            if line:
                space = (" ", seg[1])
                line.append(space)
                line_u += unit[space]
            continue
        su = unit[seg]
        if line_u + su <= room:
            line.append(seg)
            line_u += su
            continue
        if line:
            lines.append(_rstrip(line))
            line, line_u = [], 0.0
            queue.append(seg)
            continue
        whole = False  # a single word wider than the box
        if not split_words:
            line, line_u = [seg], su
            continue
        pieces = _split_long(seg, size, w)
        queue += pieces[:0:-1]
        line, line_u = [pieces[0]], unit[pieces[0]]
    if line:
        lines.append(_rstrip(line))
    return lines, whole


def _rstrip(line: list[Segment]) -> list[Segment]:
    while line and _SPACES.fullmatch(line[-1][0]):
        line = line[:-1]
    return line


def _line_width(line: list[Segment], size: float) -> float:
    return sum(_width(seg, size) for seg in line)


def _merge(line: list[Segment]) -> list[Segment]:
    out: list[Segment] = []
    for t, b in line:
        if out and out[-1][1] == b:
            out[-1] = (out[-1][0] + t, b)
        else:
            out.append((t, b))
    return out


def _shorten(line: list[Segment], size: float, w: float) -> list[Segment]:
    """Drop characters from the end of ``line`` until it and an ellipsis fit."""
    text = "".join(t for t, _ in line)
    bold = line[-1][1] if line else False
    lead = [seg for seg in line if seg[1]] if not bold else []
    plain = text[len("".join(t for t, _ in lead)):] if lead else text
    while plain and _line_width([*lead, (plain.rstrip() + ELLIPSIS, bold)], size) > w:
        plain = plain[:-1]
    return [*lead, (plain.rstrip() + ELLIPSIS, bold)]


def fit(text: str, style: Any, w: float, h: float, *, min_size: float,
        step: float = 1.0, lead: str = "") -> Fitted:
    """Fit ``text`` into ``w`` × ``h`` points in ``style``.

    Tries the style's size, then smaller sizes down to ``min_size``, preferring to shrink
    over breaking a word; at ``min_size`` long words break and, if the text is still too
    long, its last line ends in "…". ``lead`` is an optional bold run-in head.
    """
    bold = style.fontName == fonts().bold
    ratio = style.leading / style.fontSize
    clean = _SPACES.sub(" ", txt.clean(text)).strip()
    segments = (_tokens(_SPACES.sub(" ", txt.clean(lead)).strip() + " ", True) if lead else [])
    segments += _tokens(clean, bold)
    size = max(float(style.fontSize), min_size)  # never below the floor, whatever the style
    units = _Units()
    words = [units[seg] for seg in segments if not _SPACES.fullmatch(seg[0])]
    widest, ink = max(words, default=0.0), sum(words)
    while True:
        last = size - step < min_size - 1e-6
        leading = size * ratio
        max_lines = max(1, int((h + 0.01) // leading))
        room = (w + 0.01) / size
        if not last and (widest > room or ink > max_lines * room * (1 + 1e-9)):
            size -= step  # a word is wider than the box, or the words need more lines
            continue
        lines, whole = wrap(segments, size, w, split_words=last, units=units)
        if (whole or last) and len(lines) <= max_lines:
            break
        if last:
            lines = lines[:max_lines]
            lines[-1] = _shorten(lines[-1], size, w)
            break
        size -= step
    lines = [_merge(line) for line in lines]
    widths = [_line_width(line, size) for line in lines]
    return Fitted(lines, max(widths, default=0.0), len(lines) * size * ratio, size,
                  size * ratio, style=style, box_width=w, widths=widths)


def draw_text(canvas: Any, text: str, x: float, y: float, size: float, *,
              bold: bool = False, align: str = "left", colour: Any = None) -> float:
    """Draw one line of text (font runs per glyph coverage, complex scripts shaped, in
    visual order) and return its width."""
    if isinstance(canvas, TextLayer):
        return canvas.draw(text, x, y, size, bold=bold, align=align, colour=colour)
    parts = txt.visual_runs(text, bold=bold)
    total = txt.width(text, size, bold=bold)
    if align == "right":
        x -= total
    elif align == "center":
        x -= total / 2
    if colour is not None:
        canvas.setFillColor(colour)
    if len(parts) == 1:  # the common case: one font, its width is ``total``
        font, part = parts[0]
        _draw_run(canvas, part, font, x, y, size)
        return total
    for font, part in parts:
        _draw_run(canvas, part, font, x, y, size)
        x += _run_width(part, font, size)
    return total


def _draw_run(canvas: Any, part: str, font: str, x: float, y: float, size: float) -> None:
    """One font run; a shaped one with the letters its clusters stand for (``shaping``)."""
    canvas.setFont(font, size)
    if font in SHAPED:
        canvas.drawText(text_object(canvas, x, y, part, font, size))
    else:
        canvas.drawString(x, y, part)


def _run_width(part: str, font: str, size: float) -> float:
    if font in SHAPED:
        return shape(part, font, size)[1]
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return float(stringWidth(part, font, size))


def tick_boxes(canvas: Any, boxes: list[tuple[float, float, float]], *, line: float = 1.1,
               colour: Any = None) -> None:
    """Empty squares to tick, each (x, y, size) with its lower-left corner at (x, y), drawn
    as one path."""
    if not boxes:
        return
    canvas.saveState()
    canvas.setLineWidth(line)
    if colour is not None:
        canvas.setStrokeColor(colour)
    path = canvas.beginPath()
    for x, y, size in boxes:
        path.rect(x, y, size, size)
    canvas.drawPath(path, stroke=1, fill=0)
    canvas.restoreState()


def hatch(canvas: Any, x: float, y: float, w: float, h: float, *, gap: float = 7.0,
          colour: Any = None, line: float = 0.5) -> None:
    """Diagonal lines across a rectangle (a pattern that survives black-and-white printing)."""
    canvas.saveState()
    path = canvas.beginPath()
    path.rect(x, y, w, h)
    canvas.clipPath(path, stroke=0, fill=0)
    if colour is not None:
        canvas.setStrokeColor(colour)
    canvas.setLineWidth(line)
    lines = []
    k = -h
    while k < w:
        lines.append((x + k, y, x + k + h, y + h))
        k += gap
    canvas.lines(lines)  # one path
    canvas.restoreState()
