"""Desktop speed: ``runner-legs --smoke`` against a bare PySide6 main window (≤ 1.5×), the
floor under it (six plain pages on the same libraries, ``bench/six_pages.py``) against the same
window, a user's start up to the first painted page (Today, fresh settings), and moving between
weeks and months with five years of history against an empty database (≤ 1.2×)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from bench.timing import PYTHON, best_of, command_time
from core import clock
from core.app import App

BARE = ("from PySide6.QtWidgets import QApplication, QMainWindow\n"
        "app = QApplication([])\nw = QMainWindow()\nw.resize(1100, 720)\nw.show()\n"
        "app.processEvents()\n")
SIX_PAGES = str(Path(__file__).with_name("six_pages.py"))
SMOKE = "import sys; from desktop.launch import main; sys.exit(main(['--smoke']))"
# What desktop.launch.main does for a plain start, stopping once the first page has painted.
FIRST_PAINT = ("import sys\nfrom desktop.startup import preflight\nassert preflight() is None\n"
               "import core.store\nfrom desktop.app import run\n"
               "from desktop.launch import leave_quickly\n"
               "code = run(['runner-legs'], first_paint=True)\nleave_quickly()\nsys.exit(code)\n")


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", RUNNER_LEGS_HOME=str(home))
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed app has its bytecode cached
    env.setdefault("RUNNER_LEGS_TODAY", "2026-11-23")
    return env


def run() -> list[tuple[str, float, float]]:
    with tempfile.TemporaryDirectory() as tmp:
        env = _env(Path(tmp))
        command_time([PYTHON, "-c", SMOKE], repeat=1, env=env)  # first start creates the store
        rows = [("`runner-legs --smoke` vs a bare PySide6 window",
                 command_time([PYTHON, "-c", SMOKE], repeat=3, env=env),
                 command_time([PYTHON, "-c", BARE], repeat=3, env=env)),
                ("six plain pages, same libraries (floor) vs bare window",
                 command_time([PYTHON, SIX_PAGES], repeat=3, env=env),
                 command_time([PYTHON, "-c", BARE], repeat=3, env=env))]
        env["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")  # fresh settings: opens on Today
        rows.append(("open to first painted window (Today page) vs bare window",
                     command_time([PYTHON, "-c", FIRST_PAINT], repeat=3, env=env),
                     command_time([PYTHON, "-c", BARE], repeat=3, env=env)))
    rows += _navigation_rows()
    return rows


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
