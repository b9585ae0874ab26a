"""One definition of how a PyInstaller one-folder bundle is built, shared by the app's spec
and the bare-window bundle the size benchmark compares against (so both are built the same
way). Imported from spec files, which hand over PyInstaller's build classes."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

# Qt modules the app uses. QtSvg serves the SVG icon engine; QtNetwork carries the
# single-instance socket. QtPdf renders the print preview.
QT_USED = (
    "QtCore", "QtGui", "QtWidgets", "QtSvg", "QtSvgWidgets", "QtCharts", "QtPdf",
    "QtPdfWidgets", "QtPrintSupport", "QtNetwork", "QtDBus",
)
# The QtCharts C++ library links libQt6OpenGL*, which stays; their Python bindings (~9 MB)
# are never imported, so they are left out too.

# Named for the reader; every other PySide6 module is excluded too (see qt_excludes).
QT_UNUSED_NAMED = (
    "QtWebEngineCore", "QtWebEngineWidgets", "QtWebEngineQuick", "QtWebChannel", "QtWebView",
    "QtWebSockets", "Qt3DCore", "Qt3DRender", "Qt3DInput", "Qt3DLogic", "Qt3DExtras",
    "Qt3DAnimation", "QtMultimedia", "QtMultimediaWidgets", "QtSpatialAudio", "QtQuick",
    "QtQuick3D", "QtQuickControls2", "QtQuickWidgets", "QtQuickTest", "QtQml", "QtBluetooth",
    "QtPositioning", "QtLocation", "QtSensors", "QtSerialPort", "QtSerialBus", "QtNfc",
    "QtDesigner", "QtUiTools", "QtHelp", "QtSql", "QtTest", "QtTextToSpeech", "QtRemoteObjects",
    "QtScxml", "QtStateMachine", "QtDataVisualization", "QtGraphs", "QtGraphsWidgets",
    "QtHttpServer", "QtNetworkAuth", "QtConcurrent", "QtXml", "QtAsyncio", "QtCanvasPainter",
    "QtLabsStyleKit", "QtQmlFeatures",
)

# Standard-library and tooling packages a desktop bundle never needs, and Pillow's optional
# image codecs (AVIF alone is 5 MB): reportlab imports Pillow but our PDFs hold no images,
# and Pillow skips a codec plugin that is missing.
OTHER_EXCLUDES = ("tkinter", "_tkinter", "test", "idlelib", "lib2to3", "pydoc_data",
                  "PySide6.scripts", "pytest", "_pytest", "hypothesis", "mypy", "ruff",
                  "pip", "setuptools",
                  "PIL._avif", "PIL.AvifImagePlugin", "PIL._webp", "PIL.WebPImagePlugin",
                  "PIL._imagingcms", "PIL.ImageCms", "PIL._imagingtk", "PIL.ImageTk",
                  "PIL.ImageQt",
                  # Never loaded by the app (checked by tracing imports through the window,
                  # every export, backup and restore): urllib's optional TLS, the DOM,
                  # asyncio, readline, and the encoding sniffer reportlab's XML reader loads
                  # on demand. The expat and ElementTree parsers stay: activity import
                  # reads TCX and GPX through them (defusedxml).
                  "ssl", "_ssl", "xml.dom", "asyncio", "_asyncio", "readline",
                  "charset_normalizer")

# Files a desktop widgets app never loads: the virtual keyboard input context and the Qt
# Quick/QML libraries only it pulls in (~20 MB); the eglfs, linuxfb, VNC and Vulkan-display
# platforms (embedded devices, remote framebuffers). Also the build machine's CUPS client
# and its TLS stack (~7 MB): Qt's print plugin uses the user's own libcups.so.2, which matches
# their print server; without it, printing to a PDF file still works.
BINARIES_DROPPED = (
    "libqtvirtualkeyboardplugin.so", "libQt6VirtualKeyboard", "libQt6Quick.so",
    "libQt6Qml.so", "libQt6QmlMeta.so", "libQt6QmlModels.so", "libQt6QmlWorkerScript.so",
    "libqeglfs", "libqlinuxfb.so", "libqvnc.so", "libqvkkhrdisplay.so", "libqminimalegl.so",
    "libQt6EglFSDeviceIntegration.so", "libQt6EglFsKmsSupport.so",
    "libcups.so", "libgnutls.so", "libunistring.so", "libp11-kit.so", "libgmp.so",
    "libnettle.so", "libhogweed.so", "libidn2.so", "libtasn1.so", "libavahi-client.so",
    "libavahi-common.so",
)


def qt_excludes() -> list[str]:
    """Every installed PySide6 module the app does not use, as ``PySide6.<name>``."""
    import PySide6

    names = set(QT_UNUSED_NAMED)
    for path in Path(PySide6.__file__).parent.iterdir():
        is_package = (path / "__init__.py").exists()
        if path.name.startswith("Qt") and (path.suffix in (".so", ".pyd") or is_package):
            names.add(path.name.split(".")[0])
    return sorted(f"PySide6.{n}" for n in names - set(QT_USED))


def excludes() -> list[str]:
    """All module exclusions for ``Analysis(excludes=...)``."""
    return qt_excludes() + list(OTHER_EXCLUDES)


def tree_datas(source: Path, dest: str) -> list[tuple[str, str]]:
    """(file, folder) pairs for a data folder, skipping Python byte-code."""
    pairs = []
    for path in sorted(source.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            pairs.append((str(path), str(Path(dest) / path.parent.relative_to(source))))
    return pairs


def _keep(entry: Any) -> bool:
    """False for a collected Qt plugin or library nobody will load."""
    return not Path(str(entry[0]).replace("\\", "/")).name.startswith(BINARIES_DROPPED)


def build(spec_globals: dict[str, Any], *, script: Path, name: str, pathex: Sequence[str] = (),
          datas: Sequence[tuple[str, str]] = (), hiddenimports: Sequence[str] = ()) -> Any:
    """Analysis -> PYZ -> EXE -> COLLECT with the shared settings; returns the COLLECT."""
    analysis_cls = spec_globals["Analysis"]
    a = analysis_cls(
        [str(script)], pathex=list(pathex), binaries=[], datas=list(datas),
        hiddenimports=list(hiddenimports), hookspath=[], runtime_hooks=[],
        excludes=excludes(), noarchive=False, optimize=0,
    )
    a.binaries = [entry for entry in a.binaries if _keep(entry)]
    a.datas = [entry for entry in a.datas if _keep(entry)]  # holds the libraries' symlinks
    pyz = spec_globals["PYZ"](a.pure)
    exe = spec_globals["EXE"](
        pyz, a.scripts, [], exclude_binaries=True, name=name, debug=False,
        bootloader_ignore_signals=False, strip=False, upx=False, console=True,
    )
    return spec_globals["COLLECT"](exe, a.binaries, a.datas, strip=False, upx=False, name=name)
