"""The sleep target (SPEC §5): 7–9 h a night, 7–8 h from 65, said the same way by every face.

Its own module so that the words (``core.wording``) can name it without importing the
recovery checklist, which re-exports the adaptation offers, which word their dates with
``core.wording``."""

from __future__ import annotations

SLEEP_TARGET = (7.0, 9.0)
SLEEP_TARGET_65 = (7.0, 8.0)
OLDER_AGE = 65


def sleep_target(age: int) -> tuple[float, float]:
    """Hours of sleep to aim for: 7–9 [S4], 7–8 from 65 [EXT: National Sleep Foundation]."""
    return SLEEP_TARGET_65 if age >= OLDER_AGE else SLEEP_TARGET


def sleep_target_text(age: int) -> str:
    """The sleep target in words: "7–9 h", or "7–8 h" from 65 — the one rule every face uses."""
    lo, hi = sleep_target(age)
    return f"{hours_text(lo)}–{hours_text(hi)} h"


def hours_text(h: float) -> str:
    """Hours without a needless decimal: "7", "7.5"."""
    return str(int(h)) if float(h).is_integer() else f"{h:g}"
