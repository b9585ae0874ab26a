"""Cases 1 and the --out ones: no output path may overwrite the saved data."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from core import clock
from tests.attack.helpers import make_home, refused, run, snapshot

DB = "runner-legs.sqlite3"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_home(tmp_path / "data", monkeypatch)


def _targets(home: Path) -> list[Path]:
    backup = next((home / "backups").iterdir())
    return [home / DB, home / (DB + "-wal"), home / (DB + "-shm"), backup,
            home / "backups" / "new.json"]


@pytest.mark.parametrize("command", [
    ["backup"], ["export", "pdf", "--demo"], ["export", "plan-pdf", "--demo"],
    ["export", "ics", "--demo"], ["export", "ics"]])
def test_no_out_can_overwrite_the_data(home: Path, command: list[str]) -> None:
    before = snapshot(home)
    for target in _targets(home):
        line = refused(run(*command, "--out", str(target), home=home), 2)
        assert "overwrite" in line
    assert snapshot(home) == before


def test_a_symlink_into_the_data_is_refused_and_one_elsewhere_is_followed(
        home: Path, tmp_path: Path) -> None:
    before = snapshot(home)
    link = tmp_path / "innocent.json"
    link.symlink_to(home / DB)
    refused(run("backup", "--out", str(link), home=home), 2)
    folder_link = tmp_path / "looks-elsewhere"
    folder_link.symlink_to(home / "backups")
    refused(run("backup", "--out", str(folder_link / "b.json"), home=home), 2)
    assert snapshot(home) == before
    elsewhere = tmp_path / "real.json"
    elsewhere.write_text("old")
    ok_link = tmp_path / "ok.json"
    ok_link.symlink_to(elsewhere)
    result = run("backup", "--out", str(ok_link), home=home)
    assert result.returncode == 0, result.stderr
    assert ok_link.is_symlink() and '"runner-legs-backup"' in elsewhere.read_text()


def test_a_hard_link_to_the_database_is_refused(home: Path, tmp_path: Path) -> None:
    before = snapshot(home)
    hard = tmp_path / "hard.sqlite3"
    os.link(home / DB, hard)
    refused(run("export", "ics", "--out", str(hard), home=home), 2)
    assert snapshot(home) == before


def test_backup_and_export_answer_a_missing_folder_alike(home: Path, tmp_path: Path) -> None:
    out = str(tmp_path / "missing" / "x.out")
    b = refused(run("backup", "--out", out, home=home), 2)
    e = refused(run("export", "ics", "--out", out, home=home), 2)
    assert "does not exist" in b and "does not exist" in e


def test_the_window_writers_refuse_the_data_too(home: Path) -> None:
    """The File menu writes through the same writers: exports and the JSON backup."""
    from core.export.atomic import ExportError
    from core.export.ics import write_ics
    from core.planner import build_plan
    from core.profile import demo_profile
    from core.store import InvalidRequest, open_repository

    profile = demo_profile()
    plan = build_plan(profile, date(2026, 11, 23), 8)
    before = snapshot(home)
    for target in _targets(home):
        with pytest.raises(ExportError, match="saved data|automatic backup"):
            write_ics(target, profile, plan)
        repo = open_repository(home, today=clock.today)
        with pytest.raises(InvalidRequest, match="overwrite"):
            repo.backup_to(target)
        repo.close()
    assert snapshot(home) == before


def test_the_calendar_feed_and_watch_files_cannot_land_on_the_data(home: Path) -> None:
    before = snapshot(home)
    for target in _targets(home):
        refused(run("calendar-feed", str(target), home=home), 2)
    refused(run("export", "fit", "--demo", "--out", str(home / "backups"), home=home), 2)
    assert snapshot(home) == before


def test_a_device_or_a_pipe_as_out_is_refused_before_any_work(home: Path,
                                                               tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for target in ("/dev/full", str(fifo)):
        for command in (["backup"], ["export", "ics", "--demo"]):
            line = refused(run(*command, "--out", target, home=home, timeout=20), 2)
            assert "not a regular file" in line
