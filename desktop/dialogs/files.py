"""Save and open file dialogs with the ``ask()`` pattern (easy to stub in tests).

The last folder used is remembered in QSettings, so exports land where the user put the
previous one; the first time it is the Documents folder.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

LAST_DIR_KEY = "files/last_dir"


def _start_dir() -> Path:
    saved = QSettings().value(LAST_DIR_KEY, "", str)
    if saved and Path(str(saved)).is_dir():
        return Path(str(saved))
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(docs) if docs and Path(docs).is_dir() else Path.home()  # never the cwd


def _remember(path: Path) -> None:
    QSettings().setValue(LAST_DIR_KEY, str(path.parent))


class SaveFileDialog:
    """Where to save an export: ``ask`` returns (path, chosen filter) or None."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, suggested_name: str,
            filters: list[str], selected: str | None = None) -> tuple[Path, str] | None:
        start = str(_start_dir() / suggested_name)
        name, chosen = QFileDialog.getSaveFileName(
            parent, title, start, ";;".join(filters), selected or filters[0])
        if not name:
            return None
        path = Path(name)
        suffix = _suffix(chosen or filters[0])
        if suffix and path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        _remember(path)
        return path, chosen or filters[0]


class OpenFileDialog:
    """Which file to open: ``ask`` returns a path or None."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, filters: list[str]) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(parent, title, str(_start_dir()),
                                              ";;".join(filters))
        if not name:
            return None
        path = Path(name)
        _remember(path)
        return path


class FolderDialog:
    """Which folder to write into: ``ask`` returns a path or None."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str) -> Path | None:
        name = QFileDialog.getExistingDirectory(parent, title, str(_start_dir()))
        if not name:
            return None
        path = Path(name)
        QSettings().setValue(LAST_DIR_KEY, str(path))
        return path


def _suffix(name_filter: str) -> str:
    """".pdf" from "PDF (*.pdf)"; "" when the filter has no single extension."""
    if "(*." in name_filter:
        ext = name_filter.split("(*.", 1)[1].split(")", 1)[0].split()[0]
        if ext and ext != "*":
            return "." + ext.lower()
    return ""
