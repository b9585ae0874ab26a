"""JSON backup and restore: a round trip keeps everything, and any wrong part of a backup
file is refused with nothing written."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core import clock
from core.app.planning import move, set_minutes
from core.checkin import CheckIn, Outcome
from core.store import Repository, open_repository
from core.store import backup as backup_module
from core.store.backup import BadBackup
from tests.store.helpers import FIRST_MONDAY, TODAY, repo_with_profile


def filled(folder: Path) -> Repository:
    repo = repo_with_profile(folder)
    move(repo, FIRST_MONDAY, FIRST_MONDAY + timedelta(days=2))
    set_minutes(repo, FIRST_MONDAY + timedelta(days=1), 52)
    repo.save_checkin(CheckIn(date=FIRST_MONDAY, sleep_hours=6.5, sleep_quality=2,
                              warmup_done=True, stretch_done=True, foam_roll=("quads",),
                              water_met=True, weight_kg=63.9))
    repo.save_checkin(CheckIn(date=TODAY, sleep_hours=9.0))
    repo.save_outcome(Outcome(date=FIRST_MONDAY + timedelta(days=1), status="done",
                              minutes=50, rpe=8))
    repo.save_outcome(Outcome(date=FIRST_MONDAY + timedelta(days=4), status="skipped"))
    repo.dismiss_offer(FIRST_MONDAY + timedelta(days=4))
    repo.set_setting("paper", "letter")
    return repo


def everything(repo: Repository) -> tuple[Any, ...]:
    far = FIRST_MONDAY + timedelta(days=400)
    return (repo.profile(), repo.is_demo(), repo.plan(), repo.checkins(TODAY, far),
            repo.outcomes(TODAY, far), repo.history(None, None), repo.dismissed_offers(),
            repo.setting("paper"))


def test_round_trip_keeps_everything(tmp_path: Path) -> None:
    source = filled(tmp_path / "a")
    out = tmp_path / "backup.json"
    source.backup_to(out)
    assert out.stat().st_mode & 0o777 == 0o600
    target = open_repository(tmp_path / "b", today=clock.today)
    target.save_checkin(CheckIn(date=TODAY - timedelta(days=100), sleep_hours=5.0))
    change = target.restore_from(out)
    assert change.everything
    assert everything(target) == everything(source)
    assert target.checkin(TODAY - timedelta(days=100)) is None  # replaced, not merged


def test_backup_of_nothing_is_refused(tmp_path: Path) -> None:
    with pytest.raises(Exception, match="nothing to back up"):
        open_repository(tmp_path / "none", today=clock.today).backup_to(tmp_path / "out.json")
    assert not (tmp_path / "out.json").exists() and not (tmp_path / "none").exists()


def _backup(tmp_path: Path) -> dict[str, Any]:
    repo = filled(tmp_path / "src")
    repo.backup_to(tmp_path / "good.json")
    data: dict[str, Any] = json.loads((tmp_path / "good.json").read_text(encoding="utf-8"))
    return data


BREAKS = {
    "sleep over 24 h": (lambda d: d["checkins"][0].update(sleep_hours=24.5), "sleep_hours"),
    "quality 0": (lambda d: d["checkins"][0].update(sleep_quality=0), "sleep_quality"),
    "quality as text": (lambda d: d["checkins"][0].update(sleep_quality="4"), "sleep_quality"),
    "unknown area": (lambda d: d["checkins"][0].update(foam_roll=["back"]), "foam_roll"),
    "weight 30": (lambda d: d["checkins"][0].update(weight_kg=30), "weight_kg"),
    "bool as number": (lambda d: d["checkins"][0].update(water_met=1), "water_met"),
    "minutes 601": (lambda d: d["outcomes"][0].update(minutes=601), "minutes"),
    "rpe 11": (lambda d: d["outcomes"][0].update(rpe=11), "rpe"),
    "status": (lambda d: d["outcomes"][0].update(status="maybe"), "status"),
    "not a real date": (lambda d: d["checkins"][0].update(date="2026-02-30"), "date"),
    "twice the same day": (lambda d: d["checkins"].append(dict(d["checkins"][0])), "twice"),
    "height 300": (lambda d: d["profile"].update(height_cm=300), "height_cm"),
    "protein 2.5": (lambda d: d["profile"].update(protein_g_per_kg=2.5), "protein_g_per_kg"),
    "session minutes": (lambda d: d["plan"]["weeks"][1]["sessions"][2].update(minutes=-5),
                        "minutes"),
    "session kind": (lambda d: d["plan"]["weeks"][0]["sessions"][0].update(kind="nap"),
                     "kind"),
    "week short a day": (lambda d: d["plan"]["weeks"][2]["sessions"].pop(), "each day"),
    "plan on a Tuesday": (lambda d: d["plan"].update(start="2026-11-24"), "Monday"),
    "outcome without session": (lambda d: d["outcomes"][0].update(date="2020-01-01"),
                                "no planned session"),
    "unknown field": (lambda d: d.update(extra=1), "unknown field"),
    "other format": (lambda d: d.update(format="something-else"), "format"),
    "newer version": (lambda d: d.update(version=2), "version"),
    "settings not text": (lambda d: d["settings"].update(paper=3), "settings.paper"),
}


@pytest.mark.parametrize("name", sorted(BREAKS))
def test_a_wrong_part_refuses_the_whole_file(name: str, tmp_path: Path) -> None:
    data = _backup(tmp_path)
    breaker, words = BREAKS[name]
    breaker(data)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    target = filled(tmp_path / "target")
    before = everything(target)
    with pytest.raises(ValueError, match=words):
        target.restore_from(bad)
    assert everything(target) == before


def test_not_json_and_missing_file_are_refused(tmp_path: Path) -> None:
    target = filled(tmp_path / "t")
    (tmp_path / "cut.json").write_text('{"format": "runner-legs-backup", "ver', "utf-8")
    with pytest.raises(BadBackup, match="not valid JSON"):
        target.restore_from(tmp_path / "cut.json")
    with pytest.raises(ValueError, match="not found"):
        target.restore_from(tmp_path / "missing.json")


def _leaves(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in _leaves(v, (*path, k))]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in _leaves(v, (*path, i))]
    return [path]


JUNK = st.one_of(st.none(), st.booleans(), st.integers(-1000, 1000),
                 st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=12))


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pick=st.integers(min_value=0), junk=JUNK)
def test_any_changed_value_restores_valid_data_or_nothing(pick: int, junk: Any,
                                                          tmp_path: Path) -> None:
    good = tmp_path / "good.json"
    if not good.exists():
        _backup(tmp_path)
    data = json.loads(good.read_text(encoding="utf-8"))
    leaves = [p for p in _leaves(data) if p[0] not in ("created",)]
    path = leaves[pick % len(leaves)]
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = junk
    bad = tmp_path / "changed.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    target = open_repository(tmp_path / f"t{pick}-{abs(hash(repr(junk))) % 10_000}",
                             today=clock.today)
    target.save_checkin(CheckIn(date=TODAY, sleep_hours=1.0))
    try:
        target.restore_from(bad)
    except ValueError:
        assert target.history(None, None)[0]["sleep_hours"] == 1.0  # untouched
        return
    # Accepted: every stored value is back inside its range.
    for c in target.checkins(TODAY - timedelta(days=3650), TODAY + timedelta(days=3650)):
        assert c.sleep_hours is None or 0 <= c.sleep_hours <= 24
        assert c.weight_kg is None or 35 <= c.weight_kg <= 250
    for o in target.outcomes(TODAY - timedelta(days=3650), TODAY + timedelta(days=3650)):
        assert o.status in ("done", "skipped")
        assert o.minutes is None or 0 <= o.minutes <= 600
    plan = target.plan()
    assert plan is None or all(0 <= s.minutes <= 600 for s in plan.sessions())
    target.close()


def test_restore_is_one_transaction(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _backup(tmp_path)
    target = filled(tmp_path / "t")
    target.set_setting("paper", "a4")
    before = everything(target)

    def fail(*args: Any) -> None:
        raise OSError("disk full")

    # The plan is written after the old rows are deleted: failing there must undo it all.
    monkeypatch.setattr(backup_module, "write_plan", fail)
    with pytest.raises(OSError):
        target.restore_from(tmp_path / "good.json")
    monkeypatch.undo()
    assert everything(target) == before


def test_a_restore_keeps_this_machines_calendar_feed(tmp_path: Path) -> None:
    from core.app.exports import FEED_SETTING
    from core.store.backup import MACHINE_SETTINGS

    assert FEED_SETTING in MACHINE_SETTINGS
    source = repo_with_profile(tmp_path / "a")
    source.set_setting(FEED_SETTING, "/elsewhere/plan.ics")
    source.set_setting("paper", "letter")
    backup = tmp_path / "b.json"
    source.backup_to(backup)
    target = repo_with_profile(tmp_path / "c")
    target.set_setting(FEED_SETTING, "/here/plan.ics")
    target.restore_from(backup)
    assert target.setting(FEED_SETTING) == "/here/plan.ics"
    assert target.setting("paper") == "letter"
    source.close()
    target.close()
