"""Show a PDF (the fridge page) and print it.

QtPdf renders the pages; printing draws the same page images at the printer's resolution.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter, QPalette, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

MIN_PRINT_DPI = 150
MAX_PRINT_DPI = 300
SCREEN_SHARE = 0.9  # the preview never covers more of the screen than this
FRAME_ROOM = QSize(60, 120)  # margins, scroll bar and the button row around the page


def page_count(path: Path) -> int:
    """Number of pages in the PDF at ``path``."""
    return len(render_pages(path, dpi=10))


def render_pages(path: Path, dpi: int = 110) -> list[QImage]:
    """Every page of the PDF as an image at ``dpi`` (safe on a worker thread)."""
    from PySide6.QtPdf import QPdfDocument

    doc = QPdfDocument()
    error = doc.load(str(path))
    if error != QPdfDocument.Error.None_:
        raise OSError(f"could not read {path.name} ({error.name})")
    images = []
    for i in range(doc.pageCount()):
        size = doc.pagePointSize(i)
        px = QSize(round(size.width() * dpi / 72), round(size.height() * dpi / 72))
        images.append(on_white(doc.render(i, px)))
    doc.close()
    return images


def on_white(image: QImage) -> QImage:
    """``image`` drawn over white paper: QtPdf leaves a page's unpainted background clear,
    which shows the window behind it on screen."""
    paper = QImage(image.size(), QImage.Format.Format_RGB32)
    paper.fill(Qt.GlobalColor.white)
    painter = QPainter(paper)
    painter.drawImage(0, 0, image)
    painter.end()
    return paper


def fit_size(page: QSize, available: QRect, share: float = SCREEN_SHARE) -> QSize:
    """The dialog size for a page of ``page`` pixels: the page's width plus room for the
    frame, at most ``share`` of the ``available`` screen area each way."""
    width = min(page.width() + FRAME_ROOM.width(), int(available.width() * share))
    height = min(page.height() + FRAME_ROOM.height(), int(available.height() * share))
    return QSize(width, height)


def print_dpi(printer: QPrinter) -> int:
    """The resolution pages are rendered at for ``printer``: its own, within 150–300 dpi
    (more only costs memory and time: the fridge page is text and flat colour)."""
    return max(MIN_PRINT_DPI, min(printer.resolution(), MAX_PRINT_DPI))


def paint_pages(images: list[QImage], printer: QPrinter) -> None:
    """Draw page images on ``printer``, each scaled to fit the printable area (UI thread)."""
    if not images:
        raise OSError("the PDF has no pages to print")
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be started")
    try:
        for n, image in enumerate(images):
            if n and not printer.newPage():
                raise OSError("the printer refused a new page")
            area = painter.viewport()
            scaled = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(area.x() + (area.width() - scaled.width()) // 2,
                           area.y() + (area.height() - scaled.height()) // 2,
                           scaled.width(), scaled.height())
            painter.drawImage(target, image)
    finally:
        painter.end()


def print_pdf(path: Path, printer: QPrinter) -> None:
    """Print every page of ``path`` on ``printer`` now (renders on this thread)."""
    paint_pages(render_pages(path, print_dpi(printer)), printer)


def start_printing(path: Path, printer: QPrinter, on_done: Callable[[], object],
                   on_error: Callable[[BaseException], object]) -> None:
    """Print ``path`` without freezing the window: pages are rendered to images in a worker,
    then drawn on the printer here on the UI thread. ``on_error`` gets any failure."""
    from desktop.tasks import run_task

    def draw(images: list[QImage]) -> None:
        try:
            paint_pages(images, printer)
        except OSError as exc:
            on_error(exc)
        else:
            on_done()

    run_task(render_pages, path, print_dpi(printer), on_done=draw, on_error=on_error)


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
                 title: str = "Print preview", available: QRect | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printPreview")
        self.setWindowTitle(title)
        self.pdf = pdf
        self.pages = render_pages(pdf)
        if available is None:
            screen = (parent.screen() if parent is not None else None) or \
                QGuiApplication.primaryScreen()
            available = screen.availableGeometry() if screen is not None \
                else QRect(0, 0, 1280, 800)
        size = fit_size(self.pages[0].size(), available) if self.pages else QSize(600, 400)
        page_width = size.width() - FRAME_ROOM.width()
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.page_labels: list[QLabel] = []
        for n, image in enumerate(self.pages, start=1):
            label = QLabel()
            if image.width() > page_width:  # the whole width in view, scroll down only
                image = image.scaledToWidth(page_width,
                                            Qt.TransformationMode.SmoothTransformation)
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
        self.resize(size)

    def _on_print_clicked(self) -> None:
        printer = PrintDialog.ask(self)
        if printer is None:
            return
        parent = self.parentWidget()

        def failed(exc: BaseException) -> None:
            from desktop.dialogs.messages import ErrorMessage

            ErrorMessage.ask(parent, "Printing failed", str(exc))

        start_printing(self.pdf, printer, lambda: None, failed)
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, pdf: Path) -> None:
        dialog = cls(pdf, parent)
        dialog.exec()
