"""Generate a data folder holding five years of plans and daily logs (for the store
benchmark, or to try the app with a long history): ``python -m bench.make_history DIR``."""

from __future__ import annotations

import random
import sys
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from core import clock
from core.app.planning import save_profile
from core.checkin import CheckIn, Outcome
from core.plan import FOAM_ROLL_AREAS, HARD_KINDS, Plan, Session, monday_of
from core.planner import build_plan
from core.profile import demo_profile
from core.store import BackupData, open_repository

TODAY = date(2026, 11, 20)


def history_data(years: int = 5, today: date = TODAY, seed: int = 7) -> BackupData:
    """A demo profile, a current 12-week plan that began four weeks ago, earlier plans back
    to ``years`` ago, a check-in and a session outcome for every day before today, and the
    adaptation offers declined on the way (about one hard session in four)."""
    rng = random.Random(seed)
    profile = demo_profile()
    current_start = monday_of(today) - timedelta(weeks=4)
    first = monday_of(today - timedelta(days=365 * years))
    earlier: list[Session] = []
    block = first
    while block < current_start:
        weeks = min(24, max(4, (current_start - block).days // 7))
        plan = build_plan(profile, block, weeks)
        earlier.extend(s for s in plan.sessions() if s.date < current_start)
        block = plan.end + timedelta(days=1)
    current: Plan = build_plan(profile, current_start, 12)
    sessions = {s.date: s for s in earlier} | {s.date: s for s in current.sessions()}
    checkins, outcomes = [], []
    day = first
    while day < today:
        checkins.append(CheckIn(
            date=day, sleep_hours=round(rng.uniform(5.5, 9.0), 1),
            sleep_quality=rng.randint(1, 5), warmup_done=rng.random() < 0.8,
            stretch_done=rng.random() < 0.7,
            foam_roll=tuple(a for a in FOAM_ROLL_AREAS if rng.random() < 0.4),
            water_met=rng.random() < 0.6, weight_kg=round(rng.uniform(60, 66), 1)))
        s = sessions.get(day)
        if s is not None and s.kind != "rest":
            done = rng.random() < 0.9
            outcomes.append(Outcome(date=day, status="done" if done else "skipped",
                                    minutes=s.minutes if done else None,
                                    rpe=rng.randint(3, 9) if done else None))
        day += timedelta(days=1)
    declines = random.Random(seed + 1)  # its own draws: the log above stays as it was
    dismissed = frozenset(d for d, s in sorted(sessions.items())
                          if first <= d < today and s.kind in HARD_KINDS
                          and declines.random() < 0.25)
    return BackupData(profile=profile, plan=current, other_sessions=tuple(earlier),
                      checkins=tuple(checkins), outcomes=tuple(outcomes),
                      dismissed_offers=dismissed)


def make_history(data_dir: Path, years: int = 5, today: date = TODAY) -> Path:
    """Write the history into ``data_dir`` in one transaction; returns the database path."""
    repo = open_repository(data_dir, today=clock.today)
    try:
        repo.restore_data(history_data(years, today))
        return repo.path
    finally:
        repo.close()


def make_recent_user(data_dir: Path, days: int = 31, today: date = TODAY) -> Path:
    """The same profile, current plan and last ``days`` days of logs (and declined offers)
    as :func:`make_history`, without the older history: the same month to read, less behind
    it."""
    data = history_data(today=today)
    since = today - timedelta(days=days)
    recent = replace(data, other_sessions=(),
                     checkins=tuple(c for c in data.checkins if c.date >= since),
                     outcomes=tuple(o for o in data.outcomes if o.date >= since),
                     dismissed_offers=frozenset(d for d in data.dismissed_offers if d >= since))
    repo = open_repository(data_dir, today=clock.today)
    try:
        repo.restore_data(recent)
        return repo.path
    finally:
        repo.close()


def make_new_user(data_dir: Path, today: date = TODAY) -> Path:
    """A first-day data folder: the profile and its 12-week plan, nothing logged."""
    repo = open_repository(data_dir, today=clock.today)
    try:
        save_profile(repo, demo_profile(), today)
        return repo.path
    finally:
        repo.close()


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python -m bench.make_history DIR")
    print(make_history(Path(sys.argv[1])))
