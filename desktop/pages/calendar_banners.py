"""The strips above the calendar grid: its header (title and navigation), broken week rules,
adaptation offers and refusals."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.wording import month, short_day, weekday
from desktop.style import set_title
from desktop.widgets.panel import Panel, Role, make_muted


def banner_colors(accent: str | None) -> dict[str, Any]:
    """A banner: the alternate base colour, a mid border and a coloured bar on the left."""
    return {"fill": Role.AlternateBase, "border": Role.Mid, "radius": 6,
            "accent": QColor(accent) if accent else None}


def _label(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class WarningBanner(Panel):
    """Each broken rule of a week, in words. Shown, never silently fixed."""

    def __init__(self, title: str, warnings: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent, **banner_colors("#E07A10"))
        self.setObjectName("warningBanner")
        self.warnings = list(warnings)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(2)
        head = _label(f"<b>⚠ {escape(title)}</b>")
        layout.addWidget(head)
        for text in warnings:
            layout.addWidget(_label(f"• {escape(text)}"))
        self.setAccessibleName(title + ": " + "; ".join(warnings))


class OfferBanner(Panel):
    """An adaptation offer with Accept and Dismiss."""

    def __init__(self, offer: Any, on_accept: Callable[[Any], None],
                 on_dismiss: Callable[[Any], None], parent: QWidget | None = None) -> None:
        super().__init__(parent, **banner_colors("#2E9E5B"))
        self.setObjectName("offerBanner")
        self.offer = offer
        day = offer.date
        text = (f"<b>Easier option for {short_day(day)}:</b> "
                f"{escape(offer.replacement.title)}, {offer.replacement.minutes} min. "
                f"{escape(offer.reason)}")
        self.text = _label(text)
        self.accept_button = QPushButton("Accept")
        self.accept_button.setAccessibleName(f"Accept easier session on {weekday(day)}")
        self.dismiss_button = QPushButton("Dismiss")
        self.dismiss_button.setAccessibleName(f"Dismiss easier session on {weekday(day)}")
        self.accept_button.clicked.connect(lambda: on_accept(offer))
        self.dismiss_button.clicked.connect(lambda: on_dismiss(offer))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.accept_button)
        layout.addWidget(self.dismiss_button)
        self.setAccessibleName(self.text.text())


class MessageBanner(Panel):
    """A one-line refusal or hint that the user can close."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, **banner_colors(None))
        self.setObjectName("banner")
        self.label = _label("")
        close = QPushButton("✕")
        close.setFlat(True)
        close.setAccessibleName("Close message")
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(close)
        self.hide()

    def show_text(self, text: str) -> None:
        self.label.setText(text)
        self.setAccessibleName(text)
        self.show()

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""


MODE_BUTTON_STYLE = (
    "QToolButton { padding: 3px 10px; border: 1px solid palette(mid); border-radius: 4px; "
    "background: palette(button); color: palette(button-text); } "
    "QToolButton:checked { background: palette(highlight); color: palette(highlighted-text); "
    "border-color: palette(highlight); } "
    # A style sheet drops the style's focus frame: draw one that shows on both states.
    "QToolButton:focus { border: 2px solid palette(highlight); padding: 2px 9px; } "
    "QToolButton:checked:focus { border: 2px solid palette(text); }")


class CalendarHeader(QWidget):
    """Title, summary line, previous / today / next and the week / month switch."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setObjectName("calendarTitle")
        set_title(self.title, 1.4)
        self.summary = QLabel()
        self.summary.setObjectName("muted")
        make_muted(self.summary)
        self.summary.setWordWrap(True)
        self.prev_button = self._tool("Previous", QStyle.StandardPixmap.SP_ArrowBack,
                                      "Previous week or month (Alt+Left)")
        self.today_button = self._tool("Today", None, "Go to today (Ctrl+T)")
        self.next_button = self._tool("Next", QStyle.StandardPixmap.SP_ArrowForward,
                                      "Next week or month (Alt+Right)")
        self.week_button = self._tool("Week", None, "Show one week (W)", checkable=True)
        self.month_button = self._tool("Month", None, "Show the whole month (M)",
                                       checkable=True)
        # The chosen view must read in light and dark palettes alike: highlight it.
        for button in (self.week_button, self.month_button):
            button.setStyleSheet(MODE_BUTTON_STYLE)
        group = QButtonGroup(self)
        group.setExclusive(True)
        group.addButton(self.week_button)
        group.addButton(self.month_button)
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self.title)
        titles.addWidget(self.summary)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addLayout(titles, 1)
        for button in (self.prev_button, self.today_button, self.next_button):
            row.addWidget(button)
        row.addSpacing(self.fontMetrics().averageCharWidth() * 2)
        row.addWidget(self.week_button)
        row.addWidget(self.month_button)

    def _tool(self, text: str, icon: QStyle.StandardPixmap | None, tip: str,
              checkable: bool = False) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setAccessibleName(text)
        button.setToolTip(tip)
        button.setCheckable(checkable)
        if icon is not None:
            button.setIcon(self.style().standardIcon(icon))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        return button


def day_banners(week: Any, warnings_of: Callable[[Any, Any], list[str]], ctx: Any,
                days: list[Any], on_accept: Callable[[Any], None],
                on_dismiss: Callable[[Any], None]) -> list[QWidget]:
    """The banners for what is on screen: the selected week's broken rules (from
    ``warnings_of(ctx, week)``, i.e. core.week_check) and each shown day's offer."""
    banners: list[QWidget] = []
    if week is not None:
        warnings = warnings_of(ctx, week)
        if warnings:
            title = (f"Week {week.index} ({week.start.day} {month(week.start, short=True)} – "
                     f"{week.end.day} {month(week.end, short=True)}) breaks the plan's rules")
            banners.append(WarningBanner(title, warnings))
    banners += [OfferBanner(info.offer, on_accept, on_dismiss)
                for info in days if info.offer is not None]
    return banners
