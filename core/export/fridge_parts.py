"""Small pieces of the fridge-door page: the session tag and the footer of reminders, and the
page's type-size floors (titles ≥ 14 pt; nothing under 9 pt, so it reads from two metres)."""

from __future__ import annotations

from typing import Any

from core.export.boxes import draw_text, fit
from core.export.grid import text_width
from core.export.pdf_style import GREY_DARK, GREY_LIGHT, INK, TINT_LIGHT, color, styles

TITLE_MIN_PT = 14.0
TEXT_MIN_PT = 9.0


Tag = tuple[float, float, float, bool]  # x, y, width, filled


def draw_tag(text_layer: Any, tags: list[Tag], x: float, y: float, text: str, *,
             filled: bool) -> None:
    """A rounded label ("HARD" filled black, the others outlined) with its baseline near y:
    its text goes on the text layer now, its box into ``tags`` for :func:`draw_tags`."""
    size = TEXT_MIN_PT
    tags.append((x, y, text_width(text, size) + 8, filled))
    draw_text(text_layer, text, x + 4, y + 2.6, size, bold=True,
              colour=color("#ffffff" if filled else GREY_DARK))


def draw_tags(canvas: Any, tags: list[Tag]) -> None:
    """The boxes of every tag: one path for the filled ones, one for the outlined ones."""
    for filled in (True, False):
        group = [t for t in tags if t[3] == filled]
        if not group:
            continue
        path = canvas.beginPath()
        for x, y, w, _ in group:
            path.roundRect(x, y - 1, w, 13.5, 3)
        canvas.setLineWidth(0.9)
        canvas.setStrokeColor(color(INK if filled else GREY_DARK))
        canvas.setFillColor(color(INK if filled else "#ffffff"))
        canvas.drawPath(path, stroke=1, fill=1)


def draw_footer(canvas: Any, text_layer: Any, m: float, w: float, h: float,
                items: list[tuple[str, str]]) -> None:
    """The reminders in three columns inside a tinted box ``w`` × ``h`` at margin ``m``."""
    top = m + h
    canvas.setFillColor(color(TINT_LIGHT))
    canvas.setStrokeColor(color(GREY_LIGHT))
    canvas.setLineWidth(0.7)
    canvas.roundRect(m, m, w, h, 5, stroke=1, fill=1)
    cols = 3
    col_w = (w - 20) / cols
    style = styles()["footer"]
    canvas.setFillColor(color(INK))
    for k, (head, body_text) in enumerate(items):
        cx = m + 10 + (k % cols) * col_w
        cy = top - 8 - (k // cols) * 26
        body = fit(body_text, style, col_w - 12, 25, min_size=TEXT_MIN_PT, lead=head + ":")
        # a bullet, drawn not typed; one rectangle each, as viewers snap those to pixels
        canvas.rect(cx, cy - 8.5, 4.5, 4.5, stroke=0, fill=1)
        body.draw(text_layer, cx + 9, cy)
