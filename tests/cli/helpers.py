"""Run the command line in a subprocess, as a user would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

CLI = "import sys; from core.cli import main; sys.exit(main())"


def run_cli(*args: str, home: Path | None = None, today: str | None = "2026-11-20",
            stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.pop("RUNNER_LEGS_HOME", None)
    if home is not None:
        env["RUNNER_LEGS_HOME"] = str(home)
    if today:
        env["RUNNER_LEGS_TODAY"] = today
    return subprocess.run([sys.executable, "-c", CLI, *args], capture_output=True, text=True,
                          env=env, input=stdin, timeout=120)
