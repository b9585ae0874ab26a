"""Restores that must never lose the live data: a full disk, hostile schema objects in an
SQLite backup, a WAL-mode backup, and what a killed restore leaves behind."""

from __future__ import annotations

import errno
import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from core import clock
from core.store import StoreError, open_repository, restore_automatic_backup
from tests.attack.conftest import Tmpfs
from tests.attack.helpers import make_home, refused, run, snapshot

DB = "runner-legs.sqlite3"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_home(tmp_path / "data", monkeypatch)


def _history(home: Path) -> list[dict[str, object]]:
    result = run("history", home=home)
    assert result.returncode == 0, result.stderr
    days: list[dict[str, object]] = json.loads(result.stdout)["days"]
    return days


def _sqlite_copy(home: Path, out: Path) -> Path:
    source = sqlite3.connect(home / DB)
    target = sqlite3.connect(out)
    source.backup(target)
    source.close()
    target.close()
    return out


def test_hostile_triggers_and_views_in_a_backup_do_not_survive(home: Path,
                                                               tmp_path: Path) -> None:
    hostile = _sqlite_copy(home, tmp_path / "hostile.sqlite3")
    conn = sqlite3.connect(hostile)
    with conn:
        conn.execute("CREATE TRIGGER wipe AFTER INSERT ON checkin BEGIN "
                     "DELETE FROM outcome; UPDATE profile SET data = '{}'; END")
        conn.execute("CREATE VIEW v_checkin AS SELECT * FROM checkin")
        conn.execute("CREATE TRIGGER swallow INSTEAD OF INSERT ON v_checkin BEGIN SELECT 1; END")
    conn.close()
    result = run("restore", str(hostile), home=home)
    assert result.returncode == 0, result.stderr
    live = sqlite3.connect(home / DB)
    objects = live.execute("SELECT type, name FROM sqlite_master "
                           "WHERE type IN ('trigger', 'view')").fetchall()
    live.close()
    assert objects == []
    assert run("log", "--date", "2026-11-19", "--sleep-hours", "6", home=home).returncode == 0
    assert {"date": "2026-11-19", "sleep_hours": 6.0}.items() <= _history(home)[0].items()


def test_a_live_database_with_a_foreign_trigger_is_damaged_not_written(home: Path) -> None:
    conn = sqlite3.connect(home / DB)
    with conn:
        conn.execute("CREATE TRIGGER wipe AFTER INSERT ON checkin BEGIN DELETE FROM outcome; END")
    conn.close()
    before = snapshot(home)
    line = refused(run("log", "--sleep-hours", "6", home=home), 1)
    assert "damaged" in line and "trigger" in line and "backups" in line
    assert snapshot(home) == before


def test_a_wal_mode_backup_is_read_with_its_wal(home: Path, tmp_path: Path) -> None:
    folder = tmp_path / "walcopy"
    folder.mkdir()
    backup = _sqlite_copy(home, folder / "wal.sqlite3")
    conn = sqlite3.connect(backup)
    conn.execute("PRAGMA journal_mode = wal")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    with conn:
        conn.execute("UPDATE checkin SET sleep_hours = 4.25 WHERE day = '2026-11-20'")
    # Copy the pair while the writer is still open: the change is only in the -wal file.
    kept = tmp_path / "kept"
    kept.mkdir()
    for name in ("wal.sqlite3", "wal.sqlite3-wal"):
        (kept / name).write_bytes((folder / name).read_bytes())
    conn.close()
    result = run("restore", str(kept / "wal.sqlite3"), home=home)
    assert result.returncode == 0, result.stderr
    assert [d["sleep_hours"] for d in _history(home)][:1] == [4.25]


def test_a_restore_that_cannot_write_leaves_the_damaged_file_alone(
        home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import core.store.restore as restore_module

    backup = _sqlite_copy(home, tmp_path / "good.sqlite3")
    (home / DB).write_bytes(b"\0" * 8192)  # zeroed: damaged
    for side in ("-wal", "-shm"):
        (home / (DB + side)).unlink(missing_ok=True)
    before = snapshot(home)

    def full(*args: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(restore_module, "_build", full)
    with pytest.raises(StoreError, match="No space left on device") as info:
        restore_automatic_backup(home, backup, clock.today)
    assert "\n" not in str(info.value) and "left as it was" in str(info.value)
    assert snapshot(home) == before, "no aside file, no temp file, the file untouched"
    assert [p.name for p in home.iterdir() if p.name.startswith(".")] == []


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["json", "sqlite"])
def test_a_full_disk_never_costs_the_live_database(tmpfs: Tmpfs, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   kind: str) -> None:
    home = make_home(tmpfs.path / "data", monkeypatch)
    big = tmp_path / "big.json"
    result = run("backup", "--out", str(big), home=home)
    assert result.returncode == 0, result.stderr
    data = json.loads(big.read_text())
    data["settings"] = {f"k{i}": "x" * 50_000 for i in range(60)}  # 3 MB: more than the disk
    big.write_text(json.dumps(data))
    source = big
    if kind == "sqlite":
        spare = make_home(tmp_path / "spare", monkeypatch)
        conn = sqlite3.connect(spare / DB)
        with conn:
            conn.executemany("INSERT INTO setting VALUES (?, ?)",
                             [(f"k{i}", "x" * 50_000) for i in range(60)])
        conn.close()
        source = _sqlite_copy(spare, tmp_path / "big.sqlite3")
    filler = tmpfs.fill()
    before = snapshot(home)
    line = refused(run("restore", str(source), home=home), 1)
    assert "full" in line or "No space" in line, line
    assert "damaged" not in line and "put back" not in line
    assert snapshot(home) == before
    filler.unlink()
    assert _history(home)[0]["date"] == "2026-11-20"
    assert run("log", "--sleep-hours", "7", home=home).returncode == 0


def test_temp_copies_of_a_killed_restore_are_removed_at_the_next_start(home: Path) -> None:
    scratch = home / ".runner-legs-check-abc123"
    scratch.mkdir()
    (scratch / DB).write_bytes(b"copy of the data")
    temp = home / ".runner-legs.sqlite3.x1y2.tmp"
    temp.write_bytes(b"half a database")
    journal = home / ".runner-legs.sqlite3.x1y2.tmp-journal"
    journal.write_bytes(b"its journal")
    orphan = home / ".runner-legs.sqlite3.gone.tmp-journal"
    orphan.write_bytes(b"a journal whose file is gone")
    old_tmp = Path("/tmp") / f"runner-legs-check-attack{os.getpid()}"
    old_tmp.mkdir(exist_ok=True)
    (old_tmp / DB).write_bytes(b"copy")
    os.utime(old_tmp, (time.time() - 3600, time.time() - 3600))
    assert run("history", home=home).returncode == 0
    assert not scratch.exists() and not temp.exists() and not old_tmp.exists()
    assert not journal.exists() and not orphan.exists()


def test_a_temp_file_of_a_running_restore_is_left_alone(home: Path) -> None:
    temp = home / ".runner-legs.sqlite3.busy.tmp"
    temp.write_bytes(b"being written")
    holder = subprocess.Popen([sys.executable, "-c", (
        "import fcntl, os, sys, time\n"
        f"fd = os.open({str(temp)!r}, os.O_RDONLY)\n"
        "fcntl.flock(fd, fcntl.LOCK_EX)\n"
        "print('locked', flush=True)\n"
        "time.sleep(60)\n")], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        repo = open_repository(home, today=clock.today)
        repo.close()
        assert temp.exists()
    finally:
        holder.kill()
        holder.wait()
    open_repository(home, today=clock.today).close()
    assert not temp.exists()


def test_restore_keeps_temp_files_in_the_data_folder(home: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    elsewhere = tmp_path / "systemtmp"
    elsewhere.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(elsewhere))
    backup = _sqlite_copy(home, tmp_path / "b.sqlite3")
    seen: list[str] = []
    real_mkdtemp = tempfile.mkdtemp

    def spy(*args: object, **kwargs: object) -> str:
        made = real_mkdtemp(*args, **kwargs)  # type: ignore[call-overload]
        seen.append(made)
        return str(made)

    monkeypatch.setattr(tempfile, "mkdtemp", spy)
    restore_automatic_backup(home, backup, clock.today)
    assert seen and all(Path(p).parent == home for p in seen)
    assert list(elsewhere.iterdir()) == []


@pytest.mark.slow
def test_a_restore_killed_at_any_moment_loses_nothing(home: Path, tmp_path: Path) -> None:
    """kill -9 during a restore over a damaged database: afterwards the folder holds either
    the damaged file as it was or the restored data, and the next start tidies up."""
    import signal

    backup = _sqlite_copy(home, tmp_path / "good.sqlite3")
    junk = b"\0" * 8192
    env = dict(os.environ, RUNNER_LEGS_HOME=str(home), RUNNER_LEGS_TODAY="2026-11-21")
    code = "import sys; from core.cli import main; sys.exit(main())"
    for delay in (0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.6):
        for p in list(home.iterdir()):
            if p.name.startswith(DB) and p.name != DB:
                p.unlink()
        (home / DB).write_bytes(junk)
        proc = subprocess.Popen([sys.executable, "-c", code, "restore", str(backup)], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        data = (home / DB).read_bytes()
        if data != junk:  # the swap happened: the restored data is whole
            assert _history(home)[0]["sleep_hours"] == 7.5
        assert run("history", home=home).returncode in (0, 1)
        leftovers = [p.name for p in home.iterdir() if p.name.startswith(".")]
        assert leftovers == [], leftovers
