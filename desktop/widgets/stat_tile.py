"""A big number with a caption: the readable tile used by the Meals, Recovery and Today pages."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from desktop.widgets.panel import Panel


def scaled_font(base: QFont, factor: float, *, bold: bool = False) -> QFont:
    """A copy of ``base`` ``factor`` times as large (relative, so 200 % scaling stays sharp)."""
    font = QFont(base)
    size = base.pointSizeF() if base.pointSizeF() > 0 else 10.0
    font.setPointSizeF(size * factor)
    if bold:
        font.setWeight(QFont.Weight.DemiBold)
    return font


class StatTile(Panel):
    """A value in large type over a caption, with an optional muted detail line."""

    def __init__(self, caption: str, value: str = "—", detail: str = "",
                 parent: QWidget | None = None, *, accent: bool = False,
                 flat: bool = False) -> None:
        super().__init__(parent, fill=None if flat else Panel.Role.Base,
                         border=None if flat else Panel.Role.Midlight,
                         accent=Panel.Role.Highlight if accent and not flat else None)
        self.setObjectName("statTile")
        self.setProperty("accent", accent)
        self.setProperty("flat", flat)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._caption = QLabel(caption)
        self._caption.setObjectName("tileCaption")
        self._caption.setFont(scaled_font(self.font(), 0.95, bold=True))
        self._value = QLabel(value)
        self._value.setObjectName("tileValue")
        self._value.setFont(scaled_font(self.font(), 1.5 if flat else 2.0, bold=True))
        self._value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._detail = QLabel(detail)
        self._detail.setObjectName("tileDetail")
        self._detail.setWordWrap(True)
        self._detail.setFont(scaled_font(self.font(), 0.9))
        muted = self._detail.palette()
        muted.setColor(self._detail.foregroundRole(),
                       muted.color(muted.ColorRole.PlaceholderText))
        self._detail.setPalette(muted)
        self._caption.setPalette(muted)
        layout = QVBoxLayout(self)
        if flat:
            layout.setContentsMargins(0, 4, 0, 4)
        else:
            layout.setContentsMargins(14, 10, 14, 12)
        layout.setSpacing(2)
        layout.addWidget(self._caption)
        layout.addWidget(self._value)
        layout.addWidget(self._detail)
        layout.addStretch(1)
        self._update_accessible()

    def set_value(self, value: str, detail: str | None = None) -> None:
        self._value.setText(value)
        if detail is not None:
            self._detail.setText(detail)
        self._detail.setVisible(bool(self._detail.text()))
        self._update_accessible()

    def set_caption(self, caption: str) -> None:
        self._caption.setText(caption)
        self._update_accessible()

    def value(self) -> str:
        return self._value.text()

    def detail(self) -> str:
        return self._detail.text()

    def caption(self) -> str:
        return self._caption.text()

    def _update_accessible(self) -> None:
        self._detail.setVisible(bool(self._detail.text()))
        self.setAccessibleName(f"{self._caption.text()}: {self._value.text()}")
        self.setAccessibleDescription(self._detail.text())
        self.setToolTip(self._detail.text())
