"""Measurements in the store: saved, refused out of range, carried by backups; the
energy-balance offer accepted (profile saved, plan untouched), set back, and dismissed."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from core.app.measuring import (
    accept_deficit_offer,
    dismiss_deficit_offer,
    open_deficit_offer,
    progress_report,
)
from core.checkin import CheckIn
from core.profile import ProfileError
from core.store import Repository, open_repository
from core.store.backup import BadBackup
from tests.store.helpers import FIRST_MONDAY, repo_with_profile

TODAY = FIRST_MONDAY + timedelta(days=29)


def weigh(repo: Repository, days: int, kg: float, end: date = TODAY) -> None:
    for i in range(days):
        repo.log_day(end - timedelta(days=i), {"weight_kg": kg})


def test_measurements_are_saved_and_out_of_range_refused(tmp_path: Path) -> None:
    repo = repo_with_profile(tmp_path)
    day = FIRST_MONDAY
    repo.log_day(day, {"thigh_cm": 56.0, "calf_cm": 37.5})
    repo.log_day(day, {"waist_cm": 79.0})
    c = repo.checkin(day)
    assert c is not None and (c.thigh_cm, c.calf_cm, c.waist_cm, c.hips_cm) == (
        56.0, 37.5, 79.0, None)
    with pytest.raises(ProfileError) as err:
        repo.log_day(day, {"calf_cm": 71.0, "sleep_hours": 8.0})
    assert (err.value.field, err.value.value) == ("calf_cm", 71.0)
    assert str(err.value) == "calf_cm must be 15–70 cm, got 71"
    assert repo.checkin(day) == c  # nothing of the refused log was written
    with pytest.raises(ProfileError, match="hips_cm must be 50–200 cm"):
        repo.save_checkin(CheckIn(day, hips_cm=49.0))


def test_backup_carries_measurements_and_a_declined_deficit_offer(tmp_path: Path) -> None:
    source = repo_with_profile(tmp_path / "a")
    weigh(source, 28, 64.0)
    source.log_day(FIRST_MONDAY, {"thigh_cm": 56.0, "hips_cm": 97.0})
    offer = open_deficit_offer(source, TODAY)
    assert offer is not None
    dismiss_deficit_offer(source, offer.id, TODAY)
    out = tmp_path / "backup.json"
    source.backup_to(out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["dismissed_deficit_offers"] == [{"date": TODAY.isoformat(),
                                                 "verdict": "too_slow"}]
    first = next(c for c in data["checkins"] if c["date"] == FIRST_MONDAY.isoformat())
    assert (first["thigh_cm"], first["calf_cm"], first["hips_cm"]) == (56.0, None, 97.0)
    target = open_repository(tmp_path / "b", today=lambda: TODAY)
    target.restore_from(out)
    assert target.checkin(FIRST_MONDAY) == source.checkin(FIRST_MONDAY)
    assert open_deficit_offer(target, TODAY) is None  # still declined after the restore
    # a measurement out of range in a backup is refused, naming where
    first["thigh_cm"] = 120
    out.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(BadBackup, match=r"checkins\[\d+\]\.thigh_cm must be 20–100 cm"):
        target.restore_from(out)


def test_accepting_the_deficit_offer_saves_the_profile_and_keeps_the_plan(
        tmp_path: Path) -> None:
    repo = repo_with_profile(tmp_path)
    weigh(repo, 28, 64.0)  # a flat trend against a 300 kcal deficit: too slow
    report = progress_report(repo, TODAY)
    assert report is not None and report.check == "too_slow"
    assert report.rate_kg_per_week == pytest.approx(0.0)
    offer = open_deficit_offer(repo, TODAY)
    assert offer is not None and (offer.id, offer.current, offer.suggested) == (
        "deficit-400", 300, 400)
    plan = repo.plan()
    with pytest.raises(ValueError, match="no open offer with id deficit-999"):
        accept_deficit_offer(repo, "deficit-999", TODAY)
    change = accept_deficit_offer(repo, offer.id, TODAY)
    assert change.profile and not change.plan
    assert repo.profile().deficit_kcal == 400  # type: ignore[union-attr]
    assert repo.plan() == plan
    # the next offer asks for 500; setting the deficit back (undo) offers 400 again
    nxt = open_deficit_offer(repo, TODAY)
    assert nxt is not None and nxt.suggested == 500
    repo.set_deficit(300)
    assert repo.profile().deficit_kcal == 300  # type: ignore[union-attr]
    assert open_deficit_offer(repo, TODAY) == offer


def test_a_dismissed_offer_returns_when_the_verdict_changes(tmp_path: Path) -> None:
    repo = repo_with_profile(tmp_path)
    weigh(repo, 28, 64.0)
    offer = open_deficit_offer(repo, TODAY)
    assert offer is not None
    dismiss_deficit_offer(repo, offer.id, TODAY)
    assert open_deficit_offer(repo, TODAY) is None
    assert open_deficit_offer(repo, TODAY + timedelta(days=1)) is None  # same verdict next day
    with pytest.raises(ValueError):
        dismiss_deficit_offer(repo, offer.id, TODAY)
    # a drop of 4 kg: on track for a while, then too fast, then flat again (too slow)
    weights = [62.0, 60.0] + [60.0] * 53
    for i, kg in enumerate(weights):
        repo.log_day(TODAY + timedelta(days=i + 1), {"weight_kg": kg})
    assert progress_report(repo, TODAY + timedelta(days=4)).check == "on_track"  # type: ignore[union-attr]
    assert open_deficit_offer(repo, TODAY + timedelta(days=4)) is None
    fast_day = TODAY + timedelta(days=13)
    fast = open_deficit_offer(repo, fast_day)
    assert fast is not None and (fast.check, fast.suggested) == ("too_fast", 200)
    dismiss_deficit_offer(repo, fast.id, fast_day)
    assert open_deficit_offer(repo, fast_day + timedelta(days=7)) is None
    slow = open_deficit_offer(repo, TODAY + timedelta(days=52))  # too slow again: back, as new
    assert slow is not None and (slow.check, slow.suggested) == ("too_slow", 400)
