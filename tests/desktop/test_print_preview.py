"""The print preview fits the screen it opens on and shows the page on white paper."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QGuiApplication

from desktop.dialogs.print_preview import PrintPreviewDialog
from desktop.main_window import MainWindow


@pytest.fixture
def fridge_pdf(qtbot: Any, main_window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The fridge page as File → Print preview makes it."""
    shown: list[Path] = []
    monkeypatch.setattr(PrintPreviewDialog, "ask",
                        classmethod(lambda cls, parent, pdf, **kw: shown.append(pdf)))
    with qtbot.waitSignal(main_window.exporter.exported, timeout=60000):
        main_window.preview_action.trigger()
    assert len(shown) == 1
    return shown[0]


def test_the_preview_fits_a_1440_by_900_screen(qtbot: Any, main_window: MainWindow,
                                                fridge_pdf: Path) -> None:
    screen = QRect(0, 0, 1440, 875)  # 1440 × 900 less a 25 px menu bar
    dialog = PrintPreviewDialog(fridge_pdf, main_window, available=screen)
    qtbot.addWidget(dialog)
    assert dialog.width() <= 1440 * 0.9 and dialog.height() <= 875 * 0.9
    page = dialog.page_labels[0].pixmap()
    assert page.width() < dialog.width()  # the whole width of the page is in view
    assert page.width() > page.height()  # still landscape, scaled as a whole


def test_the_preview_fits_the_screen_it_opens_on(qtbot: Any, main_window: MainWindow,
                                                 fridge_pdf: Path) -> None:
    dialog = PrintPreviewDialog(fridge_pdf, main_window)
    qtbot.addWidget(dialog)
    available = (main_window.screen() or QGuiApplication.primaryScreen()).availableGeometry()
    assert dialog.width() <= available.width() and dialog.height() <= available.height()


def test_the_page_is_drawn_on_white(qtbot: Any, main_window: MainWindow,
                                    fridge_pdf: Path) -> None:
    dialog = PrintPreviewDialog(fridge_pdf, main_window, available=QRect(0, 0, 1920, 1200))
    qtbot.addWidget(dialog)
    image = dialog.page_labels[0].pixmap().toImage()
    for x, y in ((3, 3), (image.width() - 4, image.height() - 4)):  # the page's margin
        assert image.pixelColor(x, y) == QColor("white")


def test_zoom_in_out_and_fit_width_or_page(qtbot: Any, main_window: MainWindow,
                                           fridge_pdf: Path) -> None:
    dialog = PrintPreviewDialog(fridge_pdf, main_window, available=QRect(0, 0, 1280, 720))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    room = dialog.scroll_area.viewport().size()
    page = dialog.page_labels[0].pixmap().size()
    # Fit page is the default: the whole page is in view on a 720 px high screen.
    assert dialog.fit_page.isChecked()
    assert page.width() <= room.width() and page.height() <= room.height()
    first = dialog.zoom_label.text()
    qtbot.mouseClick(dialog.zoom_in, Qt.MouseButton.LeftButton)
    bigger = dialog.page_labels[0].pixmap().size()
    assert bigger.width() > page.width() and dialog.zoom_label.text() != first
    assert not dialog.fit_page.isChecked()
    qtbot.mouseClick(dialog.zoom_out, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.zoom_out, Qt.MouseButton.LeftButton)
    assert dialog.page_labels[0].pixmap().width() < bigger.width()
    qtbot.mouseClick(dialog.fit_width, Qt.MouseButton.LeftButton)
    fitted = dialog.page_labels[0].pixmap()
    assert room.width() - 40 <= fitted.width() <= room.width()
    assert dialog.zoom_label.text().endswith("%")


def test_the_paper_can_be_switched_to_letter(qtbot: Any, main_window: MainWindow,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    offered: list[Any] = []
    monkeypatch.setattr(PrintPreviewDialog, "ask", classmethod(
        lambda cls, parent, pdf, **kw: offered.append((pdf, kw))))
    with qtbot.waitSignal(main_window.exporter.exported, timeout=60000):
        main_window.preview_action.trigger()
    pdf, options = offered[0]
    dialog = PrintPreviewDialog(pdf, main_window, **options)
    qtbot.addWidget(dialog)
    a4 = dialog.pages[0].size()
    assert abs(a4.width() / a4.height() - 297 / 210) < 0.01  # A4 landscape
    dialog.paper_box.setCurrentIndex(dialog.paper_box.findData("letter"))
    letter = dialog.pages[0].size()
    assert dialog.paper == "letter" and abs(letter.width() / letter.height() - 11 / 8.5) < 0.01
    assert dialog.page_labels[0].pixmap().width() > 0
