"""Keeping data safe: daily rotating backups (0600, last 7), a damaged file is never
written to and the message says how to put the newest backup back, and that works."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from core import clock
from core.checkin import CheckIn
from core.store import (
    DamagedDatabase,
    InvalidRequest,
    automatic_backups,
    open_repository,
    restore_automatic_backup,
)
from tests.store.helpers import repo_with_profile


def on_day(monkeypatch: pytest.MonkeyPatch, day: date) -> None:
    monkeypatch.setenv("RUNNER_LEGS_TODAY", day.isoformat())


def sleep_in(path: Path, day: date) -> float | None:
    conn = sqlite3.connect(path)
    try:
        row = conn.execute("SELECT sleep_hours FROM checkin WHERE day = ?",
                           (day.isoformat(),)).fetchone()
    finally:
        conn.close()
    return None if row is None else float(row[0])


def test_one_backup_per_day_of_use_and_only_seven_kept(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    first = date(2026, 11, 20)
    on_day(monkeypatch, first)
    repo_with_profile(tmp_path, first).close()
    days = [first + timedelta(days=i) for i in range(1, 10)]
    for i, day in enumerate(days):
        on_day(monkeypatch, day)
        repo = open_repository(tmp_path, today=clock.today)  # a new process each day, as the command line
        repo.save_checkin(CheckIn(date=first, sleep_hours=float(i)))
        repo.save_checkin(CheckIn(date=first, sleep_hours=float(i) + 0.5))
        repo.close()
    backups = automatic_backups(tmp_path)
    assert [b.name for b in backups] == [f"runner-legs-{d.isoformat()}.sqlite3"
                                         for d in reversed(days[-7:])]
    for b in backups:
        assert b.stat().st_mode & 0o777 == 0o600
    # Each day's copy holds the data as it was before that day's first write.
    assert sleep_in(backups[0], first) == 7.5  # day 9 copy: after day 8's last write
    assert sleep_in(backups[-1], first) == 1.5


def test_a_desktop_kept_open_overnight_backs_up_on_the_new_day(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    day = date(2026, 11, 20)
    on_day(monkeypatch, day)
    repo = repo_with_profile(tmp_path, day)
    repo.save_checkin(CheckIn(date=day, sleep_hours=7.0))
    on_day(monkeypatch, day + timedelta(days=1))
    repo.save_checkin(CheckIn(date=day, sleep_hours=8.0))
    assert [sleep_in(b, day) for b in automatic_backups(tmp_path)] == [7.0]


def damage(path: Path) -> None:
    """Overwrite a table page in the middle of the file (the header stays valid)."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page = int(conn.execute("PRAGMA page_size").fetchone()[0])
    root = int(conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'checkin'")
               .fetchone()[0])
    conn.close()
    with path.open("r+b") as fh:
        fh.seek((root - 1) * page)
        fh.write(b"\xa5" * page)


def test_not_a_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "runner-legs.sqlite3"
    path.write_bytes(b"these are my notes, not a database\n" * 40)
    before = path.read_bytes()
    with pytest.raises(DamagedDatabase) as info:
        open_repository(tmp_path, today=clock.today)
    message = str(info.value)
    assert "\n" not in message and str(path) in message and "no automatic backup" in message
    assert path.read_bytes() == before


def test_damaged_file_is_never_written_and_the_newest_backup_restores(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    day = date(2026, 11, 20)
    on_day(monkeypatch, day)
    repo = repo_with_profile(tmp_path, day)
    for i in range(40):
        repo.save_checkin(CheckIn(date=day - timedelta(days=i), sleep_hours=7.0))
    repo.close()
    on_day(monkeypatch, day + timedelta(days=1))
    repo = open_repository(tmp_path, today=clock.today)
    repo.save_checkin(CheckIn(date=day, sleep_hours=6.0))  # makes today's backup first
    repo.close()
    path = tmp_path / "runner-legs.sqlite3"
    damage(path)
    damaged = path.read_bytes()
    with pytest.raises(DamagedDatabase) as info:
        repo = open_repository(tmp_path, today=clock.today)
        repo.save_checkin(CheckIn(date=day, sleep_hours=5.0))
    newest = automatic_backups(tmp_path)[0]
    message = str(info.value)
    assert "\n" not in message and str(path) in message and str(newest) in message
    assert info.value.backups[0] == newest
    assert path.read_bytes() == damaged
    aside = restore_automatic_backup(tmp_path, newest)
    assert aside.read_bytes() == damaged
    repo = open_repository(tmp_path, today=clock.today)
    assert repo.checkin(day) == CheckIn(date=day, sleep_hours=7.0)  # the backup's state
    assert path.stat().st_mode & 0o777 == 0o600
    repo.save_checkin(CheckIn(date=day, sleep_hours=5.0))
    assert repo.checkin(day) == CheckIn(date=day, sleep_hours=5.0)


def test_a_bad_backup_is_not_put_in_place(tmp_path: Path) -> None:
    repo = repo_with_profile(tmp_path)
    repo.close()
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"SQLite format 3\x00" + b"\x00" * 10)
    before = (tmp_path / "runner-legs.sqlite3").read_bytes()
    with pytest.raises(ValueError, match="cannot be used"):
        restore_automatic_backup(tmp_path, junk)
    assert (tmp_path / "runner-legs.sqlite3").read_bytes() == before


@pytest.mark.parametrize("sql, words", [
    ("UPDATE checkin SET sleep_hours = 99", ("sleep_hours", "0–24 hours", "99")),
    ("UPDATE outcome SET minutes = 30", ("minutes", "skipped")),
    ("UPDATE profile SET data = '{\"name\": \"x\"}'", ("profile",)),
    ("UPDATE plan_day SET session = 'not json'", ("cannot be read",)),
])
def test_an_automatic_backup_is_checked_like_a_json_restore(
        sql: str, words: tuple[str, ...], tmp_path: Path) -> None:
    data = tmp_path / "data"
    repo = repo_with_profile(data)
    plan = repo.plan()
    assert plan is not None
    day = plan.start + timedelta(days=1)
    repo.save_checkin(CheckIn(date=day, sleep_hours=7.0))
    repo.log_day(day, None, {"status": "skipped"})
    repo.close()
    copy = tmp_path / "copy.sqlite3"
    conn = sqlite3.connect(data / "runner-legs.sqlite3")
    out = sqlite3.connect(copy)
    conn.backup(out)
    conn.close()
    with out:
        out.execute(sql)
    out.close()
    before = {p.name: p.read_bytes() for p in data.iterdir() if p.is_file()}
    edited = copy.read_bytes()
    with pytest.raises(InvalidRequest, match="cannot be used") as info:
        restore_automatic_backup(data, copy)
    for word in words:
        assert word in str(info.value)
    assert {p.name: p.read_bytes() for p in data.iterdir() if p.is_file()} == before
    assert copy.read_bytes() == edited


def test_another_programs_database_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "runner-legs.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.execute("INSERT INTO recipes VALUES ('porridge')")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(Exception, match="another program"):
        open_repository(tmp_path, today=clock.today)
    assert path.read_bytes() == before


def test_database_and_side_files_are_private(tmp_path: Path) -> None:
    repo = repo_with_profile(tmp_path)
    repo.save_checkin(CheckIn(date=date(2026, 11, 20), sleep_hours=7.0))
    for name in ("runner-legs.sqlite3", "runner-legs.sqlite3-wal", "runner-legs.sqlite3-shm"):
        p = tmp_path / name
        assert not p.exists() or p.stat().st_mode & 0o777 == 0o600, name
    repo.close()
    (tmp_path / "runner-legs.sqlite3").chmod(0o644)  # e.g. copied in by hand
    open_repository(tmp_path, today=clock.today).close()
    assert (tmp_path / "runner-legs.sqlite3").stat().st_mode & 0o777 == 0o600
