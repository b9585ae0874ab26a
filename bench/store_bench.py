"""Store speed: opening the store and reading one month (what the calendar and recovery pages
show: profile, plan, the month's check-ins and outcomes) with five years of history, against
a first-day store (profile and 12-week plan, nothing logged) and against an empty one; and a
bulk write of the five years in one transaction."""

from __future__ import annotations

import tempfile
from datetime import date, timedelta
from pathlib import Path

from bench.make_history import TODAY, history_data, make_history, make_new_user
from bench.timing import best_of
from core.store import open_repository


def _open_and_read_month(data_dir: Path, today: date = TODAY) -> None:
    """What the app does on start: open, read the profile, the plan and the last month."""
    repo = open_repository(data_dir)
    try:
        start = today - timedelta(days=30)
        repo.profile()
        repo.plan()
        repo.checkins(start, today)
        repo.outcomes(start, today)
        repo.data_version()
    finally:
        repo.close()


def _open_and_read_log_month(data_dir: Path, today: date = TODAY) -> None:
    """Open and read one month of the log only (check-ins and outcomes)."""
    repo = open_repository(data_dir)
    try:
        start = today - timedelta(days=30)
        repo.checkins(start, today)
        repo.outcomes(start, today)
    finally:
        repo.close()


def run() -> list[tuple[str, float, float]]:
    with tempfile.TemporaryDirectory() as tmp:
        big, small, empty = Path(tmp, "history"), Path(tmp, "new"), Path(tmp, "empty")
        make_history(big)
        make_new_user(small)
        open_repository(empty).set_setting("bench", "empty")  # schema only, no data
        for folder in (big, small, empty):  # warm the page cache
            _open_and_read_month(folder)
        history = best_of(lambda: _open_and_read_month(big), 30)
        rows = [("store: open + read a month, 5-year history vs first day", history,
                 best_of(lambda: _open_and_read_month(small), 30)),
                ("store: open + read a month, 5-year history vs empty store", history,
                 best_of(lambda: _open_and_read_month(empty), 30)),
                ("store: open + a month of logs only, 5-year history vs empty store",
                 best_of(lambda: _open_and_read_log_month(big), 30),
                 best_of(lambda: _open_and_read_log_month(empty), 30))]
        data = history_data()
        n = [0]

        def bulk() -> None:
            n[0] += 1
            repo = open_repository(Path(tmp, f"bulk{n[0]}"))
            try:
                repo.restore_data(data)
            finally:
                repo.close()

        def one_day() -> None:
            n[0] += 1
            repo = open_repository(Path(tmp, f"one{n[0]}"))
            try:
                repo.log_day(TODAY, {"sleep_hours": 7.5})
            finally:
                repo.close()

        rows.append(("store: 5 years written in one transaction vs one logged day",
                     best_of(bulk, 3), best_of(one_day, 3)))
    return rows


if __name__ == "__main__":
    for label, figure, baseline in run():
        print(f"{label:<60} {figure:8.4f} {baseline:8.4f} {figure / baseline:6.2f}×")
