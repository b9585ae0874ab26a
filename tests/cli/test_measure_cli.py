"""``runner-legs log`` measurements, ``history`` measurements, ``progress`` and ``offers`` as a
user runs them (SPEC §7): exact JSON, exit 2 for a value out of range or an unknown offer,
and nothing changed on disk by a refused command."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from core.profile import DEMO
from core.store import open_repository
from tests.cli.helpers import run_cli
from tests.export.conftest import reader, squash

START = "2026-11-20"  # profile saved on a Friday; the plan starts Monday 23 Nov
TODAY = date(2026, 12, 20)


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stderr
    return result.stdout


def refused(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert result.stdout == "" and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    for word in words:
        assert word in result.stderr


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.name.endswith("-shm")}


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("measure")
    profile = folder / "me.json"
    profile.write_text(json.dumps(DEMO), encoding="utf-8")
    home = folder / "home"
    ok(run_cli("profile", "--set", str(profile), home=home, today=START))
    return home


@pytest.fixture
def home(template: Path, tmp_path: Path) -> Path:
    shutil.copytree(template, tmp_path / "home")
    return tmp_path / "home"


def weigh(home: Path, weights: dict[date, float]) -> None:
    repo = open_repository(home, today=lambda: TODAY)
    try:
        for day, kg in weights.items():
            repo.log_day(day, {"weight_kg": kg})
    finally:
        repo.close()


def today_cli(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, home=home, today=TODAY.isoformat())


@pytest.mark.parametrize(("option", "value", "words"), [
    ("--thigh-cm", "19.9", ["--thigh-cm must be 20–100 cm, got 19.9"]),
    ("--thigh-cm", "101", ["--thigh-cm", "20–100 cm"]),
    ("--calf-cm", "71", ["--calf-cm must be 15–70 cm"]),
    ("--waist-cm", "39", ["--waist-cm must be 40–200 cm"]),
    ("--hips-cm", "abc", ["--hips-cm must be 50–200 cm, got abc"]),
])
def test_log_refuses_a_measurement_out_of_range(option: str, value: str, words: list[str],
                                                home: Path) -> None:
    ok(today_cli("log", "--sleep-hours", "7", home=home))
    before = snapshot(home)
    refused(today_cli("log", "--weight", "64", option, value, home=home), *words)
    assert snapshot(home) == before


def test_log_measurements_and_history_json(home: Path) -> None:
    day = "2026-12-18"
    result = today_cli("log", "--date", day, "--thigh-cm", "55.5", "--calf-cm", "36",
                       home=home)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    ok(today_cli("log", "--date", day, "--waist-cm", "79.5", "--hips-cm", "96", home=home))
    ok(today_cli("log", "--sleep-hours", "8", home=home))
    days = json.loads(ok(today_cli("history", home=home)))["days"]
    assert days == [
        {"date": day, "sleep_hours": None, "sleep_quality": None, "foam_roll": [],
         "weight_kg": None, "measurements": {"thigh_cm": 55.5, "calf_cm": 36.0,
                                             "waist_cm": 79.5, "hips_cm": 96.0},
         "session": None},
        {"date": TODAY.isoformat(), "sleep_hours": 8.0, "sleep_quality": None,
         "foam_roll": [], "weight_kg": None,
         "measurements": {"thigh_cm": None, "calf_cm": None, "waist_cm": None,
                          "hips_cm": None}, "session": None}]
    csv_text = ok(today_cli("history", "--format", "csv", home=home))
    header, first = csv_text.splitlines()[:2]
    assert header.endswith(",thigh_cm,calf_cm,waist_cm,hips_cm")
    assert first.endswith(",55.5,36.0,79.5,96.0")


def test_progress_json_after_a_month_of_weights(home: Path) -> None:
    # A straight trend 70 → falling 0.05 kg a day: wₙ = Tₙ₋₁ − 0.5 (see the domain tests)
    first = TODAY - timedelta(days=33)
    weights = {first: 70.0}
    for n in range(1, 34):
        weights[first + timedelta(days=n)] = 70.0 - 0.05 * (n - 1) - 0.5
    weigh(home, weights)
    repo = open_repository(home, today=lambda: TODAY)
    repo.log_day(TODAY - timedelta(days=30), {"thigh_cm": 56.0, "calf_cm": 37.0})
    repo.log_day(TODAY - timedelta(days=2), {"thigh_cm": 55.25})
    repo.close()
    data: dict[str, Any] = json.loads(ok(today_cli("progress", home=home)))
    assert list(data) == ["weights", "rate_kg_per_week", "expected_kg_per_week", "check",
                          "suggested_deficit_kcal", "legs"]
    assert len(data["weights"]) == 34
    assert data["weights"][0] == {"date": first.isoformat(), "weight_kg": 70.0,
                                  "trend_kg": 70.0}
    assert data["weights"][-1]["trend_kg"] == 68.35  # 70 − 0.05 × 33
    assert data["rate_kg_per_week"] == -0.35
    assert data["expected_kg_per_week"] == -0.27  # −7 × 300 ÷ 7700, no floor for the demo
    assert (data["check"], data["suggested_deficit_kcal"]) == ("on_track", None)
    assert data["legs"] == {
        "thigh_cm": {"first": 56.0, "latest": 55.25, "change_4_weeks": -0.75},
        "calf_cm": {"first": 37.0, "latest": 37.0, "change_4_weeks": 0.0}}
    text = ok(today_cli("progress", "--format", "text", home=home))
    assert "losing 0.35 kg a week; your plan expects 0.27 — on track" in text
    assert "Thigh: first 56.00 cm, latest 55.25 cm" in text
    assert json.loads(ok(today_cli("offers", home=home))) == {"offers": []}
    out = home.parent / "plan.pdf"
    ok(today_cli("export", "plan-pdf", "--out", str(out), home=home))
    cover = squash(reader(out.read_bytes()).pages[0].extract_text())
    assert squash("losing 0.35 kg a week; your plan expects 0.27 — on track") in cover


def test_the_deficit_offer_is_listed_accepted_and_dismissed(home: Path) -> None:
    weigh(home, {TODAY - timedelta(days=i): 64.0 for i in range(28)})
    offers = json.loads(ok(today_cli("offers", home=home)))["offers"]
    deficit = [o for o in offers if o["kind"] == "deficit"]
    assert len(deficit) == 1
    offer = deficit[0]
    assert offer["id"] == "deficit-400" and offer["date"] == TODAY.isoformat()
    assert offer["replaces"] is None and offer["offered"] == {"deficit_kcal": 400}
    assert "holds steady" in offer["reason"]
    before = snapshot(home)
    refused(today_cli("offers", "--accept", "deficit-999", home=home), "deficit-999")
    refused(today_cli("offers", "--dismiss", "easier-2026-12-21", home=home), "no open offer")
    assert snapshot(home) == before
    assert "400" in ok(today_cli("offers", "--accept", "deficit-400", home=home))
    assert json.loads(ok(run_cli("profile", home=home)))["deficit_kcal"] == 400
    progress = json.loads(ok(today_cli("progress", home=home)))
    assert (progress["check"], progress["suggested_deficit_kcal"]) == ("too_slow", 500)
    ok(today_cli("offers", "--dismiss", "deficit-500", home=home))
    assert json.loads(ok(today_cli("offers", home=home))) == {"offers": []}
    assert json.loads(ok(run_cli("profile", home=home)))["deficit_kcal"] == 400


def test_progress_before_enough_data(home: Path) -> None:
    weigh(home, {TODAY: 64.0})
    data = json.loads(ok(today_cli("progress", home=home)))
    assert data["weights"] == [{"date": TODAY.isoformat(), "weight_kg": 64.0,
                                "trend_kg": 64.0}]
    assert (data["rate_kg_per_week"], data["check"], data["suggested_deficit_kcal"]) == (
        None, "not_enough_data", None)
    assert "Not enough data yet" in ok(today_cli("progress", "--format", "text", home=home))
