"""``runner-legs import`` and the history it feeds (SPEC §7, §9), run in a subprocess as a
user runs them: exact JSON, exit codes, nothing written by refused files or duplicates."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest

from core.profile import DEMO
from tests.cli.helpers import run_cli

FIX = Path(__file__).parents[1] / "fixtures" / "activities"
SAVED = "2026-11-20"  # the demo plan starts Mon 23 Nov: Tue long run, Wed active recovery,
TODAY = "2026-12-05"  # Fri hiit, Sun rest (SPEC §3 rule 11)


@pytest.fixture(autouse=True)
def utc(monkeypatch: pytest.MonkeyPatch) -> None:
    """Local dates of the fixtures are their UTC dates."""
    monkeypatch.setenv("TZ", "UTC")


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("template")
    (folder / "me.json").write_text(json.dumps(DEMO), encoding="utf-8")
    ok(run_cli("profile", "--set", str(folder / "me.json"), home=folder / "home",
               today=SAVED))
    return folder / "home"


@pytest.fixture
def home(template: Path, tmp_path: Path) -> Path:
    shutil.copytree(template, tmp_path / "home")
    return tmp_path / "home"


def imp(home: Path, *paths: Path | str, today: str = TODAY) -> subprocess.CompletedProcess[str]:
    return run_cli("import", *map(str, paths), "--format", "json", home=home, today=today)


def history(home: Path, **kw: str) -> list[dict[str, Any]]:
    args = [a for k, v in kw.items() for a in (f"--{k}", v)]
    days: list[dict[str, Any]] = json.loads(ok(run_cli("history", *args, home=home,
                                                       today=TODAY)))["days"]
    return days


def data(home: Path) -> dict[str, Any]:
    """Everything stored, as a backup holds it (without its time stamp), after the first
    command of the week has judged the week before (SPEC §3), as any command would."""
    history(home)
    out = home.parent / "check.json"
    ok(run_cli("backup", "--out", str(out), home=home, today=TODAY))
    value: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    value.pop("created")
    return value


def test_import_prints_spec_json_and_marks_the_days_sessions(home: Path) -> None:
    result = imp(home, FIX / "run.fit", FIX / "walk.fit", FIX / "ride.fit",
                 FIX / "workout.fit")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "imported": [
            {"file": str(FIX / "run.fit"), "sport": "running", "start": "2026-12-01T07:00:00Z",
             "date": "2026-12-01", "minutes": 45, "distance_km": 8.12, "avg_hr": 148,
             "result": "marked_done", "session_kind": "long_run"},
            {"file": str(FIX / "walk.fit"), "sport": "walking", "start": "2026-12-02T12:00:00Z",
             "date": "2026-12-02", "minutes": 30, "distance_km": 2.45, "avg_hr": None,
             "result": "marked_done", "session_kind": "active_recovery"},
            {"file": str(FIX / "ride.fit"), "sport": "cycling", "start": "2026-11-30T17:30:00Z",
             "date": "2026-11-30", "minutes": 60, "distance_km": 25.0, "avg_hr": 130,
             "result": "added", "session_kind": None},
        ],
        "refused": [{"file": str(FIX / "workout.fit"),
                     "reason": "not an activity: a workout file"}],
    }
    days = {d["date"]: d for d in history(home)}
    assert days["2026-12-01"]["session"] == {
        "kind": "long_run", "status": "done", "minutes": 45, "rpe": None,
        "distance_km": 8.12, "avg_hr": 148, "source": "run.fit"}
    assert days["2026-12-02"]["session"]["source"] == "walk.fit"
    # a day holding only an imported activity is listed, the activity outside the plan
    assert days["2026-11-30"] == {
        "date": "2026-11-30", "sleep_hours": None, "sleep_quality": None, "foam_roll": [],
        "weight_kg": None,
        "measurements": {"thigh_cm": None, "calf_cm": None, "waist_cm": None, "hips_cm": None},
        "session": None,
        "activities": [{"sport": "cycling", "start": "2026-11-30T17:30:00Z", "minutes": 60,
                        "distance_km": 25.0, "avg_hr": 130, "source": "ride.fit"}]}


def test_several_activities_on_a_day_add_up(home: Path) -> None:
    ok(imp(home, FIX / "run.fit"))
    out = json.loads(ok(imp(home, FIX / "strava")))  # a second run on Tue 1 Dec, one on Fri
    assert [(i["date"], i["result"]) for i in out["imported"]] == [
        ("2026-12-01", "marked_done"), ("2026-12-04", "marked_done")]
    assert out["refused"] == [{"file": str(FIX / "strava" / "activities.csv"),
                               "reason": "not an activity file (not FIT, TCX or GPX)"}]
    (tue,) = history(home, **{"from": "2026-12-01", "to": "2026-12-01"})
    # 45 + 25 min, 8.12 + 5.01 km, HR by minutes (45 * 148 + 25 * 152) / 70 = 149.4
    assert tue["session"] == {"kind": "long_run", "status": "done", "minutes": 70,
                              "rpe": None, "distance_km": 13.13, "avg_hr": 149,
                              "source": "run.fit, 11001.fit.gz"}


def test_a_fit_with_several_sessions_matches_each(home: Path) -> None:
    out = json.loads(ok(imp(home, FIX / "several_sessions.fit")))
    assert [(i["sport"], i["result"], i["session_kind"]) for i in out["imported"]] == [
        ("cycling", "added", None), ("running", "marked_done", "hiit")]
    (fri,) = history(home, **{"from": "2026-11-27", "to": "2026-11-27"})
    assert fri["session"]["minutes"] == 26 and fri["session"]["avg_hr"] == 170
    assert [a["sport"] for a in fri["activities"]] == ["cycling"]


def test_the_same_activity_again_changes_nothing(home: Path, tmp_path: Path) -> None:
    ok(imp(home, FIX / "run.fit", FIX / "ride.fit"))
    before = data(home)
    # the same run inside a zip under another name: same sport and start, still a duplicate
    with zipfile.ZipFile(tmp_path / "again.zip", "w") as z:
        z.writestr("morning.bin", (FIX / "run.fit").read_bytes())
    again = json.loads(ok(imp(home, FIX / "run.fit", FIX / "ride.fit", tmp_path / "again.zip")))
    assert [i["result"] for i in again["imported"]] == ["duplicate"] * 3
    assert data(home) == before


def test_a_session_marked_by_hand_is_left_alone(home: Path) -> None:
    ok(run_cli("log", "--date", "2026-12-01", "--done", "--minutes", "40", "--rpe", "6",
               home=home, today=TODAY))
    out = json.loads(ok(imp(home, FIX / "run.fit")))
    assert [(i["result"], i["session_kind"]) for i in out["imported"]] == [
        ("already_marked", "long_run")]
    (tue,) = history(home, **{"from": "2026-12-01", "to": "2026-12-01"})
    assert tue["session"] == {"kind": "long_run", "status": "done", "minutes": 40, "rpe": 6,
                              "distance_km": None, "avg_hr": None, "source": None}
    assert tue["activities"] == []


def test_when_every_path_is_refused_exit_2_and_nothing_is_written(home: Path,
                                                                  tmp_path: Path) -> None:
    before = data(home)
    paths = [FIX / "truncated.fit", FIX / "bad_crc.fit", FIX / "malformed.tcx",
             FIX / "future.fit", FIX / "settings.fit", FIX / "bomb.gpx", tmp_path / "none.fit"]
    result = imp(home, *paths)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert "truncated.fit" in result.stderr and "6 more refused" in result.stderr
    reasons = {Path(r["file"]).name: r["reason"] for r in json.loads(result.stdout)["refused"]}
    assert reasons == {
        "truncated.fit": "integrity check failed: the FIT file is truncated (120 of 160 bytes)",
        "bad_crc.fit": "integrity check failed: the FIT header or CRC is wrong",
        "malformed.tcx": reasons["malformed.tcx"],
        "future.fit": "starts after today (on 2026-12-10)",
        "settings.fit": "not an activity: a settings file",
        "bomb.gpx": "refused XML: it declares a DTD or entities (DTDForbidden)",
        "none.fit": "no such file or folder"}
    assert reasons["malformed.tcx"].startswith("integrity check failed: malformed XML")
    assert data(home) == before


def test_a_refused_file_on_an_empty_home_creates_nothing(tmp_path: Path) -> None:
    result = imp(tmp_path / "home", FIX / "workout.fit")
    assert result.returncode == 2 and not (tmp_path / "home").exists()


def test_after_today_compares_local_dates(home: Path) -> None:
    assert imp(home, FIX / "future.fit", today="2026-12-09").returncode == 2
    out = json.loads(ok(imp(home, FIX / "future.fit", today="2026-12-10")))
    assert out["imported"][0]["date"] == "2026-12-10"


def test_zip_archive_members_are_named_and_text_output_reads(home: Path) -> None:
    out = json.loads(ok(imp(home, FIX / "export.zip")))
    assert [i["file"] for i in out["imported"]] == [
        f"{FIX / 'export.zip'}:cerknicko-jezero.gpx", f"{FIX / 'export.zip'}:run_hr.tcx",
        f"{FIX / 'export.zip'}:activities/11002.fit.gz"]
    assert [i["result"] for i in out["imported"]] == ["added", "marked_done", "marked_done"]
    (tue,) = history(home, **{"from": "2026-11-24", "to": "2026-11-24"})
    assert tue["session"]["source"] == "export.zip:run_hr.tcx"
    text = ok(run_cli("import", str(FIX / "ride_no_hr.tcx"), home=home, today=TODAY))
    assert text.splitlines() == [
        f"2026-11-25  cycling, 40 min, 15.01 km  {FIX / 'ride_no_hr.tcx'}: kept outside the plan",
        "Imported 1 activity: 1 kept outside the plan"]


def test_backup_and_restore_carry_imported_data(home: Path, tmp_path: Path) -> None:
    ok(imp(home, FIX / "run.fit", FIX / "ride.fit"))
    ok(run_cli("backup", "--out", str(tmp_path / "b.json"), home=home, today=TODAY))
    saved = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))
    assert [(a["sport"], a["counted"]) for a in saved["activities"]] == [
        ("cycling", False), ("running", True)]
    other = tmp_path / "other"
    ok(run_cli("restore", str(tmp_path / "b.json"), home=other, today=TODAY))
    assert history(other) == history(home)
    # the restored activities still count as imported
    again = json.loads(ok(imp(other, FIX / "run.fit")))
    assert again["imported"][0]["result"] == "duplicate"
