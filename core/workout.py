"""A run session as a watch workout: timed and lap-button steps and repeats (SPEC §6).

The rule is data only (no file format here): ``core.export.fit_workout`` encodes it. The timed
steps always add up to the session's minutes: warm-up and cool-down take what the main part
leaves (for hills, what is left after one minute per repeat).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from core.plan import RUN_KINDS, Session

# Intensities as the FIT profile names them.
WARMUP, ACTIVE, RECOVERY, COOLDOWN = "warmup", "active", "recovery", "cooldown"
HILL_BUDGET_S = 60  # SPEC §6: the session's minutes count one minute per hill repeat
EASY_EDGE_S = 300  # a steady run's warm-up and cool-down: 5 minutes each
MIN_EDGE_S = 60  # a repeated main set leaves at least this for the warm-up and the cool-down
MAIN_NAMES = {"long_run": "Long run", "easy_run": "Easy run", "tempo": "Tempo"}


@dataclass(frozen=True)
class Step:
    """One step; ``seconds`` None means it ends when the runner presses the lap button."""

    name: str
    intensity: str
    seconds: int | None


@dataclass(frozen=True)
class Repeat:
    """``steps`` done ``times`` times in a row."""

    steps: tuple[Step, ...]
    times: int


Part = Step | Repeat


@dataclass(frozen=True)
class Workout:
    """What a watch runs for one session: its name, sport and steps in order."""

    name: str
    kind: str
    date_iso: str
    parts: tuple[Part, ...]
    sport: str = "running"

    @property
    def timed_seconds(self) -> int:
        """The seconds of every timed step, repeats counted as often as they run."""
        total = 0
        for part in self.parts:
            if isinstance(part, Repeat):
                total += part.times * sum(s.seconds or 0 for s in part.steps)
            else:
                total += part.seconds or 0
        return total

    @property
    def file_name(self) -> str:
        """``YYYY-MM-DD-KIND.fit``."""
        return f"{self.date_iso}-{self.kind}.fit"


def has_workout(session: Session) -> bool:
    """A run session with minutes to run gets a workout; rest, strength and others do not."""
    return session.kind in RUN_KINDS and session.minutes > 0


def workout_for(session: Session) -> Workout:
    """The session's steps: warm-up, main part, cool-down (ValueError for a non-run)."""
    if not has_workout(session):
        raise ValueError(f"{session.kind} on {session.date.isoformat()} is not a run to "
                         "send to a watch")
    total = session.minutes * 60
    d = session.details
    run_walk = _triple(d.get("run_walk"), "run_s", "walk_s")
    intervals = _triple(d.get("intervals"), "work_s", "recovery_s")
    if run_walk is not None:
        run_s, walk_s, rounds = run_walk
        main: tuple[Part, ...] | None = _repeat(
            total, rounds, (Step("Run", ACTIVE, run_s), Step("Walk", RECOVERY, walk_s)))
    elif session.kind == "hiit" and intervals is not None:
        work_s, recovery_s, rounds = intervals
        main = _repeat(total, rounds, (Step("Work", ACTIVE, work_s),
                                       Step("Recover", RECOVERY, recovery_s)))
    elif session.kind == "hills" and _whole(d.get("repeats")):
        main = _hills(total, int(d["repeats"]))
    else:
        main = None
    if main is None:
        edge = min(EASY_EDGE_S, total // 4)
        name = MAIN_NAMES.get(session.kind, "Run")
        main = (Step(name, ACTIVE, total - 2 * edge),)
    used = sum(_seconds(p) for p in main)
    rest = total - used
    parts = (*_edge("Warm-up", WARMUP, rest - rest // 2), *main,
             *_edge("Cool-down", COOLDOWN, rest // 2))
    return Workout(name=session.title, kind=session.kind, date_iso=session.date.isoformat(),
                   parts=parts)


def _repeat(total: int, rounds: int, steps: tuple[Step, ...]) -> tuple[Part, ...] | None:
    """The repeat, with fewer rounds when the minutes (edited down) cannot hold them all;
    None when not even one round fits beside a minute of warm-up and cool-down."""
    unit = sum(s.seconds or 0 for s in steps)
    fits = min(rounds, (total - 2 * MIN_EDGE_S) // unit) if unit else 0
    return (Repeat(steps, fits),) if fits >= 1 else None


def _hills(total: int, repeats: int) -> tuple[Part, ...] | None:
    fits = min(repeats, (total - 2 * MIN_EDGE_S) // HILL_BUDGET_S)
    if fits < 1:
        return None
    steps = (Step("Uphill hard", ACTIVE, None), Step("Jog down", RECOVERY, None))
    return (Repeat(steps, fits),)


def _seconds(part: Part) -> int:
    """Seconds a part takes from the session's minutes (a hill repeat counts one minute)."""
    if isinstance(part, Repeat):
        if all(s.seconds is None for s in part.steps):
            return part.times * HILL_BUDGET_S
        return part.times * sum(s.seconds or 0 for s in part.steps)
    return part.seconds or 0


def _edge(name: str, intensity: str, seconds: int) -> tuple[Step, ...]:
    return (Step(name, intensity, seconds),) if seconds > 0 else ()


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def _triple(value: Any, first: str, second: str) -> tuple[int, int, int] | None:
    """(first, second, rounds) from a details dict when all three are positive whole numbers."""
    if not isinstance(value, dict):
        return None
    numbers = (value.get(first), value.get(second), value.get("rounds"))
    if not all(_whole(n) for n in numbers):
        return None
    a, b, c = (int(n) for n in numbers)  # type: ignore[arg-type]
    return a, b, c


__all__ = ["Step", "Repeat", "Workout", "workout_for", "has_workout", "WARMUP", "ACTIVE",
           "RECOVERY", "COOLDOWN", "HILL_BUDGET_S"]
