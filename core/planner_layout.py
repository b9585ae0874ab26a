"""Which role each weekday plays in a plan (SPEC §3 rules 1–3, 6, 11, 12).

One layout serves every week of a plan, and its hard days are checked as a ring (Sunday
touches the next Monday), so the rules hold across week boundaries too. The layout is found
by trying every placement of the strength and quality days and keeping the best by, in
order: fewest back-to-back strength days (rule 12), as many quality runs as the level wants,
fewest hard runs next to the long run, and closeness to [S0]'s sample week.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations

from core.profile import DAYS

STRENGTH = "strength"
LONG = "long"
QUALITY = "quality"  # a hard run: hiit, hills or tempo
FLEX = "flex"  # an easy run when the week's volume needs it, else cross-training / recovery
RECOVERY = "recovery"
REST = "rest"

MAX_FLEX = 2  # easy_run is 0–2 a week
MAX_RECOVERY = 2  # active_recovery is 0–2 a week
QUALITY_WANTED = {"beginner": 1, "intermediate": 2, "advanced": 3}

# [S0]'s sample week by offset from the long-run day (long run on Tuesday).
_SEED_PATTERN: dict[str, dict[int, str]] = {
    "beginner": {6: STRENGTH, 1: RECOVERY, 2: STRENGTH, 3: QUALITY, 4: FLEX, 5: REST},
    "other": {6: STRENGTH, 1: FLEX, 2: STRENGTH, 3: QUALITY, 4: FLEX, 5: REST},
}
# Where a rest day goes when every day is available, by offset from the long run.
_REST_OFFSETS = (5, 1, 4, 6, 2, 3)


@dataclass(frozen=True)
class Layout:
    """Seven roles, Monday first."""

    roles: tuple[str, ...]

    def days_with(self, role: str) -> tuple[int, ...]:
        return tuple(i for i, r in enumerate(self.roles) if r == role)


def ring_adjacent(a: int, b: int) -> bool:
    """True when weekdays ``a`` and ``b`` (0 = Monday) are next to each other, Sun→Mon too."""
    return (a - b) % 7 in (1, 6)


def adjacent_pairs(days: Iterable[int]) -> int:
    """How many pairs of ``days`` sit next to each other on the weekly ring."""
    return sum(1 for a, b in combinations(sorted(set(days)), 2) if ring_adjacent(a, b))


def _room_left(available: int, strength: int) -> int:
    """Available days left for quality runs once strength, long run and a rest are placed."""
    return available - 1 - strength - (1 if available == 7 else 0)


def strength_spacing_possible(available_days: tuple[str, ...], long_run_day: str,
                              strength: int) -> bool:
    """Whether strength can avoid back-to-back days (rule 12) and still leave a quality day."""
    long_day = DAYS.index(long_run_day)
    others = [DAYS.index(d) for d in available_days if DAYS.index(d) != long_day]
    if _room_left(len(available_days), strength) < 1:
        return False
    return any(adjacent_pairs(s) == 0 for s in combinations(others, strength))


@lru_cache(maxsize=512)
def week_layout(available_days: tuple[str, ...], long_run_day: str, strength: int,
                level: str) -> Layout:
    """The best layout for these days, long-run day, strength count and level."""
    avail = [DAYS.index(d) for d in available_days]
    long_day = DAYS.index(long_run_day)
    others = [d for d in avail if d != long_day]
    wanted = QUALITY_WANTED[level]
    pattern = _SEED_PATTERN["beginner" if level == "beginner" else "other"]
    best: tuple[tuple[int, ...], Layout] | None = None
    for strength_days in combinations(others, strength):
        pool = [d for d in others if d not in strength_days]
        most = min(wanted, len(pool) - (1 if len(avail) == 7 else 0))
        for count in range(1, most + 1):
            for quality in combinations(pool, count):
                if adjacent_pairs(quality):
                    continue
                roles = _assign_free(avail, long_day, strength_days, quality, level)
                score = (
                    adjacent_pairs(strength_days),
                    -count,
                    sum(1 for q in quality if ring_adjacent(q, long_day)),
                    _mismatch(roles, long_day, pattern),
                )
                if best is None or score < best[0]:
                    best = (score, Layout(roles))
    if best is None:  # unreachable for a valid profile; kept for a clear message
        raise ValueError("available_days leave no room for the long run, strength and a "
                         "hard run")
    return best[1]


def _assign_free(avail: list[int], long_day: int, strength_days: tuple[int, ...],
                 quality: tuple[int, ...], level: str) -> tuple[str, ...]:
    """Fill the days left over: rest, recovery after the long run (beginners), easy slots."""
    roles: list[str | None] = [None if d in avail else REST for d in range(7)]
    roles[long_day] = LONG
    for d in strength_days:
        roles[d] = STRENGTH
    for d in quality:
        roles[d] = QUALITY
    if REST not in roles:
        for offset in _REST_OFFSETS:
            day = (long_day + offset) % 7
            if roles[day] is None:
                roles[day] = REST
                break
    after_long = (long_day + 1) % 7
    if level == "beginner" and roles[after_long] is None:
        roles[after_long] = RECOVERY
    for day in range(7):
        if roles[day] is not None:
            continue
        if roles.count(FLEX) < MAX_FLEX:
            roles[day] = FLEX
        elif roles.count(RECOVERY) < MAX_RECOVERY:
            roles[day] = RECOVERY
        else:
            roles[day] = REST
    return tuple(r or REST for r in roles)


def _mismatch(roles: tuple[str, ...], long_day: int, pattern: dict[int, str]) -> int:
    """How many days differ from [S0]'s sample week, shifted to this long-run day."""
    return sum(1 for offset, role in pattern.items() if roles[(long_day + offset) % 7] != role)
