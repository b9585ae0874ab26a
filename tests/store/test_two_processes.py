"""The desktop keeps a repository open while the command line logs a day: both succeed, and
the desktop notices through data_version() and sees the new day."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from core.checkin import CheckIn
from tests.cli.helpers import run_cli
from tests.store.helpers import FIRST_MONDAY, TODAY, repo_with_profile


def test_cli_write_while_the_desktop_holds_the_store(tmp_path: Path) -> None:
    desktop = repo_with_profile(tmp_path, TODAY)
    desktop.save_checkin(CheckIn(date=TODAY, sleep_hours=7.0))
    seen = desktop.data_version()
    day = FIRST_MONDAY + timedelta(days=1)
    result = run_cli("log", "--date", day.isoformat(), "--sleep-hours", "8.5", "--done",
                     home=tmp_path, today=day.isoformat())  # a session is marked on its day
    assert result.returncode == 0, result.stderr
    assert desktop.data_version() != seen
    assert desktop.checkin(day) == CheckIn(date=day, sleep_hours=8.5)
    assert desktop.outcome(day) is not None
    # The desktop can still write, and the command line sees it.
    desktop.save_checkin(CheckIn(date=TODAY, sleep_hours=6.0))
    shown = run_cli("history", home=tmp_path, today=TODAY.isoformat())
    assert shown.returncode == 0, shown.stderr
    days = {d["date"]: d for d in json.loads(shown.stdout)["days"]}
    assert days[TODAY.isoformat()]["sleep_hours"] == 6.0
    assert days[day.isoformat()]["session"]["status"] == "done"
    desktop.close()
