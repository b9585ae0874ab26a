"""``runner-legs export fit`` through a real process (SPEC §7): one workout file per run of
the week, in a folder made when missing, the paths printed."""

from __future__ import annotations

import io
import json
from pathlib import Path

import fitdecode

from core.profile import DEMO
from tests.cli.helpers import run_cli

TODAY = "2025-01-22"  # a Wednesday; a --demo plan starts Monday 27 Jan


def names(data: bytes) -> tuple[str, str]:
    with fitdecode.FitReader(io.BytesIO(data), check_crc=fitdecode.CrcCheck.ENABLED) as fit:
        found = {f.name: {x.name: x.value for x in f.fields} for f in fit
                 if isinstance(f, fitdecode.FitDataMessage) and f.name in ("file_id", "workout")}
    return found["file_id"]["type"], found["workout"]["wkt_name"]


def test_demo_week_writes_one_file_per_run_and_prints_the_paths(tmp_path: Path) -> None:
    out = tmp_path / "GARMIN" / "NewFiles"
    result = run_cli("export", "fit", "--demo", "--start", "2025-01-27", "--week", "2025-02-12",
                     "--out", str(out), home=tmp_path / "home", today=TODAY)
    assert result.returncode == 0, result.stderr
    printed = [Path(line) for line in result.stdout.splitlines()]
    plan = json.loads(run_cli("plan", "--demo", "--format", "json", home=tmp_path / "home",
                              today=TODAY).stdout)
    week = next(w for w in plan["weeks"] if w["start"] == "2025-02-10")
    runs = [s for s in week["sessions"]
            if s["kind"] in ("long_run", "easy_run", "hiit", "tempo", "hills")]
    assert printed == [out / f"{s['date']}-{s['kind']}.fit" for s in runs]
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in printed)
    for path, session in zip(printed, runs, strict=True):
        assert names(path.read_bytes()) == ("workout", session["title"])
    assert not (tmp_path / "home").exists()  # --demo never touches stored data


def test_without_week_the_stored_plans_current_week(tmp_path: Path) -> None:
    home = tmp_path / "home"
    profile = tmp_path / "me.json"
    profile.write_text(json.dumps(DEMO), encoding="utf-8")
    assert run_cli("profile", "--set", str(profile), home=home, today="2026-11-20").returncode == 0
    result = run_cli("export", "fit", "--out", str(tmp_path / "w"), home=home,
                     today="2026-12-02")
    assert result.returncode == 0, result.stderr
    dates = {Path(p).name[:10] for p in result.stdout.splitlines()}
    assert dates and all("2026-11-30" <= d <= "2026-12-06" for d in dates)


def test_a_week_outside_the_plan_is_refused_and_makes_no_folder(tmp_path: Path) -> None:
    out = tmp_path / "w"
    result = run_cli("export", "fit", "--demo", "--start", "2025-01-27", "--week", "2026-01-01",
                     "--out", str(out), home=tmp_path / "home", today=TODAY)
    assert result.returncode == 2 and result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and "--week" in result.stderr
    assert not out.exists()


def test_out_naming_a_file_is_refused(tmp_path: Path) -> None:
    a_file = tmp_path / "taken"
    a_file.write_text("x")
    result = run_cli("export", "fit", "--demo", "--out", str(a_file), home=tmp_path / "home",
                     today=TODAY)
    assert result.returncode == 1 and "not a folder" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and a_file.read_text() == "x"
