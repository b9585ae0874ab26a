"""Saving a changed profile part-way through a plan (SPEC §3): the regenerated weeks carry on
from the kept ones, past days keep what they had, and a rule a kept logged day forces to break
is said in the summary."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from core.app.planning import save_profile
from core.checkin import CheckIn
from core.plan import Plan
from core.profile import demo_profile
from core.week_check import plan_problems
from tests.store.helpers import FIRST_MONDAY, repo_with_profile

LATER = date(2026, 12, 10)  # Thursday of week 3: the plan is rebuilt from Mon 14 Dec
REBUILD = date(2026, 12, 14)


def reps_low(plan: Plan) -> list[int]:
    return [int(s.details["exercises"][0]["reps"].split("–")[0])
            for s in plan.sessions() if s.kind == "strength"]


def test_a_profile_change_mid_plan_continues_the_plan(tmp_path: Path) -> None:
    repo = repo_with_profile(tmp_path)
    old = repo.plan()
    assert old is not None
    new_profile = demo_profile().with_changes(strength_sessions=3, level="intermediate",
                                              weekly_run_minutes=150)
    change = save_profile(repo, new_profile, LATER)
    assert change.plan and "check week" not in change.summary
    plan = repo.plan()
    assert plan is not None and plan.start == FIRST_MONDAY and len(plan.weeks) == 12
    assert plan.weeks[:3] == old.weeks[:3]  # past weeks as they were
    # Every 4th week of the whole plan stays the lighter one.
    assert [w.index for w in plan.weeks if w.lighter] == [4, 8, 12]
    # Rules 1–4 and 12 hold in every regenerated week, week 4 judged against kept week 3:
    # week 4 is a lighter week at 70–80 % of week 3, not a new "week 1" of 150 minutes.
    assert plan_problems(plan, new_profile, since=REBUILD) == []
    week3, week4 = plan.weeks[2].run_minutes, plan.weeks[3].run_minutes
    assert 7 * week3 <= 10 * week4 <= 8 * week3 or week4 == 50
    # The reps keep rising (rule 8) and the workouts keep alternating A, B, A, ...
    lows = reps_low(plan)
    assert lows == sorted(lows)
    workouts = [s.details["workout"] for s in plan.sessions() if s.kind == "strength"]
    assert all(a != b for a, b in zip(workouts, workouts[1:], strict=False))


def test_a_kept_logged_day_that_breaks_a_rule_is_reported(tmp_path: Path) -> None:
    repo = repo_with_profile(tmp_path)
    old = repo.plan()
    assert old is not None
    kept = old.session_on(REBUILD)
    assert kept is not None and kept.kind == "strength"  # the demo's Monday
    repo.save_checkin(CheckIn(date=REBUILD, sleep_hours=7.5))  # a log keeps the day
    no_monday = demo_profile().with_changes(
        available_days=["tue", "wed", "thu", "fri", "sat", "sun"])
    change = save_profile(repo, no_monday, LATER)
    plan = repo.plan()
    assert plan is not None and plan.session_on(REBUILD) == kept
    problems = plan_problems(plan, no_monday, since=REBUILD)
    assert problems and all(index == 4 for index, _ in problems)
    assert "1 logged day kept" in change.summary
    assert f"check week 4: {problems[0][1]}" in change.summary


def test_a_new_plan_after_the_old_one_ended_keeps_the_old_days(tmp_path: Path) -> None:
    repo = repo_with_profile(tmp_path)
    old = repo.plan()
    assert old is not None
    after = old.end + timedelta(days=10)
    save_profile(repo, demo_profile().with_changes(weekly_run_minutes=90), after)
    plan = repo.plan()
    assert plan is not None and plan.start > old.end and plan.weeks[0].index == 1
    out = tmp_path / "backup.json"
    repo.backup_to(out)
    others = json.loads(out.read_text(encoding="utf-8"))["other_sessions"]
    kept = {s["date"]: s for s in others}
    for s in old.sessions():  # no day of the finished plan was logged, and none is lost
        assert kept[s.date.isoformat()] == s.to_json(full=True)
