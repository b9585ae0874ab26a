"""Recovery (SPEC §5): the daily checklist, sleep and foam-rolling numbers and chart series.
The adaptation offers of SPEC §3 live in core.adaptation and the sleep target in core.sleep
(both re-exported here).

A check-in dated D holds the night slept before D. When several check-ins share a date, or
several outcomes, the last one wins.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from core.adaptation import Offer as Offer
from core.adaptation import adaptation_offers as adaptation_offers
from core.checkin import CheckIn
from core.plan import ADAPTED_KEY as ADAPTED_KEY
from core.plan import FOAM_ROLL_AREAS, Session
from core.sleep import OLDER_AGE as OLDER_AGE
from core.sleep import SLEEP_TARGET as SLEEP_TARGET
from core.sleep import SLEEP_TARGET_65 as SLEEP_TARGET_65
from core.sleep import hours_text as _hours
from core.sleep import sleep_target as sleep_target
from core.sleep import sleep_target_text as sleep_target_text


@dataclass(frozen=True)
class ChecklistItem:
    """One tick on the day's checklist; ``applies`` is False for items not asked of that day."""

    key: str
    label: str
    done: bool
    applies: bool


@dataclass(frozen=True)
class Checklist:
    """The day's recovery checklist; counts include only the items that apply that day, so
    the total depends on the day's plan alone (weight and measurements never count)."""

    date: date
    items: tuple[ChecklistItem, ...]
    sleep_hours: float | None
    sleep_quality: int | None

    @property
    def done_count(self) -> int:
        return sum(1 for i in self.items if i.applies and i.done)

    @property
    def total(self) -> int:
        return sum(1 for i in self.items if i.applies)

    def item(self, key: str) -> ChecklistItem:
        """The item with ``key`` (KeyError when there is none)."""
        for i in self.items:
            if i.key == key:
                return i
        raise KeyError(key)


def checklist(day: date, session: Session | None, checkin: CheckIn | None,
              age: int) -> Checklist:
    """The SPEC §5 checklist for ``day``.

    Sleep (done at the target's lower end or more) and water apply every day; warm-up and stretching on run days; each foam-roll
    area applies on days the plan suggests foam rolling (rolling on other days still shows
    as done, as a bonus outside the count).
    """
    c = checkin if checkin is not None else CheckIn(date=day)
    run_day = session is not None and session.is_run
    roll_day = session is not None and session.foam_roll
    lo, hi = sleep_target(age)
    suffix = " (suggested today)" if roll_day else ""
    items = [
        # A night under the target is logged but not done: the tick means "slept enough".
        ChecklistItem("sleep", f"Slept at least {_hours(lo)} h (target {_hours(lo)}–{_hours(hi)} h)",
                      c.sleep_hours is not None and c.sleep_hours >= lo, True),
        ChecklistItem("warmup", "Dynamic warm-up before the run (leg swings, high knees)",
                      c.warmup_done, run_day),
        ChecklistItem("stretch", "Static stretches after the run, muscles still warm",
                      c.stretch_done, run_day),
    ]
    items += [ChecklistItem(f"foam_roll_{area}", f"Foam roll {area}{suffix}",
                            area in c.foam_roll, roll_day) for area in FOAM_ROLL_AREAS]
    items.append(ChecklistItem("water", "Water target met", c.water_met, True))
    return Checklist(date=day, items=tuple(items), sleep_hours=c.sleep_hours,
                     sleep_quality=c.sleep_quality)


def _by_date(checkins: Iterable[CheckIn]) -> dict[date, CheckIn]:
    return {c.date: c for c in checkins}


def _nights(checkins: Iterable[CheckIn], end: date, days: int) -> list[float]:
    start = end - timedelta(days=days - 1)
    return [c.sleep_hours for d, c in _by_date(checkins).items()
            if start <= d <= end and c.sleep_hours is not None]


def sleep_average(checkins: Iterable[CheckIn], end: date, days: int = 7) -> float | None:
    """Mean sleep over the nights logged in the ``days`` ending on ``end`` (None if none)."""
    nights = _nights(checkins, end, days)
    return sum(nights) / len(nights) if nights else None


def nights_in_range(checkins: Iterable[CheckIn], end: date, days: int = 7,
                    lo: float = 7.0, hi: float = 9.0) -> int:
    """How many logged nights in the window had ``lo``–``hi`` hours (both ends included)."""
    return sum(1 for h in _nights(checkins, end, days) if lo <= h <= hi)


def _roll_days(checkins: Iterable[CheckIn]) -> set[date]:
    return {d for d, c in _by_date(checkins).items() if c.foam_roll}


def foam_roll_sessions(checkins: Iterable[CheckIn], start: date, end: date) -> int:
    """Days from ``start`` to ``end`` (inclusive) with at least one area foam-rolled."""
    return sum(1 for d in _roll_days(checkins) if start <= d <= end)


def foam_roll_sessions_per_week(checkins: Iterable[CheckIn], week_start: date) -> int:
    """Foam-rolling days in the seven days from ``week_start``."""
    return foam_roll_sessions(checkins, week_start, week_start + timedelta(days=6))


def foam_roll_streak(checkins: Iterable[CheckIn], today: date) -> int:
    """Consecutive foam-rolling days ending today, or yesterday while today is not logged."""
    days = _roll_days(checkins)
    day = today if today in days else today - timedelta(days=1)
    streak = 0
    while day in days:
        streak += 1
        day -= timedelta(days=1)
    return streak


def sleep_series(checkins: Iterable[CheckIn], start: date,
                 end: date) -> list[tuple[date, float | None]]:
    """One point per day from ``start`` to ``end``: hours slept, or None when not logged."""
    by_date = _by_date(checkins)
    out: list[tuple[date, float | None]] = []
    day = start
    while day <= end:
        c = by_date.get(day)
        out.append((day, c.sleep_hours if c is not None else None))
        day += timedelta(days=1)
    return out


def foam_roll_weekly(checkins: Iterable[CheckIn], first_monday: date,
                     weeks: int) -> list[tuple[date, int]]:
    """Foam-rolling days per week for ``weeks`` weeks from ``first_monday``."""
    items = list(checkins)
    starts = [first_monday + timedelta(days=7 * i) for i in range(weeks)]
    return [(s, foam_roll_sessions_per_week(items, s)) for s in starts]


__all__ = ["sleep_target", "sleep_target_text", "OLDER_AGE", "ChecklistItem", "Checklist", "checklist", "sleep_average",
           "nights_in_range", "foam_roll_sessions", "foam_roll_sessions_per_week",
           "foam_roll_streak", "sleep_series", "foam_roll_weekly", "Offer",
           "adaptation_offers"]
