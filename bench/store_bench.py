"""Store speed: does a long history slow the app's start? Opening the store and reading one
month (what the calendar and recovery pages show: profile, plan, the month's check-ins and
outcomes) with five years of history, against

* a new user's store: the same profile and a 12-week plan, no history at all (the "empty"
  database of the target: opening costs no more than 1.2× this), and
* a store holding only the last month of the same history (the same rows to read, nothing
  older), which isolates what the older years cost;

and, for information, a bulk write of the five years in one transaction.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from bench.make_history import TODAY, history_data, make_history, make_new_user, make_recent_user
from bench.timing import best_of
from core import clock
from core.store import open_repository

TARGET = 1.2  # five years of history may cost at most 1.2× the new user's store
REPEAT = 40


def _open_and_read_month(data_dir: Path, today: date = TODAY) -> None:
    """What the app does on start: open, read the profile, the plan and the last month."""
    repo = open_repository(data_dir, today=clock.today)
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
    repo = open_repository(data_dir, today=clock.today)
    try:
        start = today - timedelta(days=30)
        repo.checkins(start, today)
        repo.outcomes(start, today)
    finally:
        repo.close()


def _row(label: str, figure: float, baseline: float,
         target: float | None) -> tuple[str, float, float]:
    """A result row; the label carries its target and says when the ratio is over it."""
    if target is None:
        return (f"{label} (no target)", figure, baseline)
    over = " (over target)" if figure > target * baseline else ""
    return (f"{label} [target ≤{target:g}×]{over}", figure, baseline)


def run() -> list[tuple[str, float, float]]:
    with tempfile.TemporaryDirectory() as tmp:
        big, recent, new = Path(tmp, "history"), Path(tmp, "recent"), Path(tmp, "new")
        make_history(big)
        make_recent_user(recent)
        make_new_user(new)
        for folder in (big, recent, new):  # warm the page cache
            _open_and_read_month(folder)

        def best(fn: Callable[[Path], None], folder: Path) -> float:
            return best_of(lambda: fn(folder), REPEAT)

        history = best(_open_and_read_month, big)
        rows = [
            _row("store: open + read a month, 5 years of history vs new user (profile + "
                 "plan, no history)", history, best(_open_and_read_month, new), TARGET),
            _row("store: open + read a month, 5 years of history vs only that month logged",
                 history, best(_open_and_read_month, recent), TARGET),
            _row("store: open + a month of logs only, 5 years of history vs only that month "
                 "logged", best(_open_and_read_log_month, big),
                 best(_open_and_read_log_month, recent), TARGET),
        ]
        data = history_data()
        n = [0]

        def bulk() -> None:
            n[0] += 1
            repo = open_repository(Path(tmp, f"bulk{n[0]}"), today=clock.today)
            try:
                repo.restore_data(data)
            finally:
                repo.close()

        def one_day() -> None:
            n[0] += 1
            repo = open_repository(Path(tmp, f"one{n[0]}"), today=clock.today)
            try:
                repo.log_day(TODAY, {"sleep_hours": 7.5})
            finally:
                repo.close()

        rows.append(_row("store: 5 years written in one transaction vs one logged day",
                         best_of(bulk, 3), best_of(one_day, 3), None))
    return rows


if __name__ == "__main__":
    for label, figure, baseline in run():
        print(f"{label:<60} {figure:8.4f} {baseline:8.4f} {figure / baseline:6.2f}×")
