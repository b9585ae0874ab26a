"""What a repository write changed, so each page refreshes only what it shows."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Change:
    """``days`` are the dates whose check-in, outcome or session changed; ``everything`` means
    reload all (a restore); ``summary`` is a sentence for the status bar."""

    profile: bool = False
    plan: bool = False
    days: frozenset[date] = field(default_factory=frozenset)
    everything: bool = False
    summary: str = ""

    @property
    def is_empty(self) -> bool:
        return not (self.profile or self.plan or self.days or self.everything)


NO_CHANGES = Change(summary="No changes")
