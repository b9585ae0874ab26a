"""Desktop speed: ``runner-legs --smoke`` against a bare PySide6 main window, the floor under
it (six plain pages on the same libraries, ``bench/six_pages.py``) against the same window, a
user's start up to the first painted page (a saved profile with a month of logs, opening on
Today; the goal is ≤ 1.5× the bare window) beside the floor under it (one plain page shaped
like Today on the same libraries, ``bench/one_page.py``), and moving between weeks and months with five
years of history against an empty database (≤ 1.2×).

Each row's two figures are measured in the same run, alternately, best of N: the machine's
load moves both. The windows are drawn off screen; ``BENCH_QPA_PLATFORM=xcb`` (with a
``DISPLAY``) measures them on a real X server instead."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from bench.timing import PYTHON, alternated, best_of, command_time, command_times
from core import clock
from core.app import App

BARE = ("from PySide6.QtWidgets import QApplication, QMainWindow\n"
        "app = QApplication([])\nw = QMainWindow()\nw.resize(1100, 720)\nw.show()\n"
        "app.processEvents()\n")
SIX_PAGES = str(Path(__file__).with_name("six_pages.py"))
ONE_PAGE = str(Path(__file__).with_name("one_page.py"))
SMOKE = "import sys; from desktop.launch import main; sys.exit(main(['--smoke']))"
# What `runner-legs` does for a plain start (desktop.launch.start), stopping once the first
# page has painted.
FIRST_PAINT = "import sys; from desktop.launch import start; sys.exit(start(first_paint=True))"


def _env(home: Path) -> dict[str, str]:
    platform = os.environ.get("BENCH_QPA_PLATFORM", "offscreen")
    env = dict(os.environ, QT_QPA_PLATFORM=platform, RUNNER_LEGS_HOME=str(home))
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed app has its bytecode cached
    env.setdefault("RUNNER_LEGS_TODAY", "2026-11-23")
    return env


def run() -> list[tuple[str, float, float]]:
    bare = [PYTHON, "-c", BARE]
    with tempfile.TemporaryDirectory() as tmp:
        env = _env(Path(tmp) / "demo")
        command_time([PYTHON, "-c", SMOKE], repeat=1, env=env)  # first start creates the store
        smoke, base, _, _ = command_times([PYTHON, "-c", SMOKE], bare, repeat=3, env=env)
        rows = [("`runner-legs --smoke` vs a bare PySide6 window", smoke, base)]
        floor, base, _, _ = command_times([PYTHON, SIX_PAGES], bare, repeat=3, env=env)
        rows.append(("six plain pages, same libraries (floor) vs bare window", floor, base))
        rows += _users_start(Path(tmp) / "user")
    rows += _navigation_rows()
    return rows


def _users_start(home: Path) -> list[tuple[str, float, float]]:
    """A runner's start: a saved profile, its plan and a month of logs; the window opens on
    Today (the page it was left on) and the figure stops once that page has painted."""
    from datetime import date

    from bench.make_history import make_recent_user

    env = _env(home / "data")
    today = date.fromisoformat(env["RUNNER_LEGS_TODAY"])
    make_recent_user(home / "data", today=today)
    env["XDG_CONFIG_HOME"] = str(home / "config")
    command_time([PYTHON, "-c", FIRST_PAINT], repeat=1, env=env)  # settings and bytecode
    (wall, cpu), (floor, cpu_floor), (base, cpu_base) = alternated(
        ([PYTHON, "-c", FIRST_PAINT], [PYTHON, ONE_PAGE], [PYTHON, "-c", BARE]), repeat=7,
        env=env)
    return [("user's start (saved profile), first paint vs bare window", wall, base),
            ("  the same in CPU time (steadier on a busy machine)", cpu, cpu_base),
            ("  one plain page, same libraries (floor) vs bare window", floor, base),
            ("  user's start vs that floor", wall, floor)]


def _navigation_rows() -> list[tuple[str, float, float]]:
    """Flip through 8 weeks and 3 months in the calendar page, full history vs empty."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from datetime import date

    from PySide6.QtWidgets import QApplication

    from bench.make_history import make_history
    from core.store import open_repository
    from desktop.context import AppContext
    from desktop.pages.calendar import CalendarPage

    app = QApplication.instance() or QApplication([])
    today = date(2026, 11, 23)
    timings = []
    with tempfile.TemporaryDirectory() as tmp:
        for label in ("empty", "full"):
            home = Path(tmp) / label
            if label == "full":
                make_history(home, years=5, today=today)
            repo = open_repository(home, today=clock.today)
            ctx = AppContext(App(repo, lambda: today))
            ctx.ensure_profile()
            page = CalendarPage(ctx)
            page.resize(1100, 720)
            page.show()

            def flip(page: CalendarPage = page) -> None:
                for _ in range(8):
                    page.go_next()
                    app.processEvents()
                page.set_mode("month")
                for _ in range(3):
                    page.go_previous()
                    app.processEvents()
                page.set_mode("week")
                page.go_today()
                app.processEvents()

            timings.append(best_of(flip, 5))
            page.close()
            repo.close()
    return [("calendar: 8 weeks + 3 months, 5 years of history vs empty",
             timings[1], timings[0])]
