"""Where the main window goes: a roomy first size centred on the screen, and never larger
than the screen's free area nor off it (a geometry saved on a bigger screen, or a large
QT_SCALE_FACTOR, would put the window's edges out of reach)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def keep_on_screen(window: QWidget) -> None:
    """Shrink ``window`` to its screen's free area and move it onto it."""
    screen = window.screen()
    if screen is None:
        return
    area = screen.availableGeometry()
    frame = window.frameGeometry().size() - window.geometry().size()
    width = min(window.width(), area.width() - frame.width())
    height = min(window.height(), area.height() - frame.height())
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
    x = min(max(window.x(), area.left()), area.right() - window.frameGeometry().width() + 1)
    y = min(max(window.y(), area.top()), area.bottom() - window.frameGeometry().height() + 1)
    if (x, y) != (window.x(), window.y()):
        window.move(x, y)


def default_geometry(window: QWidget) -> None:
    """First start: a roomy window (up to 1360 × 880) centred on the screen."""
    fm = window.fontMetrics()
    width, height = max(fm.averageCharWidth() * 150, 1360), max(fm.height() * 44, 880)
    screen = window.screen()
    if screen is not None:
        area = screen.availableGeometry()
        width = min(width, area.width() * 9 // 10)
        height = min(height, area.height() * 9 // 10)
        window.resize(width, height)
        window.move(area.center() - window.rect().center())
    else:
        window.resize(width, height)
