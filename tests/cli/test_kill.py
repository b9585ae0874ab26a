"""Kill safety: ``runner-legs log`` killed with SIGKILL at random moments never loses a day
it acknowledged (exit 0), never leaves a torn day, and the file stays sound.

The store's test-only RUNNER_LEGS_TEST_WRITE_DELAY holds each write transaction open (after
its writes, before the commit) for DELAY seconds, and most kills are timed into that window,
so they land inside the transaction rather than mostly before or after it."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from core import clock
from core.profile import DEMO
from core.store import automatic_backups, open_repository
from core.store.safety import check_sqlite_file
from tests.cli.helpers import CLI, run_cli

KILLS = 30
MAX_RUNS = 60
DELAY = 0.3  # seconds each write transaction stays open before it commits
FIRST = date(2026, 11, 20)


def _env(home: Path, today: date, mark: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["RUNNER_LEGS_HOME"] = str(home)
    env["RUNNER_LEGS_TODAY"] = today.isoformat()
    env["RUNNER_LEGS_TEST_WRITE_DELAY"] = str(DELAY)
    env["RUNNER_LEGS_TEST_WRITE_MARK"] = str(mark)
    return env


def _log(home: Path, day: date, hours: float, mark: Path) -> subprocess.Popen[bytes]:
    # Each run is "a new day of use", so it also makes (and rotates) an automatic backup.
    mark.unlink(missing_ok=True)
    return subprocess.Popen(
        [sys.executable, "-c", CLI, "log", "--date", day.isoformat(),
         "--sleep-hours", str(hours), "--weight", "64.5", "--foam-roll", "quads,calves"],
        env=_env(home, day, mark), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _wait_for(mark: Path, proc: subprocess.Popen[bytes], timeout: float = 60.0) -> None:
    """Until the write transaction is open (the store touched ``mark``) or the run ended."""
    deadline = time.monotonic() + timeout
    while not mark.exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.002)


@pytest.mark.slow
def test_sigkill_never_loses_an_acknowledged_day(tmp_path: Path) -> None:
    home = tmp_path / "home"
    profile = tmp_path / "me.json"
    profile.write_text(json.dumps(DEMO), encoding="utf-8")
    assert run_cli("profile", "--set", str(profile), home=home,
                   today=FIRST.isoformat()).returncode == 0
    rng = random.Random(20261120)
    mark = tmp_path / "in-transaction"
    started = time.perf_counter()
    first = _log(home, FIRST, 7.0, mark)
    assert first.wait(timeout=120) == 0
    duration = time.perf_counter() - started
    acknowledged: dict[date, float] = {FIRST: 7.0}
    killed: dict[date, float] = {}
    runs = kills = 0
    while kills < KILLS and runs < MAX_RUNS:
        runs += 1
        day = FIRST + timedelta(days=runs)
        hours = round(rng.uniform(4.0, 10.0), 2)
        proc = _log(home, day, hours, mark)
        if runs % 4:  # into the open transaction: after the writes, before the commit
            _wait_for(mark, proc)
            time.sleep(rng.uniform(0.0, 0.8 * DELAY))
        else:  # anywhere: starting up, backing up, committing, or already done
            time.sleep(rng.uniform(0.3, 1.6) * duration)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=60)
            kills += 1
            killed[day] = hours
        else:
            err = proc.stderr.read().decode() if proc.stderr else ""
            assert proc.returncode == 0, err
            acknowledged[day] = hours
        if proc.stderr:
            proc.stderr.close()
    assert kills >= KILLS, f"only {kills} runs were still going when killed"

    db = home / "runner-legs.sqlite3"
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        stored = {date.fromisoformat(d): (h, w, f) for d, h, w, f in conn.execute(
            "SELECT day, sleep_hours, weight_kg, foam_roll FROM checkin")}
    finally:
        conn.close()
    for day, hours in acknowledged.items():
        assert stored[day] == (hours, 64.5, "quads,calves"), day
    # The kills did land before the commit (inside the held-open transaction), not after it.
    assert sum(1 for day in killed if day not in stored) >= KILLS // 2
    for day, hours in killed.items():  # all of the day or none of it
        assert stored.get(day, (hours, 64.5, "quads,calves")) == (hours, 64.5, "quads,calves")
    for backup in automatic_backups(home):  # no torn backup is ever visible
        assert check_sqlite_file(backup) is None
    # The app carries on; its next day of use is backed up and the rotation keeps 7
    # (a process killed between its backup and its rotation may have left an eighth).
    last = FIRST + timedelta(days=runs + 1)
    again = _log(home, last, 6.0, mark)
    assert again.wait(timeout=120) == 0
    if again.stderr:
        again.stderr.close()
    backups = automatic_backups(home)
    assert len(backups) == 7 and backups[0].name == f"runner-legs-{last.isoformat()}.sqlite3"
    repo = open_repository(home, today=clock.today)
    assert repo.checkin(last) is not None and repo.profile() is not None
    repo.close()
