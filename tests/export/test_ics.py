"""The calendar file (SPEC §6): RFC 5545, one all-day event per non-rest session, stable UIDs."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from icalendar import Calendar

from core.export.ics import plan_to_ics, write_ics
from core.plan import Plan
from core.planner import build_plan
from core.profile import Profile
from tests.export.conftest import START


def _events(data: bytes) -> list[Any]:
    return [c for c in Calendar.from_ical(data).walk() if c.name == "VEVENT"]


def test_calendar_header(plan: Plan, profile: Profile) -> None:
    cal = Calendar.from_ical(plan_to_ics(profile, plan))
    assert str(cal["VERSION"]) == "2.0"
    assert "Runner Legs" in str(cal["PRODID"])


def test_one_all_day_event_per_session_that_is_not_rest(plan: Plan, profile: Profile) -> None:
    events = _events(plan_to_ics(profile, plan))
    sessions = [s for s in plan.sessions() if s.kind != "rest"]
    assert len(events) == len(sessions)
    by_day = {s.date: s for s in sessions}
    for ev in events:
        start = ev.decoded("DTSTART")
        end = ev.decoded("DTEND")
        assert type(start) is date and type(end) is date
        assert end == start + timedelta(days=1)
        session = by_day[start]
        summary = str(ev["SUMMARY"])
        assert session.title in summary and f"{session.minutes} min" in summary
        text = str(ev["DESCRIPTION"])
        assert session.why in text
        for line in session.structure:
            assert line in text


def test_uids_are_unique_and_equal_across_exports(plan: Plan, profile: Profile) -> None:
    first = _events(plan_to_ics(profile, plan, now=datetime(2025, 1, 1, tzinfo=UTC)))
    second = _events(plan_to_ics(profile, plan, now=datetime(2025, 3, 1, tzinfo=UTC)))
    uids = [str(e["UID"]) for e in first]
    assert len(set(uids)) == len(uids)
    assert uids == [str(e["UID"]) for e in second]


def test_a_moved_session_keeps_its_uid(plan: Plan, profile: Profile) -> None:
    week = plan.weeks[0]
    ordered = sorted(week.sessions, key=lambda s: s.date)
    hard = next(s for s in ordered if s.kind in ("hiit", "hills"))
    rest = next(s for s in ordered if s.kind == "rest")
    moved = [s for s in ordered if s not in (hard, rest)]
    moved += [hard.moved_to(rest.date), rest.moved_to(hard.date)]
    new_week = replace(week, sessions=tuple(sorted(moved, key=lambda s: s.date)))
    new_plan = replace(plan, weeks=(new_week, *plan.weeks[1:]))

    def uid_on(data: bytes, day: date) -> str:
        return next(str(e["UID"]) for e in _events(data) if e.decoded("DTSTART") == day)

    before = uid_on(plan_to_ics(profile, plan), hard.date)
    after = uid_on(plan_to_ics(profile, new_plan), rest.date)
    assert before == after
    assert len(_events(plan_to_ics(profile, new_plan))) == len(_events(
        plan_to_ics(profile, plan)))


def test_write_ics(tmp_path: Path, plan: Plan, profile: Profile) -> None:
    out = tmp_path / "plan.ics"
    assert write_ics(out, profile, plan) == out
    raw = out.read_bytes()
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n")
    assert b"DTSTART;VALUE=DATE:" in raw


def _unescape(value: str) -> str:
    """RFC 5545 §3.3.11 TEXT: \\\\ \\; \\, \\n are the only escapes."""
    return re.sub(r"\\([\\;,nN])",
                  lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def test_calendar_name_is_escaped(plan: Plan, profile: Profile) -> None:
    name = 'Smith, John; Jr \\ <x> "q"'
    raw = plan_to_ics(profile.with_changes(name=name), plan)
    Calendar.from_ical(raw)  # still parses
    unfolded = raw.decode().replace("\r\n ", "")
    line = next(x for x in unfolded.split("\r\n") if x.startswith("X-WR-CALNAME:"))
    value = line.split(":", 1)[1]
    assert "Smith\\, John\\; Jr \\\\ <x>" in value
    bare = re.sub(r"\\[\\;,nN]", "", value)  # what is left once every escape is taken out
    assert "," not in bare and ";" not in bare and "\\" not in bare
    assert _unescape(value) == f"Runner Legs — {name}"


def test_two_runners_starting_the_same_monday_get_different_uids(plan: Plan, profile: Profile) -> None:
    other = profile.with_changes(birth_date=str(profile.birth_date.replace(year=1970)))
    mine = {str(e["UID"]) for e in _events(plan_to_ics(profile, plan))}
    theirs = {str(e["UID"]) for e in _events(plan_to_ics(other, build_plan(other, START, 12)))}
    assert mine.isdisjoint(theirs)


def test_renaming_the_runner_keeps_the_uids(plan: Plan, profile: Profile) -> None:
    before = [str(e["UID"]) for e in _events(plan_to_ics(profile, plan))]
    renamed = profile.with_changes(name="Someone Else", weight_kg=profile.weight_kg + 5)
    assert before == [str(e["UID"]) for e in _events(plan_to_ics(renamed, plan))]
