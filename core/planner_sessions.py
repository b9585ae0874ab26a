"""Turn a day's kind and minutes into a full Session: title, dose, structure and why (rules 7–9)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from core.catalog import (
    CROSS_TRAINING_ACTIVITIES,
    FOAM_ROLL_LINE,
    HIIT_RECOVERY_S,
    HIIT_WORK_S,
    HILL_REPEATS_RANGE,
    KIND_LABELS,
    KIND_WHY,
    LIGHTER_HILL_REPEATS,
    LUNGE_VARIANTS,
    MAIN_SET,
    MINUTES_RANGE,
    REPS_END,
    REPS_START,
    RUN_COOL_DOWN,
    RUN_WALK,
    RUN_WALK_HIIT_RECOVERY_S,
    RUN_WALK_HIIT_ROUNDS,
    RUN_WALK_MAIN,
    RUN_WARM_UP,
    SETS_FULL,
    SETS_LIGHTER,
    STRENGTH_COOL_DOWN,
    STRENGTH_WARM_UP,
    WARM_COOL_MINUTES,
    WORKOUT_WHY,
    WORKOUTS,
)
from core.plan import HARD_KINDS, RUN_KINDS, Session


def progress(index: int, weeks: int) -> float:
    """How far through the plan week ``index`` is: 0.0 for week 1, 1.0 for the last week."""
    return (index - 1) / max(1, weeks - 1)


def reps_for(index: int, weeks: int) -> str:
    """Rep range for the week: 12–15 at the start, rising to 15–20 by the end (rule 8)."""
    p = progress(index, weeks)
    low = REPS_START[0] + round((REPS_END[0] - REPS_START[0]) * p)
    high = REPS_START[1] + round((REPS_END[1] - REPS_START[1]) * p)
    return f"{low}–{high}"


def strength_minutes(index: int, weeks: int, lighter: bool) -> int:
    """30 min in a lighter week, else 35 rising to 45 as the reps rise."""
    if lighter:
        return MINUTES_RANGE["strength"][0]
    return 35 + 5 * round(2 * progress(index, weeks))


def exercises(workout: str, equipment: str, sets: int, reps: str,
              lunge_turn: int) -> list[dict[str, Any]]:
    """The workout's exercises fitted to the equipment (rule 8)."""
    lunge = LUNGE_VARIANTS[lunge_turn % len(LUNGE_VARIANTS)]
    return [{"name": row[equipment].format(lunge=lunge), "sets": sets, "reps": reps}
            for row in WORKOUTS[workout]]


def hiit_intervals(minutes: int, index: int, weeks: int, *, run_walk: bool = False,
                   max_rounds: int | None = None) -> dict[str, int]:
    """Work and recovery seconds and rounds that fit the session's main set.

    In a run/walk week (rule 13) at most 6 rounds with at least 90 s recovery; ``max_rounds``
    caps the rounds (a lighter week: no more than the last full week, rule 15).
    """
    p = progress(index, weeks)
    work = HIIT_WORK_S[0] + 15 * round(2 * p)  # 30, 45 or 60 s
    recovery = max(HIIT_RECOVERY_S[0], min(HIIT_RECOVERY_S[1], 2 * work))
    if run_walk:
        recovery = max(recovery, RUN_WALK_HIIT_RECOVERY_S)
    rounds = max(1, (minutes - WARM_COOL_MINUTES) * 60 // (work + recovery))
    if run_walk:
        rounds = min(rounds, RUN_WALK_HIIT_ROUNDS)
    if max_rounds is not None:
        rounds = max(1, min(rounds, max_rounds))
    return {"work_s": work, "recovery_s": recovery, "rounds": rounds}


def run_walk_for(index: int) -> tuple[int, int] | None:
    """Run and walk seconds for week ``index`` of a run/walk start (rule 13), else None."""
    return RUN_WALK.get(index)


def run_walk_rounds(minutes: int, run_s: int, walk_s: int) -> dict[str, int]:
    """The run/walk repeat that fits the session's main set."""
    rounds = max(1, (minutes - WARM_COOL_MINUTES) * 60 // (run_s + walk_s))
    return {"run_s": run_s, "walk_s": walk_s, "rounds": rounds}


def hill_repeats(minutes: int) -> int:
    """6 repeats in a 20 min session, up to 10 in a 40 min one."""
    low, high = HILL_REPEATS_RANGE
    lo_min, hi_min = MINUTES_RANGE["hills"]
    return low + round((high - low) * (minutes - lo_min) / (hi_min - lo_min))


def make_session(day: date, kind: str, minutes: int, *, index: int, weeks: int,
                 lighter: bool, equipment: str, strength_turn: int = 0,
                 cross_turn: int = 0, run_walk: tuple[int, int] | None = None,
                 max_rounds: int | None = None) -> Session:
    """One day's Session; ``strength_turn`` / ``cross_turn`` count earlier ones in the plan.

    ``run_walk`` (run, walk seconds) makes long and easy runs run/walk and eases the hiit
    (rule 13); ``max_rounds`` caps a hiit's rounds.
    """
    title = KIND_LABELS[kind]
    why = KIND_WHY[kind]
    details: dict[str, Any] = {}
    if kind in RUN_KINDS:
        structure = _run_structure(kind, minutes, index, weeks, details, lighter=lighter,
                                   run_walk=run_walk, max_rounds=max_rounds)
    elif kind == "strength":
        workout = "AB"[strength_turn % 2]
        sets = SETS_LIGHTER if lighter else SETS_FULL
        title = f"Strength {workout}"
        why = WORKOUT_WHY[workout]
        details["workout"] = workout
        details["exercises"] = exercises(workout, equipment, sets, reps_for(index, weeks),
                                         strength_turn // 2)
        structure = (STRENGTH_WARM_UP,
                     *(f"{e['name']}: {e['sets']} × {e['reps']}" for e in details["exercises"]),
                     STRENGTH_COOL_DOWN)
    elif kind == "cross_training":
        activity = CROSS_TRAINING_ACTIVITIES[cross_turn % len(CROSS_TRAINING_ACTIVITIES)]
        details["activity"] = activity
        structure = (MAIN_SET[kind].format(minutes=minutes, activity=activity),)
    elif kind == "active_recovery":
        structure = (MAIN_SET[kind].format(minutes=minutes), FOAM_ROLL_LINE)
    else:
        structure = (MAIN_SET["rest"],)
    return Session(
        date=day, kind=kind, title=title, minutes=minutes, hard=kind in HARD_KINDS, why=why,
        details=details, structure=structure,
        foam_roll=kind in HARD_KINDS or kind == "active_recovery",
    )


def _run_structure(kind: str, minutes: int, index: int, weeks: int,
                   details: dict[str, Any], *, lighter: bool = False,
                   run_walk: tuple[int, int] | None = None,
                   max_rounds: int | None = None) -> tuple[str, ...]:
    """Warm-up with dynamic drills, the main set, and a cool-down with static stretches."""
    if kind == "hiit":
        intervals = hiit_intervals(minutes, index, weeks, run_walk=run_walk is not None,
                                   max_rounds=max_rounds)
        details["intervals"] = intervals
        main = MAIN_SET[kind].format(**intervals)
    elif kind == "hills":
        details["repeats"] = LIGHTER_HILL_REPEATS if lighter else hill_repeats(minutes)
        main = MAIN_SET[kind].format(repeats=details["repeats"])
    elif kind == "tempo":
        main = MAIN_SET[kind].format(minutes=minutes, hard=minutes - WARM_COOL_MINUTES)
    elif run_walk is not None:
        details["run_walk"] = run_walk_rounds(minutes, *run_walk)
        main = RUN_WALK_MAIN.format(**details["run_walk"])
    else:
        main = MAIN_SET[kind].format(minutes=minutes)
    return (RUN_WARM_UP, main, RUN_COOL_DOWN)


def _main_line(kind: str, minutes: int, details: dict[str, Any]) -> str | None:
    """The main-set line a ``kind`` session of ``minutes`` reads (None for strength, rest)."""
    if kind == "hiit" and isinstance(details.get("intervals"), dict):
        return MAIN_SET[kind].format(**details["intervals"])
    if kind == "hills" and "repeats" in details:
        return MAIN_SET[kind].format(repeats=details["repeats"])
    if kind == "tempo":
        return MAIN_SET[kind].format(minutes=minutes, hard=max(0, minutes - WARM_COOL_MINUTES))
    if kind == "cross_training":
        return MAIN_SET[kind].format(minutes=minutes, activity=details.get("activity", ""))
    if kind in ("long_run", "easy_run", "active_recovery"):
        return MAIN_SET[kind].format(minutes=minutes)
    return None


def resized(session: Session, minutes: int) -> Session:
    """``session`` set to ``minutes`` by hand (marked edited): its main set, rounds or repeats
    follow the new minutes, so the words never contradict the number."""
    details = dict(session.details)
    if session.kind == "hiit" and isinstance(details.get("intervals"), dict):
        work, rest = details["intervals"]["work_s"], details["intervals"]["recovery_s"]
        rounds = max(1, (minutes - WARM_COOL_MINUTES) * 60 // (work + rest))
        details["intervals"] = {**details["intervals"], "rounds": rounds}
    elif session.kind == "hills" and "repeats" in details:
        low, high = HILL_REPEATS_RANGE
        details["repeats"] = max(low, min(high, hill_repeats(minutes)))
    old = _main_line(session.kind, session.minutes, session.details)
    new = _main_line(session.kind, minutes, details)
    structure = tuple(new if new is not None and line == old else line
                      for line in session.structure)
    return replace(session, minutes=minutes, details=details, structure=structure,
                   edited=True)
