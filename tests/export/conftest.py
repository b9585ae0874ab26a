"""Shared fixtures for the export tests: a fixed start date, plans and PDF readers."""

from __future__ import annotations

import io
import math
from datetime import date
from typing import Any

import pytest
from pypdf import PdfReader

from core.plan import Plan
from core.planner import build_plan
from core.profile import Profile, demo_profile

START = date(2025, 1, 6)  # a Monday


@pytest.fixture
def profile() -> Profile:
    return demo_profile()


@pytest.fixture
def plan(profile: Profile) -> Plan:
    return build_plan(profile, START, 12)


def reader(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def squash(text: str) -> str:
    """Text without any whitespace, so line wrapping does not matter."""
    return "".join(text.split())


def sized_text(page: Any) -> list[tuple[str, float]]:
    """(text, effective font size in points) for every text run on a page."""
    runs: list[tuple[str, float]] = []

    def visit(text: str, cm: Any, tm: Any, font_dict: Any, font_size: float) -> None:
        if not text.strip():
            return
        scale_tm = math.hypot(tm[0], tm[1]) if tm else 1.0
        scale_cm = math.hypot(cm[0], cm[1]) if cm else 1.0
        runs.append((text, font_size * scale_tm * scale_cm))

    page.extract_text(visitor_text=visit)
    return runs
