"""The plan as an iCalendar file (RFC 5545): one all-day event per session that is not rest.

UIDs are stable across exports so that importing again updates events instead of adding
copies. A UID names the plan's start, the week and the session's kind with its place among
that week's sessions of the same kind ("the 2nd strength session of week 3"), not its day:
when the user moves a session to another day, its event keeps its UID and moves with it, and
swapping two days moves both events rather than leaving stale copies behind. A profile change
that alters the week's mix of kinds gives new UIDs to the changed sessions; calendar imports
never delete, so events of sessions that no longer exist stay until removed by hand.

A UID also carries a short runner key: the first 8 hex digits of SHA-1 over the profile's
birth date and the plan's start. Two runners who start a plan on the same Monday (two
profiles on one machine, a shared calendar) get different UIDs, while renaming the profile
or editing weight, level or days keeps them: the birth date is the one field that names the
runner without changing. Two profiles with the same birth date and start still share UIDs.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from core import wording
from core.export.atomic import atomic_write_bytes
from core.export.text import clean
from core.plan import Plan, Session, Week
from core.profile import Profile

PRODID = "-//Runner Legs//Training plan 1.0//EN"
UID_DOMAIN = "runner-legs.plan"


def runner_key(profile: Profile, plan: Plan) -> str:
    """8 hex digits naming the runner and the plan, stable across edits of the name."""
    seed = f"{profile.birth_date.isoformat()}|{plan.start.isoformat()}".encode()
    return hashlib.sha1(seed, usedforsecurity=False).hexdigest()[:8]


def session_uid(profile: Profile, plan: Plan, week: Week, session: Session,
                ordinal: int) -> str:
    """A UID stable across exports of the same plan (see the module docstring)."""
    return (f"{plan.start:%Y%m%d}-{runner_key(profile, plan)}-w{week.index:02d}-"
            f"{session.kind.replace('_', '-')}-{ordinal}@{UID_DOMAIN}")


def description(session: Session) -> str:
    """The event text: minutes, the session's structure, and why it is in the plan."""
    lines: list[str] = []
    minutes = wording.minutes_text(session)
    dose = wording.dose(session)
    head = " · ".join(x for x in (minutes, dose) if x)
    if head:
        lines.append(head)
    lines += [f"• {line}" for line in wording.main_lines(session)]
    if session.foam_roll and not any("foam roll" in x.lower() for x in session.structure):
        lines.append("• Foam roll quads, glutes, hamstrings and calves after.")
    if session.why:
        lines += ["", f"Why: {session.why}"]
    return "\n".join(lines)


def calendar_name(profile: Profile) -> str:
    return clean(f"Runner Legs — {profile.name}")


def new_calendar(profile: Profile) -> Any:
    """An empty VCALENDAR with its header; the name both as RFC 7986 ``NAME`` and as the
    ``X-WR-CALNAME`` older calendar programs read."""
    from icalendar import Calendar, vText

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    # NAME and X- properties are untyped to icalendar: vText makes it escape , ; \ and newlines.
    cal.add("name", vText(calendar_name(profile)))
    cal.add("x-wr-calname", vText(calendar_name(profile)))
    return cal


def session_events(profile: Profile, plan: Plan, stamp: datetime) -> Iterator[Any]:
    """One all-day VEVENT per session that is not rest, in date order within each week."""
    from icalendar import Event

    for week in plan.weeks:
        seen: Counter[str] = Counter()
        for s in sorted(week.sessions, key=lambda x: x.date):
            if s.kind == "rest":
                continue
            seen[s.kind] += 1
            ev = Event()
            ev.add("uid", session_uid(profile, plan, week, s, seen[s.kind]))
            ev.add("dtstamp", stamp)
            ev.add("dtstart", s.date)
            ev.add("dtend", s.date + timedelta(days=1))
            ev.add("summary", clean(wording.summary(s)))
            ev.add("description", description(s))
            ev.add("categories", [wording.kind_label(s.kind)])
            ev.add("transp", "TRANSPARENT")
            yield ev


def utc_stamp(now: datetime | None) -> datetime:
    return (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)


def plan_to_ics(profile: Profile, plan: Plan, *, now: datetime | None = None) -> bytes:
    """The calendar file's bytes (UTF-8, CRLF line endings, folded lines)."""
    cal = new_calendar(profile)
    for ev in session_events(profile, plan, utc_stamp(now)):
        cal.add_component(ev)
    data: bytes = cal.to_ical()
    return data


def write_ics(out: Path, profile: Profile, plan: Plan) -> Path:
    """Write the calendar file to ``out`` atomically and return ``out``."""
    return atomic_write_bytes(Path(out), plan_to_ics(profile, plan))


__all__ = ["plan_to_ics", "write_ics", "session_uid", "runner_key", "description",
           "PRODID", "new_calendar", "session_events", "calendar_name", "utc_stamp"]
