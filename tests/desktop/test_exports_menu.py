"""The File menu writes real files (in a worker) where the user chose, and restores backups."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from core.checkin import Outcome
from desktop import export_actions
from desktop.dialogs.files import OpenFileDialog, SaveFileDialog
from desktop.dialogs.messages import ConfirmRestore, ErrorMessage
from desktop.dialogs.print_preview import PrintPreviewDialog, render_pages
from desktop.main_window import MainWindow
from tests.desktop.conftest import TODAY


@pytest.fixture(autouse=True)
def no_blocking_errors(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """An error box would block the test: record it instead (tests that expect one check)."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(ErrorMessage, "ask",
                        classmethod(lambda cls, parent, title, text: shown.append((title, text))))
    return shown


def answer_save(monkeypatch: pytest.MonkeyPatch, path: Path, chosen: str = "") -> list[Any]:
    asked: list[Any] = []

    def ask(cls: Any, parent: Any, title: str, name: str, filters: list[str],
            selected: str | None = None) -> tuple[Path, str]:
        asked.append((title, name, filters, selected))
        return path, chosen or filters[0]

    monkeypatch.setattr(SaveFileDialog, "ask", classmethod(ask))
    return asked


def wait_export(qtbot: Any, window: MainWindow, action: Any) -> Path:
    with qtbot.waitSignal(window.exporter.exported, timeout=60000) as blocker:
        action.trigger()
    path = blocker.args[0]
    assert isinstance(path, Path)
    return path


def test_fridge_pdf_is_one_landscape_a4_page(qtbot: Any, main_window: MainWindow,
                                             tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from pypdf import PdfReader

    out = tmp_path / "fridge.pdf"
    asked = answer_save(monkeypatch, out, export_actions.A4_FILTER)
    assert wait_export(qtbot, main_window, main_window.fridge_action) == out
    assert asked and asked[0][1].endswith(".pdf")
    reader = PdfReader(str(out))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    # A4 landscape is 297 × 210 mm = 842 × 595 pt.
    assert (round(float(box.width)), round(float(box.height))) == (842, 595)
    text = reader.pages[0].extract_text()
    assert "Sam Tester" in text
    assert main_window.statusBar().currentMessage().startswith("Fridge PDF")
    assert not main_window.busy.isVisible()


def test_a_failed_export_says_why(qtbot: Any, main_window: MainWindow, tmp_path: Path,
                                  monkeypatch: pytest.MonkeyPatch,
                                  no_blocking_errors: list[tuple[str, str]]) -> None:
    out = tmp_path / "no-such-folder" / "fridge.pdf"
    answer_save(monkeypatch, out)
    with qtbot.waitSignal(main_window.exporter.failed, timeout=60000):
        main_window.fridge_action.trigger()
    assert no_blocking_errors and no_blocking_errors[0][0] == "Fridge PDF failed"
    assert not out.exists()


def test_fridge_pdf_on_letter_paper(qtbot: Any, main_window: MainWindow, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from pypdf import PdfReader

    out = tmp_path / "fridge-letter.pdf"
    answer_save(monkeypatch, out, export_actions.LETTER_FILTER)
    wait_export(qtbot, main_window, main_window.fridge_action)
    box = PdfReader(str(out)).pages[0].mediabox
    # US Letter landscape is 11 × 8.5 in = 792 × 612 pt.
    assert (round(float(box.width)), round(float(box.height))) == (792, 612)


def test_plan_pdf_has_a_page_per_week(qtbot: Any, main_window: MainWindow, ctx: Any,
                                      tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pypdf import PdfReader

    out = tmp_path / "plan.pdf"
    answer_save(monkeypatch, out)
    wait_export(qtbot, main_window, main_window.plan_action)
    assert len(PdfReader(str(out)).pages) >= len(ctx.plan().weeks)


def test_calendar_file_has_an_event_per_training_day(qtbot: Any, main_window: MainWindow,
                                                     ctx: Any, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "plan.ics"
    answer_save(monkeypatch, out)
    wait_export(qtbot, main_window, main_window.ics_action)
    text = out.read_text(encoding="utf-8")
    assert text.startswith("BEGIN:VCALENDAR")
    training = sum(1 for s in ctx.plan().sessions() if s.kind != "rest")
    assert text.count("BEGIN:VEVENT") == training


def test_cancelled_save_writes_nothing(main_window: MainWindow, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(SaveFileDialog, "ask", classmethod(lambda cls, *a, **k: None))
    main_window.fridge_action.trigger()
    main_window.ics_action.trigger()
    assert list(tmp_path.glob("*.pdf")) == [] and list(tmp_path.glob("*.ics")) == []
    assert not main_window.busy.isVisible()


def test_print_preview_shows_the_fridge_page(qtbot: Any, main_window: MainWindow,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[Path] = []
    monkeypatch.setattr(PrintPreviewDialog, "ask",
                        classmethod(lambda cls, parent, pdf, **kw: shown.append(pdf)))
    wait_export(qtbot, main_window, main_window.preview_action)
    assert len(shown) == 1
    pages = render_pages(shown[0], dpi=30)
    assert len(pages) == 1
    assert pages[0].width() > pages[0].height()  # landscape
    dialog = PrintPreviewDialog(shown[0], main_window)
    qtbot.addWidget(dialog)
    assert len(dialog.page_labels) == 1
    assert dialog.print_button.accessibleName() == "Print"


def test_backup_then_restore_brings_the_old_data_back(qtbot: Any, main_window: MainWindow,
                                                      ctx: Any, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    backup = tmp_path / "backup.json"
    answer_save(monkeypatch, backup)
    main_window.backup_action.trigger()
    assert backup.exists()
    json.loads(backup.read_text(encoding="utf-8"))

    day = TODAY + timedelta(days=1)
    ctx.apply(ctx.app.store.save_outcome(Outcome(day, "done", 30, 5)))
    assert ctx.app.store.outcome(day) is not None

    monkeypatch.setattr(OpenFileDialog, "ask", classmethod(lambda cls, *a, **k: backup))
    monkeypatch.setattr(ConfirmRestore, "ask", classmethod(lambda cls, *a, **k: True))
    with qtbot.waitSignal(ctx.changed):
        main_window.restore_action.trigger()
    assert ctx.app.store.outcome(day) is None
    assert ctx.undo_stack.count() == 0


def test_restore_of_a_bad_file_says_why_and_changes_nothing(
        main_window: MainWindow, ctx: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        no_blocking_errors: list[tuple[str, str]]) -> None:
    bad = tmp_path / "not-a-backup.json"
    bad.write_text('{"hello": "world"}', encoding="utf-8")
    before = ctx.app.store.plan()
    errors = no_blocking_errors
    monkeypatch.setattr(OpenFileDialog, "ask", classmethod(lambda cls, *a, **k: bad))
    monkeypatch.setattr(ConfirmRestore, "ask", classmethod(lambda cls, *a, **k: True))
    main_window.restore_action.trigger()
    assert errors and errors[0][0] == "Could not restore" and errors[0][1]
    assert ctx.app.store.plan() == before


def test_print_sends_one_page_to_the_printer(qtbot: Any, main_window: MainWindow,
                                             tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             no_blocking_errors: list[tuple[str, str]]) -> None:
    from pypdf import PdfReader
    from PySide6.QtGui import QPageLayout
    from PySide6.QtPrintSupport import QPrinter

    from desktop.dialogs.print_preview import PrintDialog

    out = tmp_path / "printed.pdf"

    def pdf_printer(cls: Any, parent: Any, landscape: bool = True) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        return printer

    monkeypatch.setattr(PrintDialog, "ask", classmethod(pdf_printer))
    with qtbot.waitSignal(main_window.exporter.printed, timeout=60000):
        main_window.print_action.trigger()
    assert no_blocking_errors == []
    assert len(PdfReader(str(out)).pages) == 1
    assert main_window.statusBar().currentMessage() == "Sent the fridge page to the printer"


def test_a_printer_that_will_not_start_says_why(qtbot: Any, main_window: MainWindow,
                                                tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch,
                                                no_blocking_errors: list[tuple[str, str]]
                                                ) -> None:
    from PySide6.QtPrintSupport import QPrinter

    from desktop.dialogs.print_preview import PrintDialog

    def broken(cls: Any, parent: Any, landscape: bool = True) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "no-such-folder" / "printed.pdf"))
        return printer

    monkeypatch.setattr(PrintDialog, "ask", classmethod(broken))
    with qtbot.waitSignal(main_window.exporter.failed, timeout=60000):
        main_window.print_action.trigger()
    assert no_blocking_errors and no_blocking_errors[0][0] == "Printing failed"
    assert no_blocking_errors[0][1]


def test_print_renders_at_most_300_dpi() -> None:
    from PySide6.QtPrintSupport import QPrinter

    from desktop.dialogs.print_preview import print_dpi

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setResolution(1200)
    assert print_dpi(printer) == 300
    printer.setResolution(72)
    assert print_dpi(printer) == 150


def test_the_busy_bar_shows_while_an_export_runs(qtbot: Any, main_window: MainWindow,
                                                 tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    release = threading.Event()
    real = export_actions.ics_file

    def slow_ics(out: Path, profile: Any, plan: Any) -> Path:
        release.wait(30)
        return real(out, profile, plan)

    monkeypatch.setattr(export_actions, "ics_file", slow_ics)
    out = tmp_path / "plan.ics"
    answer_save(monkeypatch, out)
    assert not main_window.busy.isVisible()
    main_window.ics_action.trigger()
    try:
        qtbot.waitUntil(main_window.busy.isVisible, timeout=5000)
        assert not out.exists()
    finally:
        release.set()
    qtbot.waitUntil(lambda: not main_window.busy.isVisible(), timeout=60000)
    assert out.exists()


def test_an_imperial_profile_is_offered_letter_paper_first(
        main_window: MainWindow, ctx: Any, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from core.profile import profile_from_dict
    from tests.desktop.conftest import TEST_PROFILE

    monkeypatch.setattr(export_actions, "default_paper", lambda: "a4")  # a European locale
    asked = answer_save(monkeypatch, tmp_path / "x.pdf")
    monkeypatch.setattr(SaveFileDialog, "ask", classmethod(
        lambda cls, parent, title, name, filters, selected=None: asked.append(selected)))
    main_window.fridge_action.trigger()
    ctx.apply(ctx.app.ops.save_profile(profile_from_dict({**TEST_PROFILE,
                                                          "units": "imperial"})))
    main_window.fridge_action.trigger()
    assert asked == [export_actions.A4_FILTER, export_actions.LETTER_FILTER]


@pytest.mark.parametrize(("locale", "comma"), [("en_GB", False), ("de_DE", True)])
def test_history_csv_from_the_file_menu_suits_the_users_spreadsheet(
        qtbot: Any, main_window: MainWindow, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, locale: str, comma: bool) -> None:
    import csv

    from PySide6.QtCore import QLocale

    from core.checkin import CheckIn

    main_window.ctx.app.ops.check_in(CheckIn(TODAY - timedelta(days=1), sleep_hours=7.5,
                                              foam_roll=("quads",)))
    previous = QLocale()
    QLocale.setDefault(QLocale(locale))
    try:
        out = tmp_path / "history.csv"
        asked: list[Any] = []

        def ask(cls: Any, parent: Any, title: str, name: str, filters: list[str],
                selected: str | None = None) -> tuple[Path, str | None]:
            asked.append((title, name, filters, selected))
            return out, selected  # the user keeps the suggested kind of CSV

        monkeypatch.setattr(SaveFileDialog, "ask", classmethod(ask))
        assert wait_export(qtbot, main_window, main_window.history_action) == out
    finally:
        QLocale.setDefault(previous)
    title, name, filters, selected = asked[0]
    assert name.endswith("-history.csv") and len(filters) == 2
    assert selected == (export_actions.CSV_COMMA_FILTER if comma
                        else export_actions.CSV_POINT_FILTER)
    text = out.read_text(encoding="utf-8")
    rows = list(csv.DictReader(text.splitlines(), delimiter=";" if comma else ","))
    assert rows[-1]["date"] == (TODAY - timedelta(days=1)).isoformat()
    assert rows[-1]["sleep_hours"] == ("7,5" if comma else "7.5")
    assert out.stat().st_mode & 0o777 == 0o600
    assert main_window.history_action in main_window.menuBar().actions()[0].menu().actions()
