"""Colours, icons and the style sheet: one place for how the app looks.

Colours are mid-tone so they read on light and dark palettes alike; backgrounds come from the
system palette (only accents are ours). Icons are line SVGs in ``resources/icons`` drawn with
``currentColor``, tinted here when loaded.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QDir, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QImage,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QStyleOption, QWidget

from core.catalog import KIND_LABELS
from core.wording import month, weekday

KIND_COLORS: dict[str, str] = {
    "long_run": "#2F6FDE",
    "easy_run": "#2E9E5B",
    "hiit": "#E5484D",
    "tempo": "#E07A10",
    "hills": "#8E4EC6",
    "strength": "#0E8C8C",
    "cross_training": "#3B9AD0",
    "active_recovery": "#A3882A",
    "rest": "#8A8F98",
}

# Month cells are narrow: one or two words per kind, never cut mid-word.
SHORT_KIND_LABELS: dict[str, str] = {
    "long_run": "Long run",
    "easy_run": "Easy run",
    "hiit": "HIIT",
    "tempo": "Tempo",
    "hills": "Hills",
    "strength": "Strength",
    "cross_training": "Cross",
    "active_recovery": "Recovery",
    "rest": "Rest",
}

def resource_dir(name: str) -> Path:
    """A folder inside the ``resources`` package (icons, styles, fonts). A plain package on
    disk (also in the bundle), so its folder is found without loading importlib.resources."""
    import resources

    return Path(resources.__file__ or "").parent / name


def kind_color(kind: str) -> QColor:
    """The accent colour of a session kind (grey for an unknown kind)."""
    return QColor(KIND_COLORS.get(kind, KIND_COLORS["rest"]))


def kind_label(kind: str) -> str:
    """The plain name of a session kind, e.g. "Long run"."""
    return KIND_LABELS.get(kind, kind.replace("_", " ").capitalize())


def short_kind_label(kind: str) -> str:
    """A kind's name for a narrow month cell, e.g. "HIIT"."""
    return SHORT_KIND_LABELS.get(kind, kind_label(kind))


@cache
def _svg_bytes(name: str) -> bytes:
    path = resource_dir("icons") / f"{name}.svg"
    return path.read_bytes() if path.exists() else b""


class SvgIconEngine(QIconEngine):
    """Draws a tinted SVG at exactly the size (and device pixel ratio) asked for, when asked,
    and keeps what it drew: nothing is rendered up front, and every size stays crisp."""

    def __init__(self, svg: bytes) -> None:
        super().__init__()
        self._svg = svg
        self._renderer = QSvgRenderer(QByteArray(svg))
        self._drawn: dict[tuple[int, int, QIcon.Mode], QPixmap] = {}

    def clone(self) -> QIconEngine:
        return SvgIconEngine(self._svg)

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        return size

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State,
                     scale: float) -> QPixmap:
        ratio = max(1.0, scale)
        width, height = round(size.width() * ratio), round(size.height() * ratio)
        key = (width, height, mode)
        pixmap = self._drawn.get(key)
        if pixmap is None:
            pixmap = self._draw(width, height, mode)
            self._drawn[key] = pixmap
        out = QPixmap(pixmap)
        out.setDevicePixelRatio(ratio)
        return out

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode,
              state: QIcon.State) -> None:
        device = painter.device()
        ratio = device.devicePixelRatioF() if device is not None else 1.0
        painter.drawPixmap(rect, self.scaledPixmap(rect.size(), mode, state, ratio))

    def _draw(self, width: int, height: int, mode: QIcon.Mode) -> QPixmap:
        side = min(width, height)
        image = QImage(max(1, width), max(1, height), QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._renderer.render(painter, QRectF((width - side) / 2, (height - side) / 2,
                                              side, side))
        painter.end()
        pixmap = QPixmap.fromImage(image)
        if mode == QIcon.Mode.Selected:
            return highlighted(pixmap)
        if mode == QIcon.Mode.Normal or QApplication.instance() is None:
            return pixmap
        option = QStyleOption()  # greyed, as Qt does
        option.palette = QGuiApplication.palette()
        return QApplication.style().generatedIconPixmap(mode, pixmap, option)


def highlighted(pixmap: QPixmap) -> QPixmap:
    """A selected icon as Qt's styles draw it (30 % of the palette's highlight over the
    drawing), without asking for the QStyle: its first use from Python sets up ~9 ms of
    enums, and the sidebar's selected page is painted in the first frame."""
    image = pixmap.toImage().convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
    colour = QColor(QGuiApplication.palette().color(QPalette.ColorGroup.Normal,
                                                    QPalette.ColorRole.Highlight))
    colour.setAlphaF(0.3)
    painter = QPainter(image)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceAtop)
    painter.fillRect(0, 0, image.width(), image.height(), colour)
    painter.end()
    return QPixmap.fromImage(image)


def svg_icon(name: str, color: QColor | str | None = None) -> QIcon:
    """An icon from ``resources/icons/<name>.svg`` with ``currentColor`` set to ``color``."""
    if color is None:
        palette = QGuiApplication.palette()
        color = QColor(palette.color(QPalette.ColorRole.WindowText))
    return _tinted_icon(name, QColor(color).name())


@cache
def _tinted_icon(name: str, tint: str) -> QIcon:
    """One icon per name and colour, shared: calendar cells ask for theirs on every paint."""
    data = _svg_bytes(name)
    if not data:
        return QIcon()
    return QIcon(SvgIconEngine(data.replace(b"currentColor", tint.encode())))


def kind_icon(kind: str) -> QIcon:
    """The line icon of a session kind, drawn in the kind's colour."""
    return svg_icon(kind if _svg_bytes(kind) else "rest", kind_color(kind))


def app_icon() -> QIcon:
    """The application icon."""
    path = resource_dir("icons") / "runner-legs.svg"
    return QIcon(str(path))


def format_minutes(n: int | None) -> str:
    """Minutes as a runner reads them: "45 min", "1 h", "1 h 15 min"; "—" for nothing."""
    if n is None or n <= 0:
        return "—"
    hours, mins = divmod(int(n), 60)
    if not hours:
        return f"{mins} min"
    return f"{hours} h" if not mins else f"{hours} h {mins} min"


def long_day(day: date) -> str:
    """A day as the pages write it out: "Monday 30 November"."""
    return f"{weekday(day)} {day.day} {month(day)}"


def is_dark(palette: QPalette | None = None) -> bool:
    """True when the window background is dark (the system is in dark mode)."""
    pal = palette or QGuiApplication.palette()
    return pal.color(QPalette.ColorRole.Window).lightness() < 128


def mix(a: QColor, b: QColor, t: float) -> QColor:
    """A colour ``t`` of the way from ``a`` to ``b`` (0 = a, 1 = b)."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
    )


def tint(kind: str, palette: QPalette | None = None, amount: float = 0.14) -> QColor:
    """A soft background for a kind: its colour blended into the palette's base colour."""
    pal = palette or QGuiApplication.palette()
    base = pal.color(QPalette.ColorRole.Base)
    return mix(base, kind_color(kind), amount * (1.6 if is_dark(pal) else 1.0))


def readable_palette(pal: QPalette) -> QPalette:
    """A dark palette with fields a little lighter than the window: Fusion outlines check
    boxes and spin boxes in a darker shade of the window, which vanishes on a darker base."""
    if not is_dark(pal):
        return pal
    window = pal.color(QPalette.ColorRole.Window)
    base = pal.color(QPalette.ColorRole.Base)
    if base.lightness() > window.lightness() + 8:
        return pal
    out = QPalette(pal)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive,
                  QPalette.ColorGroup.Disabled):
        out.setColor(group, QPalette.ColorRole.Base, window.lighter(135))
        out.setColor(group, QPalette.ColorRole.AlternateBase, window.lighter(118))
    return out


def apply_style(app: QApplication, *, fusion_set: bool = False) -> None:
    """Use Fusion (it honours the palette) and register ``icons:``. No application-wide
    style sheet: panels paint themselves from the palette (desktop.widgets.panel).
    ``fusion_set``: the application was created with ``-style fusion`` already."""
    if not fusion_set:
        app.setStyle("Fusion")
    app.setPalette(readable_palette(app.palette()))
    QDir.addSearchPath("icons", str(resource_dir("icons")))


def sidebar_style() -> str:
    """The sidebar's own style sheet (resources/styles/app.qss)."""
    qss = resource_dir("styles") / "app.qss"
    return qss.read_text(encoding="utf-8") if qss.exists() else ""


def scaled_font(widget: QWidget, scale: float = 1.0, *, bold: bool = False) -> QFont:
    """The widget's font scaled by ``scale`` (relative, so it follows the user's font size)."""
    font = QFont(widget.font())
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * scale)
    else:
        font.setPixelSize(max(1, round(font.pixelSize() * scale)))
    font.setBold(bold)
    return font


def set_title(widget: QWidget, scale: float = 1.5) -> None:
    """Make a label a heading: bigger and bold, relative to the user's font."""
    widget.setFont(scaled_font(widget, scale, bold=True))
