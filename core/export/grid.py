"""Geometry helpers for the one-page layouts: a table grid of named rows and seven day
columns, and font sizes that make a set of labels fit their room."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from core.export.text import width


@dataclass
class Grid:
    """Rows (name, height) from ``top`` down; a label column, then seven day columns."""

    x0: float
    top: float
    label_w: float
    col_w: float
    rows: list[tuple[str, float]]

    def row_top(self, name: str) -> float:
        y = self.top
        for row, h in self.rows:
            if row == name:
                return y
            y -= h
        raise KeyError(name)

    def height(self, name: str) -> float:
        return dict(self.rows)[name]

    def col_x(self, i: int) -> float:
        return self.x0 + self.label_w + i * self.col_w

    @property
    def bottom(self) -> float:
        return self.top - sum(h for _, h in self.rows)

    @property
    def right(self) -> float:
        return self.x0 + self.label_w + 7 * self.col_w


def sized(style: Any, size: float) -> Any:
    """``style`` at another font size, with the same leading ratio."""
    from reportlab.lib.styles import ParagraphStyle

    if size == style.fontSize:
        return style
    return ParagraphStyle(f"{style.name}@{size}", parent=style, fontSize=size,
                          leading=round(size * style.leading / style.fontSize, 2))


@lru_cache(maxsize=64)
def label_size(labels: tuple[str, ...], room: float, start: float = 8.5,
                floor: float = 6.0, bold: bool = False) -> float:
    """The largest size (≤ ``start``) at which every label fits in ``room`` points."""
    widest = max(width(label, start, bold=bold) for label in labels)
    return max(floor, min(start, start * room / widest)) if widest else start


def text_width(text: str, size: float) -> float:
    """Width of bold ``text`` at ``size``."""
    return width(text, size, bold=True)

