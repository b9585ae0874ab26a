"""Start-up dialog for a damaged database: offer the newest readable automatic backup
instead, or let the user pick an older one."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMessageBox, QWidget

from core.wording import short_day


def describe_backup(path: Path) -> str:
    """A backup as a person reads it: its file name and when it was made."""
    try:
        when = datetime.fromtimestamp(path.stat().st_mtime)
        return f"{path.name} (saved {short_day(when)} {when.year}, {when:%H:%M})"
    except OSError:
        return path.name


class DamagedDatabaseDialog:
    """``ask`` returns the backup to restore, or None to quit without touching anything.

    ``error.backups`` are the readable automatic backups, newest first.
    """

    OLDER = "Restore an older backup…"

    @classmethod
    def ask(cls, parent: QWidget | None, error: Any) -> Path | None:
        backups: list[Path] = list(getattr(error, "backups", []) or [])
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle("Runner Legs cannot open your data")
        box.setText("The database file is damaged, so Runner Legs cannot open it.")
        path = getattr(error, "path", None)
        reason = getattr(error, "reason", "")
        detail = f"The file is {path}" if path is not None else str(error)
        if reason:
            detail += f" ({reason})"
        detail += ". It has been left exactly as it was."
        if backups:
            detail += ("\n\nThe newest automatic backup is " + describe_backup(backups[0])
                       + ". “Restore newest backup” puts it in place and keeps the damaged file "
                       "beside it (renamed, not deleted); anything logged after that backup is "
                       "not in it.")
        else:
            detail += ("\n\nThere is no automatic backup to restore. Quit, move the file aside "
                       "and start Runner Legs again; a backup you saved yourself can then be "
                       "restored with File → Restore.")
        box.setInformativeText(detail)
        restore = older = None
        if backups:
            restore = box.addButton("Restore newest backup", QMessageBox.ButtonRole.AcceptRole)
        if len(backups) > 1:
            older = box.addButton(cls.OLDER, QMessageBox.ButtonRole.ActionRole)
        box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
        if restore is not None:
            box.setDefaultButton(restore)
        box.exec()
        if restore is not None and box.clickedButton() is restore:
            return backups[0]
        if older is not None and box.clickedButton() is older:
            return cls.pick(parent, backups)
        return None

    @classmethod
    def pick(cls, parent: QWidget | None, backups: list[Path]) -> Path | None:
        """Let the user choose any of the readable backups (None when cancelled)."""
        from PySide6.QtWidgets import QInputDialog

        names = [describe_backup(p) for p in backups]
        chosen, ok = QInputDialog.getItem(
            parent, "Restore an older backup", "Each backup holds your data as it was on "
            "that day. Choose the one to put back:", names, 0, False)
        if not ok or chosen not in names:
            return None
        return backups[names.index(chosen)]
