"""Pieces shared by the pages: headings, notices, cards, a scroll area, a reflowing row, and
the "plan has ended" check with its way out."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from core.app import Change
from desktop.style import long_day
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


class Reflow(QWidget):
    """Two widgets side by side (stretch 3 : 2), one under the other when too narrow for both.

    Its minimum width is the wider of the two, so a scroll area around it never needs to
    scroll sideways: at 200 % scaling the second widget simply moves below the first.
    """

    def __init__(self, first: QWidget, second: QWidget, spacing: int = 14,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first, self.second = first, second
        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(spacing)
        self.box.addWidget(first, 3)
        self.box.addWidget(second, 2)
        # Never taller than needed: extra page height goes below, not into the cards.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def is_stacked(self) -> bool:
        return self.box.direction() == QBoxLayout.Direction.TopToBottom

    def side_by_side_width(self) -> int:
        """The narrowest width that fits both side by side, and never under 100 characters."""
        both = (self.first.minimumSizeHint().width() + self.second.minimumSizeHint().width()
                + self.box.spacing())
        return max(both, self.fontMetrics().averageCharWidth() * 100)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = self.box.minimumSize()
        width = max(self.first.minimumSizeHint().width(), self.second.minimumSizeHint().width())
        return QSize(width, hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        stacked = event.size().width() < self.side_by_side_width()
        if stacked != self.is_stacked():
            self.box.setDirection(QBoxLayout.Direction.TopToBottom if stacked
                                  else QBoxLayout.Direction.LeftToRight)
            self.box.setStretch(0, 0 if stacked else 3)
            self.box.setStretch(1, 0 if stacked else 2)
            self.updateGeometry()
        super().resizeEvent(event)


def plan_ended(ctx: Any) -> bool:
    """True once today is past the stored plan's last day."""
    return bool(ctx.today() > ctx.plan().end)


def plan_ended_text(ctx: Any) -> str:
    end = ctx.plan().end
    return f"Your plan ended on {long_day(end)}."


def start_new_plan(ctx: Any) -> Any:
    """Save the current profile again: the store starts a fresh plan from the Monday on or
    after today (past days and their logs stay). Returns the store's Change."""
    change = ctx.app.ops.start_new_plan()
    ctx.apply(change)
    return change


def store_note(change: Change) -> str:
    """What the save did to the plan, as a sentence ("" when it did nothing to it)."""
    text = change.summary.strip().rstrip(".")
    if change.is_empty or not text:
        return ""
    return text[0].upper() + text[1:] + "."


class _ShowRefresher(QObject):
    """Runs a widget's pending refresh the next time it is shown."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.pending: Callable[[], object] | None = None
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Show and self.pending is not None:
            pending, self.pending = self.pending, None
            pending()
        return False


def refresh_when_shown(widget: QWidget, refresh: Callable[[], object]) -> None:
    """Refresh ``widget`` now when it is on screen, else once it is next shown: a write
    made on one page never rebuilds the pages behind it."""
    if widget.isVisible():
        refresh()
        return
    keeper = widget.findChild(_ShowRefresher, options=Qt.FindChildOption.FindDirectChildrenOnly)
    if keeper is None:
        keeper = _ShowRefresher(widget)
    keeper.pending = refresh
