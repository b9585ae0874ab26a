"""A calendar file kept current (SPEC §6): rewritten in one atomic step after each plan change.

UIDs are the one-shot export's (``core.export.ics``): a session keeps its UID while it stays
the n-th session of its kind in its plan week. What a subscriber saw last is read back from
the file itself, so no second copy of it has to be kept in step with the database:

- an event whose date or content is unchanged keeps its ``SEQUENCE`` and ``DTSTAMP``, so
  rewriting an unchanged plan leaves the file byte for byte as it was (and is skipped);
- the file carries a revision (``X-RUNNER-LEGS-REVISION``) raised by one whenever an event
  is added, changed or removed; a changed or new event takes the new revision as its
  ``SEQUENCE``. A sequence therefore never falls, even for a UID that disappears and later
  comes back (it returns above anything it had before);
- sessions no longer in the plan are simply not written, so subscribers drop them.

If the file is deleted by hand the revision starts again from 0. A file that exists and is
not a calendar this program wrote is never overwritten.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from core.export.atomic import ExportError, atomic_write_bytes
from core.export.ics import PRODID, new_calendar, session_events, utc_stamp
from core.plan import Plan
from core.profile import Profile

REVISION = "X-RUNNER-LEGS-REVISION"
CONTENT = ("DTSTART", "DTEND", "SUMMARY", "DESCRIPTION", "CATEGORIES")
REFRESH = timedelta(hours=1)  # how often subscribers are asked to look again


@dataclass(frozen=True)
class Seen:
    """An event as the previous file held it."""

    sequence: int
    content: bytes
    stamp: datetime


@dataclass(frozen=True)
class Previous:
    revision: int
    events: dict[str, Seen]


def _content(event: Any) -> bytes:
    """The properties a subscriber shows: a change in any of them raises SEQUENCE."""
    return b"\n".join(name.encode() + b":" + event[name].to_ical()
                      for name in CONTENT if name in event)


def read_previous(path: Path) -> Previous | None:
    """The feed as last written, None when there is no file or it is empty; ExportError
    when it is something other than a calendar written by this program."""
    from icalendar import Calendar

    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise ExportError(f"cannot read {path}: {exc.strerror or type(exc).__name__}") from None
    if not data.strip():
        return None
    try:
        cal = Calendar.from_ical(data)
        ours = str(cal.get("PRODID", "")) == PRODID
    except (ValueError, KeyError, IndexError):
        ours = False
    if not ours:
        raise ExportError(f"{path} is not a calendar file written by Runner Legs; it was left "
                          "as it is (choose a new file for the calendar)")
    events: dict[str, Seen] = {}
    for ev in cal.walk("VEVENT"):
        try:
            seq = int(ev.get("SEQUENCE", 0))
            stamp = ev.decoded("DTSTAMP")
        except (ValueError, KeyError, TypeError):
            continue
        events[str(ev.get("UID"))] = Seen(seq, _content(ev), stamp)
    top = max((s.sequence for s in events.values()), default=0)
    try:
        revision = max(int(cal.get(REVISION, 0)), top)
    except ValueError:
        revision = top
    return Previous(revision, events)


def feed_ics(profile: Profile, plan: Plan, previous: Previous | None,
             now: datetime | None = None) -> bytes:
    """The feed's bytes, given what the previous file held (see the module docstring)."""
    from icalendar import vDuration

    stamp = utc_stamp(now)
    events = list(session_events(profile, plan, stamp))
    old = previous.events if previous is not None else {}
    uids = {str(ev["UID"]) for ev in events}
    moved = bool(set(old) - uids) or any(
        str(ev["UID"]) not in old or old[str(ev["UID"])].content != _content(ev)
        for ev in events)
    revision = 0 if previous is None else previous.revision + (1 if moved else 0)
    cal = new_calendar(profile)
    cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", vDuration(REFRESH))
    cal.add(REVISION, str(revision))
    for ev in events:
        seen = old.get(str(ev["UID"]))
        if seen is not None and seen.content == _content(ev):
            ev["DTSTAMP"].dt = seen.stamp
            ev.add("sequence", seen.sequence)
        else:
            ev.add("sequence", revision)
        cal.add_component(ev)
    data: bytes = cal.to_ical()
    return data


def write_feed(path: Path, profile: Profile, plan: Plan,
               now: datetime | None = None) -> bool:
    """Rewrite the feed at ``path`` in one atomic step; False when it already held exactly
    this (nothing written). ExportError (one line naming the file) on failure."""
    path = Path(path)
    previous = read_previous(path)
    data = feed_ics(profile, plan, previous, now)
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass
    atomic_write_bytes(path, data)
    return True


def check_target(path: Path) -> None:
    """ExportError when ``path`` cannot be the feed (a folder, a missing folder, another
    program's file); nothing is written."""
    path = Path(path)
    if path.is_dir():
        raise ExportError(f"cannot write {path}: it is a folder")
    if not path.parent.is_dir():
        raise ExportError(f"cannot write {path}: the folder {path.parent} does not exist")
    read_previous(path)


__all__ = ["feed_ics", "write_feed", "read_previous", "check_target", "Previous", "REVISION"]
