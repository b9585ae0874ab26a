"""Imported activities in the store: schema 5 on an upgraded file, one transaction per
batch, and the Change an import reports."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

from core.activities import Activity
from core.store import migrations, open_repository
from core.store.db import DB_NAME
from tests.store.make_fixtures import PLAN_START, fixture_path

TODAY = date(2024, 3, 25)


def run(day: date, hour: int = 7, minutes: int = 40, source: str = "a.fit") -> Activity:
    return Activity("running", datetime(day.year, day.month, day.day, hour, tzinfo=UTC), day,
                    minutes, 7.5, 150, source)


def test_a_schema_3_file_upgrades_through_4_to_5_and_takes_imports(tmp_path: Path) -> None:
    assert migrations.latest() == 5 and 4 in dict(migrations.MIGRATIONS)  # 3 -> 4 -> 5
    shutil.copyfile(fixture_path(3), tmp_path / DB_NAME)
    repo = open_repository(tmp_path, today=lambda: TODAY)
    tuesday = PLAN_START.replace(day=PLAN_START.day + 8)  # week 2's long run, not yet marked
    done = repo.import_activities([run(tuesday)])
    assert [m.result for m in done.results] == ["marked_done"]
    assert tuesday in done.change.days and "1 marked a session done" in done.change.summary
    o = repo.outcome(tuesday)
    assert o is not None and (o.status, o.minutes, o.distance_km, o.avg_hr, o.source) == (
        "done", 40, 7.5, 150, "a.fit")
    repo.close()
    conn = sqlite3.connect(tmp_path / DB_NAME)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 5
        assert conn.execute("SELECT sport, counted FROM activity").fetchall() == [("running", 1)]
    finally:
        conn.close()


def test_a_batch_is_one_transaction(tmp_path: Path) -> None:
    shutil.copyfile(fixture_path(3), tmp_path / DB_NAME)
    repo = open_repository(tmp_path, today=lambda: TODAY)
    repo.import_activities([run(date(2024, 3, 4))])
    statements: list[str] = []
    repo.database.connection().set_trace_callback(statements.append)
    batch = [run(date(2024, 3, 1 + i), 6, 30, f"{i}.fit") for i in range(20)]
    done = repo.import_activities(batch)
    repo.database.connection().set_trace_callback(None)
    assert [s for s in statements if s.upper().startswith("BEGIN")] == ["BEGIN IMMEDIATE"]
    assert sum(1 for m in done.results if m.result != "duplicate") == 20
    assert len(repo.history(date(2024, 3, 1), date(2024, 3, 20))) >= 20
    repo.close()


def test_only_duplicates_write_nothing(tmp_path: Path) -> None:
    shutil.copyfile(fixture_path(3), tmp_path / DB_NAME)
    repo = open_repository(tmp_path, today=lambda: TODAY)
    a = run(date(2024, 3, 12))
    repo.import_activities([a])
    seen = repo.data_version()
    again = repo.import_activities([a])
    assert [m.result for m in again.results] == ["duplicate"] and again.change.is_empty
    assert repo.data_version() == seen
    repo.close()


def test_a_restore_keeps_this_machines_watched_folder(tmp_path: Path) -> None:
    shutil.copyfile(fixture_path(3), tmp_path / DB_NAME)
    repo = open_repository(tmp_path, today=lambda: TODAY)
    repo.import_activities([run(date(2024, 3, 12))])
    repo.set_setting("import/watched_folder", "/elsewhere/exports")
    repo.backup_to(tmp_path / "b.json")
    repo.set_setting("import/watched_folder", "/here/exports")
    repo.restore_from(tmp_path / "b.json")
    assert repo.setting("import/watched_folder") == "/here/exports"
    assert repo.activities_by_day(date(2024, 3, 12), date(2024, 3, 12)) == {}  # it matched
    assert [m.result for m in repo.import_activities([run(date(2024, 3, 12))]).results] == [
        "duplicate"]
    repo.close()
