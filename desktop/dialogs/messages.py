"""Small message boxes with the ``ask()`` pattern: errors, notices and the restore warning."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMessageBox, QWidget


class ErrorMessage:
    """Tell the user something could not be done, and why (one sentence)."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok,
                          parent)
        box.setAccessibleName(title)
        box.exec()


class RefusedFiles:
    """Files an import could not use, each with its reason (the status bar only counts them)."""

    SHOWN = 30  # lines listed; the rest are counted

    @classmethod
    def ask(cls, parent: QWidget | None, refused: list[tuple[str, str]]) -> None:
        n = len(refused)
        title = f"{n} file{'' if n == 1 else 's'} not imported"
        lines = [f"{name}: {reason}" for name, reason in refused[:cls.SHOWN]]
        if n > cls.SHOWN:
            lines.append(f"… and {n - cls.SHOWN} more")
        box = QMessageBox(QMessageBox.Icon.Information, title,
                          "Nothing of these files was written:\n\n" + "\n".join(lines),
                          QMessageBox.StandardButton.Ok, parent)
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


def counted(n: int, one: str, many: str | None = None) -> str:
    """"1 check-in", "2 check-ins", "no check-ins"."""
    if n == 0:
        return f"no {many or one + 's'}"
    return f"{n} {one}" if n == 1 else f"{n} {many or one + 's'}"


def backup_contents(data: Any) -> str:
    """What a checked backup holds, in words: whose profile, how many check-ins and
    marked sessions, and the plan's length."""
    profile = getattr(data, "profile", None)
    who = "no profile" if profile is None else (
        "the demo profile" if getattr(data, "demo", False) else f"the profile of {profile.name}")
    plan = getattr(data, "plan", None)
    weeks = "" if plan is None else f", a {counted(len(plan.weeks), 'week')} plan"
    return (f"{who}{weeks}, {counted(len(data.checkins), 'check-in')} and "
            f"{counted(len(data.outcomes), 'marked session')}")


class ConfirmRestore:
    """Restoring replaces everything: ask first, naming what the checked backup holds.
    Returns True to go ahead, None to cancel."""

    @classmethod
    def ask(cls, parent: QWidget | None, path: Path, contents: str) -> bool | None:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Restore from backup")
        box.setText(f"Replace everything in Runner Legs with the backup “{path.name}”?")
        box.setInformativeText(
            f"It holds {contents}. Your profile, plan and every logged day will be replaced "
            "by the backup's. Make a backup of the current data first if you may want it "
            "back.")
        restore = box.addButton("Restore", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return True if box.clickedButton() is restore else None
