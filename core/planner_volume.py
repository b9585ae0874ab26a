"""Weekly running minutes: the target for each week and how it splits across runs (rules 4–5).

The target is worked out first (week 1 from the profile, then at most +10 % a week, every
4th week lighter), then spread over the week's run slots within each kind's minute range.
All minutes are whole multiples of 5, so every number on the printout is a round one.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from core.catalog import LEVEL_FLOOR, LIGHTEST_WEEK, MINUTES_RANGE
from core.planner_layout import FLEX, LONG, QUALITY, Layout

STEP = 5


@dataclass(frozen=True)
class Slot:
    """A day that can carry a run this week; optional slots run only when volume needs them."""

    day: int
    kind: str
    optional: bool

    @property
    def low(self) -> int:
        return MINUTES_RANGE[self.kind][0]

    @property
    def high(self) -> int:
        return MINUTES_RANGE[self.kind][1]


def is_lighter(index: int) -> bool:
    """Every 4th week (4, 8, 12, …) is a lighter week."""
    return index % 4 == 0


def quality_kinds(count: int, index: int, level: str) -> list[str]:
    """Kinds for the week's quality days, in week order (rule 6; hiit and hills alternate)."""
    if level == "beginner":
        first = "hills" if index >= 3 and index % 2 == 1 else "hiit"
    else:
        first = "hiit" if index % 2 == 1 else "hills"
    kinds = [first, "tempo", "hills" if first == "hiit" else "hiit"]
    return kinds[:count]


def week_slots(layout: Layout, index: int, level: str) -> list[Slot]:
    """The week's run slots: long run and first quality run, then optional ones by priority."""
    quality_days = layout.days_with(QUALITY)
    kinds = quality_kinds(len(quality_days), index, level)
    slots = [Slot(layout.days_with(LONG)[0], "long_run", False),
             Slot(quality_days[0], kinds[0], False)]
    extra = sorted(zip(quality_days[1:], kinds[1:], strict=True),
                   key=lambda pair: (pair[1] != "tempo", pair[0]))
    slots += [Slot(day, kind, True) for day, kind in extra]
    slots += [Slot(day, "easy_run", True) for day in layout.days_with(FLEX)]
    return slots


def capacity(slots: list[Slot]) -> int:
    """The most running minutes these slots can hold."""
    return sum(s.high for s in slots)


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
        top = floor_step(prev_planned * Fraction(8, 10))
        bottom = ceil_step(prev_planned * Fraction(7, 10))
        target = bottom if short and bottom <= top else top
    elif prev_lighter:
        target = min(last_full, floor_step(base * Fraction(11, 10))) if short else last_full
    else:
        target = floor_step(base * Fraction(11, 10))
    return min(cap, max(LIGHTEST_WEEK, target))


def split_minutes(slots: list[Slot], target: int) -> dict[int, int]:
    """Minutes per run day summing to ``target``: mandatory runs, then optional ones that fit.

    An optional run joins when the others cannot hold the target, or when the target
    reaches the middle of every chosen range, so the long run is not cut short just to fit
    in one more run. Each run starts at the bottom of its range; the rest goes 5 minutes at
    a time to the run least filled, so the runs grow together.
    """
    chosen: list[Slot] = []
    for slot in slots:
        needed = capacity(chosen) < target
        middle = sum(s.low + s.high for s in [*chosen, slot]) <= 2 * target
        if not slot.optional or needed or middle:
            chosen.append(slot)
    minutes = {s.day: s.low for s in chosen}
    left = min(target, capacity(chosen)) - sum(minutes.values())
    while left > 0:
        open_slots = [s for s in chosen if minutes[s.day] < s.high]
        pick = min(open_slots, key=lambda s: Fraction(minutes[s.day] - s.low, s.high - s.low))
        minutes[pick.day] += STEP
        left -= STEP
    return minutes
