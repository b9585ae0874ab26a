"""Recovery (SPEC §5): the daily checklist, sleep and foam-rolling numbers, chart series,
and the adaptation offers of SPEC §3 (a short-sleep or missed-session easy-run swap).

A check-in dated D holds the night slept before D. When several check-ins share a date, or
several outcomes, the last one wins.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from core.checkin import CheckIn, Outcome
from core.plan import ADAPTED_KEY, FOAM_ROLL_AREAS, HARD_KINDS, Plan, Session
from core.wording import short_day

SLEEP_TARGET = (7.0, 9.0)
SLEEP_TARGET_65 = (7.0, 8.0)
OLDER_AGE = 65


def sleep_target(age: int) -> tuple[float, float]:
    """Hours of sleep to aim for: 7–9 [S4], 7–8 from 65 [EXT: National Sleep Foundation]."""
    return SLEEP_TARGET_65 if age >= OLDER_AGE else SLEEP_TARGET


def _hours(h: float) -> str:
    return str(int(h)) if float(h).is_integer() else f"{h:g}"


@dataclass(frozen=True)
class ChecklistItem:
    """One tick on the day's checklist; ``applies`` is False for items not asked of that day."""

    key: str
    label: str
    done: bool
    applies: bool


@dataclass(frozen=True)
class Checklist:
    """The day's recovery checklist; counts include only the items that apply that day."""

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

    Sleep and water apply every day; warm-up and stretching on run days; each foam-roll
    area applies on days the plan suggests foam rolling (rolling on other days still shows
    as done, as a bonus outside the count).
    """
    c = checkin if checkin is not None else CheckIn(date=day)
    run_day = session is not None and session.is_run
    roll_day = session is not None and session.foam_roll
    lo, hi = sleep_target(age)
    suffix = " (suggested today)" if roll_day else ""
    items = [
        ChecklistItem("sleep", f"Sleep logged (target {_hours(lo)}–{_hours(hi)} h)",
                      c.sleep_hours is not None, True),
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


# --- adaptation (SPEC §3) -------------------------------------------------------------

SHORT_NIGHT_HOURS = 7.0
EASY_MINUTES = (30, 45)


@dataclass(frozen=True)
class Offer:
    """A suggestion to run ``replacement`` instead of ``original`` on ``date``; data only."""

    date: date
    original: Session
    replacement: Session
    reason: str


def _easy_instead(original: Session, reason: str) -> Session:
    minutes = min(max(original.minutes, EASY_MINUTES[0]), EASY_MINUTES[1])
    return Session(
        date=original.date, kind="easy_run", title=f"Easy run (instead of {original.title})",
        minutes=minutes, hard=False, why=reason, details={ADAPTED_KEY: original.kind},
        structure=("Warm-up: 5 min brisk walk, then leg swings and high knees",
                   f"Main: {minutes - 10} min at an easy, conversational pace",
                   "Cool-down: 5 min walk, then static stretches"),
        foam_roll=original.foam_roll, edited=True)


def _short_nights(checkins: Iterable[CheckIn], today: date) -> tuple[date, str] | None:
    nights = sorted((d, c.sleep_hours) for d, c in _by_date(checkins).items()
                    if d <= today and c.sleep_hours is not None)
    if len(nights) < 2 or any(h >= SHORT_NIGHT_HOURS for _, h in nights[-2:]):
        return None
    (_, a), (last, b) = nights[-2:]
    return last, (f"Your last two nights were {a:g} h and {b:g} h, under 7 h: an easy run "
                  "instead of a hard session lets your body catch up.")


TRIGGER_DAYS = 7  # a short night or a missed session older than this no longer counts


def _live(start: date, sessions: list[Session], status: dict[date, str], today: date) -> bool:
    """A trigger still counts: recent, and no hard session has been done since."""
    if (today - start).days > TRIGGER_DAYS:
        return False
    return not any(start < s.date < today and s.kind in HARD_KINDS
                   and status.get(s.date) == "done" for s in sessions)


def _missed_reason(missed: list[Session]) -> str:
    """One sentence for one or several skipped hard sessions."""
    first = missed[0]
    when = short_day(first.date)
    what = (f"{first.title} on {when}" if len(missed) == 1
            else f"{len(missed)} hard sessions since {when}")
    return f"You missed {what}: ease back in with an easy run before the next hard session."


def adaptation_offers(plan: Plan, checkins: Iterable[CheckIn], outcomes: Iterable[Outcome],
                      today: date, dismissed: frozenset[date] = frozenset()) -> list[Offer]:
    """Offer the next hard session as an easy run after two short nights or a missed session.

    Triggers: the last two logged nights up to ``today`` are both under 7 h, or a hard session
    up to today was marked skipped (several skips make one trigger and one sentence). The
    offer goes to the first hard session from ``today`` on that comes after the trigger (on or
    after the later night; after the last missed session) and has no mark yet. A session with
    no outcome is not counted as missed. A trigger older than a week, or one followed by a
    hard session already done, is spent. No offer is made when that session was already
    swapped (an accepted offer) or was declined (``dismissed``). Nothing in ``plan`` changes; the caller applies an accepted
    ``Offer.replacement``.
    """
    status = {o.date: o.status for o in outcomes}
    sessions = sorted(plan.sessions(), key=lambda s: s.date)
    triggers: list[tuple[date, bool, str]] = []  # (from date, inclusive, reason)
    short = _short_nights(checkins, today)
    if short is not None and _live(short[0], sessions, status, today):
        triggers.append((short[0], True, short[1]))
    missed = [s for s in sessions if s.kind in HARD_KINDS and s.date <= today
              and status.get(s.date) == "skipped" and _live(s.date, sessions, status, today)]
    if missed:
        triggers.append((missed[-1].date, False, _missed_reason(missed)))
    reasons: dict[date, list[str]] = {}
    targets: dict[date, Session] = {}
    for start, inclusive, reason in triggers:
        target = next((s for s in sessions
                       if (s.date >= start if inclusive else s.date > start)
                       and s.date >= today and s.date not in status
                       and (s.kind in HARD_KINDS or ADAPTED_KEY in s.details)), None)
        if target is None or ADAPTED_KEY in target.details or target.date in dismissed:
            continue
        targets[target.date] = target
        reasons.setdefault(target.date, []).append(reason)
    offers = []
    for day in sorted(targets):
        reason = " ".join(reasons[day])
        offers.append(Offer(date=day, original=targets[day],
                            replacement=_easy_instead(targets[day], reason), reason=reason))
    return offers


__all__ = ["sleep_target", "ChecklistItem", "Checklist", "checklist", "sleep_average",
           "nights_in_range", "foam_roll_sessions", "foam_roll_sessions_per_week",
           "foam_roll_streak", "sleep_series", "foam_roll_weekly", "Offer",
           "adaptation_offers"]
