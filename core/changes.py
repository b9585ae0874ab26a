"""What a write changed, as data (STYLE habit 3): pages refresh only what a Change touches and
each face words it; nothing reads the ``summary`` sentence to find out what happened."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Adaptation:
    """One week the plan adapted: its index, its running minutes before and after, and the
    finished week's done and planned minutes that caused it (0, 0 for an accepted offer)."""

    week: int
    old_minutes: int
    new_minutes: int
    done_minutes: int = 0
    planned_minutes: int = 0


@dataclass(frozen=True)
class Change:
    """``days``: dates whose check-in, outcome or session changed; ``weeks``: plan weeks
    (1-based) whose sessions changed; ``everything``: reload all (a restore); ``moved``: the
    (from, to) days of a move; ``kept_logged``: logged days a rebuilt plan kept;
    ``summary``: a sentence for the status bar, for display only."""

    profile: bool = False
    plan: bool = False
    days: frozenset[date] = field(default_factory=frozenset)
    weeks: frozenset[int] = field(default_factory=frozenset)
    everything: bool = False
    moved: tuple[date, date] | None = None
    kept_logged: int = 0
    adaptations: tuple[Adaptation, ...] = ()
    summary: str = ""

    @property
    def is_empty(self) -> bool:
        return not (self.profile or self.plan or self.days or self.everything)

    def touches(self, first: date, last: date) -> bool:
        """True when the change may alter what a view of ``first``…``last`` shows: a plan
        change that names its days (a move, new minutes, adapted weeks) touches those days
        only; one that names none (a rebuilt plan) touches every day."""
        if self.everything or self.profile or (self.plan and not self.days):
            return True
        return any(first <= d <= last for d in self.days)


NO_CHANGES = Change(summary="No changes")
