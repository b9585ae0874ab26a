"""Damaged versus unavailable: damage offers the newest readable backup (and is never
copied over a good one); a full disk, a read-only folder or a missing permission is said as
it is, with nothing destructive suggested."""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from core import clock
from core.store import automatic_backups, open_repository, readable_backups
from core.store.autobackup import rotate
from core.store.safety import sqlite_failure
from tests.attack.conftest import Tmpfs
from tests.attack.helpers import make_home, refused, run, snapshot

DB = "runner-legs.sqlite3"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_home(tmp_path / "data", monkeypatch)


def _checkpoint(home: Path) -> None:
    conn = sqlite3.connect(home / DB)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    for side in ("-wal", "-shm"):
        (home / (DB + side)).unlink(missing_ok=True)


def _sql(home: Path, sql: str) -> None:
    conn = sqlite3.connect(home / DB)
    with conn:
        conn.execute(sql)
    conn.close()


def _zero(home: Path) -> None:
    _checkpoint(home)
    (home / DB).write_bytes(b"")


def _zeroed(home: Path) -> None:
    _checkpoint(home)
    (home / DB).write_bytes(b"\0" * (home / DB).stat().st_size)


def _truncated(home: Path) -> None:
    _checkpoint(home)
    data = (home / DB).read_bytes()
    (home / DB).write_bytes(data[:len(data) // 2])


def _bad_header(home: Path) -> None:
    _checkpoint(home)
    data = bytearray((home / DB).read_bytes())
    data[:16] = b"NotSQLiteAtAll!\0"
    (home / DB).write_bytes(bytes(data))


def _bad_json(home: Path) -> None:
    _sql(home, "UPDATE plan_day SET session = 'not json' WHERE day = "
               "(SELECT min(day) FROM plan_day)")


def _wrong_type(home: Path) -> None:
    _sql(home, "UPDATE checkin SET sleep_hours = 'lots'")


def _imported_hr(home: Path) -> None:
    """A session mark's imported heart rate of the wrong type (the columns of schema 5)."""
    _sql(home, "INSERT INTO outcome (day, status, minutes, rpe, avg_hr) "
               "VALUES ('2026-11-19', 'done', 30, 5, 'fast')")


@pytest.mark.parametrize("damage", [_zero, _zeroed, _truncated, _bad_header, _bad_json,
                                    _wrong_type, _imported_hr])
@pytest.mark.parametrize("command", [["read"], ["log", "--sleep-hours", "6"]])
def test_damage_offers_the_newest_readable_backup(home: Path, damage: object,
                                                  command: list[str]) -> None:
    """A read meets the damage where it reads (``plan`` reads the sessions, ``history``
    the log); the day's first write checks every stored value first."""
    assert callable(damage)
    if command == ["read"]:
        command = ["plan"] if damage is _bad_json else ["history"]
    damage(home)
    before = snapshot(home)
    result = run(*command, home=home)
    line = refused(result, 1)
    newest = automatic_backups(home)[0]
    assert "damaged" in line and f"restore {newest}" in line, line
    assert "lots" not in result.stdout
    assert snapshot(home) == before
    # The line's own command brings the data back.
    assert run("restore", str(newest), home=home).returncode == 0
    days = json.loads(run("history", home=home).stdout)["days"]
    assert days[0]["sleep_hours"] == 7.5


def test_a_zero_byte_file_without_any_backup_is_a_new_database(tmp_path: Path) -> None:
    home = tmp_path / "fresh"
    home.mkdir()
    (home / DB).write_bytes(b"")
    assert json.loads(run("history", home=home).stdout) == {"days": []}


def test_only_readable_backups_are_offered_and_the_last_one_is_never_rotated_out(
        home: Path) -> None:
    good = automatic_backups(home)[0]
    folder = home / "backups"
    for day in range(1, 9):  # eight newer copies, all damaged
        (folder / f"runner-legs-2026-12-0{day}.sqlite3").write_bytes(b"\0" * 4096)
    rotate(home)
    assert good.exists(), "the last readable backup stays"
    assert len(automatic_backups(home)) == 8
    assert readable_backups(home) == [good]
    _zeroed(home)
    line = refused(run("history", home=home), 1)
    assert f"restore {good}" in line


def test_a_value_damaged_database_is_never_copied_into_backups(
        home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _wrong_type(home)
    before = snapshot(home)
    monkeypatch.setenv("RUNNER_LEGS_TODAY", "2026-11-22")
    refused(run("log", "--sleep-hours", "6", home=home, today="2026-11-22"), 1)
    assert snapshot(home) == before


def test_a_value_damaged_after_the_start_up_check_is_still_never_copied(
        home: Path) -> None:
    """The window checks the file at start, and its first write of the day leans on that
    check, but not once another program has written since."""
    from core.checkin import CheckIn
    from core.store import DamagedDatabase

    day = date(2026, 11, 22)
    repo = open_repository(home, today=lambda: day)
    repo.verify()  # what the window does at start: the file is sound
    _wrong_type(home)  # then another program writes a bad value
    backups = automatic_backups(home)
    with pytest.raises(DamagedDatabase):
        repo.save_checkin(CheckIn(date=day, sleep_hours=7.0))
    repo.close()
    assert automatic_backups(home) == backups  # nothing copied into backups/
    conn = sqlite3.connect(home / DB)
    assert conn.execute("SELECT count(*) FROM checkin WHERE day = ?",
                        (day.isoformat(),)).fetchone() == (0,)  # nor written
    conn.close()


def test_the_first_write_after_the_start_up_check_backs_up_the_day(home: Path) -> None:
    from core.checkin import CheckIn

    day = date(2026, 11, 22)
    repo = open_repository(home, today=lambda: day)
    repo.verify()
    repo.save_checkin(CheckIn(date=day, sleep_hours=7.0))
    repo.close()
    assert any("2026-11-22" in b.name for b in automatic_backups(home))


def test_sqlite_failures_are_said_plainly() -> None:
    assert sqlite_failure("database or disk is full") == "the disk is full"
    assert sqlite_failure("attempt to write a readonly database").endswith("read-only")
    assert "I/O error" in sqlite_failure("disk I/O error")


def test_a_folder_in_place_of_the_database_is_never_chmodded(tmp_path: Path) -> None:
    home = tmp_path / "home"
    (home / DB).mkdir(parents=True, mode=0o755)
    (home / DB).chmod(0o755)
    refused(run("log", "--sleep-hours", "7", home=home), 1)
    assert (home / DB).stat().st_mode & 0o777 == 0o755


def test_wide_folders_are_tightened(home: Path) -> None:
    home.chmod(0o777)
    (home / "backups").chmod(0o755)
    assert run("history", home=home).returncode == 0
    assert home.stat().st_mode & 0o777 == 0o700
    assert (home / "backups").stat().st_mode & 0o777 == 0o700


@pytest.mark.slow
def test_a_full_disk_is_said_as_it_is(tmpfs: Tmpfs, monkeypatch: pytest.MonkeyPatch) -> None:
    home = make_home(tmpfs.path / "data", monkeypatch)
    filler = tmpfs.fill()
    before = snapshot(home)
    line = refused(run("log", "--date", "2026-11-22", "--sleep-hours", "6", home=home,
                       today="2026-11-22"), 1)
    assert "full" in line and "damaged" not in line and "restore" not in line, line
    assert snapshot(home) == before
    filler.unlink()
    assert run("log", "--sleep-hours", "6", home=home).returncode == 0


@pytest.mark.slow
def test_a_read_only_folder_is_said_as_it_is(tmpfs: Tmpfs,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    home = make_home(tmpfs.path / "data", monkeypatch)
    _checkpoint(home)
    tmpfs.read_only()
    for command in (["history"], ["log", "--sleep-hours", "6"]):
        line = refused(run(*command, home=home), 1)
        assert "read-only" in line and "damaged" not in line and "restore" not in line, line


def test_a_copy_of_the_data_folder_still_opens(home: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(home, copy)
    repo = open_repository(copy, today=clock.today)
    assert repo.checkin(date(2026, 11, 20)) is not None
    repo.close()


def test_a_wrong_typed_value_never_makes_a_backup_that_cannot_be_restored(
        home: Path, tmp_path: Path) -> None:
    _wrong_type(home)
    out = tmp_path / "b.json"
    line = refused(run("backup", "--out", str(out), home=home), 1)
    assert "damaged" in line
    assert not out.exists()
