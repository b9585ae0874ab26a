"""Where the user's data lives: ``--data-dir``, else ``RUNNER_LEGS_HOME``, else the platform's
user data folder."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "runner-legs"


def data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The data folder (not created here)."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get("RUNNER_LEGS_HOME")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
