"""Help → How the plan works: the guide in a scrollable, searchable-by-eye window."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from desktop.guide import guide_html


class GuideDialog(QDialog):
    """The in-app guide; ``scroll_to`` jumps to a section (the why-lines link here)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guideDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle("How the plan works")
        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName("How the plan works")
        self.browser.setOpenExternalLinks(False)
        self.browser.setHtml(guide_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)

    def sizeHint(self) -> QSize:
        em = self.fontMetrics().averageCharWidth()
        return QSize(em * 90, self.fontMetrics().height() * 40)

    def scroll_to(self, anchor: str) -> None:
        if anchor:
            self.browser.scrollToAnchor(anchor)

    @classmethod
    def ask(cls, parent: QWidget | None, anchor: str = "") -> None:
        """Open the guide (non-modal) at ``anchor``."""
        dialog = cls(parent)
        dialog.resize(dialog.sizeHint())
        dialog.show()
        dialog.scroll_to(anchor)
