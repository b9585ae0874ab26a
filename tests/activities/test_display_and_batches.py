"""Pace, distance and heart rate in words, and importing in batches with progress and a
cancel hook (core.app.importing), against a real repository."""

from __future__ import annotations

import shutil
from datetime import UTC, date
from pathlib import Path

import pytest

from core.activities.display import distance_text, effort_facts, pace_text
from core.app.importing import import_paths
from core.store import open_repository

FIX = Path(__file__).parents[1] / "fixtures" / "activities"


def test_pace_per_km_and_per_mile() -> None:
    assert pace_text(45, 8.12) == "5:33 /km"  # 2700 s / 8.12 km = 332.5 s, halves up
    assert pace_text(30, 5.0) == "6:00 /km"
    assert pace_text(30, 5.0, "imperial") == "9:39 /mi"  # 360 s × 1.609344 = 579.4 s
    assert pace_text(30, None) == "" and pace_text(30, 0.0) == ""
    assert distance_text(8.12) == "8.12 km" and distance_text(8.12, "imperial") == "5.05 mi"
    assert effort_facts(45, 8.12, 148) == ["8.12 km", "5:33 /km", "148 bpm"]
    assert effort_facts(30, None, None) == []
    assert effort_facts(60, 25.0, 130, sport="cycling") == ["25.00 km", "25.0 km/h", "130 bpm"]
    assert effort_facts(60, 25.0, None, "imperial", "cycling") == ["15.53 mi", "15.5 mph"]


def copies(folder: Path, n: int) -> Path:
    """``n`` distinct run files (the strava fixture re-stamped a minute apart)."""
    from tests.fixtures.activities.make_fixtures import strava_run

    folder.mkdir()
    for i in range(n):
        hour, minute = divmod(i, 60)
        (folder / f"{i:04d}.fit").write_bytes(
            strava_run(f"2024-03-0{1 + hour % 9}T{6 + hour // 9:02d}:{minute:02d}:00",
                       600.0, 2000.0, 140))
    return folder


def test_batches_write_in_separate_transactions_and_report_progress(tmp_path: Path) -> None:
    folder = copies(tmp_path / "runs", 7)
    repo = open_repository(tmp_path / "home", today=lambda: date(2024, 3, 20))
    seen: list[tuple[int, int]] = []
    calls: list[int] = []
    real = repo.import_activities

    def counting(activities):  # type: ignore[no-untyped-def]
        calls.append(len(activities))
        return real(activities)

    repo.import_activities = counting  # type: ignore[method-assign]
    report = import_paths(repo, [folder], date(2024, 3, 20), UTC,
                          progress=lambda d, t: seen.append((d, t)), batch_files=3)
    assert calls == [3, 3, 1]
    assert seen == [(0, 7)] + [(i, 7) for i in range(1, 8)]
    assert len(report.imported) == 7 and not report.cancelled
    assert report.summary() == "Imported 7 activities: 7 kept outside the plan"
    repo.close()


def test_cancelling_keeps_what_was_written_and_says_so(tmp_path: Path) -> None:
    folder = copies(tmp_path / "runs", 6)
    repo = open_repository(tmp_path / "home", today=lambda: date(2024, 3, 20))
    done: list[int] = []
    report = import_paths(repo, [folder], date(2024, 3, 20), UTC,
                          cancelled=lambda: len(done) >= 4,
                          progress=lambda d, t: done.append(d), batch_files=2)
    assert report.cancelled and report.done == 3 and report.total == 6
    assert "cancelled after 3 of 6 files" in report.summary()
    assert sum(len(v) for v in repo.unmatched_activities(date(2024, 3, 1),
                                                         date(2024, 3, 9)).values()) == 3
    repo.close()


def test_nothing_read_writes_nothing(tmp_path: Path) -> None:
    shutil.copy(FIX / "workout.fit", tmp_path / "w.fit")
    repo = open_repository(tmp_path / "home", today=lambda: date(2024, 3, 20))
    report = import_paths(repo, [tmp_path / "w.fit"], date(2024, 3, 20), UTC)
    assert not report.read_any and not (tmp_path / "home").exists()
    assert report.summary() == f"No activity imported: {tmp_path / 'w.fit'}: not an " \
                               "activity: a workout file"
    repo.close()


@pytest.mark.parametrize("units", ["metric", "imperial"])
def test_facts_follow_units(units: str) -> None:
    facts = effort_facts(50, 10.0, None, units)
    assert facts == (["10.00 km", "5:00 /km"] if units == "metric"
                     else ["6.21 mi", "8:03 /mi"])
