"""Small message boxes with the ``ask()`` pattern: errors, notices and the restore warning."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget


class ErrorMessage:
    """Tell the user something could not be done, and why (one sentence)."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok,
                          parent)
        box.setAccessibleName(title)
        box.exec()


class UnsavedChanges:
    """Edits not saved yet: ``ask`` returns "save", "discard", or None to stay put."""

    @classmethod
    def ask(cls, parent: QWidget | None, what: str) -> str | None:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Unsaved changes")
        box.setText(f"Save the changes to {what}?")
        box.setInformativeText("If you don't save, your edits are lost.")
        buttons = QMessageBox.StandardButton
        box.setStandardButtons(buttons.Save | buttons.Discard | buttons.Cancel)
        box.setDefaultButton(buttons.Save)
        box.setAccessibleName("Unsaved changes")
        clicked = box.exec()
        if clicked == buttons.Save:
            return "save"
        if clicked == buttons.Discard:
            return "discard"
        return None


class ConfirmRestore:
    """Restoring replaces everything: ask first. Returns True to go ahead, None to cancel."""

    @classmethod
    def ask(cls, parent: QWidget | None, path: Path) -> bool | None:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Restore from backup")
        box.setText(f"Replace everything in Runner Legs with the backup “{path.name}”?")
        box.setInformativeText(
            "Your profile, plan and every logged day will be replaced by the backup's. "
            "Make a backup of the current data first if you may want it back.")
        restore = box.addButton("Restore", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return True if box.clickedButton() is restore else None
