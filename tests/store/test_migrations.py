"""Schema versions: every earlier fixture opens with all its data, a failing upgrade puts
the file back as it was, and a file from a newer app is refused untouched."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from core import clock
from core.profile import profile_from_dict
from core.store import MigrationFailed, NewerDatabase, migrations, open_repository
from core.store.db import DB_NAME
from tests.store.make_fixtures import (
    CHECKINS,
    DISMISSED,
    OLD_VERSIONS,
    OUTCOMES,
    PLAN_START,
    PLAN_WEEKS,
    PROFILE,
    SETTINGS,
    WEEK_KINDS,
    WEEK_MINUTES,
    WEIGHTS,
    fixture_path,
)


def copy_fixture(version: int, tmp_path: Path) -> Path:
    folder = tmp_path / f"v{version}"
    folder.mkdir()
    shutil.copyfile(fixture_path(version), folder / DB_NAME)
    return folder


def user_version(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def test_every_earlier_schema_has_a_fixture() -> None:
    assert set(OLD_VERSIONS) == {v for v, _ in migrations.MIGRATIONS[:-1]}
    for version in OLD_VERSIONS:
        assert user_version(fixture_path(version)) == version


@pytest.mark.parametrize("version", OLD_VERSIONS)
def test_old_schema_opens_with_all_data(version: int, tmp_path: Path) -> None:
    folder = copy_fixture(version, tmp_path)
    repo = open_repository(folder, today=clock.today)
    assert user_version(folder / DB_NAME) == migrations.latest()
    assert repo.profile() == profile_from_dict(PROFILE)
    plan = repo.plan()
    assert plan is not None and plan.start == PLAN_START and len(plan.weeks) == PLAN_WEEKS
    assert [w.lighter for w in plan.weeks] == [False, False, False, True]
    for week in plan.weeks:
        assert [s.kind for s in week.sessions] == list(WEEK_KINDS)
        assert [s.minutes for s in week.sessions] == list(WEEK_MINUTES)
    for offset, (hours, quality, warm, stretch, foam, water) in CHECKINS.items():
        c = repo.checkin(PLAN_START + timedelta(days=offset))
        assert c is not None
        assert (c.sleep_hours, c.sleep_quality, c.warmup_done, c.stretch_done, c.water_met) \
            == (hours, quality, warm, stretch, water)
        assert ",".join(c.foam_roll) == foam
        expected_weight = WEIGHTS.get(offset) if version >= 2 else None
        assert c.weight_kg == expected_weight
        assert c.measurements() == {"thigh_cm": None, "calf_cm": None, "waist_cm": None,
                                    "hips_cm": None}
    for offset, (status, minutes, rpe) in OUTCOMES.items():
        o = repo.outcome(PLAN_START + timedelta(days=offset))
        assert o is not None and (o.status, o.minutes, o.rpe) == (status, minutes, rpe)
    kept = {PLAN_START + timedelta(days=o) for o in DISMISSED} if version >= 3 else set()
    assert repo.dismissed_offers() == frozenset(kept)
    for key, value in SETTINGS.items():
        assert repo.setting(key) == (value if version >= 3 else None)
    # The new tables and columns work on the upgraded file.
    repo.dismiss_offer(PLAN_START)
    assert repo.dismissed_offers() == frozenset(kept | {PLAN_START})
    day = PLAN_START + timedelta(days=9)
    repo.log_day(day, {"thigh_cm": 55.5, "calf_cm": 36.0, "waist_cm": 78.0, "hips_cm": 95.5})
    c = repo.checkin(day)
    assert c is not None and c.weight_kg == (WEIGHTS[9] if version >= 2 else None)
    assert (c.thigh_cm, c.calf_cm, c.waist_cm, c.hips_cm) == (55.5, 36.0, 78.0, 95.5)
    repo.close()


def test_upgrade_keeps_a_copy_of_the_old_file(tmp_path: Path) -> None:
    folder = copy_fixture(1, tmp_path)
    open_repository(folder, today=clock.today).close()
    copies = list((folder / "backups").glob("pre-migration-v1-*.sqlite3"))
    assert len(copies) == 1
    assert user_version(copies[0]) == 1
    assert copies[0].stat().st_mode & 0o777 == 0o600


def test_failing_migration_puts_the_file_back(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    folder = copy_fixture(1, tmp_path)
    path = folder / DB_NAME
    before = sqlite3.connect(path).execute("SELECT * FROM checkin ORDER BY day").fetchall()

    def broken(database: object, migrator: object) -> None:
        raise RuntimeError("disk full while upgrading")

    # v2 and v3 succeed (each commits on its own), then v4 fails: all of it must be undone.
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, (99, broken)])
    with pytest.raises(MigrationFailed, match="put back"):
        open_repository(folder, today=clock.today)
    assert user_version(path) == 1
    conn = sqlite3.connect(path)
    columns = [r[1] for r in conn.execute("PRAGMA table_info(checkin)")]
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "weight_kg" not in columns and "setting" not in tables
    assert conn.execute("SELECT * FROM checkin ORDER BY day").fetchall() == before
    conn.close()
    monkeypatch.undo()
    repo = open_repository(folder, today=clock.today)  # the real upgrade still works afterwards
    assert repo.profile() == profile_from_dict(PROFILE)
    repo.close()


def test_newer_schema_is_refused_and_left_alone(tmp_path: Path) -> None:
    folder = copy_fixture(2, tmp_path)
    path = folder / DB_NAME
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {migrations.latest() + 1}")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NewerDatabase, match="newer version"):
        open_repository(folder, today=clock.today)
    assert path.read_bytes() == before
