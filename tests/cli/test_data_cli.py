"""``runner-legs profile | log | history | backup | restore`` as a user runs them (SPEC §7):
exit codes, one-line errors, exact JSON, and nothing changed on disk by a failed command."""

from __future__ import annotations

import csv
import io
import json
import os
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from core.cli import main
from core.planner import build_plan
from core.profile import DEMO, profile_from_dict
from core.store import automatic_backups
from tests.cli.helpers import run_cli

TODAY = "2026-11-20"  # Friday; the plan starts Monday 23 Nov
MONDAY = date(2026, 11, 23)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "home"
    monkeypatch.setenv("RUNNER_LEGS_HOME", str(folder))
    monkeypatch.setenv("RUNNER_LEGS_TODAY", TODAY)
    return folder


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def profile_file(tmp_path: Path, **fields: Any) -> Path:
    path = tmp_path / "me.json"
    path.write_text(json.dumps({**DEMO, **fields}), encoding="utf-8")
    return path


def snapshot(folder: Path) -> dict[str, bytes]:
    if not folder.exists():
        return {}
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.name.endswith("-shm")}


def saved(home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = cli(capsys, "profile", "--set", str(profile_file(tmp_path)))
    assert code == 0, err


def test_read_commands_on_an_empty_home_create_nothing(
        home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(capsys, "profile")
    assert code == 2 and out == "" and "no saved profile" in err and err.count("\n") == 1
    code, out, _ = cli(capsys, "history")
    assert code == 0 and json.loads(out) == {"days": []}
    code, _, err = cli(capsys, "backup", "--out", str(home.parent / "b.json"))
    assert code == 1 and "nothing to back up" in err
    code, _, err = cli(capsys, "log", "--done")  # a refused write creates nothing either
    assert code == 2 and "no planned session" in err
    assert not home.exists() and not (home.parent / "b.json").exists()


def test_profile_set_then_print(home: Path, tmp_path: Path,
                                capsys: pytest.CaptureFixture[str]) -> None:
    path = profile_file(tmp_path, name="Zoë O'Brien", weight_kg=70)
    code, out, _ = cli(capsys, "profile", "--set", str(path))
    assert code == 0 and "12-week plan" in out
    code, out, _ = cli(capsys, "profile", "--data-dir", str(home))
    assert code == 0
    expected = profile_from_dict({**DEMO, "name": "Zoë O'Brien", "weight_kg": 70})
    assert json.loads(out) == expected.to_dict()
    code, out, _ = cli(capsys, "plan")
    assert code == 0
    assert json.loads(out) == build_plan(expected, MONDAY, 12).to_json(full=False)


def test_bad_profile_file_changes_nothing(home: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    saved(home, tmp_path, capsys)
    before = snapshot(home)
    # 16 on Tue 24 Nov 2026: still 15 on the plan's first Monday.
    for fields, word in (({"height_cm": 300}, "height_cm"),
                         ({"birth_date": "2010-11-24"}, "birth_date"),
                         ({"available_days": ["mon"]}, "available_days")):
        code, _, err = cli(capsys, "profile", "--set", str(profile_file(tmp_path, **fields)))
        assert code == 2 and word in err and err.count("\n") == 1
    assert snapshot(home) == before


@pytest.mark.parametrize("args, word", [
    (["--sleep-hours", "24.5"], "--sleep-hours"), (["--sleep-hours", "x"], "--sleep-hours"),
    (["--sleep-quality", "6"], "--sleep-quality"), (["--weight", "34"], "--weight"),
    (["--foam-roll", "quads,back"], "--foam-roll"), (["--minutes", "601", "--done"],
                                                     "--minutes"),
    (["--rpe", "0", "--done"], "--rpe"), (["--date", "2026-02-30", "--done"], "--date"),
    (["--done", "--skipped"], "--skipped"), ([], "nothing to log"),
    (["--minutes", "30"], "--done or --skipped"),
    (["--date", "2026-11-22", "--done"], "no planned session"),
])
def test_log_refuses_bad_values_by_name(args: list[str], word: str, home: Path, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    saved(home, tmp_path, capsys)
    cli(capsys, "log", "--sleep-hours", "7")
    before = snapshot(home)
    code, out, err = cli(capsys, "log", *args)
    assert code == 2 and out == "" and word in err and err.count("\n") == 1
    assert "Traceback" not in err
    assert snapshot(home) == before


def test_log_merges_and_history_prints_spec_json(home: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    saved(home, tmp_path, capsys)
    tue = (MONDAY + timedelta(days=1)).isoformat()
    assert cli(capsys, "log", "--sleep-hours", "6.5", "--sleep-quality", "3") == (0, "", "")
    assert cli(capsys, "log", "--foam-roll", "calves,quads", "--weight", "63.2")[0] == 0
    assert cli(capsys, "log", "--date", tue, "--done", "--minutes", "42")[0] == 0
    assert cli(capsys, "log", "--date", tue, "--rpe", "7")[0] == 0  # attaches to the outcome
    assert cli(capsys, "log", "--date", tue, "--sleep-hours", "8")[0] == 0
    code, out, _ = cli(capsys, "history")
    assert code == 0
    kind = build_plan(profile_from_dict(DEMO), MONDAY, 12).session_on(MONDAY + timedelta(1))
    assert kind is not None
    assert json.loads(out) == {"days": [
        {"date": TODAY, "sleep_hours": 6.5, "sleep_quality": 3,
         "foam_roll": ["quads", "calves"], "weight_kg": 63.2, "session": None},
        {"date": tue, "sleep_hours": 8.0, "sleep_quality": None, "foam_roll": [],
         "weight_kg": None,
         "session": {"kind": kind.kind, "status": "done", "minutes": 42, "rpe": 7}},
    ]}
    code, out, _ = cli(capsys, "history", "--from", tue, "--to", tue)
    assert [d["date"] for d in json.loads(out)["days"]] == [tue]
    code, _, err = cli(capsys, "history", "--from", tue, "--to", TODAY)
    assert code == 2 and "--from" in err


def test_history_csv(home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    saved(home, tmp_path, capsys)
    cli(capsys, "log", "--date", MONDAY.isoformat(), "--skipped", "--sleep-hours", "5")
    code, out, _ = cli(capsys, "history", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 1
    assert rows[0]["date"] == MONDAY.isoformat() and rows[0]["session_status"] == "skipped"
    assert rows[0]["sleep_hours"] == "5.0" and rows[0]["session_minutes"] == ""


def test_backup_and_restore(home: Path, tmp_path: Path,
                            capsys: pytest.CaptureFixture[str]) -> None:
    saved(home, tmp_path, capsys)
    cli(capsys, "log", "--sleep-hours", "7.5", "--foam-roll", "glutes")
    out_file = tmp_path / "backup.json"
    assert cli(capsys, "backup", "--out", str(out_file))[0] == 0
    assert out_file.stat().st_mode & 0o777 == 0o600
    _, history, _ = cli(capsys, "history")
    cli(capsys, "log", "--sleep-hours", "3")
    # A broken copy is refused and changes nothing.
    broken = json.loads(out_file.read_text(encoding="utf-8"))
    broken["checkins"][0]["sleep_quality"] = 9
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(broken), encoding="utf-8")
    before = snapshot(home)
    code, _, err = cli(capsys, "restore", str(bad))
    assert code == 2 and "sleep_quality" in err and err.count("\n") == 1
    assert snapshot(home) == before
    code, _, err = cli(capsys, "restore", str(out_file))
    assert code == 0, err
    assert cli(capsys, "history")[1] == history
    # Into an empty home too.
    other = tmp_path / "other"
    assert cli(capsys, "restore", str(out_file), "--data-dir", str(other))[0] == 0
    assert cli(capsys, "history", "--data-dir", str(other))[1] == history


def test_damaged_database_exits_1_with_the_way_back(home: Path, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    saved(home, tmp_path, capsys)
    cli(capsys, "log", "--sleep-hours", "7")
    monkeypatch.setenv("RUNNER_LEGS_TODAY", "2026-11-21")
    cli(capsys, "log", "--sleep-hours", "8")  # first write of the day: makes a backup
    db = home / "runner-legs.sqlite3"
    for side in ("-wal", "-shm"):
        Path(str(db) + side).unlink(missing_ok=True)
    db.write_bytes(b"\x00garbage" * 100)
    code, out, err = cli(capsys, "log", "--sleep-hours", "6")
    newest = automatic_backups(home)[0]
    assert code == 1 and out == "" and err.count("\n") == 1
    assert str(db) in err and str(newest) in err and "restore" in err
    assert db.read_bytes() == b"\x00garbage" * 100
    # The line says what to run; running it brings the data back.
    code, _, err = cli(capsys, "restore", str(newest))
    assert code == 0, err
    code, out, _ = cli(capsys, "history")
    assert json.loads(out)["days"][0]["sleep_hours"] == 7.0


def test_subprocess_contract(tmp_path: Path) -> None:
    """The real entry point: exit codes and streams as a shell sees them."""
    home = tmp_path / "h"
    r = run_cli("log", "--sleep-hours", "25", home=home)
    assert r.returncode == 2 and r.stdout == "" and "--sleep-hours" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and not home.exists()
    r = run_cli("log", "--sleep-hours", "7", home=home)
    assert r.returncode == 0 and r.stdout == "" and r.stderr == ""
    assert (home / "runner-legs.sqlite3").stat().st_mode & 0o777 == 0o600
    assert os.stat(home).st_mode & 0o777 == 0o700


def test_log_without_a_profile_keeps_the_checkin_but_cannot_mark_a_session(
        home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(capsys, "log", "--sleep-hours", "7.25") == (0, "", "")
    code, _, err = cli(capsys, "log", "--done")
    assert code == 2 and "no planned session" in err
    code, out, _ = cli(capsys, "history")
    assert [d["sleep_hours"] for d in json.loads(out)["days"]] == [7.25]


def test_restore_an_automatic_backup_keeps_the_current_file_aside(
        home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    saved(home, tmp_path, capsys)
    cli(capsys, "log", "--sleep-hours", "7")
    monkeypatch.setenv("RUNNER_LEGS_TODAY", "2026-11-21")
    cli(capsys, "log", "--date", TODAY, "--sleep-hours", "4")  # backup holds 7, file holds 4
    newest = automatic_backups(home)[0]
    code, out, err = cli(capsys, "restore", str(newest))
    assert code == 0, err
    aside = Path(out.strip().rsplit(" ", 1)[-1])
    assert aside.exists() and aside.parent == home
    code, out, _ = cli(capsys, "history")
    assert json.loads(out)["days"][0]["sleep_hours"] == 7.0
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"SQLite format 3\x00" + b"\x01" * 600)
    before = snapshot(home)
    code, _, err = cli(capsys, "restore", str(junk))
    assert code == 2 and "cannot be used" in err
    assert snapshot(home) == before


def test_json_restore_over_a_damaged_file_keeps_the_damaged_one(
        home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    saved(home, tmp_path, capsys)
    cli(capsys, "log", "--sleep-hours", "7")
    out_file = tmp_path / "backup.json"
    assert cli(capsys, "backup", "--out", str(out_file))[0] == 0
    db = home / "runner-legs.sqlite3"
    for side in ("-wal", "-shm"):
        Path(str(db) + side).unlink(missing_ok=True)
    for backup in automatic_backups(home):
        backup.unlink()
    db.write_bytes(b"not a database" * 100)
    code, _, err = cli(capsys, "history")
    assert code == 1 and "restore FILE.json" in err
    code, out, err = cli(capsys, "restore", str(out_file))
    assert code == 0, err
    kept = Path(out.strip().rsplit(" ", 1)[-1])
    assert kept.read_bytes() == b"not a database" * 100
    code, out, _ = cli(capsys, "history")
    assert json.loads(out)["days"][0]["sleep_hours"] == 7.0
