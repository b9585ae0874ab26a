"""Today's date, in one place so tests and demos can pin it (``RUNNER_LEGS_TODAY``)."""

from __future__ import annotations

import os
from datetime import date


def today() -> date:
    """The local date, or ``RUNNER_LEGS_TODAY`` (ISO) when that is set."""
    pinned = os.environ.get("RUNNER_LEGS_TODAY")
    if pinned:
        return date.fromisoformat(pinned)
    return date.today()
