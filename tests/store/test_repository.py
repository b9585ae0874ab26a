"""The repository as the app and the command line use it: profile and plan, the user's
edits, check-ins, outcomes, history and change polling."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from core import clock
from core.app.planning import move, save_profile, set_minutes
from core.checkin import CheckIn, Outcome
from core.plan import Plan, monday_on_or_after
from core.planner import build_plan
from core.profile import ProfileError, demo_profile
from core.store import NoOutcome, open_repository
from tests.store.helpers import FIRST_MONDAY, TODAY, repo_with_profile


def test_reading_an_empty_folder_creates_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    repo = open_repository(folder, today=clock.today)
    assert repo.profile() is None and repo.plan() is None and not repo.is_demo()
    assert repo.history(None, None) == [] and repo.checkins(TODAY, TODAY) == []
    assert repo.dismissed_offers() == frozenset() and repo.setting("x") is None
    assert not folder.exists()


def test_first_save_stores_a_private_file_and_a_12_week_plan(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    repo = open_repository(folder, today=clock.today)
    change = save_profile(repo, demo_profile(), TODAY, demo=True)
    assert change.profile and change.plan
    assert repo.profile() == demo_profile() and repo.is_demo()
    plan = repo.plan()
    assert plan == build_plan(demo_profile(), FIRST_MONDAY, 12)
    assert repo.path.stat().st_mode & 0o777 == 0o600
    assert folder.stat().st_mode & 0o777 == 0o700


def test_saving_the_same_profile_changes_nothing(tmp_path: Path) -> None:
    repo = repo_with_profile(tmp_path)
    set_minutes(repo, FIRST_MONDAY, 44)  # a user edit survives saving the same profile
    before = repo.plan()
    change = save_profile(repo, demo_profile(), TODAY + timedelta(days=30))
    assert change.summary == "No changes" and change.is_empty
    assert repo.plan() == before


def test_age_is_checked_at_the_plan_start(tmp_path: Path) -> None:
    repo = open_repository(tmp_path, today=clock.today)
    # Turns 16 on Tue 24 Nov, so is still 15 on the plan's first Monday (23 Nov).
    young = demo_profile().with_changes(birth_date="2010-11-24")
    with pytest.raises(ProfileError, match="birth_date"):
        save_profile(repo, young, TODAY)
    assert repo.profile() is None


def test_changed_profile_rebuilds_from_next_monday_keeping_past_and_logged_days(
        tmp_path: Path) -> None:
    repo = repo_with_profile(tmp_path)
    old = repo.plan()
    assert old is not None
    later = date(2026, 12, 10)  # Thursday of week 3: rebuild from Mon 14 Dec
    rebuild_from = monday_on_or_after(later)
    logged_future = rebuild_from + timedelta(days=1)
    repo.save_checkin(CheckIn(date=logged_future, sleep_hours=8.0))
    new_profile = demo_profile().with_changes(strength_sessions=3, weekly_run_minutes=120,
                                              level="intermediate")
    change = save_profile(repo, new_profile, later)
    assert change.plan and "1 logged day kept" in change.summary
    plan = repo.plan()
    assert plan is not None
    assert plan.start == old.start and plan.end == old.end
    for s in old.sessions():
        if s.date < rebuild_from or s.date == logged_future:
            assert plan.session_on(s.date) == s
    # The regenerated weeks continue the plan that was kept (week numbers, volume, A/B).
    kept = Plan(start=old.start, weeks=old.weeks[:3])
    fresh = build_plan(new_profile, rebuild_from, len(old.weeks), {}, continue_from=kept)
    for s in fresh.sessions():
        if s.date != logged_future:
            assert plan.session_on(s.date) == s
    assert [w.index for w in plan.weeks] == list(range(1, len(plan.weeks) + 1))


def test_move_swaps_within_a_week_and_marks_both_edited(tmp_path: Path) -> None:
    repo = repo_with_profile(tmp_path)
    plan = repo.plan()
    assert plan is not None
    mon, wed = FIRST_MONDAY, FIRST_MONDAY + timedelta(days=2)
    a, b = plan.session_on(mon), plan.session_on(wed)
    assert a is not None and b is not None
    change = move(repo, mon, wed)
    assert change.days == {mon, wed}
    moved = repo.plan()
    assert moved is not None
    assert moved.session_on(wed) == replace(a, date=wed, edited=True)
    assert moved.session_on(mon) == replace(b, date=mon, edited=True)
    with pytest.raises(ValueError, match="within its week or to the week next to it"):
        move(repo, mon, mon + timedelta(days=14))
    with pytest.raises(ValueError, match="not in the plan"):
        move(repo, mon, mon - timedelta(days=1))
    assert repo.plan() == moved


def test_minutes_edit_is_kept_and_checked(tmp_path: Path) -> None:
    repo = repo_with_profile(tmp_path)
    day = FIRST_MONDAY + timedelta(days=1)
    set_minutes(repo, day, 55)
    session = repo.plan().session_on(day)  # type: ignore[union-attr]
    assert session is not None and session.minutes == 55 and session.edited
    for bad in (-1, 601, 2.5):
        with pytest.raises(ValueError, match="minutes"):
            set_minutes(repo, day, bad)  # type: ignore[arg-type]
    assert repo.plan().session_on(day).minutes == 55  # type: ignore[union-attr]


def test_replace_session_and_dismissed_offers(tmp_path: Path) -> None:
    repo = repo_with_profile(tmp_path)
    day = FIRST_MONDAY + timedelta(days=4)
    original = repo.plan().session_on(day)  # type: ignore[union-attr]
    assert original is not None
    easy = replace(original, kind="easy_run", title="Easy run", minutes=30, hard=False)
    repo.replace_session(easy)
    assert repo.plan().session_on(day) == easy  # type: ignore[union-attr]
    repo.replace_session(original)  # undo
    assert repo.plan().session_on(day) == original  # type: ignore[union-attr]
    repo.dismiss_offer(day)
    repo.dismiss_offer(day)
    assert repo.dismissed_offers() == frozenset({day})


def test_declined_offers_can_be_read_from_a_day_on(tmp_path: Path) -> None:
    repo = repo_with_profile(tmp_path)
    days = [FIRST_MONDAY + timedelta(days=n) for n in (1, 4, 8)]
    for d in days:
        repo.dismiss_offer(d)
    assert repo.dismissed_offers() == frozenset(days)
    assert repo.dismissed_offers(days[1]) == frozenset(days[1:])  # the day itself included
    assert repo.dismissed_offers(days[2] + timedelta(days=1)) == frozenset()


def test_checkin_ranges_are_refused_by_name_and_nothing_is_saved(tmp_path: Path) -> None:
    repo = repo_with_profile(tmp_path)
    bad = [("sleep_hours", 24.5), ("sleep_hours", -1.0), ("sleep_quality", 6),
           ("sleep_quality", 0), ("weight_kg", 34.9), ("weight_kg", 251.0),
           ("foam_roll", ("quads", "back")), ("sleep_hours", float("nan"))]
    for field_name, value in bad:
        with pytest.raises(ProfileError) as info:
            repo.save_checkin(CheckIn(date=TODAY, **{field_name: value}))
        assert info.value.field == field_name
    assert repo.checkin(TODAY) is None


def test_checkin_round_trip_and_empty_checkin_removes_the_day(tmp_path: Path) -> None:
    repo = repo_with_profile(tmp_path)
    c = CheckIn(date=TODAY, sleep_hours=7.25, sleep_quality=4, warmup_done=True,
                foam_roll=("calves", "quads"), water_met=True, weight_kg=63.4)
    repo.save_checkin(c)
    assert repo.checkin(TODAY) == replace(c, foam_roll=("quads", "calves"))
    repo.save_checkin(CheckIn(date=TODAY))
    assert repo.checkin(TODAY) is None and repo.history(None, None) == []


def test_outcome_needs_a_planned_session(tmp_path: Path) -> None:
    repo = repo_with_profile(tmp_path)
    with pytest.raises(ValueError, match="no planned session"):
        repo.save_outcome(Outcome(date=FIRST_MONDAY - timedelta(days=1), status="done"))
    with pytest.raises(ProfileError, match="rpe"):
        repo.save_outcome(Outcome(date=FIRST_MONDAY, status="done", rpe=11))
    repo.save_outcome(Outcome(date=FIRST_MONDAY, status="skipped"))
    assert repo.outcome(FIRST_MONDAY) == Outcome(date=FIRST_MONDAY, status="skipped")
    repo.clear_outcome(FIRST_MONDAY)
    assert repo.outcome(FIRST_MONDAY) is None


def test_log_day_merges_into_the_existing_day(tmp_path: Path) -> None:
    repo = repo_with_profile(tmp_path)
    day = FIRST_MONDAY + timedelta(days=1)
    repo.log_day(day, {"sleep_hours": 6.5, "foam_roll": ("glutes",)})
    repo.log_day(day, {"weight_kg": 64.2})
    assert repo.checkin(day) == CheckIn(date=day, sleep_hours=6.5, foam_roll=("glutes",),
                                        weight_kg=64.2)
    with pytest.raises(NoOutcome):
        repo.log_day(day, None, {"minutes": 30})
    repo.log_day(day, None, {"status": "done", "minutes": 45})
    repo.log_day(day, None, {"rpe": 7})
    assert repo.outcome(day) == Outcome(date=day, status="done", minutes=45, rpe=7)
    # A bad value in one part refuses the whole day.
    with pytest.raises(ProfileError):
        repo.log_day(day, {"sleep_hours": 3.0}, {"rpe": 12})
    assert repo.checkin(day).sleep_hours == 6.5  # type: ignore[union-attr]


def test_history_rows_follow_spec_7(tmp_path: Path) -> None:
    repo = repo_with_profile(tmp_path)
    plan = repo.plan()
    assert plan is not None
    d1, d2, d3 = FIRST_MONDAY, FIRST_MONDAY + timedelta(days=1), FIRST_MONDAY + timedelta(9)
    repo.save_checkin(CheckIn(date=d1, sleep_hours=7.0, sleep_quality=3,
                              foam_roll=("hamstrings",)))
    repo.save_outcome(Outcome(date=d2, status="done", minutes=40, rpe=5))
    repo.save_checkin(CheckIn(date=d3, weight_kg=63.0, thigh_cm=54.5, hips_cm=96.0))
    rows = repo.history(None, None)
    assert [r["date"] for r in rows] == [d1.isoformat(), d2.isoformat(), d3.isoformat()]
    none = {"thigh_cm": None, "calf_cm": None, "waist_cm": None, "hips_cm": None}
    assert rows[0] == {"date": d1.isoformat(), "sleep_hours": 7.0, "sleep_quality": 3,
                      "foam_roll": ["hamstrings"], "weight_kg": None, "measurements": none,
                      "session": None, "activities": []}
    assert rows[1]["measurements"] == none
    assert rows[2]["measurements"] == {**none, "thigh_cm": 54.5, "hips_cm": 96.0}
    kind = plan.session_on(d2).kind  # type: ignore[union-attr]
    assert rows[1]["session"] == {"kind": kind, "status": "done", "minutes": 40, "rpe": 5,
                                  "distance_km": None, "avg_hr": None, "source": None}
    assert rows[1]["foam_roll"] == [] and rows[1]["sleep_hours"] is None
    assert [r["date"] for r in repo.history(d2, d2 + timedelta(days=30))] == \
        [d2.isoformat(), d3.isoformat()]
    assert [r["date"] for r in repo.history(None, d1)] == [d1.isoformat()]


def test_data_version_sees_writes_from_another_connection(tmp_path: Path) -> None:
    desktop = repo_with_profile(tmp_path)
    seen = desktop.data_version()
    other = open_repository(tmp_path, today=clock.today)
    other.save_checkin(CheckIn(date=TODAY, sleep_hours=8.0))
    other.close()
    assert desktop.data_version() != seen
    assert desktop.checkin(TODAY) == CheckIn(date=TODAY, sleep_hours=8.0)
    seen = desktop.data_version()
    assert desktop.data_version() == seen  # stable while nothing is written
    desktop.save_checkin(CheckIn(date=TODAY, sleep_hours=7.0))
    assert desktop.data_version() != seen


def test_settings(tmp_path: Path) -> None:
    repo = open_repository(tmp_path, today=clock.today)
    repo.set_setting("paper", "letter")
    repo.set_setting("paper", "a4")
    assert repo.setting("paper") == "a4"


def test_a_refused_first_write_leaves_no_file_behind(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    repo = open_repository(folder, today=clock.today)
    with pytest.raises(ValueError, match="no planned session"):
        repo.save_outcome(Outcome(date=TODAY, status="done"))
    with pytest.raises(ValueError, match="not in the plan"):
        set_minutes(repo, TODAY, 30)
    assert not folder.exists()
    repo.save_checkin(CheckIn(date=TODAY, sleep_hours=7.0))  # and it still works after
    assert repo.checkin(TODAY) == CheckIn(date=TODAY, sleep_hours=7.0)
