"""``runner-legs calendar-feed [FILE | --off]`` and the feed's rewrite after every command that
changes the plan (SPEC §6, §7), each command in its own process with today pinned."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from core.profile import DEMO
from tests.cli.helpers import run_cli

TODAY = "2026-11-20"  # Friday; the plan starts Monday 23 Nov
NEXT_MONDAY = "2026-11-30"  # week 1 is over: a short week 1 rebuilds week 2
WEEK_1 = ("2026-11-23", "2026-11-24", "2026-11-26", "2026-11-27", "2026-11-28")


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stderr
    return result.stdout


def refused(result: subprocess.CompletedProcess[str], code: int, *words: str) -> None:
    assert result.returncode == code, (result.returncode, result.stderr)
    assert result.stdout == "" and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    for word in words:
        assert word in result.stderr


def profile_file(tmp_path: Path, file: str = "me.json", **fields: Any) -> Path:
    path = tmp_path / file
    path.write_text(json.dumps({**DEMO, **fields}), encoding="utf-8")
    return path


def events(path: Path) -> dict[str, Any]:
    return {str(ev["UID"]): ev for ev in Calendar.from_ical(path.read_bytes()).walk("VEVENT")}


def by_date(path: Path) -> dict[date, list[Any]]:
    found: dict[date, list[Any]] = {}
    for ev in events(path).values():
        found.setdefault(ev.decoded("DTSTART"), []).append(ev)
    return found


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("template")
    ok(run_cli("profile", "--set", str(profile_file(folder)), home=folder / "home",
               today=TODAY))
    return folder / "home"


@pytest.fixture
def home(template: Path, tmp_path: Path) -> Path:
    shutil.copytree(template, tmp_path / "home")
    return tmp_path / "home"


@pytest.fixture
def feed(home: Path, tmp_path: Path) -> Path:
    out = tmp_path / "cal" / "plan.ics"
    out.parent.mkdir()
    assert ok(run_cli("calendar-feed", str(out), home=home, today=TODAY)) == ""
    return out


def test_naming_a_file_writes_it_at_once_and_remembers_it(home: Path, tmp_path: Path) -> None:
    assert ok(run_cli("calendar-feed", home=home, today=TODAY)) == ""
    out = tmp_path / "plan.ics"
    assert ok(run_cli("calendar-feed", str(out), home=home, today=TODAY)) == ""
    cal = Calendar.from_ical(out.read_bytes())
    assert str(cal["NAME"]) == str(cal["X-WR-CALNAME"]) == "Runner Legs — Alex Demo"
    assert len(events(out)) == 12 * 6  # the demo week: six training days and a rest day
    assert ok(run_cli("calendar-feed", home=home, today=TODAY)) == f"{out}\n"


def test_a_saved_profile_rewrites_the_feed(home: Path, feed: Path, tmp_path: Path) -> None:
    before = events(feed)
    assert all(int(ev["SEQUENCE"]) == 0 for ev in before.values())
    fewer = profile_file(tmp_path, "fewer.json", name="Alex Runner",
                         available_days=["tue", "thu", "fri", "sat"])
    ok(run_cli("profile", "--set", str(fewer), home=home, today=TODAY))
    cal = Calendar.from_ical(feed.read_bytes())
    assert str(cal["NAME"]) == "Runner Legs — Alex Runner"
    after = events(feed)
    assert set(after) != set(before)
    gone = set(before) - set(after)
    assert gone  # sessions no longer in the plan are not in the file
    raised = [ev for ev in after.values() if int(ev["SEQUENCE"]) > 0]
    assert raised and all(int(ev["SEQUENCE"]) == 1 for ev in raised)


def test_a_log_that_adapts_the_plan_rewrites_the_feed(home: Path, feed: Path) -> None:
    week_2 = date(2026, 11, 30)
    before = {d: [int(ev["SEQUENCE"]) for ev in evs] for d, evs in by_date(feed).items()}
    for day in WEEK_1:  # logged by Sunday: the first command on Monday judges week 1
        ok(run_cli("log", "--date", day, "--skipped", home=home, today="2026-11-29"))
    plan = json.loads(ok(run_cli("plan", "--format", "json", home=home, today=NEXT_MONDAY)))
    long_run = next(s for s in plan["weeks"][1]["sessions"] if s["kind"] == "long_run")
    after = by_date(feed)
    ev = after[date.fromisoformat(long_run["date"])][0]
    assert f"{long_run['minutes']} min" in str(ev["SUMMARY"])
    assert int(ev["SEQUENCE"]) == 1 and before[week_2] == [0]


def test_a_log_that_changes_no_session_leaves_the_file_alone(home: Path, feed: Path) -> None:
    before = feed.read_bytes()
    mtime = feed.stat().st_mtime_ns
    ok(run_cli("log", "--sleep-hours", "8", home=home, today=TODAY))
    assert feed.read_bytes() == before and feed.stat().st_mtime_ns == mtime


def test_a_restore_rewrites_the_feed(home: Path, feed: Path, tmp_path: Path) -> None:
    backup = tmp_path / "backup.json"
    ok(run_cli("backup", "--out", str(backup), home=home, today=TODAY))
    first = events(feed)
    level = profile_file(tmp_path, "level.json", available_days=["tue", "thu", "sat", "sun"])
    ok(run_cli("profile", "--set", str(level), home=home, today=TODAY))
    assert set(events(feed)) != set(first)
    ok(run_cli("restore", str(backup), home=home, today=TODAY))
    restored = events(feed)
    assert set(restored) == set(first)
    assert max(int(ev["SEQUENCE"]) for ev in restored.values()) == 2  # raised, never lowered


def test_off_stops_the_rewrites_and_keeps_the_file(home: Path, feed: Path,
                                                   tmp_path: Path) -> None:
    before = feed.read_bytes()
    assert ok(run_cli("calendar-feed", "--off", home=home, today=TODAY)) == ""
    assert ok(run_cli("calendar-feed", home=home, today=TODAY)) == ""
    other = profile_file(tmp_path, "other.json", name="Someone Else")
    ok(run_cli("profile", "--set", str(other), home=home, today=TODAY))
    assert feed.read_bytes() == before


def test_a_feed_whose_folder_went_away_does_not_fail_the_command(
        home: Path, feed: Path, tmp_path: Path) -> None:
    shutil.rmtree(feed.parent)
    other = profile_file(tmp_path, "other.json", name="Someone Else")
    result = run_cli("profile", "--set", str(other), home=home, today=TODAY)
    assert result.returncode == 0 and "Plan rebuilt" in result.stdout
    assert len(result.stderr.strip().splitlines()) == 1
    assert "calendar file" in result.stderr and str(feed) in result.stderr
    assert "Traceback" not in result.stderr


def test_another_programs_calendar_is_refused_and_not_remembered(home: Path,
                                                                 tmp_path: Path) -> None:
    mine = tmp_path / "personal.ics"
    text = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Other//EN\r\nEND:VCALENDAR\r\n"
    mine.write_bytes(text)
    refused(run_cli("calendar-feed", str(mine), home=home, today=TODAY), 1, str(mine),
            "not a calendar file written by Runner Legs")
    assert mine.read_bytes() == text
    assert ok(run_cli("calendar-feed", home=home, today=TODAY)) == ""


def test_bad_requests_are_one_line_and_change_nothing(home: Path, tmp_path: Path) -> None:
    refused(run_cli("calendar-feed", str(tmp_path / "a.ics"), "--off", home=home, today=TODAY),
            2, "--off")
    refused(run_cli("calendar-feed", str(tmp_path / "missing" / "a.ics"), home=home,
                    today=TODAY), 1, "does not exist")
    refused(run_cli("calendar-feed", str(tmp_path), home=home, today=TODAY), 1, "folder")
    empty = tmp_path / "empty-home"
    refused(run_cli("calendar-feed", str(tmp_path / "b.ics"), home=empty, today=TODAY), 2,
            "no saved profile")
    assert not (tmp_path / "a.ics").exists() and not (tmp_path / "b.ics").exists()
    assert ok(run_cli("calendar-feed", home=home, today=TODAY)) == ""


def test_demo_commands_never_touch_the_feed(home: Path, feed: Path, tmp_path: Path) -> None:
    before = feed.read_bytes()
    ok(run_cli("plan", "--demo", "--start", "2026-12-07", home=home, today=TODAY))
    ok(run_cli("export", "ics", "--demo", "--out", str(tmp_path / "x.ics"), home=home,
               today=TODAY))
    assert feed.read_bytes() == before


def test_restoring_an_automatic_backup_rewrites_the_feed(home: Path, tmp_path: Path) -> None:
    from core.store import automatic_backups

    out = tmp_path / "plan.ics"
    ok(run_cli("log", "--sleep-hours", "7", home=home, today=TODAY))  # before the feed
    ok(run_cli("calendar-feed", str(out), home=home, today="2026-11-21"))  # day's backup
    first = events(out)
    other = profile_file(tmp_path, "other.json", available_days=["tue", "thu", "sat", "sun"])
    ok(run_cli("profile", "--set", str(other), home=home, today="2026-11-21"))
    assert set(events(out)) != set(first)
    newest = automatic_backups(home)[0]  # taken on the 21st before the feed was named
    ok(run_cli("restore", str(newest), home=home, today="2026-11-21"))
    assert set(events(out)) == set(first)
    assert ok(run_cli("calendar-feed", home=home, today="2026-11-21")) == f"{out}\n"
