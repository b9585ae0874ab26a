"""A rounded panel painted from the palette: the cards, tiles, notices and banners.

Painting it ourselves instead of using style sheets keeps page construction fast (a style
sheet puts every child widget through Qt's style-sheet style) and follows light and dark
palettes as they change.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

Role = QPalette.ColorRole

# Tints laid over the palette (alpha), so they read on light and dark backgrounds alike.
TONES: dict[str, tuple[QColor, QColor]] = {
    "info": (QColor(64, 128, 255, 31), QColor(64, 128, 255, 115)),
    "warning": (QColor(230, 150, 0, 41), QColor(230, 150, 0, 178)),
    "success": (QColor(40, 170, 90, 36), QColor(40, 170, 90, 140)),
}


class Panel(QFrame):
    """A frame with a rounded fill, a hairline border and an optional accent bar on the left.

    ``fill`` and ``border`` are palette roles (followed live) or fixed colours; ``None``
    paints nothing for that part.
    """

    Role = Role

    def __init__(self, parent: QWidget | None = None, *,
                 fill: QPalette.ColorRole | QColor | None = Role.Base,
                 border: QPalette.ColorRole | QColor | None = Role.Midlight,
                 radius: float = 10.0, accent: QPalette.ColorRole | QColor | None = None) -> None:
        super().__init__(parent)
        self._fill = fill
        self._border = border
        self._radius = radius
        self._accent = accent

    def set_colors(self, *, fill: QPalette.ColorRole | QColor | None, border: QPalette.ColorRole | QColor | None,
                   accent: QPalette.ColorRole | QColor | None = None) -> None:
        self._fill, self._border, self._accent = fill, border, accent
        self.update()

    def set_tone(self, tone: str) -> None:
        """Use one of the tinted ``TONES`` (info, warning, success)."""
        fill, border = TONES[tone]
        self.set_colors(fill=fill, border=border, accent=self._accent)

    def _color(self, value: QPalette.ColorRole | QColor | None) -> QColor | None:
        if value is None or isinstance(value, QColor):
            return value
        palette = self.palette()  # keep it alive: color() returns a reference into it
        return QColor(palette.color(value))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        fill, border, accent = (self._color(self._fill), self._color(self._border),
                                self._color(self._accent))
        if fill is None and border is None and accent is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        # Colours go in as they are: no QBrush built on each paint (building one, or calling
        # fillRect, first loads every QGradient enum: a few ms at start-up).
        painter.setPen(QPen(border, 1.0) if border is not None else Qt.PenStyle.NoPen)
        painter.setBrush(fill if fill is not None else Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(rect, self._radius, self._radius)
        if accent is not None:
            clip = QPainterPath()
            clip.addRoundedRect(rect, self._radius, self._radius)
            painter.setClipPath(clip)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(accent)
            painter.drawRect(QRectF(rect.left(), rect.top(), 4.0, rect.height()))
        painter.end()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.PaletteChange:
            self.update()
        super().changeEvent(event)


def make_muted(label: QLabel) -> QLabel:
    """Secondary text: the palette's placeholder colour, kept when the palette changes."""
    pal = label.palette()
    pal.setColor(label.foregroundRole(), pal.color(Role.PlaceholderText))
    label.setPalette(pal)
    return label


class Banner(Panel):
    """A strip across the top of the window: a sentence and one button (demo, notices)."""

    def __init__(self, text: str, button: str, accent: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, fill=Role.AlternateBase, border=Role.Mid, radius=6,
                         accent=QColor(accent))
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.button = QPushButton(button)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 6, 8, 6)
        row.addWidget(self.label, 1)
        row.addWidget(self.button)

    def set_text(self, text: str) -> None:
        self.label.setText(text)
        self.label.setAccessibleName(text)
