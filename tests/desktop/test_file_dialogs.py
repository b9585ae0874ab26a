"""Save and open dialogs start in the user's Documents folder, then in the folder used last;
never in the process's working folder (the source checkout under ``make run``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog

from desktop.dialogs.files import OpenFileDialog, SaveFileDialog


@pytest.fixture
def docs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "Documents"
    folder.mkdir()
    monkeypatch.setattr(QStandardPaths, "writableLocation",
                        staticmethod(lambda location: str(folder)))
    work = tmp_path / "checkout"
    work.mkdir()
    monkeypatch.chdir(work)  # where `make run` starts the app
    return folder


def test_first_save_starts_in_documents_then_in_the_last_folder(
        docs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[str] = []
    chosen = tmp_path / "exports" / "week.pdf"
    chosen.parent.mkdir()

    def save(parent: Any, title: str, start: str, filters: str,
             selected: str) -> tuple[str, str]:
        started.append(start)
        return str(chosen), selected

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save))
    assert SaveFileDialog.ask(None, "Export", "week.pdf", ["PDF (*.pdf)"]) == \
        (chosen, "PDF (*.pdf)")
    SaveFileDialog.ask(None, "Export", "plan.pdf", ["PDF (*.pdf)"])
    assert started == [str(docs / "week.pdf"), str(chosen.parent / "plan.pdf")]
    assert not any(s.startswith(str(Path.cwd())) for s in started)


def test_open_starts_in_documents_not_the_working_folder(
        docs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(
        lambda parent, title, start, filters: (started.append(start), ("", ""))[1]))
    assert OpenFileDialog.ask(None, "Restore", ["Backup (*.json)"]) is None
    assert started == [str(docs)]
