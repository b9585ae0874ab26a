"""Show a PDF (the fridge page) and print it.

QtPdf renders the pages; printing draws the same page images at the printer's resolution.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import (
    QGuiApplication,
    QImage,
    QKeySequence,
    QPainter,
    QPalette,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QToolButton,
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
    def ask(cls, parent: QWidget | None, landscape: bool = True,
            paper: str | None = None) -> QPrinter | None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if paper is not None:
            from PySide6.QtGui import QPageSize

            printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter if paper == "letter"
                                          else QPageSize.PageSizeId.A4))
        if landscape:
            from PySide6.QtGui import QPageLayout

            printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle("Print the fridge page")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return printer


ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0)
PREVIEW_DPI = 144  # sharp up to 150 % on a 96 dpi screen
SCREEN_DPI = 96  # 100 % shows the page at its printed size on a standard screen
PAPERS = (("a4", "A4"), ("letter", "US Letter"))


class PrintPreviewDialog(QDialog):
    """The rendered pages on a neutral background: zoom in and out, fit the width or the
    whole page (the default, so nothing is cut off on a small screen), the paper size, and
    Print / Close. ``remake(paper)`` builds the PDF again on another paper."""

    def __init__(self, pdf: Path, parent: QWidget | None = None,
                 title: str = "Print preview", available: QRect | None = None, *,
                 paper: str = "a4", remake: Callable[[str], Path] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printPreview")
        self.setWindowTitle(title)
        self.pdf = pdf
        self.paper = paper
        self.remake = remake
        self.mode = "page"  # "page", "width", or "zoom"
        self.zoom = 1.0
        self.pages = render_pages(pdf, PREVIEW_DPI)
        if available is None:
            screen = (parent.screen() if parent is not None else None) or \
                QGuiApplication.primaryScreen()
            available = screen.availableGeometry() if screen is not None \
                else QRect(0, 0, 1280, 800)
        shown = self.pages[0].size() * (SCREEN_DPI / PREVIEW_DPI) if self.pages \
            else QSize(600, 400)
        size = fit_size(shown, available)

        self.holder = QWidget()
        self.column = QVBoxLayout(self.holder)
        self.column.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.page_labels: list[QLabel] = []
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(self.holder)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setBackgroundRole(QPalette.ColorRole.Dark)
        self._make_labels()

        tools = QHBoxLayout()
        self.zoom_out = self._tool("Zoom &out", "Show the page smaller (Ctrl+−)", "Ctrl+-")
        self.zoom_in = self._tool("Zoom &in", "Show the page larger (Ctrl++)", "Ctrl++")
        self.fit_width = self._tool("Fit &width", "The page's whole width in view", "Ctrl+2")
        self.fit_page = self._tool("Fit &page", "The whole page in view", "Ctrl+1")
        for button in (self.fit_width, self.fit_page):
            button.setCheckable(True)
        self.zoom_label = QLabel()
        self.zoom_label.setAccessibleName("Zoom")
        self.paper_box = QComboBox()
        self.paper_box.setAccessibleName("Paper size")
        for value, text in PAPERS:
            self.paper_box.addItem(text, value)
        self.paper_box.setCurrentIndex(max(0, self.paper_box.findData(paper)))
        self.paper_box.setEnabled(remake is not None)
        paper_label = QLabel("P&aper")
        paper_label.setBuddy(self.paper_box)
        for widget in (self.zoom_out, self.zoom_in, self.zoom_label, self.fit_width,
                       self.fit_page):
            tools.addWidget(widget)
        tools.addStretch(1)
        tools.addWidget(paper_label)
        tools.addWidget(self.paper_box)
        self.zoom_out.clicked.connect(lambda: self._step(-1))
        self.zoom_in.clicked.connect(lambda: self._step(1))
        self.fit_width.clicked.connect(lambda: self.set_mode("width"))
        self.fit_page.clicked.connect(lambda: self.set_mode("page"))
        self.paper_box.currentIndexChanged.connect(self._on_paper_changed)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = buttons.addButton("Print…", QDialogButtonBox.ButtonRole.AcceptRole)
        self.print_button.setAccessibleName("Print")
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self._on_print_clicked)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(buttons)
        self.resize(size)
        self.set_mode("page")

    def _tool(self, text: str, tip: str, keys: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setAccessibleName(text.replace("&", ""))
        button.setToolTip(tip)
        button.setShortcut(QKeySequence(keys))
        return button

    def _make_labels(self) -> None:
        for label in self.page_labels:
            self.column.removeWidget(label)
            label.deleteLater()
        self.page_labels = []
        for n, _ in enumerate(self.pages, start=1):
            label = QLabel()
            label.setAccessibleName(f"Page {n} of {len(self.pages)}")
            label.setFrameShape(QLabel.Shape.Box)
            self.column.addWidget(label)
            self.page_labels.append(label)

    # --- zoom ----------------------------------------------------------------------------
    def scale(self) -> float:
        """Shown size over rendered size for the current mode."""
        if not self.pages:
            return 1.0
        page = self.pages[0].size()
        room = self.scroll_area.viewport().size()
        margins = self.column.contentsMargins()
        width = max(50, room.width() - margins.left() - margins.right() - 4)
        height = max(50, room.height() - margins.top() - margins.bottom() - 4)
        if self.mode == "width":
            return float(width / page.width())
        if self.mode == "page":
            return float(min(width / page.width(), height / page.height()))
        return self.zoom * SCREEN_DPI / PREVIEW_DPI

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        self.fit_width.setChecked(mode == "width")
        self.fit_page.setChecked(mode == "page")
        self._show_pages()

    def _step(self, direction: int) -> None:
        current = self.scale() * PREVIEW_DPI / SCREEN_DPI
        if direction > 0:
            self.zoom = next((z for z in ZOOM_STEPS if z > current + 0.01), ZOOM_STEPS[-1])
        else:
            self.zoom = next((z for z in reversed(ZOOM_STEPS) if z < current - 0.01),
                             ZOOM_STEPS[0])
        self.set_mode("zoom")

    def _show_pages(self) -> None:
        scale = self.scale()
        for label, image in zip(self.page_labels, self.pages, strict=True):
            size = QSize(max(1, round(image.width() * scale)),
                         max(1, round(image.height() * scale)))
            label.setPixmap(QPixmap.fromImage(image.scaled(
                size, Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation)))
        percent = round(scale * PREVIEW_DPI / SCREEN_DPI * 100)
        self.zoom_label.setText(f"{percent} %")
        self.zoom_out.setEnabled(percent > round(ZOOM_STEPS[0] * 100))
        self.zoom_in.setEnabled(percent < round(ZOOM_STEPS[-1] * 100))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self.mode != "zoom":
            self._show_pages()

    # --- paper and printing --------------------------------------------------------------
    def _on_paper_changed(self) -> None:
        paper = str(self.paper_box.currentData())
        if self.remake is None or paper == self.paper:
            return
        self.paper = paper
        self.pdf = self.remake(paper)
        self.pages = render_pages(self.pdf, PREVIEW_DPI)
        self._make_labels()
        self._show_pages()

    def _on_print_clicked(self) -> None:
        printer = PrintDialog.ask(self, paper=self.paper)
        if printer is None:
            return
        parent = self.parentWidget()

        def failed(exc: BaseException) -> None:
            from desktop.dialogs.messages import ErrorMessage

            ErrorMessage.ask(parent, "Printing failed", str(exc))

        start_printing(self.pdf, printer, lambda: None, failed)
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, pdf: Path, *, paper: str = "a4",
            remake: Callable[[str], Path] | None = None) -> None:
        dialog = cls(pdf, parent, paper=paper, remake=remake)
        dialog.exec()
