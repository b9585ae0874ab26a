"""Importing through the application layer: the App's one today decides what is "after
today", and the Change names the days an import touched."""

from __future__ import annotations

from datetime import UTC, date
from pathlib import Path

from core.app import open_app
from core.profile import demo_profile

FIX = Path(__file__).parents[1] / "fixtures" / "activities"


class Clock:
    def __init__(self, day: date) -> None:
        self.day = day

    def __call__(self) -> date:
        return self.day


def test_import_reads_the_apps_today_and_reports_the_days(tmp_path: Path) -> None:
    clock = Clock(date(2026, 11, 20))
    app = open_app(tmp_path, clock)
    app.ops.save_profile(demo_profile())  # the plan starts Mon 23 Nov
    clock.day = date(2026, 12, 1)
    early = app.ops.import_paths([FIX / "run.fit", FIX / "walk.fit"], tz=UTC)
    assert [r.reason for r in early.refused] == ["starts after today (on 2026-12-02)"]
    assert [m.result for _, m in early.imported] == ["marked_done"]
    change = early.change()
    assert change.days == {date(2026, 12, 1)} and "1 marked a session done" in change.summary
    clock.day = date(2026, 12, 2)
    later = app.ops.import_paths([FIX / "run.fit", FIX / "walk.fit"], tz=UTC)
    assert [m.result for _, m in later.imported] == ["duplicate", "marked_done"]
    assert app.queries.outcome(date(2026, 12, 2)).source == "walk.fit"  # type: ignore[union-attr]
    app.close()
