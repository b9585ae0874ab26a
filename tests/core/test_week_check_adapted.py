"""An accepted easier run (the app's own offer) does not make the week break rule 1."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from core.checkin import Outcome
from core.plan import ADAPTED_KEY
from core.planner import build_plan
from core.profile import demo_profile
from core.recovery import adaptation_offers
from core.week_check import check_week


def test_accepting_an_offer_keeps_the_week_within_the_rules() -> None:
    profile = demo_profile()
    plan = build_plan(profile, date(2026, 11, 23), 4)
    week = plan.weeks[0]
    monday = week.sessions[0]
    assert monday.kind == "strength"
    offers = adaptation_offers(plan, [], [Outcome(monday.date, "skipped")],
                               today=date(2026, 11, 24))
    assert offers, "a skipped strength session offers the next hard one as an easy run"
    offer = offers[0]
    assert offer.replacement.details[ADAPTED_KEY] == offer.original.kind
    sessions = tuple(offer.replacement if s.date == offer.date else s for s in week.sessions)
    assert check_week(replace(week, sessions=sessions), profile) == []


def test_a_plain_swap_to_an_easy_run_is_still_reported() -> None:
    profile = demo_profile()
    week = build_plan(profile, date(2026, 11, 23), 4).weeks[0]
    friday = week.sessions[4]
    assert friday.kind == "hiit"
    easy = replace(friday, kind="easy_run", hard=False, details={})
    sessions = tuple(easy if s.date == friday.date else s for s in week.sessions)
    assert "No HIIT or hill session this week" in check_week(replace(week, sessions=sessions),
                                                            profile)
