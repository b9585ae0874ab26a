"""Choosing what to import: activity files and folders in one dialog, and the folder to
watch. Both follow the ``ask()`` pattern, so tests stub them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QAbstractItemView, QDialog, QFileDialog, QWidget

from desktop.dialogs.files import _remember, _start_dir

ACTIVITY_FILTERS = ["Activity files (*.fit *.FIT *.tcx *.TCX *.gpx *.GPX *.gz *.zip)",
                    "All files (*)"]


class FilesAndFolders(QFileDialog):
    """A file dialog where "Import" takes the selected files and folders as they are (a
    double click still opens a folder to look inside)."""

    def __init__(self, parent: QWidget | None, title: str, start: str) -> None:
        super().__init__(parent, title, start)
        self.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        self.setFileMode(QFileDialog.FileMode.ExistingFiles)
        self.setNameFilters(ACTIVITY_FILTERS)
        self.setLabelText(QFileDialog.DialogLabel.Accept, "Import")
        self.setLabelText(QFileDialog.DialogLabel.FileName, "Files or folders:")
        for view in self.findChildren(QAbstractItemView):
            view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.chosen: list[Path] = []

    def accept(self) -> None:
        chosen = [Path(p) for p in self.selectedFiles() if p]
        if chosen and all(p.exists() for p in chosen) and chosen != [Path(self.directory()
                                                                          .absolutePath())]:
            self.chosen = chosen
            QDialog.accept(self)
            return
        super().accept()


class ImportFilesDialog:
    """Which files and folders to import: ``ask`` returns their paths or None."""

    @classmethod
    def ask(cls, parent: QWidget | None) -> list[Path] | None:
        start = _start_dir()
        if not start.is_dir():  # a Documents folder that is not there would read as a name
            start = Path.home()
        dialog = FilesAndFolders(parent, "Import activities", str(start))
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.chosen:
            return None
        _remember(dialog.chosen[0])
        return dialog.chosen


class WatchFolderDialog:
    """The folder to watch for new activity files: ``ask`` returns it or None."""

    @classmethod
    def ask(cls, parent: QWidget | None, current: Path | None) -> Path | None:
        start = str(current) if current is not None and current.is_dir() else str(_start_dir())
        name = QFileDialog.getExistingDirectory(parent, "Folder to watch for activities",
                                                start)
        return Path(name) if name else None
