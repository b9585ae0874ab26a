"""Attacking the command line as a user (or a hostile file) would: every run is a subprocess
with a timeout, and its answer is one stderr line, the right exit code and no traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from core import clock
from core.app.planning import save_profile
from core.checkin import CheckIn
from core.profile import demo_profile
from core.store import open_repository

CLI = "import sys; from core.cli import main; sys.exit(main())"
TODAY = date(2026, 11, 20)
TIMEOUT = 60


def run(*args: str, home: Path | None = None, today: str = "2026-11-21",
        stdin: str | None = None, timeout: float = TIMEOUT,
        code: str = CLI) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.pop("RUNNER_LEGS_HOME", None)
    if home is not None:
        env["RUNNER_LEGS_HOME"] = str(home)
    env["RUNNER_LEGS_TODAY"] = today
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True,
                          text=True, env=env, input=stdin, timeout=timeout,
                          errors="backslashreplace")


def refused(result: subprocess.CompletedProcess[str], exit_code: int) -> str:
    """The one stderr line of a refused command (asserting the exit code, nothing printed
    on stdout and no traceback)."""
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert result.returncode == exit_code, (result.returncode, result.stderr)
    assert result.stdout == "", result.stdout
    assert lines[0].startswith("runner-legs: ")
    return lines[0]


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes (to prove nothing changed). SQLite's
    -shm index and an empty -wal hold no data (SQLite makes them when it opens a WAL
    database), so they are left out."""
    if not folder.exists():
        return {}
    return {str(p.relative_to(folder)): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()
            and not p.name.endswith("-shm")
            and not (p.name.endswith("-wal") and p.stat().st_size == 0)}


def make_home(folder: Path, monkeypatch: object) -> Path:
    """A data folder holding a profile, a plan, two logged days and one automatic backup."""
    import pytest

    assert isinstance(monkeypatch, pytest.MonkeyPatch)
    monkeypatch.setenv("RUNNER_LEGS_TODAY", TODAY.isoformat())
    repo = open_repository(folder, today=clock.today)
    save_profile(repo, demo_profile(), TODAY)
    repo.save_checkin(CheckIn(date=TODAY, sleep_hours=7.5))
    repo.close()
    monkeypatch.setenv("RUNNER_LEGS_TODAY", "2026-11-21")
    repo = open_repository(folder, today=clock.today)  # the day's first write makes the automatic backup
    repo.save_checkin(CheckIn(date=date(2026, 11, 21), sleep_hours=8.0))
    repo.close()
    return folder
