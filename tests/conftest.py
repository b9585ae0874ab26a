"""Suite-wide settings. On CI (``CI`` set) hypothesis draws the same examples every run, so a
red build always means a change broke something; locally it keeps exploring new ones."""

from __future__ import annotations

import os

import pytest
from hypothesis import settings

settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


PINNED_TODAY = "2026-11-20"  # a Friday; the store helpers' first plan starts Monday 23 Nov


@pytest.fixture(autouse=True)
def _pinned_today(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads the wall clock: ``core.clock.today()`` answers this date (a test that
    needs another day sets ``RUNNER_LEGS_TODAY`` itself, which wins), and so does every
    command a test starts, which inherits the environment."""
    monkeypatch.setenv("RUNNER_LEGS_TODAY", PINNED_TODAY)
