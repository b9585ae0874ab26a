"""The plan's data: Plan, Week and Session dataclasses and their JSON form (SPEC §3, §7).

The planner builds these; the store, the exports and the desktop read them. Nothing here
knows how a plan is made.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

KINDS: tuple[str, ...] = (
    "long_run", "easy_run", "hiit", "tempo", "hills", "strength",
    "cross_training", "active_recovery", "rest",
)
RUN_KINDS = frozenset({"long_run", "easy_run", "hiit", "tempo", "hills"})
HARD_RUN_KINDS = frozenset({"hiit", "hills", "tempo"})
HARD_KINDS = frozenset({"hiit", "hills", "tempo", "strength"})
FOAM_ROLL_AREAS: tuple[str, ...] = ("quads", "glutes", "hamstrings", "calves")
# In an accepted adaptation (an easy run instead of a hard session) ``details`` names the
# kind it replaced, so the week's rules still count the session it stands in for.
ADAPTED_KEY = "instead_of"


@dataclass(frozen=True)
class Session:
    """One day's session. A rest day is a Session too (kind ``rest``, 0 minutes).

    ``details`` holds ``repeats`` (hills), ``intervals`` {work_s, recovery_s, rounds} (hiit),
    ``run_walk`` {run_s, walk_s, rounds} (a run/walk run) or ``exercises`` [{name, sets,
    reps}] (strength); ``structure`` is the warm-up, main set
    and cool-down as short lines; ``foam_roll`` says foam rolling is suggested that day.
    ``edited`` marks a session the user moved or changed.
    """

    date: date
    kind: str
    title: str
    minutes: int
    hard: bool
    why: str
    details: dict[str, Any] = field(default_factory=dict, compare=True)
    structure: tuple[str, ...] = ()
    foam_roll: bool = False
    edited: bool = False

    @property
    def is_run(self) -> bool:
        return self.kind in RUN_KINDS

    @property
    def is_hard_run(self) -> bool:
        return self.kind in HARD_RUN_KINDS

    def moved_to(self, day: dt.date) -> Session:
        return replace(self, date=day, edited=True)

    def with_minutes(self, minutes: int) -> Session:
        return replace(self, minutes=minutes, edited=True)

    def to_json(self, *, full: bool = True) -> dict[str, Any]:
        """SPEC §7's session object; ``full`` adds structure, foam_roll and edited."""
        data: dict[str, Any] = {
            "date": self.date.isoformat(), "kind": self.kind, "title": self.title,
            "minutes": self.minutes, "hard": self.hard, "why": self.why,
            "details": self.details,
        }
        if full:
            data.update(structure=list(self.structure), foam_roll=self.foam_roll,
                        edited=self.edited)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Session:
        return cls(
            date=date.fromisoformat(data["date"]), kind=data["kind"], title=data["title"],
            minutes=int(data["minutes"]), hard=bool(data["hard"]), why=data["why"],
            details=dict(data.get("details") or {}),
            structure=tuple(data.get("structure") or ()),
            foam_roll=bool(data.get("foam_roll", False)), edited=bool(data.get("edited", False)),
        )


@dataclass(frozen=True)
class Week:
    """Seven sessions, Monday first. ``index`` counts from 1."""

    index: int
    start: date
    lighter: bool
    sessions: tuple[Session, ...]

    @property
    def end(self) -> date:
        return self.start + timedelta(days=6)

    @property
    def run_minutes(self) -> int:
        return sum(s.minutes for s in self.sessions if s.is_run)

    def session_on(self, day: date) -> Session | None:
        for s in self.sessions:
            if s.date == day:
                return s
        return None

    def to_json(self, *, full: bool = True) -> dict[str, Any]:
        return {
            "index": self.index, "start": self.start.isoformat(), "lighter": self.lighter,
            "run_minutes": self.run_minutes,
            "sessions": [s.to_json(full=full)
                         for s in sorted(self.sessions, key=lambda s: s.date)],
        }


@dataclass(frozen=True)
class Plan:
    """Consecutive weeks from a Monday; ``notes`` are the plan's notes (rule 16)."""

    start: date
    weeks: tuple[Week, ...]
    notes: tuple[str, ...] = field(default=(), compare=False)  # derived from the profile

    @property
    def end(self) -> date:
        return self.start + timedelta(days=7 * len(self.weeks) - 1)

    def sessions(self) -> Iterator[Session]:
        for w in self.weeks:
            yield from sorted(w.sessions, key=lambda s: s.date)

    def week_of(self, day: date) -> Week | None:
        if not self.start <= day <= self.end:
            return None
        return self.weeks[(day - self.start).days // 7]

    def session_on(self, day: date) -> Session | None:
        week = self.week_of(day)
        return week.session_on(day) if week else None

    def current_week(self, today: date) -> Week:
        """The week holding ``today``; the first week before the plan starts, the last after."""
        if today < self.start:
            return self.weeks[0]
        return self.week_of(today) or self.weeks[-1]

    def to_json(self, *, full: bool = True) -> dict[str, Any]:
        """The plan as JSON; ``full=False`` gives exactly the keys of SPEC §7."""
        data: dict[str, Any] = {"start": self.start.isoformat(),
                                "weeks": [w.to_json(full=full) for w in self.weeks]}
        if not full:
            data["notes"] = list(self.notes)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Plan:
        weeks = tuple(
            Week(index=int(w["index"]), start=date.fromisoformat(w["start"]),
                 lighter=bool(w["lighter"]),
                 sessions=tuple(Session.from_json(s) for s in w["sessions"]))
            for w in data["weeks"]
        )
        return cls(start=date.fromisoformat(data["start"]), weeks=weeks,
                   notes=tuple(data.get("notes") or ()))


class PlanDateError(ValueError):
    """A day that cannot be a day of a plan: no Monday follows it, or the plan would run
    past the last date there is."""


def monday_on_or_after(day: date) -> date:
    """The Monday on or after ``day`` (a plan always starts on a Monday); PlanDateError when
    there is none (the last days of year 9999)."""
    try:
        return day + timedelta(days=(7 - day.weekday()) % 7)
    except OverflowError:
        raise PlanDateError(f"there is no Monday on or after {day.isoformat()}") from None


def check_plan_span(monday: date, weeks: int) -> None:
    """PlanDateError when ``weeks`` weeks from ``monday`` would run past the last date."""
    if (date.max - monday).days < 7 * weeks - 1:
        raise PlanDateError(f"a {weeks}-week plan from {monday.isoformat()} would end after "
                            f"{date.max.isoformat()}")


def monday_of(day: date) -> date:
    """The Monday of ``day``'s week."""
    return day - timedelta(days=day.weekday())
