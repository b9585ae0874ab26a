"""``runner-legs plan`` and ``targets`` through a subprocess (SPEC §7)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.profile import DEMO
from tests.cli.helpers import run_cli


def write_profile(tmp_path: Path, **fields: object) -> Path:
    data = {**DEMO, **fields}
    path = tmp_path / "me.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_plan_demo_json_has_the_contract_shape() -> None:
    result = run_cli("plan", "--demo", "--start", "2026-11-25", "--weeks", "4")
    assert result.returncode == 0, result.stderr
    plan = json.loads(result.stdout)
    assert plan["start"] == "2026-11-30"  # snapped to the Monday on or after
    assert [w["index"] for w in plan["weeks"]] == [1, 2, 3, 4]
    for week in plan["weeks"]:
        assert len(week["sessions"]) == 7
        runs = sum(s["minutes"] for s in week["sessions"]
                   if s["kind"] in ("long_run", "easy_run", "hiit", "tempo", "hills"))
        assert week["run_minutes"] == runs
        for s in week["sessions"]:
            assert set(s) == {"date", "kind", "title", "minutes", "hard", "why", "details"}
            if s["kind"] == "hills":
                assert isinstance(s["details"]["repeats"], int)
            if s["kind"] == "hiit":
                assert set(s["details"]["intervals"]) == {"work_s", "recovery_s", "rounds"}
            if s["kind"] == "strength":
                assert all(set(e) == {"name", "sets", "reps"}
                           for e in s["details"]["exercises"])
            if s["kind"] == "rest":
                assert s["minutes"] == 0


def test_plan_default_start_is_next_monday_and_twelve_weeks() -> None:
    result = run_cli("plan", "--demo", today="2026-11-20")  # a Friday
    plan = json.loads(result.stdout)
    assert plan["start"] == "2026-11-23"
    assert len(plan["weeks"]) == 12


def test_plan_text_reads_as_a_week_table() -> None:
    result = run_cli("plan", "--demo", "--format", "text", "--weeks", "4")
    assert result.returncode == 0, result.stderr
    assert "Week 1 · Mon 23 Nov – Sun 29 Nov" in result.stdout
    for word in ("Strength A", "Long run", "HIIT", "Rest", "min running"):
        assert word in result.stdout


def test_plan_from_profile_file(tmp_path: Path) -> None:
    path = write_profile(tmp_path, level="advanced", weekly_run_minutes=200)
    result = run_cli("plan", "--profile", str(path), "--weeks", "6")
    assert result.returncode == 0, result.stderr
    plan = json.loads(result.stdout)
    assert len(plan["weeks"]) == 6
    assert plan["weeks"][0]["run_minutes"] <= 220  # rule 5: ≤ 110 % of 200


@pytest.mark.parametrize(("args", "named"), [
    (("--weeks", "3"), "--weeks"),
    (("--weeks", "25"), "--weeks"),
    (("--start", "2026-02-30"), "--start"),
    (("--format", "xml"), "--format"),
    (("--start", "9999-12-30"), "no Monday on or after 9999-12-30"),
    (("--start", "9999-12-27"), "birth_date"),  # the demo runner would be 8005
])
def test_bad_plan_options_exit_2_with_one_line(args: tuple[str, ...], named: str) -> None:
    result = run_cli("plan", "--demo", *args)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and named in lines[0]
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_invalid_profile_file_names_the_field(tmp_path: Path) -> None:
    path = write_profile(tmp_path, weight_kg=-5)
    result = run_cli("plan", "--profile", str(path))
    assert result.returncode == 2
    assert result.stderr.strip().endswith("weight_kg must be 35–250 kg, got -5")


def test_profile_file_that_is_not_json(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text("{name: ", encoding="utf-8")
    result = run_cli("plan", "--profile", str(path))
    assert result.returncode == 2 and "not valid JSON" in result.stderr


def test_missing_profile_file(tmp_path: Path) -> None:
    result = run_cli("plan", "--profile", str(tmp_path / "nope.json"))
    assert result.returncode == 2 and "not found" in result.stderr


def test_too_young_at_plan_start_is_refused(tmp_path: Path) -> None:
    path = write_profile(tmp_path, birth_date="2011-01-01")
    result = run_cli("plan", "--profile", str(path), "--start", "2026-11-23")
    assert result.returncode == 2 and "birth_date" in result.stderr


def test_profile_and_demo_do_not_touch_stored_data(tmp_path: Path) -> None:
    home = tmp_path / "home"
    result = run_cli("plan", "--demo", home=home)
    assert result.returncode == 0
    assert not home.exists()


def test_targets_for_a_long_run_day_by_hand() -> None:
    # Demo: female, 64 kg, 168 cm, born 1994-05-14 -> 32 on 2026-11-24, light, deficit 300.
    plan = json.loads(run_cli("plan", "--demo").stdout)
    tuesday = plan["weeks"][0]["sessions"][1]
    assert tuesday["kind"] == "long_run"
    minutes = tuesday["minutes"]
    result = run_cli("targets", "--demo", "--date", "2026-11-24")
    assert result.returncode == 0, result.stderr
    t = json.loads(result.stdout)
    bmr = 10 * 64 + 6.25 * 168 - 5 * 32 - 161
    kcal = bmr * 1.3 + (8.3 - 1) * 64 * minutes / 60 - 300
    water = 64 * 2.20462 / 2 * 29.5735 + 500 * minutes / 60
    assert t["bmr"] == round(bmr)
    assert abs(t["kcal"] - kcal) <= 1
    assert t["protein_g"] == round(1.8 * 64)
    assert abs(t["fat_g"] - kcal * 0.25 / 9) <= 1
    assert abs(t["water_ml"] - water) <= 1
    assert t["session_kind"] == "long_run"
    assert set(t) == {"date", "bmr", "kcal", "protein_g", "fat_g", "carbs_g", "water_ml",
                      "electrolytes", "session_kind", "notes", "warnings"}
    assert any("before" in n for n in t["notes"])


def test_targets_default_to_today() -> None:
    result = run_cli("targets", "--demo", today="2026-11-29")
    t = json.loads(result.stdout)
    assert t["date"] == "2026-11-29"
    assert t["session_kind"] == "rest"


def test_targets_text_format() -> None:
    result = run_cli("targets", "--demo", "--date", "2026-11-24", "--format", "text")
    assert result.returncode == 0
    assert "Calories" in result.stdout and "Protein" in result.stdout


def test_targets_bad_date() -> None:
    result = run_cli("targets", "--demo", "--date", "yesterday")
    assert result.returncode == 2 and "--date" in result.stderr


def test_without_a_saved_profile_the_message_says_what_to_do(tmp_path: Path) -> None:
    result = run_cli("plan", home=tmp_path / "empty")
    assert result.returncode == 2
    assert "--demo" in result.stderr


def test_weeks_or_start_with_the_saved_profile_says_the_stored_plan_is_not_shown(
        tmp_path: Path) -> None:
    home = tmp_path / "home"
    saved = run_cli("profile", "--set", str(write_profile(tmp_path)), home=home)
    assert saved.returncode == 0, saved.stderr
    stored = run_cli("plan", home=home)
    assert stored.returncode == 0 and stored.stderr == ""
    # The stored plan's own start and length are the stored plan: no note.
    same = run_cli("plan", "--start", "2026-11-23", "--weeks", "12", home=home)
    assert same.returncode == 0 and same.stderr == "" and same.stdout == stored.stdout
    for args in (("--weeks", "8"), ("--start", "2026-12-07")):
        fresh = run_cli("plan", *args, home=home)
        assert fresh.returncode == 0, fresh.stderr
        note = fresh.stderr.strip().splitlines()
        assert len(note) == 1 and note[0].startswith("note: --weeks/--start build a fresh plan")
        assert "not shown" in note[0] and json.loads(fresh.stdout)["weeks"]


def test_targets_outside_the_plan_note_that_it_is_a_rest_day(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert run_cli("profile", "--set", str(write_profile(tmp_path)), home=home).returncode == 0
    before = run_cli("targets", "--date", "2026-11-21", home=home)
    assert before.returncode == 0, before.stderr
    t = json.loads(before.stdout)
    assert t["session_kind"] == "rest"
    assert ("2026-11-21 is outside the plan (2026-11-23 to 2027-02-14): targets for a rest "
            "day") in t["notes"]
    assert t["warnings"] == []  # warnings are for the floors and carbs held at 0 (SPEC §4)
    inside = json.loads(run_cli("targets", "--date", "2026-11-24", home=home).stdout)
    assert not any("outside the plan" in n for n in inside["notes"] + inside["warnings"])
    text = run_cli("targets", "--demo", "--date", "2030-01-01", "--format", "text")
    assert text.returncode == 0 and "outside the plan" in text.stdout


@pytest.mark.parametrize(("args", "named"), [
    (("targets", "--demo", "--date", "9999-12-31"), "no Monday on or after 9999-12-31"),
    (("targets", "--demo", "--date", "2100-01-01"), "the runner is 105"),
    (("plan", "--profile", "{file}", "--start", "9999-12-20"), "would end after 9999-12-31"),
])
def test_a_day_that_cannot_be_in_a_plan_exits_2(tmp_path: Path, args: tuple[str, ...],
                                                named: str) -> None:
    young = write_profile(tmp_path, birth_date="9960-01-01")
    result = run_cli(*(str(young) if a == "{file}" else a for a in args))
    assert (result.returncode, result.stdout) == (2, "")
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and named in lines[0] and "Traceback" not in result.stderr


def test_plan_json_holds_the_notes_for_a_trained_runner(tmp_path: Path) -> None:
    runner = write_profile(tmp_path, level="advanced", weekly_run_minutes=600)
    plan = json.loads(run_cli("plan", "--profile", str(runner), "--start", "2027-01-04").stdout)
    week1 = plan["weeks"][0]["run_minutes"]
    assert plan["notes"] == [
        f"Week 1 runs {week1} min, less than the 600 min a week you run now: keep the other "
        f"{600 - week1} min as easy running, and let the plan's hard sessions build from there."]
    demo = json.loads(run_cli("plan", "--demo", "--start", "2027-01-04").stdout)
    assert demo["notes"] == []
    text = run_cli("plan", "--profile", str(runner), "--start", "2027-01-04",
                   "--format", "text").stdout
    assert f"Note: Week 1 runs {week1} min, less than the 600 min" in text
