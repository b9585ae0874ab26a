"""The application layer: one today for every rule, writes that say what they changed as
data, and one answer to "which offers are open" for every page."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from core.app import App, open_app
from core.app.operations import FutureDay
from core.checkin import CheckIn, Outcome
from core.errors import RequestError
from core.profile import demo_profile

FRIDAY = date(2026, 11, 20)
FIRST_MONDAY = date(2026, 11, 23)


class Clock:
    def __init__(self, day: date) -> None:
        self.day = day

    def __call__(self) -> date:
        return self.day


def app_on(folder: Path, clock: Clock) -> App:
    app = open_app(folder, clock)
    app.ops.save_profile(demo_profile())
    return app


def test_the_store_and_the_rules_read_the_same_today(tmp_path: Path) -> None:
    clock = Clock(FRIDAY)
    app = app_on(tmp_path, clock)
    plan = app.queries.plan()
    assert plan is not None and plan.start == FIRST_MONDAY  # the Monday after "today"
    clock.day = FIRST_MONDAY + timedelta(days=2)
    app.ops.check_in(CheckIn(date=clock.day, sleep_hours=7.5))
    backups = sorted(p.name for p in (tmp_path / "backups").iterdir())
    assert backups == [f"runner-legs-{clock.day.isoformat()}.sqlite3"]  # the day's backup


def test_a_day_that_has_not_come_cannot_be_logged_or_marked(tmp_path: Path) -> None:
    clock = Clock(FIRST_MONDAY)
    app = app_on(tmp_path, clock)
    tomorrow = FIRST_MONDAY + timedelta(days=1)
    with pytest.raises(FutureDay) as err:
        app.ops.mark(Outcome(tomorrow, "done", 40, 5))
    assert err.value.code == "future_day" and err.value.numbers["day"] == tomorrow
    with pytest.raises(RequestError, match="log a day in the future"):
        app.ops.check_in(CheckIn(date=tomorrow, sleep_hours=8.0))
    with pytest.raises(RequestError, match="mark a session in the future"):
        app.ops.log_day(tomorrow, None, {"status": "done"})
    assert app.queries.outcome(tomorrow) is None and app.queries.checkin(tomorrow) is None
    clock.day = tomorrow  # the next day it can
    app.ops.mark(Outcome(tomorrow, "done", 40, 5))
    assert app.queries.outcome(tomorrow) == Outcome(tomorrow, "done", 40, 5)


def test_a_move_reports_its_days_week_and_direction(tmp_path: Path) -> None:
    app = app_on(tmp_path, Clock(FRIDAY))
    src, dst = FIRST_MONDAY, FIRST_MONDAY + timedelta(days=2)
    change = app.ops.move(src, dst)
    assert change.plan and change.moved == (src, dst)
    assert change.days == {src, dst} and change.weeks == {1}
    assert change.touches(dst, dst) and not change.touches(date(2027, 1, 4), date(2027, 1, 10))


def test_a_rebuilt_plan_reports_the_logged_days_it_kept(tmp_path: Path) -> None:
    clock = Clock(FRIDAY)
    app = app_on(tmp_path, clock)
    clock.day = FIRST_MONDAY + timedelta(days=7)  # a Monday: the rebuilt plan starts today
    app.ops.check_in(CheckIn(date=clock.day, sleep_hours=8.0))
    changed = app.ops.save_profile(demo_profile().__class__(
        **{**demo_profile().__dict__, "deficit_kcal": 200}))
    assert changed.profile and changed.plan and changed.kept_logged == 1
    unchanged = app.ops.save_profile(app.queries.profile())
    assert unchanged.is_empty


def test_every_page_gets_the_same_open_offers(tmp_path: Path) -> None:
    """Two short nights make one offer, whichever page asks (Today and the Calendar once
    looked at different windows of the log)."""
    clock = Clock(FRIDAY)
    app = app_on(tmp_path, clock)  # the plan starts Monday 23 Nov
    clock.day = FIRST_MONDAY + timedelta(days=2)
    for n, hours in ((1, 6.2), (2, 5.9)):
        app.ops.check_in(CheckIn(date=FIRST_MONDAY + timedelta(days=n), sleep_hours=hours))
    offers = app.queries.open_offers()
    assert len(offers) == 1 and offers[0].date > clock.day
    app.ops.dismiss_offer(offers[0].date)
    assert app.queries.open_offers() == []


def test_an_offer_declined_stays_declined_on_its_own_day(tmp_path: Path) -> None:
    clock = Clock(FRIDAY)
    app = app_on(tmp_path, clock)
    clock.day = FIRST_MONDAY + timedelta(days=2)
    for n, hours in ((1, 6.2), (2, 5.9)):
        app.ops.check_in(CheckIn(date=FIRST_MONDAY + timedelta(days=n), sleep_hours=hours))
    [offer] = app.queries.open_offers()
    app.ops.dismiss_offer(offer.date)
    clock.day = offer.date  # the offer's day: still open, had it not been declined
    assert app.queries.open_offers() == []


def test_open_offers_read_two_weeks_of_log_and_no_older_declines(tmp_path: Path) -> None:
    """The open offers are worked out again after every tick: what they read must not
    grow with the years of history behind today."""
    clock = Clock(FRIDAY)
    app = app_on(tmp_path, clock)
    clock.day = FIRST_MONDAY + timedelta(days=30)
    asked: list[tuple[str, tuple[object, ...]]] = []
    store = app.store
    for name in ("checkins", "outcomes", "dismissed_offers"):
        read = getattr(store, name)

        def spy(*args: object, _name: str = name, _read: Any = read) -> Any:
            asked.append((_name, args))
            return _read(*args)

        setattr(store, name, spy)
    app.queries.open_offers()
    today = clock.day
    assert sorted(asked) == [
        ("checkins", (today - timedelta(days=14), today)),
        ("dismissed_offers", (today,)),
        ("outcomes", (today - timedelta(days=14), today + timedelta(days=7)))]


def test_the_first_command_on_the_monday_after_judges_the_week_once(tmp_path: Path) -> None:
    clock = Clock(FRIDAY)
    app = app_on(tmp_path, clock)
    plan = app.queries.plan()
    assert plan is not None
    clock.day = FIRST_MONDAY + timedelta(days=6)
    for s in plan.weeks[0].sessions:
        if s.is_run:
            assert not app.ops.mark(Outcome(s.date, "skipped")).plan  # nothing adapts at once
    assert app.ops.judge_finished_weeks().is_empty  # Sunday: the week is not over
    clock.day = FIRST_MONDAY + timedelta(days=7)
    change = app.ops.judge_finished_weeks()
    after = app.queries.plan()
    assert after is not None and change.plan and 2 in change.weeks
    first = change.adaptations[0]
    assert (first.week, first.old_minutes, first.new_minutes, first.done_minutes,
            first.planned_minutes) == (2, plan.weeks[1].run_minutes,
                                       after.weeks[1].run_minutes, 0,
                                       plan.weeks[0].run_minutes)
    assert app.ops.judge_finished_weeks().is_empty  # judged once
