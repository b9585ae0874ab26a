"""Small layout pieces shared by the pages: headings, notice banners, cards and a scroll area."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.widgets.panel import Panel
from desktop.widgets.stat_tile import scaled_font


def heading(text: str, factor: float = 1.6) -> QLabel:
    """A page or section title in relative large type."""
    label = QLabel(text)
    label.setObjectName("heading")
    label.setFont(scaled_font(label.font(), factor, bold=True))
    label.setWordWrap(True)
    label.setAccessibleName(text)
    return label


def muted(text: str = "", *, wrap: bool = True) -> QLabel:
    """Secondary text in the palette's placeholder colour."""
    label = QLabel(text)
    label.setWordWrap(wrap)
    pal = label.palette()
    pal.setColor(QPalette.ColorRole.WindowText, pal.color(QPalette.ColorRole.PlaceholderText))
    label.setPalette(pal)
    return label


class Notice(Panel):
    """A tinted one-paragraph message: ``info``, ``warning`` or ``success``."""

    def __init__(self, tone: str = "info", text: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, radius=8)
        self.setObjectName("notice")
        self.setProperty("tone", tone)
        self.set_tone(tone)
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.label)
        self.setAccessibleName(text)
        self.setVisible(bool(text))

    def set_text(self, text: str, tone: str | None = None) -> None:
        if tone is not None and tone != self.property("tone"):
            self.setProperty("tone", tone)
            self.set_tone(tone)
        self.label.setText(text)
        self.setAccessibleName(text)
        self.setVisible(bool(text))

    def text(self) -> str:
        return self.label.text()


def card(title: str | None = None) -> tuple[QFrame, QVBoxLayout]:
    """A rounded panel on the palette's base colour; returns the frame and its layout."""
    frame = Panel()
    frame.setObjectName("card")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(16, 12, 16, 14)
    layout.setSpacing(8)
    if title:
        layout.addWidget(heading(title, 1.15))
    return frame, layout


def scrolling(content: QWidget) -> QScrollArea:
    """Wrap a page body so it scrolls instead of squeezing at 200 % scaling."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(content)
    return area
