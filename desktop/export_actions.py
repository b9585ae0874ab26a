"""The File menu's work: exports (in a worker), printing, backup and restore.

Workers get plain data (profile, week, plan) and a path; PDF and calendar libraries are
imported inside them, so starting the app never loads reportlab; the print dialogs (QtPdf,
QtPrintSupport) are imported when first used.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from core.app import exports
from core.app.exports import Exported
from core.plan import Plan, Week
from core.profile import Profile
from core.weight_trend import Progress
from core.wording import day_label
from desktop.context import AppContext
from desktop.dialogs.files import FolderDialog, OpenFileDialog, SaveFileDialog
from desktop.dialogs.messages import ConfirmRestore, ErrorMessage, backup_contents
from desktop.tasks import run_task

A4_FILTER = "PDF, A4 paper (*.pdf)"
LETTER_FILTER = "PDF, US Letter paper (*.pdf)"
ICS_FILTER = "Calendar file (*.ics)"
BACKUP_FILTER = "Runner Legs backup (*.json)"
RESTORE_FILTERS = ["Runner Legs backups (*.json *.sqlite3)", BACKUP_FILTER,
                   "Automatic backup (*.sqlite3)", "Any file (*)"]
CSV_POINT_FILTER = "CSV, decimal point: 7.5 (*.csv)"
CSV_COMMA_FILTER = "CSV for spreadsheets that write 7,5 (*.csv)"
WATCH_FOLDER_TITLE = ("Export workouts for a watch — for a Garmin connected by USB, choose "
                      "its GARMIN/NewFiles folder")


def fridge_pdf(out: Path, profile: Profile, week: Week, paper: str) -> Exported:
    return exports.fridge_pdf(out, profile, week, paper=paper)


def plan_pdf(out: Path, profile: Profile, plan: Plan, paper: str,
             progress: Progress | None = None) -> Exported:
    return exports.plan_pdf(out, profile, plan, paper=paper, progress=progress)


def ics_file(out: Path, profile: Profile, plan: Plan) -> Exported:
    return exports.ics(out, profile, plan)


def locale_writes_decimal_comma() -> bool:
    """True when the user's locale writes 7,5 (its spreadsheet will expect ';' and ',')."""
    from PySide6.QtCore import QLocale

    return QLocale().decimalPoint() == ","


def watch_workouts(folder: Path, week: Week) -> tuple[Path, ...]:
    return exports.fit_workouts(folder, week).files


def default_paper() -> str:
    """A4 or Letter, from the user's locale (QLocale loads hundreds of enum members: only
    when a paper is needed)."""
    from PySide6.QtCore import QLocale

    return exports.default_paper_for_locale(QLocale().name())


def _sentence(text: str) -> str:
    text = text.strip().rstrip(".")
    return text[:1].upper() + text[1:] + "." if text else ""


def _slug(text: str) -> str:
    keep = "".join(c if c.isalnum() else "-" for c in text.strip().lower())
    return "-".join(p for p in keep.split("-") if p) or "runner"


class Exporter(QObject):
    """Runs the File menu actions for a window; reports through ``status`` and signals."""

    exported = Signal(object)  # the written Path
    printed = Signal(object)  # the PDF that went to the printer
    failed = Signal(str)

    def __init__(self, window: QWidget, ctx: AppContext, week: Callable[[], Week],
                 status: Callable[[str], None]) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = ctx
        self.week = week
        self.status = status
        self._tmp = tempfile.TemporaryDirectory(prefix="runner-legs-")

    # --- helpers -------------------------------------------------------------------------
    def _run(self, what: str, fn: Callable[..., Exported], *args: Any,
             then: Callable[[Path], None] | None = None) -> None:
        self.status(f"{what}…")

        def done(result: Exported) -> None:
            path = result.path
            notes = "".join(f" ({note})" for note in result.notes)  # e.g. a glyph no font has
            self.status((f"{what}: saved {path.name}" if then is None else f"{what}: ready")
                        + notes)
            if then is not None:
                then(path)
            self.exported.emit(path)

        def error(exc: BaseException) -> None:
            message = f"{what} failed: {exc}"
            self.status(message)
            self.failed.emit(message)
            ErrorMessage.ask(self.window, what + " failed", str(exc))

        run_task(fn, *args, on_done=done, on_error=error)

    def paper(self) -> str:
        """Letter for a runner who reads pounds and inches (the US), else the locale's."""
        return "letter" if self.ctx.profile().units == "imperial" else default_paper()

    def _name(self, what: str, ext: str) -> str:
        return f"{_slug(self.ctx.profile().name)}-{what}.{ext}"

    # --- actions -------------------------------------------------------------------------
    def export_fridge(self) -> None:
        week = self.week()
        paper = self.paper()
        choice = SaveFileDialog.ask(
            self.window, "Export fridge PDF", self._name(f"week-{week.start.isoformat()}",
                                                         "pdf"),
            [A4_FILTER, LETTER_FILTER], A4_FILTER if paper == "a4" else LETTER_FILTER)
        if choice is None:
            return
        path, chosen = choice
        paper = "letter" if chosen == LETTER_FILTER else "a4"
        self._run("Fridge PDF", fridge_pdf, path, self.ctx.profile(), week, paper)

    def _fridge_temp(self, then: Callable[[Path], None]) -> None:
        week = self.week()
        out = Path(self._tmp.name) / f"fridge-{week.start.isoformat()}.pdf"
        self._run("Fridge page", fridge_pdf, out, self.ctx.profile(), week, self.paper(),
                  then=then)

    def print_preview(self) -> None:
        from desktop.dialogs.print_preview import PrintPreviewDialog

        week, profile = self.week(), self.ctx.profile()

        def remake(paper: str) -> Path:
            out = Path(self._tmp.name) / f"fridge-{week.start.isoformat()}-{paper}.pdf"
            return fridge_pdf(out, profile, week, paper).path

        self._fridge_temp(lambda path: PrintPreviewDialog.ask(
            self.window, path, paper=self.paper(), remake=remake))

    def print_fridge(self) -> None:
        from desktop.dialogs.print_preview import PrintDialog, start_printing

        printer = PrintDialog.ask(self.window)
        if printer is None:
            return

        def send(path: Path) -> None:
            self.status("Printing the fridge page…")
            start_printing(path, printer, lambda: sent(path), failed)

        def sent(path: Path) -> None:
            self.status("Sent the fridge page to the printer")
            self.printed.emit(path)

        def failed(exc: BaseException) -> None:
            message = f"Printing failed: {exc}"
            self.status(message)
            self.failed.emit(message)
            ErrorMessage.ask(self.window, "Printing failed", str(exc))

        self._fridge_temp(send)

    def export_plan(self) -> None:
        choice = SaveFileDialog.ask(self.window, "Export plan PDF", self._name("plan", "pdf"),
                                    [A4_FILTER, LETTER_FILTER],
                                    A4_FILTER if self.paper() == "a4" else LETTER_FILTER)
        if choice is None:
            return
        path, chosen = choice
        paper = "letter" if chosen == LETTER_FILTER else "a4"
        self._run("Plan PDF", plan_pdf, path, self.ctx.profile(), self.ctx.plan(), paper,
                  self.ctx.app.queries.progress())

    def export_ics(self) -> None:
        choice = SaveFileDialog.ask(self.window, "Export calendar",
                                    self._name("plan", "ics"), [ICS_FILTER])
        if choice is None:
            return
        self._run("Calendar file", ics_file, choice[0], self.ctx.profile(), self.ctx.plan())

    def export_history(self) -> None:
        """Every logged day as CSV, numbers spelt as the user's spreadsheet reads them."""
        comma = locale_writes_decimal_comma()
        choice = SaveFileDialog.ask(self.window, "Export history as CSV",
                                    self._name("history", "csv"),
                                    [CSV_POINT_FILTER, CSV_COMMA_FILTER],
                                    CSV_COMMA_FILTER if comma else CSV_POINT_FILTER)
        if choice is None:
            return
        path, chosen = choice
        self._run("History CSV", self.ctx.app.exports.history_file, path,
                  chosen == CSV_COMMA_FILTER)

    def export_watch(self) -> None:
        """One FIT workout file per run of the shown week, into a folder the user picks."""
        week = self.week()
        folder = FolderDialog.ask(self.window, WATCH_FOLDER_TITLE)
        if folder is None:
            return
        what = "Watch workouts"
        self.status(f"{what}…")

        def done(paths: tuple[Path, ...]) -> None:
            where = "" if folder.name == "NewFiles" else (
                " (a Garmin connected by USB loads them from its GARMIN/NewFiles folder)")
            self.status(f"{what}: saved {len(paths)} files for the week of "
                        f"{day_label(week.start)} in {folder}{where}")
            self.exported.emit(folder)

        def error(exc: BaseException) -> None:
            message = f"{what} failed: {exc}"
            self.status(message)
            self.failed.emit(message)
            ErrorMessage.ask(self.window, what + " failed", str(exc))

        run_task(watch_workouts, folder, week, on_done=done, on_error=error)

    def backup(self) -> None:
        name = f"runner-legs-backup-{self.ctx.today().isoformat()}.json"
        choice = SaveFileDialog.ask(self.window, "Back up", name, [BACKUP_FILTER])
        if choice is None:
            return
        path = choice[0]
        try:
            self.ctx.app.ops.backup(path)
        except (OSError, ValueError) as exc:
            ErrorMessage.ask(self.window, "Backup failed", str(exc))
            self.failed.emit(str(exc))
            return
        self.status(f"Backed up everything to {path.name}")
        self.exported.emit(path)

    def restore(self) -> None:
        """Pick a backup (JSON or an automatic .sqlite3 copy), check it in full, say what it
        holds and ask, then replace everything in one transaction."""
        from dataclasses import replace

        path = OpenFileDialog.ask(self.window, "Restore from backup", RESTORE_FILTERS)
        if path is None:
            return
        try:
            data = self.ctx.app.ops.read_backup(path)
        except (OSError, ValueError) as exc:
            self._restore_failed(_sentence(str(exc)))
            return
        contents = backup_contents(data)
        if not ConfirmRestore.ask(self.window, path, contents):
            return
        try:
            change = self.ctx.app.ops.restore_data(data)
        except (OSError, ValueError) as exc:
            self._restore_failed(f"Nothing was changed: {exc}")
            return
        change = replace(change, summary=_sentence(f"restored {contents} from {path.name}"))
        self.ctx.undo_stack.clear()
        self.ctx.apply(change)
        self.status(change.summary)

    def _restore_failed(self, text: str) -> None:
        ErrorMessage.ask(self.window, "Could not restore", text)
        self.failed.emit(text)

    def cleanup(self) -> None:
        self._tmp.cleanup()
