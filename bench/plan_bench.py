"""Planner speed: a 24-week plan build against building the profile alone, and the ``plan``
command against ``python -c pass`` (the command line must import neither Qt nor reportlab)."""

from __future__ import annotations

import subprocess
from datetime import date

from bench.timing import PYTHON, best_of, command_time
from core.planner import build_plan
from core.profile import DEMO, profile_from_dict

CLI = "import sys; from core.cli import main; sys.exit(main())"


def run() -> list[tuple[str, float, float]]:
    profile = profile_from_dict(DEMO)
    start = date(2026, 11, 23)

    def build() -> None:
        build_plan(profile, start, 24)

    def profile_only() -> None:
        for _ in range(100):
            profile_from_dict(DEMO)

    rows = [("24-week plan build vs 100 profile validations",
             best_of(build, 20), best_of(profile_only, 20))]
    rows.append(("`plan --demo` command vs `python -c pass`",
                 command_time([PYTHON, "-c", CLI, "plan", "--demo"]),
                 command_time([PYTHON, "-c", "pass"])))
    heavy = subprocess.run(
        [PYTHON, "-c", "import sys, io, contextlib\nfrom core.cli import main\n"
         "with contextlib.redirect_stdout(io.StringIO()): main(['plan', '--demo'])\n"
         "print(sorted(m for m in ('PySide6', 'reportlab', 'peewee') if m in sys.modules))"],
        capture_output=True, text=True, check=True).stdout.strip()
    print(f"  modules imported by `plan --demo`: {heavy}")
    return rows
