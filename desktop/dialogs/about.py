"""Help → About: the version and what the app is for."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def app_version() -> str:
    from importlib import metadata  # only the About box needs it: not read at start-up

    try:
        return metadata.version("runner-legs")
    except metadata.PackageNotFoundError:
        return "unknown"


def about_text() -> str:
    return (f"<h3>Runner Legs {app_version()}</h3>"
            "<p>A training plan, meal targets and a recovery checklist for runners who want "
            "lean, defined legs, with a fridge-door schedule to print.</p>"
            "<p>Your data stays on this computer.</p>")


class AboutBox:
    """The About box (``ask()`` pattern, so tests can stub it)."""

    @classmethod
    def ask(cls, parent: QWidget | None) -> None:
        QMessageBox.about(parent, "About Runner Legs", about_text())
