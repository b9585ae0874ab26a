"""Fixtures shared by the planner tests: the [S0] sample-week runner and a plan start."""

from __future__ import annotations

from datetime import date

import pytest

from core.profile import Profile, profile_from_dict
from tests.core.strategies import SAMPLE_WEEK_RUNNER


@pytest.fixture
def sample_runner() -> Profile:
    """A beginner with every day free, 2 strength sessions and the long run on Tuesday."""
    return profile_from_dict(SAMPLE_WEEK_RUNNER)


@pytest.fixture
def monday() -> date:
    """A Monday to start plans on (2025-03-03)."""
    return date(2025, 3, 3)
