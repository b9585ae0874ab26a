"""The calendar file that stays current (SPEC §6): stable UIDs, SEQUENCE raised for changed
events and never lowered, removed sessions gone, RFC 7986 NAME, one atomic rewrite."""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from core.export.atomic import ExportError
from core.export.ics_feed import write_feed
from core.plan import Plan, Session, Week
from core.profile import Profile

T1 = datetime(2025, 1, 1, 9, tzinfo=UTC)
T2 = datetime(2025, 1, 2, 9, tzinfo=UTC)
T3 = datetime(2025, 1, 3, 9, tzinfo=UTC)


def events(path: Path) -> dict[str, Any]:
    cal = Calendar.from_ical(path.read_bytes())
    return {str(ev["UID"]): ev for ev in cal.walk("VEVENT")}


def seq(ev: Any) -> int:
    return int(ev.get("SEQUENCE"))


def with_week(plan: Plan, index: int, sessions: list[Session]) -> Plan:
    weeks = list(plan.weeks)
    weeks[index] = replace(weeks[index], sessions=tuple(sessions))
    return replace(plan, weeks=tuple(weeks))


def swap(plan: Plan, index: int, kind_a: str, kind_b: str) -> tuple[Plan, Session, Session]:
    """Swap the days of the week's first ``kind_a`` and first ``kind_b`` sessions."""
    week: Week = plan.weeks[index]
    a = next(s for s in week.sessions if s.kind == kind_a)
    b = next(s for s in week.sessions if s.kind == kind_b)
    moved = [s.moved_to(b.date) if s is a else s.moved_to(a.date) if s is b else s
             for s in week.sessions]
    return with_week(plan, index, moved), a, b


def test_first_write_names_the_calendar_twice_and_starts_at_sequence_0(
        tmp_path: Path, profile: Profile, plan: Plan) -> None:
    out = tmp_path / "feed.ics"
    assert write_feed(out, profile, plan, T1) is True
    cal = Calendar.from_ical(out.read_bytes())
    assert str(cal["NAME"]) == str(cal["X-WR-CALNAME"]) == f"Runner Legs — {profile.name}"
    found = events(out)
    assert len(found) == sum(1 for s in plan.sessions() if s.kind != "rest")
    assert {seq(ev) for ev in found.values()} == {0}


def test_an_unchanged_plan_leaves_the_file_as_it_was(tmp_path: Path, profile: Profile,
                                                     plan: Plan) -> None:
    out = tmp_path / "feed.ics"
    write_feed(out, profile, plan, T1)
    before = out.read_bytes()
    assert write_feed(out, profile, plan, T2) is False
    assert out.read_bytes() == before


def test_a_move_keeps_the_uids_and_raises_only_the_moved_events(
        tmp_path: Path, profile: Profile, plan: Plan) -> None:
    out = tmp_path / "feed.ics"
    write_feed(out, profile, plan, T1)
    old = events(out)
    moved, a, b = swap(plan, 2, "long_run", "strength")
    assert write_feed(out, profile, moved, T2) is True
    new = events(out)
    assert set(new) == set(old)
    changed = {uid for uid in new if new[uid].decoded("DTSTART") != old[uid].decoded("DTSTART")}
    assert {new[uid].decoded("DTSTART") for uid in changed} == {a.date, b.date}
    for uid, ev in new.items():
        if uid in changed:
            assert seq(ev) == 1 and ev.decoded("DTSTAMP") == T2
        else:
            assert seq(ev) == 0 and ev.decoded("DTSTAMP") == T1


def test_new_minutes_raise_the_sequence(tmp_path: Path, profile: Profile, plan: Plan) -> None:
    out = tmp_path / "feed.ics"
    write_feed(out, profile, plan, T1)
    week = plan.weeks[1]
    run = next(s for s in week.sessions if s.kind == "long_run")
    edited = with_week(plan, 1, [s.with_minutes(s.minutes + 5) if s is run else s
                                 for s in week.sessions])
    write_feed(out, profile, edited, T2)
    ev = next(e for e in events(out).values() if e.decoded("DTSTART") == run.date)
    assert seq(ev) == 1 and f"{run.minutes + 5} min" in str(ev["SUMMARY"])


def test_removed_sessions_are_gone_and_a_returning_uid_never_falls(
        tmp_path: Path, profile: Profile, plan: Plan) -> None:
    out = tmp_path / "feed.ics"
    write_feed(out, profile, plan, T1)
    first = events(out)
    moved, _, _ = swap(plan, 0, "long_run", "strength")
    write_feed(out, profile, moved, T2)  # revision 1: two events at sequence 1
    shorter = replace(plan, weeks=plan.weeks[:4])
    write_feed(out, profile, shorter, T3)  # revision 2: weeks 5–12 gone, week 1 back
    second = events(out)
    assert set(second) < set(first)
    assert all(ev.decoded("DTSTART") <= shorter.end for ev in second.values())
    assert max(seq(ev) for ev in second.values()) == 2
    write_feed(out, profile, plan, T3)  # revision 3: the removed weeks come back
    third = events(out)
    assert set(third) == set(first)
    back = set(first) - set(second)
    assert back and all(seq(third[uid]) == 3 for uid in back)


def test_another_programs_calendar_is_never_overwritten(tmp_path: Path, profile: Profile,
                                                        plan: Plan) -> None:
    out = tmp_path / "personal.ics"
    mine = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Someone//Else//EN\r\nEND:VCALENDAR\r\n"
    out.write_bytes(mine)
    with pytest.raises(ExportError, match="not a calendar file written by Runner Legs"):
        write_feed(out, profile, plan, T1)
    assert out.read_bytes() == mine


def test_a_failed_rewrite_leaves_the_old_file_and_no_temporary(
        tmp_path: Path, profile: Profile, plan: Plan, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "feed.ics"
    write_feed(out, profile, plan, T1)
    before = out.read_bytes()

    def refuse(src: Any, dst: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ExportError, match="No space left"):
        write_feed(out, profile, swap(plan, 0, "long_run", "strength")[0], T2)
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["feed.ics"]
