"""Recovery checklist, sleep and foam-rolling numbers, and adaptation offers (SPEC §3, §5)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from core.checkin import CheckIn, Outcome
from core.plan import Plan, Session, Week
from core.recovery import (
    adaptation_offers,
    checklist,
    foam_roll_sessions,
    foam_roll_sessions_per_week,
    foam_roll_streak,
    foam_roll_weekly,
    nights_in_range,
    sleep_average,
    sleep_series,
    sleep_target,
)

MON = date(2026, 3, 2)
# [S0]'s sample week
SAMPLE = ["strength", "long_run", "active_recovery", "strength", "hiit", "easy_run", "rest"]
MINUTES = {"strength": 40, "long_run": 45, "active_recovery": 30, "hiit": 25, "easy_run": 35,
           "rest": 0, "tempo": 30, "hills": 30}


def d(offset: int) -> date:
    return MON + timedelta(days=offset)


def session(day: date, kind: str, foam_roll: bool = False) -> Session:
    return Session(date=day, kind=kind, title=kind.replace("_", " ").title(),
                   minutes=MINUTES[kind], hard=kind in ("strength", "hiit", "tempo", "hills"),
                   why="test", foam_roll=foam_roll)


def plan(weeks: int = 2, kinds: list[str] = SAMPLE) -> Plan:
    out = []
    for w in range(weeks):
        start = MON + timedelta(days=7 * w)
        out.append(Week(index=w + 1, start=start, lighter=False, sessions=tuple(
            session(start + timedelta(days=i), k) for i, k in enumerate(kinds))))
    return Plan(start=MON, weeks=tuple(out))


def sleep(*hours: float | None, first: date = MON) -> list[CheckIn]:
    return [CheckIn(date=first + timedelta(days=i), sleep_hours=h) for i, h in enumerate(hours)]


# --- sleep ---------------------------------------------------------------------------------

def test_sleep_target_changes_at_65() -> None:
    assert sleep_target(16) == (7, 9)
    assert sleep_target(64) == (7, 9)
    assert sleep_target(65) == (7, 8)
    assert sleep_target(90) == (7, 8)


def test_sleep_average_over_logged_nights_in_the_window() -> None:
    logs = sleep(5.0, 9.0, None, 8.0, 6.0, 7.5, 7.0, 8.5)  # Mon..next Mon
    # window of 7 days ending d(7): d(1)..d(7) -> 9, 8, 6, 7.5, 7, 8.5 (d(2) not logged)
    assert sleep_average(logs, d(7)) == pytest.approx((9 + 8 + 6 + 7.5 + 7 + 8.5) / 6)
    # window of 2 days ending d(1): 5 and 9
    assert sleep_average(logs, d(1), days=2) == pytest.approx(7.0)
    assert sleep_average(logs, d(30)) is None
    assert sleep_average([], d(0)) is None


def test_later_checkin_for_the_same_day_wins() -> None:
    logs = [CheckIn(date=MON, sleep_hours=4.0), CheckIn(date=MON, sleep_hours=8.0)]
    assert sleep_average(logs, MON) == pytest.approx(8.0)


def test_nights_in_range_counts_both_ends() -> None:
    logs = sleep(6.9, 7.0, 8.0, 9.0, 9.1, None, 10.0)
    assert nights_in_range(logs, d(6)) == 3  # 7.0, 8.0, 9.0
    assert nights_in_range(logs, d(6), lo=7.0, hi=8.0) == 2  # the 65+ range
    assert nights_in_range(logs, d(1), days=2) == 1


def test_sleep_series_has_a_point_per_day() -> None:
    logs = sleep(7.0, None, 6.5)
    assert sleep_series(logs, d(-1), d(3)) == [
        (d(-1), None), (d(0), 7.0), (d(1), None), (d(2), 6.5), (d(3), None)]


# --- foam rolling --------------------------------------------------------------------------

def rolls(*offsets: int) -> list[CheckIn]:
    return [CheckIn(date=d(i), foam_roll=("quads", "calves")) for i in offsets]


def test_foam_roll_sessions_count_days_not_areas() -> None:
    logs = rolls(0, 2, 3, 8) + [CheckIn(date=d(4), sleep_hours=8.0)]
    assert foam_roll_sessions(logs, d(0), d(6)) == 3
    assert foam_roll_sessions_per_week(logs, MON) == 3
    assert foam_roll_sessions_per_week(logs, d(7)) == 1
    assert foam_roll_weekly(logs, MON, 3) == [(d(0), 3), (d(7), 1), (d(14), 0)]


def test_streak_ends_today_or_yesterday() -> None:
    logs = rolls(1, 2, 3, 5, 6)
    assert foam_roll_streak(logs, d(6)) == 2  # d5, d6
    assert foam_roll_streak(logs, d(7)) == 2  # today not logged yet: d5, d6 still count
    assert foam_roll_streak(logs, d(4)) == 3  # d1..d3
    assert foam_roll_streak(logs, d(8)) == 0  # a whole day missed
    assert foam_roll_streak([], d(0)) == 0


# --- checklist -----------------------------------------------------------------------------

def test_checklist_on_a_run_day() -> None:
    c = CheckIn(date=d(1), sleep_hours=7.5, sleep_quality=4, warmup_done=True,
                foam_roll=("glutes",), water_met=True)
    cl = checklist(d(1), session(d(1), "long_run", foam_roll=True), c, age=40)
    keys = [i.key for i in cl.items]
    assert keys == ["sleep", "warmup", "stretch", "foam_roll_quads", "foam_roll_glutes",
                    "foam_roll_hamstrings", "foam_roll_calves", "water"]
    assert all(i.applies for i in cl.items)
    assert cl.total == 8
    assert cl.done_count == 4  # sleep, warm-up, glutes, water
    assert "7–9 h" in cl.item("sleep").label
    assert not cl.item("stretch").done
    assert (cl.sleep_hours, cl.sleep_quality) == (7.5, 4)


def test_checklist_on_a_strength_day_skips_run_items() -> None:
    cl = checklist(d(0), session(d(0), "strength"), None, age=70)
    assert not cl.item("warmup").applies and not cl.item("stretch").applies
    assert not cl.item("foam_roll_quads").applies  # not suggested today
    assert cl.total == 2  # sleep and water
    assert cl.done_count == 0
    assert "7–8 h" in cl.item("sleep").label
    assert cl.sleep_hours is None


def test_a_short_night_is_logged_but_not_done_and_the_total_stays() -> None:
    run = session(d(1), "long_run")
    short = checklist(d(1), run, CheckIn(date=d(1), sleep_hours=6.5, water_met=True), age=40)
    enough = checklist(d(1), run, CheckIn(date=d(1), sleep_hours=7.0, water_met=True,
                                          weight_kg=64.0, thigh_cm=55.0), age=40)
    assert short.sleep_hours == 6.5 and not short.item("sleep").done
    assert (short.done_count, short.total) == (1, 4)
    assert (enough.done_count, enough.total) == (2, 4)


def test_checklist_rolling_on_a_day_it_is_not_suggested_shows_done() -> None:
    cl = checklist(d(6), None, CheckIn(date=d(6), foam_roll=("calves",)), age=30)
    assert cl.item("foam_roll_calves").done
    assert cl.total == 2


# --- adaptation ----------------------------------------------------------------------------

def test_two_short_nights_offer_the_next_hard_session_as_an_easy_run() -> None:
    p = plan()
    # Tue and Wed nights short; today Wed; next hard session Thu strength
    offers = adaptation_offers(p, sleep(8.0, 6.0, 6.5), [], today=d(2))
    assert len(offers) == 1
    o = offers[0]
    assert o.date == d(3) and o.original == p.session_on(d(3))
    r = o.replacement
    assert (r.date, r.kind, r.hard, r.edited) == (d(3), "easy_run", False, True)
    assert 30 <= r.minutes <= 45
    assert r.title.startswith("Easy run (instead of")
    assert "7 h" in o.reason and r.why
    assert any("warm-up" in line.lower() for line in r.structure)
    assert any("cool-down" in line.lower() for line in r.structure)


def test_hard_session_today_is_the_one_offered() -> None:
    offers = adaptation_offers(plan(), sleep(6.0, 5.5, first=d(3)), [], today=d(4))
    assert [o.date for o in offers] == [d(4)]  # Fri hiit, today


def test_one_short_night_offers_nothing() -> None:
    assert adaptation_offers(plan(), sleep(8.0, 6.0), [], today=d(1)) == []
    assert adaptation_offers(plan(), sleep(6.0, 7.0), [], today=d(1)) == []


def test_last_two_logged_nights_skip_unlogged_days() -> None:
    logs = sleep(6.0, None, 6.5)  # Mon and Wed short, Tue not logged
    assert [o.date for o in adaptation_offers(plan(), logs, [], today=d(2))] == [d(3)]


def test_short_nights_after_today_are_ignored() -> None:
    assert adaptation_offers(plan(), sleep(6.0, 6.0, first=d(5)), [], today=d(2)) == []


def test_missed_hard_session_offers_the_next_one() -> None:
    p = plan()
    offers = adaptation_offers(p, [], [Outcome(date=d(0), status="skipped")], today=d(2))
    assert [o.date for o in offers] == [d(3)]
    assert "missed" in offers[0].reason.lower()
    assert offers[0].replacement.kind == "easy_run"


def test_unlogged_or_done_hard_session_is_not_missed() -> None:
    assert adaptation_offers(plan(), [], [], today=d(2)) == []
    done = [Outcome(date=d(0), status="done")]
    assert adaptation_offers(plan(), [], done, today=d(2)) == []
    easy_skipped = [Outcome(date=d(1), status="skipped")]  # the long run is not hard
    assert adaptation_offers(plan(), [], easy_skipped, today=d(2)) == []


def test_a_miss_offers_the_next_hard_session_from_today() -> None:
    # Mon strength skipped; Thu strength passed unlogged; on Thu night the offer moves to
    # Fri hiit, the next hard session still ahead.
    p = plan()
    offers = adaptation_offers(p, [], [Outcome(d(0), "skipped")], today=d(4))
    assert [o.date for o in offers] == [d(4)]
    assert offers[0].original == p.session_on(d(4))


def test_short_nights_before_a_passed_hard_session_still_offer_the_next() -> None:
    # Short nights Sun and Mon of the week before; today Tue: Thu strength is next
    p = plan()
    logs = [CheckIn(date=d(-1), sleep_hours=6.0), CheckIn(date=d(0), sleep_hours=6.5)]
    assert [o.date for o in adaptation_offers(p, logs, [], today=d(1))] == [d(3)]


def test_a_miss_older_than_a_week_is_spent() -> None:
    assert adaptation_offers(plan(), [], [Outcome(d(0), "skipped")], today=d(8)) == []


def test_a_hard_session_done_after_the_miss_spends_it() -> None:
    log = [Outcome(d(0), "skipped"), Outcome(d(3), "done")]
    assert adaptation_offers(plan(), [], log, today=d(4)) == []


def test_dismissed_offer_is_not_made_again() -> None:
    offers = adaptation_offers(plan(), sleep(6.0, 6.0), [], today=d(1),
                               dismissed=frozenset({d(3)}))
    assert offers == []


def test_accepted_offer_is_not_repeated_for_the_following_session() -> None:
    p = plan()
    logs = sleep(6.0, 6.0)
    [offer] = adaptation_offers(p, logs, [], today=d(1))
    week = p.weeks[0]
    swapped = tuple(offer.replacement if s.date == offer.date else s for s in week.sessions)
    accepted = Plan(start=p.start, weeks=(Week(1, week.start, False, swapped),) + p.weeks[1:])
    assert adaptation_offers(accepted, logs, [], today=d(1)) == []


def test_an_offer_changes_nothing_in_the_plan() -> None:
    p = plan()
    before = p.to_json()
    offers = adaptation_offers(p, sleep(6.0, 6.0), [Outcome(d(0), "skipped")], today=d(1))
    assert len(offers) == 1  # both reasons point at Thu's strength session
    assert "missed" in offers[0].reason.lower() and "7 h" in offers[0].reason
    assert p.to_json() == before
    assert p.session_on(d(3)) == session(d(3), "strength")


def test_easy_run_keeps_minutes_within_30_to_45() -> None:
    long_hard = ["strength", "long_run", "active_recovery", "tempo", "hiit", "easy_run", "rest"]
    p = plan(kinds=long_hard)
    p2 = Plan(p.start, tuple(Week(w.index, w.start, w.lighter, tuple(
        Session(s.date, s.kind, s.title, 70 if s.kind == "tempo" else s.minutes, s.hard, s.why)
        for s in w.sessions)) for w in p.weeks))
    [o] = adaptation_offers(p2, sleep(6.0, 6.0, first=d(2)), [], today=d(3))
    assert o.original.minutes == 70 and o.replacement.minutes == 45
    [o] = adaptation_offers(p, sleep(6.0, 6.0, first=d(3)), [], today=d(4))
    assert o.original.minutes == 25 and o.replacement.minutes == 30


def test_a_marked_session_passes_the_offer_on_to_the_next_unmarked_one() -> None:
    # Short nights Mon and Tue; today Thu; Thu strength already skipped -> Fri hiit
    p = plan()
    logs = [CheckIn(date=d(0), sleep_hours=6.0), CheckIn(date=d(1), sleep_hours=6.0)]
    offers = adaptation_offers(p, logs, [Outcome(d(3), "skipped")], today=d(3))
    assert [o.date for o in offers] == [d(4)]


def test_skipping_todays_hard_session_offers_the_next_one_at_once() -> None:
    offers = adaptation_offers(plan(), [], [Outcome(d(3), "skipped")], today=d(3))
    assert [o.date for o in offers] == [d(4)]


def test_several_misses_make_one_sentence() -> None:
    skipped = [Outcome(d(0), "skipped"), Outcome(d(3), "skipped"), Outcome(d(4), "skipped")]
    offers = adaptation_offers(plan(), [], skipped, today=d(5))
    assert len(offers) == 1
    assert offers[0].reason.count("You missed") == 1
    assert "3 hard sessions since Mon" in offers[0].reason
