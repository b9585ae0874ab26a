"""Shared helpers for the store tests: a repository in a temp folder and a saved profile."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from core import clock
from core.profile import demo_profile
from core.store import Repository, open_repository

TODAY = date(2026, 11, 20)  # a Friday: the first plan starts Monday 23 Nov
FIRST_MONDAY = date(2026, 11, 23)


def repo_with_profile(folder: Path, today: date = TODAY) -> Repository:
    repo = open_repository(folder, today=clock.today)
    repo.save_profile(demo_profile(), today)
    return repo
