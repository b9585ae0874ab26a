"""The Qt binding must not leak or drop references on calls the calendar makes thousands of
times a minute (PySide6 6.12.0 dropped a reference to None on every void QPainter call, and
the app aborted after a few thousand repaints)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPainter


def test_void_painter_calls_keep_none_alive(qapp: object) -> None:
    image = QImage(64, 64, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        before = sys.getrefcount(None)
        for _ in range(2000):
            painter.save()
            painter.setPen(QColor("black"))
            painter.setBrush(QColor("white"))
            painter.drawRoundedRect(QRect(0, 0, 10, 10), 3, 3)
            painter.restore()
        after = sys.getrefcount(None)
    finally:
        painter.end()
    assert after >= before - 50, f"None lost {before - after} references in 2000 repaints"
