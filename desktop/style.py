"""Colours, icons and the style sheet: one place for how the app looks.

Colours are mid-tone so they read on light and dark palettes alike; backgrounds come from the
system palette (only accents are ours). Icons are line SVGs in ``resources/icons`` drawn with
``currentColor``, tinted here when loaded.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QByteArray, QDir, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QIcon, QImage, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QWidget

from core.catalog import KIND_LABELS

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

ICON_SIZES = (16, 24, 32, 48, 64)


def resource_dir(name: str) -> Path:
    """A folder inside the ``resources`` package (icons, styles, fonts)."""
    return Path(str(resources.files("resources").joinpath(name)))


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


def svg_icon(name: str, color: QColor | str | None = None) -> QIcon:
    """An icon from ``resources/icons/<name>.svg`` with ``currentColor`` set to ``color``."""
    data = _svg_bytes(name)
    if not data:
        return QIcon()
    if color is None:
        palette = QGuiApplication.palette()
        color = QColor(palette.color(QPalette.ColorRole.WindowText))
    tint = QColor(color).name()
    renderer = QSvgRenderer(QByteArray(data.replace(b"currentColor", tint.encode())))
    icon = QIcon()
    ratio = max(1.0, QGuiApplication.primaryScreen().devicePixelRatio()
                if QGuiApplication.primaryScreen() else 1.0)
    for size in ICON_SIZES:
        side = int(size * ratio)
        image = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, side, side))
        painter.end()
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(ratio)
        icon.addPixmap(pixmap)
    return icon


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


def apply_style(app: QApplication) -> None:
    """Use Fusion (it honours the palette) and register ``icons:``. No application-wide
    style sheet: panels paint themselves from the palette (desktop.widgets.panel)."""
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
