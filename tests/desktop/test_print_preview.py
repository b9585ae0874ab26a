"""The print preview fits the screen it opens on and shows the page on white paper."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QGuiApplication

from desktop.dialogs.print_preview import PrintPreviewDialog
from desktop.main_window import MainWindow


@pytest.fixture
def fridge_pdf(qtbot: Any, main_window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The fridge page as File → Print preview makes it."""
    shown: list[Path] = []
    monkeypatch.setattr(PrintPreviewDialog, "ask",
                        classmethod(lambda cls, parent, pdf: shown.append(pdf)))
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
