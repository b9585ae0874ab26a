"""FIT workout files: what a watch reads back, checked with Garmin's own decoder and with an
independent one (fitdecode), for every run session of whole plans."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import fitdecode
import pytest
from garmin_fit_sdk import Decoder, Stream

from core.export import fit_sdk
from core.export.fit_workout import week_workouts, workout_fit, write_week_workouts
from core.plan import Plan, Session
from core.planner import build_plan
from core.profile import DEMO, profile_from_dict
from core.workout import HILL_BUDGET_S, workout_for
from tests.export.conftest import START

CREATED = datetime(2025, 1, 1, 8, 30, tzinfo=UTC)
# (name, intensity, duration type, seconds or None, repeat: (back to index, times) or None)
Row = tuple[Any, Any, str, float | None, tuple[int, int] | None]


def step_row(m: dict[str, Any]) -> Row:
    """One decoded workout step, named the same by both decoders."""
    if m["duration_type"] == "repeat_until_steps_cmplt":
        return (None, None, m["duration_type"], None, (m["duration_step"], m["repeat_steps"]))
    return (m["wkt_step_name"], m["intensity"], m["duration_type"], m.get("duration_time"), None)


def garmin_rows(data: bytes) -> tuple[dict[str, Any], dict[str, Any], list[Row]]:
    stream = Stream.from_byte_array(bytearray(data))
    assert Decoder(stream).is_fit()
    messages, errors = Decoder(Stream.from_byte_array(bytearray(data))).read()
    assert errors == []
    rows = [step_row(m) for m in messages["workout_step_mesgs"]]
    return messages["file_id_mesgs"][0], messages["workout_mesgs"][0], rows


def fitdecode_rows(data: bytes) -> tuple[dict[str, Any], dict[str, Any], list[Row]]:
    found: dict[str, list[dict[str, Any]]] = {}
    with fitdecode.FitReader(io.BytesIO(data), check_crc=fitdecode.CrcCheck.ENABLED) as fit:
        for frame in fit:
            if isinstance(frame, fitdecode.FitDataMessage):
                found.setdefault(frame.name, []).append(
                    {f.name: f.value for f in frame.fields})
    rows = [step_row(m) for m in found["workout_step"]]
    return found["file_id"][0], found["workout"][0], rows


def timed_sum(rows: list[Row]) -> float:
    """Seconds of the timed steps, a repeat's steps counted once per round."""
    total = 0.0
    for i, row in enumerate(rows):
        if row[4] is not None:
            back, times = row[4]
            total += (times - 1) * sum(r[3] or 0 for r in rows[back:i])
        else:
            total += row[3] or 0
    return total


def plans() -> list[Plan]:
    out = []
    for level, minutes in (("beginner", 60), ("intermediate", 150), ("advanced", 240)):
        profile = profile_from_dict({**DEMO, "level": level, "weekly_run_minutes": minutes})
        out.append(build_plan(profile, START, 12))
    return out


def decoded(session: Session) -> tuple[dict[str, Any], dict[str, Any], list[Row]]:
    data = workout_fit(workout_for(session), CREATED)
    ours = garmin_rows(data)
    theirs = fitdecode_rows(data)
    assert ours[2] == theirs[2]
    assert ours[1]["wkt_name"] == theirs[1]["wkt_name"]
    return ours


@pytest.mark.parametrize("plan", plans(), ids=["beginner", "intermediate", "advanced"])
def test_every_run_of_a_plan_adds_up_to_its_minutes(plan: Plan) -> None:
    kinds = set()
    for session in plan.sessions():
        if not session.is_run:
            continue
        kinds.add(session.kind)
        file_id, workout, rows = decoded(session)
        assert file_id["type"] == "workout"
        assert workout["sport"] == "running" and workout["wkt_name"] == session.title
        assert workout["num_valid_steps"] == len(rows)
        assert rows[0][:2] == ("Warm-up", "warmup") and rows[-1][:2] == ("Cool-down", "cooldown")
        repeats = session.details.get("repeats", 0) if session.kind == "hills" else 0
        assert timed_sum(rows) + repeats * HILL_BUDGET_S == session.minutes * 60, session
    assert {"long_run", "hiit"} <= kinds


def first(plan: Plan, kind: str) -> Session:
    return next(s for s in plan.sessions() if s.kind == kind)


def test_hiit_is_work_and_recovery_repeated_rounds_times() -> None:
    session = first(plans()[1], "hiit")
    iv = session.details["intervals"]
    _, _, rows = decoded(session)
    assert [r[:4] for r in rows[1:3]] == [("Work", "active", "time", iv["work_s"]),
                                          ("Recover", "recovery", "time", iv["recovery_s"])]
    assert rows[3][2:] == ("repeat_until_steps_cmplt", None, (1, iv["rounds"]))
    assert len(rows) == 5
    warm, cool = rows[0][3], rows[4][3]
    assert warm + cool + iv["rounds"] * (iv["work_s"] + iv["recovery_s"]) \
        == session.minutes * 60


def test_hills_are_lap_button_repeats_and_the_edges_take_the_rest() -> None:
    session = first(plans()[1], "hills")
    repeats = session.details["repeats"]
    _, _, rows = decoded(session)
    assert rows[1] == ("Uphill hard", "active", "open", None, None)
    assert rows[2] == ("Jog down", "recovery", "open", None, None)
    assert rows[3][4] == (1, repeats)
    assert rows[0][3] + rows[4][3] == session.minutes * 60 - repeats * 60


def test_tempo_is_one_timed_step_between_warm_up_and_cool_down() -> None:
    session = first(plans()[2], "tempo")
    _, _, rows = decoded(session)
    assert [r[:3] for r in rows] == [("Warm-up", "warmup", "time"), ("Tempo", "active", "time"),
                                     ("Cool-down", "cooldown", "time")]
    assert sum(r[3] or 0 for r in rows) == session.minutes * 60


def test_run_walk_is_run_and_walk_repeated() -> None:
    long_run = replace(first(plans()[0], "long_run"), minutes=30,
                       details={"run_walk": {"run_s": 60, "walk_s": 90, "rounds": 8}})
    _, _, rows = decoded(long_run)
    assert rows[1] == ("Run", "active", "time", 60, None)
    assert rows[2] == ("Walk", "recovery", "time", 90, None)
    assert rows[3][4] == (1, 8)
    assert timed_sum(rows) == 30 * 60 and rows[0][3] + rows[4][3] == 30 * 60 - 8 * 150


def test_minutes_edited_below_the_intervals_keep_the_sum_with_fewer_rounds() -> None:
    session = replace(first(plans()[1], "hiit"), minutes=8,
                      details={"intervals": {"work_s": 60, "recovery_s": 120, "rounds": 8}})
    _, _, rows = decoded(session)
    assert rows[3][4] == (1, 2)  # 2 × 3 min fit in 8 min beside 1 min warm-up and cool-down
    assert timed_sum(rows) == 8 * 60


def test_strength_and_rest_have_no_workout() -> None:
    with pytest.raises(ValueError, match="strength"):
        workout_for(first(plans()[0], "strength"))


def test_a_week_writes_one_named_file_per_run_into_a_new_folder(tmp_path: Path) -> None:
    week = plans()[1].weeks[3]
    out = tmp_path / "watch" / "NewFiles"
    paths = write_week_workouts(out, week, CREATED)
    runs = sorted((s for s in week.sessions if s.is_run), key=lambda s: s.date)
    assert len(runs) >= 2
    assert [p.name for p in paths] == [f"{s.date.isoformat()}-{s.kind}.fit" for s in runs]
    assert all(p.parent == out for p in paths)
    names = [fitdecode_rows(p.read_bytes())[1]["wkt_name"] for p in paths]
    assert names == [w.name for w in week_workouts(week)]


def test_a_long_unicode_title_is_cut_on_a_character() -> None:
    session = replace(first(plans()[0], "long_run"), title="Lång løp " + "ü" * 80)
    _, workout, _ = decoded(session)
    assert workout["wkt_name"].startswith("Lång løp ü") and len(workout["wkt_name"]) < 60


def test_the_installed_sdk_is_the_checked_major_version() -> None:
    import garmin_fit_sdk

    assert garmin_fit_sdk.__version__.split(".")[0] == str(fit_sdk.SUPPORTED_MAJOR)


def test_another_sdk_major_version_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    import garmin_fit_sdk

    monkeypatch.setattr(garmin_fit_sdk, "__version__", "22.0.0")
    with pytest.raises(fit_sdk.FitSdkMismatch, match="22.0.0"):
        workout_fit(workout_for(first(plans()[0], "long_run")), CREATED)


def test_the_created_time_is_written(tmp_path: Path) -> None:
    file_id, _, _ = fitdecode_rows(workout_fit(workout_for(first(plans()[0], "long_run")),
                                               CREATED))
    assert file_id["time_created"] == CREATED
    assert date(2025, 1, 1) == file_id["time_created"].date()
