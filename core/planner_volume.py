"""Weekly running minutes: the target for each week and how it splits across runs (rules 4–5,
14–15).

The target is worked out first (week 1 from the profile, then at most +10 % a week, every
4th week lighter), then spread over the week's run slots within each kind's minute range.
A week of 120 minutes or more keeps most of its running easy (at most 2 hard runs, an easy
run, hard minutes at most 40 %); a lighter week holds no more hard runs than the week
before and a shorter tempo. All minutes are whole multiples of 5, so every number on the
printout is a round one.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from core.catalog import (
    EASY_WEEK_HARD_RUNS,
    EASY_WEEK_HARD_SHARE,
    EASY_WEEK_MINUTES,
    LEVEL_FLOOR,
    LIGHTER_EVERY,
    LIGHTER_SHARE,
    LIGHTER_TEMPO_MAX,
    LIGHTEST_WEEK,
    MINUTES_RANGE,
    WEEKLY_GROWTH,
)
from core.plan import HARD_RUN_KINDS
from core.planner_layout import FLEX, LONG, QUALITY, Layout

STEP = 5


@dataclass(frozen=True)
class Slot:
    """A day that can carry a run this week; optional slots run only when volume needs them."""

    day: int
    kind: str
    optional: bool
    top: int | None = None  # a lower top than the kind's range (a lighter week's tempo)

    @property
    def low(self) -> int:
        return MINUTES_RANGE[self.kind][0]

    @property
    def high(self) -> int:
        return self.top if self.top is not None else MINUTES_RANGE[self.kind][1]

    @property
    def hard(self) -> bool:
        return self.kind in HARD_RUN_KINDS


def is_lighter(index: int) -> bool:
    """Every 4th week (4, 8, 12, …) is a lighter week."""
    return index % LIGHTER_EVERY == 0


def quality_kinds(count: int, index: int, level: str) -> list[str]:
    """Kinds for the week's quality days, in week order (rule 6; hiit and hills alternate)."""
    if level == "beginner":
        first = "hills" if index >= 3 and index % 2 == 1 else "hiit"
    else:
        first = "hiit" if index % 2 == 1 else "hills"
    kinds = [first, "tempo", "hills" if first == "hiit" else "hiit"]
    return kinds[:count]


def week_slots(layout: Layout, index: int, level: str, *, big: bool = False,
               hard_limit: int | None = None, lighter: bool = False) -> list[Slot]:
    """The week's run slots: long run and first quality run, then optional ones by priority.

    ``big`` (a week of 120+ minutes, rule 14): at most 2 hard runs, the other quality days
    carry easy runs, and one easy run is part of the week. ``hard_limit`` caps the hard runs
    (a lighter week: no more than the week before, rule 15); ``lighter`` shortens the tempo.
    """
    quality_days = layout.days_with(QUALITY)
    kinds = quality_kinds(len(quality_days), index, level)
    most = len(kinds)
    if big:
        most = min(most, EASY_WEEK_HARD_RUNS)
        if not layout.days_with(FLEX):
            most = min(most, len(kinds) - 1)
    if hard_limit is not None:
        most = min(most, hard_limit)
    most = max(1, most)
    top = LIGHTER_TEMPO_MAX if lighter else None
    slots = [Slot(layout.days_with(LONG)[0], "long_run", False),
             Slot(quality_days[0], kinds[0], False, top if kinds[0] == "tempo" else None)]
    hard = sorted(zip(quality_days[1:most], kinds[1:most], strict=True),
                  key=lambda pair: (pair[1] != "tempo", pair[0]))
    slots += [Slot(day, kind, True, top if kind == "tempo" else None) for day, kind in hard]
    easy_days = sorted((*layout.days_with(FLEX), *quality_days[most:]))
    slots += [Slot(day, "easy_run", not (big and i == 0)) for i, day in enumerate(easy_days)]
    return slots


def capacity(slots: list[Slot], big: bool = False) -> int:
    """The most running minutes these slots can hold (with rule 14's 40 % when ``big``)."""
    most = sum(s.high for s in slots)
    if not big:
        return most
    for total in range(most, 0, -STEP):
        if fits(slots, total):
            return total
    return 0


def fits(slots: list[Slot], total: int) -> bool:
    """Whether ``slots`` can run exactly ``total`` minutes with hard minutes ≤ 40 % of it."""
    budget = floor_step(total * EASY_WEEK_HARD_SHARE)
    hard_low = sum(s.low for s in slots if s.hard)
    hard_high = min(budget, sum(s.high for s in slots if s.hard))
    easy_low = sum(s.low for s in slots if not s.hard)
    easy_high = sum(s.high for s in slots if not s.hard)
    return hard_low <= hard_high and hard_low + easy_low <= total <= hard_high + easy_high


def is_big(target: int) -> bool:
    """A week of 120 running minutes or more keeps most of its running easy (rule 14)."""
    return target >= EASY_WEEK_MINUTES


def floor_step(minutes: Fraction | int) -> int:
    """Round down to a multiple of 5."""
    return int(minutes // STEP) * STEP


def ceil_step(minutes: Fraction | int) -> int:
    """Round up to a multiple of 5."""
    return -int(-minutes // STEP) * STEP


def first_week_target(level: str, weekly_run_minutes: int, cap: int) -> int:
    """Week 1: the runner's current minutes or the level's floor, whichever is more (rule 5)."""
    floor = min(LEVEL_FLOOR[level], cap)
    return max(LIGHTEST_WEEK, floor_step(min(max(weekly_run_minutes, floor), cap)))


def next_target(*, lighter: bool, prev_planned: int, prev_done: int, prev_lighter: bool,
                last_full: int, cap: int) -> int:
    """A later week's target from the week before it (rule 4).

    ``prev_done`` is what was actually run; when it falls short of ``prev_planned`` the
    progression starts from it instead (SPEC §3 adaptation).
    """
    short = prev_done < prev_planned
    base = min(prev_done, prev_planned)
    if lighter:
        top = floor_step(prev_planned * LIGHTER_SHARE[1])
        bottom = ceil_step(prev_planned * LIGHTER_SHARE[0])
        target = bottom if short and bottom <= top else top
    elif prev_lighter:
        target = min(last_full, floor_step(base * WEEKLY_GROWTH)) if short else last_full
    else:
        target = floor_step(base * WEEKLY_GROWTH)
    return min(cap, max(LIGHTEST_WEEK, target))


def split_minutes(slots: list[Slot], target: int, big: bool = False) -> dict[int, int]:
    """Minutes per run day summing to ``target``: mandatory runs, then optional ones that fit.

    An optional run joins when the others cannot hold the target, or when the target
    reaches the middle of every chosen range, so the long run is not cut short just to fit
    in one more run. Each run starts at the bottom of its range; the rest goes 5 minutes at
    a time to the run least filled, so the runs grow together. In a ``big`` week the hard
    runs together stay within 40 % of the week (rule 14).
    """
    chosen: list[Slot] = []
    for slot in slots:
        needed = capacity(chosen, big) < target
        middle = sum(s.low + s.high for s in [*chosen, slot]) <= 2 * target
        if not slot.optional or needed or middle:
            chosen.append(slot)
    total = min(target, capacity(chosen, big))
    if big:
        while total > 0 and not fits(chosen, total):
            total -= STEP
    budget = floor_step(total * EASY_WEEK_HARD_SHARE) if big else total
    minutes = {s.day: s.low for s in chosen}
    left = total - sum(minutes.values())
    while left > 0:
        hard_used = sum(minutes[s.day] for s in chosen if s.hard)
        open_slots = [s for s in chosen if minutes[s.day] < s.high
                      and (not s.hard or hard_used + STEP <= budget)]
        if not open_slots:
            break
        pick = min(open_slots, key=lambda s: Fraction(minutes[s.day] - s.low, s.high - s.low))
        minutes[pick.day] += STEP
        left -= STEP
    return minutes
