"""``runner-legs profile | log | history | backup | restore`` as a user runs them (SPEC §7),
each in its own process: exit codes, one-line errors, exact JSON, and nothing changed on disk
by a failed command."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import sqlite3
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from core.planner import build_plan
from core.profile import DEMO, profile_from_dict
from core.store import automatic_backups
from tests.cli.helpers import run_cli

TODAY = "2026-11-20"  # Friday; the plan starts Monday 23 Nov
MONDAY = date(2026, 11, 23)
SUNDAY = "2026-11-29"  # the last day of week 1 (a rest day in the demo's sample week)
TUE = "2026-11-24"  # week 1's long run


def profile_file(tmp_path: Path, **fields: Any) -> Path:
    path = tmp_path / "me.json"
    path.write_text(json.dumps({**DEMO, **fields}), encoding="utf-8")
    return path


def snapshot(folder: Path) -> dict[str, bytes]:
    if not folder.exists():
        return {}
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.name.endswith("-shm")}


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stderr
    return result.stdout


def refused(result: subprocess.CompletedProcess[str], code: int, *words: str) -> str:
    """The command failed with ``code``, one line on stderr naming ``words``, no output."""
    assert result.returncode == code, (result.returncode, result.stderr)
    assert result.stdout == "" and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    for word in words:
        assert word in result.stderr
    return result.stderr


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A home with the demo profile saved on TODAY (made once, copied for each test)."""
    folder = tmp_path_factory.mktemp("template")
    home = folder / "home"
    ok(run_cli("profile", "--set", str(profile_file(folder)), home=home, today=TODAY))
    return home


@pytest.fixture
def home(template: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "home"
    shutil.copytree(template, folder)
    return folder


def test_read_commands_on_an_empty_home_create_nothing(tmp_path: Path) -> None:
    home = tmp_path / "home"
    refused(run_cli("profile", home=home), 2, "no saved profile")
    assert json.loads(ok(run_cli("history", home=home))) == {"days": []}
    refused(run_cli("backup", "--out", str(tmp_path / "b.json"), home=home), 1,
            "nothing to back up")
    refused(run_cli("log", "--done", home=home), 2, "no planned session")
    assert not home.exists() and not (tmp_path / "b.json").exists()


def test_profile_set_then_print_with_data_dir_before_and_after(tmp_path: Path) -> None:
    home = tmp_path / "home"
    path = profile_file(tmp_path, name="Zoë O'Brien", weight_kg=70)
    out = ok(run_cli("--data-dir", str(home), "profile", "--set", str(path)))
    assert "12-week plan" in out
    expected = profile_from_dict({**DEMO, "name": "Zoë O'Brien", "weight_kg": 70})
    assert json.loads(ok(run_cli("profile", "--data-dir", str(home)))) == expected.to_dict()
    plan = json.loads(ok(run_cli("plan", "--data-dir", str(home))))
    assert plan == build_plan(expected, MONDAY, 12).to_json(full=False)
    assert json.loads(ok(run_cli("--data-dir", str(home), "history"))) == {"days": []}


def test_bad_profile_file_changes_nothing(home: Path, tmp_path: Path) -> None:
    before = snapshot(home)
    # 16 on Tue 24 Nov 2026: still 15 on the plan's first Monday.
    for fields, word in (({"height_cm": 300}, "height_cm"),
                         ({"birth_date": "2010-11-24"}, "birth_date"),
                         ({"available_days": ["mon"]}, "available_days")):
        refused(run_cli("profile", "--set", str(profile_file(tmp_path, **fields)), home=home),
                2, word)
    assert snapshot(home) == before


@pytest.mark.parametrize("args, words", [
    (["--sleep-hours", "24.5"], ["--sleep-hours"]), (["--sleep-hours", "x"], ["--sleep-hours"]),
    (["--sleep-quality", "6"], ["--sleep-quality"]), (["--weight", "34"], ["--weight"]),
    (["--foam-roll", "quads,back"], ["--foam-roll"]),
    (["--minutes", "601", "--done"], ["--minutes"]), (["--rpe", "0", "--done"], ["--rpe"]),
    (["--date", "2026-02-30", "--done"], ["--date"]), (["--done", "--skipped"], ["--skipped"]),
    ([], ["nothing to log"]), (["--date", TUE, "--minutes", "30"], ["--done or --skipped"]),
    (["--date", "2026-11-22", "--done"], ["no planned session"]),
    (["--date", SUNDAY, "--done"], ["no session planned on Sun 29 Nov: it is a rest day"]),
    (["--date", SUNDAY, "--skipped"], ["it is a rest day"]),
    (["--date", TUE, "--skipped", "--minutes", "30"], ["--minutes", "skipped"]),
    (["--date", TUE, "--skipped", "--rpe", "4"], ["--rpe", "skipped"]),
    (["--date", "2026-11-30", "--done"], ["can't mark a session in the future"]),
    (["--date", "2026-11-30", "--sleep-hours", "7"], ["in the future", "2026-11-30"]),
])
def test_log_refuses_bad_values_by_name(args: list[str], words: list[str], home: Path) -> None:
    ok(run_cli("log", "--sleep-hours", "7", home=home, today=SUNDAY))
    before = snapshot(home)
    refused(run_cli("log", *args, home=home, today=SUNDAY), 2, *words)
    assert snapshot(home) == before


def test_minutes_on_a_skipped_session_are_refused(home: Path) -> None:
    ok(run_cli("log", "--date", TUE, "--skipped", home=home, today=SUNDAY))
    before = snapshot(home)
    refused(run_cli("log", "--date", TUE, "--rpe", "6", home=home, today=SUNDAY), 2,
            "rpe", "skipped")
    assert snapshot(home) == before


def test_log_merges_and_history_prints_spec_json(home: Path) -> None:
    def log(*args: str) -> None:
        result = run_cli("log", *args, home=home, today=SUNDAY)
        assert (result.returncode, result.stdout, result.stderr) == (0, "", "")

    log("--sleep-hours", "6.5", "--sleep-quality", "3")
    log("--foam-roll", "calves,quads", "--weight", "63.2")
    log("--date", TUE, "--done", "--minutes", "42")
    log("--date", TUE, "--rpe", "7")  # attaches to the outcome
    log("--date", TUE, "--sleep-hours", "8")
    kind = build_plan(profile_from_dict(DEMO), MONDAY, 12).session_on(date.fromisoformat(TUE))
    assert kind is not None
    none = {"thigh_cm": None, "calf_cm": None, "waist_cm": None, "hips_cm": None}
    assert json.loads(ok(run_cli("history", home=home))) == {"days": [
        {"date": TUE, "sleep_hours": 8.0, "sleep_quality": None, "foam_roll": [],
         "weight_kg": None, "measurements": none,
         "session": {"kind": kind.kind, "status": "done", "minutes": 42, "rpe": 7}},
        {"date": SUNDAY, "sleep_hours": 6.5, "sleep_quality": 3,
         "foam_roll": ["quads", "calves"], "weight_kg": 63.2, "measurements": none,
         "session": None},
    ]}
    days = json.loads(ok(run_cli("history", "--from", TUE, "--to", TUE, home=home)))["days"]
    assert [d["date"] for d in days] == [TUE]
    refused(run_cli("history", "--from", SUNDAY, "--to", TUE, home=home), 2, "--from")


def test_skipping_a_week_lowers_the_stored_weeks_after_it(home: Path) -> None:
    """SPEC §3 adaptation, judged on the Monday after: week 1 skipped entirely (0 min run),
    so week 2 = max(50, 110 % of 0) = 50 min, and week 3 = 110 % of 50 = 55 min."""
    before = json.loads(ok(run_cli("plan", home=home)))
    week1 = before["weeks"][0]
    run_days = [s["date"] for s in week1["sessions"]
                if s["kind"] in ("long_run", "easy_run", "hiit", "tempo", "hills")]
    assert run_days and week1["run_minutes"] > 50
    for day in run_days:
        result = run_cli("log", "--date", day, "--skipped", home=home, today=SUNDAY)
        assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert json.loads(ok(run_cli("plan", home=home, today=SUNDAY))) == before
    monday = run_cli("plan", home=home, today="2026-11-30")
    assert monday.returncode == 0 and monday.stderr == (
        "note: Week 2 lowered to 50 min running: week 1 ran 0 of 60 planned"
        " (and 10 later weeks)\n")
    after = json.loads(monday.stdout)
    minutes = [w["run_minutes"] for w in after["weeks"]]
    assert after["weeks"][0] == week1
    assert minutes[1:3] == [50, 55]
    assert all(a <= b["run_minutes"] for a, b in zip(minutes, before["weeks"], strict=True))
    assert [w["index"] for w in after["weeks"] if w["lighter"]] == [4, 8, 12]


def test_a_done_as_planned_week_changes_no_plan(home: Path) -> None:
    before = ok(run_cli("plan", home=home))
    for s in json.loads(before)["weeks"][0]["sessions"]:
        if s["kind"] != "rest":
            ok(run_cli("log", "--date", s["date"], "--done", home=home, today=SUNDAY))
    assert ok(run_cli("plan", home=home)) == before


def test_history_csv(home: Path) -> None:
    ok(run_cli("log", "--date", TUE, "--skipped", "--sleep-hours", "5", home=home,
               today=SUNDAY))
    rows = list(csv.DictReader(io.StringIO(ok(run_cli("history", "--format", "csv",
                                                      home=home)))))
    assert len(rows) == 1
    assert rows[0]["date"] == TUE and rows[0]["session_status"] == "skipped"
    assert rows[0]["sleep_hours"] == "5.0" and rows[0]["session_minutes"] == ""


def test_backup_and_restore(home: Path, tmp_path: Path) -> None:
    ok(run_cli("log", "--sleep-hours", "7.5", "--foam-roll", "glutes", home=home))
    out_file = tmp_path / "backup.json"
    ok(run_cli("backup", "--out", str(out_file), home=home))
    assert out_file.stat().st_mode & 0o777 == 0o600
    history = ok(run_cli("history", home=home))
    ok(run_cli("log", "--sleep-hours", "3", home=home))
    # A broken copy is refused and changes nothing.
    broken = json.loads(out_file.read_text(encoding="utf-8"))
    broken["checkins"][0]["sleep_quality"] = 9
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(broken), encoding="utf-8")
    before = snapshot(home)
    refused(run_cli("restore", str(bad), home=home), 2, "sleep_quality")
    refused(run_cli("restore", str(tmp_path / "missing.json"), home=home), 2, "not found")
    assert snapshot(home) == before
    ok(run_cli("restore", str(out_file), home=home))
    assert ok(run_cli("history", home=home)) == history
    # Into an empty home too, with --data-dir before and after the subcommand.
    other = tmp_path / "other"
    ok(run_cli("restore", str(out_file), "--data-dir", str(other)))
    assert ok(run_cli("--data-dir", str(other), "history")) == history


def _damage(db: Path, content: bytes) -> None:
    for side in ("-wal", "-shm"):
        Path(str(db) + side).unlink(missing_ok=True)
    db.write_bytes(content)


def test_damaged_database_exits_1_with_the_way_back(home: Path) -> None:
    ok(run_cli("log", "--sleep-hours", "7", home=home, today=TODAY))
    ok(run_cli("log", "--sleep-hours", "8", home=home, today="2026-11-21"))  # backs up 7
    db = home / "runner-legs.sqlite3"
    _damage(db, b"\x00garbage" * 100)
    err = refused(run_cli("log", "--sleep-hours", "6", home=home, today="2026-11-21"), 1,
                  str(db), "restore")
    newest = automatic_backups(home)[0]
    assert str(newest) in err
    assert db.read_bytes() == b"\x00garbage" * 100
    # The line says what to run; running it brings the data back.
    ok(run_cli("restore", str(newest), home=home))
    assert json.loads(ok(run_cli("history", home=home)))["days"][0]["sleep_hours"] == 7.0


def test_unreadable_stored_data_exits_1_not_2(home: Path) -> None:
    """A ValueError from the stored data is a failure (1), not the user's input (2)."""
    conn = sqlite3.connect(home / "runner-legs.sqlite3")
    with conn:
        conn.execute("UPDATE profile SET data = ?", (json.dumps({**DEMO, "height_cm": 5}),))
    conn.close()
    refused(run_cli("profile", home=home), 1, "saved profile", "height_cm")
    refused(run_cli("plan", home=home), 1, "saved profile")
    # Saving a good profile over it is the way out.
    ok(run_cli("profile", "--set", str(profile_file(home.parent)), home=home))
    assert json.loads(ok(run_cli("profile", home=home)))["height_cm"] == DEMO["height_cm"]


def test_subprocess_contract(tmp_path: Path) -> None:
    """Exit codes, streams and file modes as a shell sees them."""
    home = tmp_path / "h"
    refused(run_cli("log", "--sleep-hours", "25", home=home), 2, "--sleep-hours")
    assert not home.exists()
    result = run_cli("log", "--sleep-hours", "7", home=home)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert (home / "runner-legs.sqlite3").stat().st_mode & 0o777 == 0o600
    assert os.stat(home).st_mode & 0o777 == 0o700


def test_log_without_a_profile_keeps_the_checkin_but_cannot_mark_a_session(
        tmp_path: Path) -> None:
    home = tmp_path / "home"
    ok(run_cli("log", "--sleep-hours", "7.25", home=home))
    refused(run_cli("log", "--done", home=home), 2, "no planned session")
    days = json.loads(ok(run_cli("history", home=home)))["days"]
    assert [d["sleep_hours"] for d in days] == [7.25]


@pytest.mark.parametrize("where", ["before", "after"])
@pytest.mark.parametrize("command", [["log", "--sleep-hours", "7"], ["history"], ["profile"],
                                     ["plan"], ["backup", "--out", "b.json"]])
def test_a_data_dir_that_is_a_file_is_refused(command: list[str], where: str,
                                              tmp_path: Path) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("mine\n", encoding="utf-8")
    for bad in (a_file, a_file / "sub"):
        args = (["--data-dir", str(bad), *command] if where == "before"
                else [*command, "--data-dir", str(bad)])
        refused(run_cli(*args), 2, f"--data-dir {bad} is not a folder")
    assert a_file.read_text(encoding="utf-8") == "mine\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_a_data_dir_under_proc_is_refused(tmp_path: Path) -> None:
    if not Path("/proc").is_dir():
        pytest.skip("no /proc on this system")
    for args in (["history", "--data-dir", "/proc/runner-legs"],
                 ["--data-dir", "/proc/self", "log", "--sleep-hours", "7"]):
        refused(run_cli(*args), 2, "is not a folder", "/proc")


def test_restore_an_automatic_backup_keeps_the_current_file_aside(home: Path,
                                                                  tmp_path: Path) -> None:
    ok(run_cli("log", "--sleep-hours", "7", home=home, today=TODAY))
    ok(run_cli("log", "--date", TODAY, "--sleep-hours", "4", home=home,
               today="2026-11-21"))  # the day's backup holds 7, the file holds 4
    newest = automatic_backups(home)[0]
    out = ok(run_cli("restore", str(newest), home=home))
    aside = Path(out.strip().rsplit(" ", 1)[-1])
    assert aside.exists() and aside.parent == home
    assert json.loads(ok(run_cli("history", home=home)))["days"][0]["sleep_hours"] == 7.0
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"SQLite format 3\x00" + b"\x01" * 600)
    before = snapshot(home)
    refused(run_cli("restore", str(junk), home=home), 2, "cannot be used")
    assert snapshot(home) == before


def test_an_automatic_backup_with_a_bad_value_is_refused(home: Path, tmp_path: Path) -> None:
    """restore FILE.sqlite3 checks every value, as a JSON restore does."""
    ok(run_cli("log", "--sleep-hours", "7", home=home, today=TODAY))
    ok(run_cli("log", "--sleep-hours", "8", home=home, today="2026-11-21"))
    copy = tmp_path / "edited.sqlite3"
    shutil.copyfile(automatic_backups(home)[0], copy)
    conn = sqlite3.connect(copy)
    with conn:
        conn.execute("UPDATE checkin SET sleep_hours = 99")
    conn.close()
    edited = copy.read_bytes()
    before = snapshot(home)
    refused(run_cli("restore", str(copy), home=home), 2, str(copy), "sleep_hours",
            "0–24 hours", "99")
    assert snapshot(home) == before and copy.read_bytes() == edited


def test_json_restore_over_a_damaged_file_keeps_the_damaged_one(home: Path,
                                                                tmp_path: Path) -> None:
    ok(run_cli("log", "--sleep-hours", "7", home=home))
    out_file = tmp_path / "backup.json"
    ok(run_cli("backup", "--out", str(out_file), home=home))
    for backup in automatic_backups(home):
        backup.unlink()
    _damage(home / "runner-legs.sqlite3", b"not a database" * 100)
    refused(run_cli("history", home=home), 1, "restore FILE.json")
    out = ok(run_cli("restore", str(out_file), home=home))
    kept = Path(out.strip().rsplit(" ", 1)[-1])
    assert kept.read_bytes() == b"not a database" * 100
    assert json.loads(ok(run_cli("history", home=home)))["days"][0]["sleep_hours"] == 7.0


def test_a_check_in_for_today_and_the_past_is_kept(home: Path) -> None:
    for day in (SUNDAY, "2026-11-01"):  # today, and a day before the plan
        ok(run_cli("log", "--date", day, "--sleep-hours", "7", home=home, today=SUNDAY))
    days = json.loads(ok(run_cli("history", home=home)))["days"]
    assert [d["date"] for d in days] == ["2026-11-01", SUNDAY]


def test_history_csv_with_a_decimal_comma(home: Path) -> None:
    ok(run_cli("log", "--date", TUE, "--sleep-hours", "7.5", "--foam-roll", "quads,calves",
               home=home, today=SUNDAY))
    text = ok(run_cli("history", "--format", "csv", "--decimal-comma", home=home,
                      today=SUNDAY))
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert len(rows) == 1
    assert rows[0]["sleep_hours"] == "7,5" and rows[0]["foam_roll"] == "quads;calves"
