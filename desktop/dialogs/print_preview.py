"""Show a PDF (the fridge page) and print it.

QtPdf renders the pages; printing draws the same page images at the printer's resolution.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QImage, QPainter, QPalette, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)


def page_count(path: Path) -> int:
    """Number of pages in the PDF at ``path``."""
    return len(render_pages(path, dpi=10))


def render_pages(path: Path, dpi: int = 110) -> list[QImage]:
    """Every page of the PDF as an image at ``dpi``."""
    from PySide6.QtPdf import QPdfDocument

    doc = QPdfDocument()
    doc.load(str(path))
    images = []
    for i in range(doc.pageCount()):
        size = doc.pagePointSize(i)
        px = QSize(round(size.width() * dpi / 72), round(size.height() * dpi / 72))
        images.append(doc.render(i, px))
    doc.close()
    return images


def print_pdf(path: Path, printer: QPrinter) -> None:
    """Print every page of ``path`` on ``printer``, each scaled to fit the printable area."""
    dpi = max(150, min(printer.resolution(), 600))
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be started")
    try:
        for n, image in enumerate(render_pages(path, dpi)):
            if n:
                printer.newPage()
            area = painter.viewport()
            scaled = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(area.x() + (area.width() - scaled.width()) // 2,
                           area.y() + (area.height() - scaled.height()) // 2,
                           scaled.width(), scaled.height())
            painter.drawImage(target, image)
    finally:
        painter.end()


class PrintDialog:
    """The system print dialog; ``ask`` returns a configured printer or None."""

    @classmethod
    def ask(cls, parent: QWidget | None, landscape: bool = True) -> QPrinter | None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if landscape:
            from PySide6.QtGui import QPageLayout

            printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle("Print the fridge page")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return printer


class PrintPreviewDialog(QDialog):
    """The rendered pages on a neutral background, with Print and Close buttons."""

    def __init__(self, pdf: Path, parent: QWidget | None = None,
                 title: str = "Print preview") -> None:
        super().__init__(parent)
        self.setObjectName("printPreview")
        self.setWindowTitle(title)
        self.pdf = pdf
        self.pages = render_pages(pdf)
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.page_labels: list[QLabel] = []
        for n, image in enumerate(self.pages, start=1):
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setAccessibleName(f"Page {n} of {len(self.pages)}")
            label.setFrameShape(QLabel.Shape.Box)
            column.addWidget(label)
            self.page_labels.append(label)
        scroll = QScrollArea()
        scroll.setWidget(holder)
        scroll.setWidgetResizable(True)
        scroll.setBackgroundRole(QPalette.ColorRole.Dark)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = buttons.addButton("Print…", QDialogButtonBox.ButtonRole.AcceptRole)
        self.print_button.setAccessibleName("Print")
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self._on_print_clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(buttons)
        if self.pages:
            first = self.pages[0].size()
            self.resize(min(first.width() + 60, 1400), min(first.height() + 120, 1000))

    def _on_print_clicked(self) -> None:
        printer = PrintDialog.ask(self)
        if printer is not None:
            print_pdf(self.pdf, printer)
            self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, pdf: Path) -> None:
        dialog = cls(pdf, parent)
        dialog.exec()
