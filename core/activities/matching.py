"""Which planned session an imported activity marks (SPEC §9 "Matching"), as a pure rule:
running marks the day's run, cycling and swimming its cross-training, walking and hiking its
active recovery; several activities on one day add up; a session marked by hand is left as
it is; an activity matching nothing is kept for its day; the same activity twice is a
duplicate."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from core.activities.model import Activity

RESULTS = ("marked_done", "added", "already_marked", "duplicate")
MATCHES: dict[str, frozenset[str]] = {
    "running": frozenset({"long_run", "easy_run", "hiit", "tempo", "hills"}),
    "cycling": frozenset({"cross_training"}),
    "swimming": frozenset({"cross_training"}),
    "walking": frozenset({"active_recovery"}),
    "hiking": frozenset({"active_recovery"}),
}
MAX_MINUTES = 600  # a logged session's range (SPEC §7 log --minutes)


def matches(sport: str, kind: str | None) -> bool:
    """The sport counts as the session kind."""
    return kind is not None and kind in MATCHES.get(sport, frozenset())


@dataclass(frozen=True)
class Mark:
    """A day's session outcome as import sees it; ``source`` None means marked by hand."""

    status: str
    minutes: int | None = None
    distance_km: float | None = None
    avg_hr: int | None = None
    source: str | None = None


@dataclass(frozen=True)
class Matched:
    """One activity's fate: a RESULTS word and the kind of the session it met (or None)."""

    activity: Activity
    result: str
    session_kind: str | None


@dataclass(frozen=True)
class Matching:
    """What an import does: per activity results, the outcomes to write (by day), the
    activities to keep (``kept``: matched or already-marked ones with ``counted`` True)."""

    results: tuple[Matched, ...]
    marks: Mapping[date, Mark] = field(default_factory=dict)
    kept: tuple[tuple[Activity, bool], ...] = ()


def add_up(mark: Mark | None, a: Activity) -> Mark:
    """The day's outcome after one more matching activity: minutes and distance summed,
    heart rate averaged over the minutes that had one, file names listed."""
    if mark is None:
        return Mark("done", min(a.minutes, MAX_MINUTES), a.distance_km, a.avg_hr, a.source)
    minutes = min((mark.minutes or 0) + a.minutes, MAX_MINUTES)
    if mark.distance_km is None or a.distance_km is None:
        km = mark.distance_km if a.distance_km is None else a.distance_km
    else:
        km = round(mark.distance_km + a.distance_km, 2)
    with_hr = [(m, hr) for m, hr in ((mark.minutes or 0, mark.avg_hr), (a.minutes, a.avg_hr))
               if hr is not None]
    weight = sum(max(m, 1) for m, _ in with_hr)
    hr = (None if not with_hr
          else int(sum(max(m, 1) * h for m, h in with_hr) / weight + 0.5))
    names = [n for n in (mark.source or "").split(", ") if n]
    if a.source not in names:
        names.append(a.source)
    return Mark("done", minutes, km, hr, ", ".join(names))


def match(activities: Iterable[Activity], kinds: Mapping[date, str],
          marks: Mapping[date, Mark], known: Iterable[tuple[str, str]]) -> Matching:
    """Match ``activities`` (in order) against the days' session ``kinds`` and existing
    ``marks``; ``known`` holds the keys (sport, start) of activities imported before."""
    seen = set(known)
    new_marks: dict[date, Mark] = {}
    results: list[Matched] = []
    kept: list[tuple[Activity, bool]] = []
    for a in activities:
        kind = kinds.get(a.date)
        if a.key in seen:
            results.append(Matched(a, "duplicate", kind))
            continue
        seen.add(a.key)
        if not matches(a.sport, kind):
            results.append(Matched(a, "added", None))
            kept.append((a, False))
            continue
        mark = new_marks.get(a.date, marks.get(a.date))
        if mark is not None and mark.source is None:
            results.append(Matched(a, "already_marked", kind))
            kept.append((a, True))
            continue
        new_marks[a.date] = add_up(mark, a)
        results.append(Matched(a, "marked_done", kind))
        kept.append((a, True))
    return Matching(tuple(results), new_marks, tuple(kept))


def import_summary(results: Sequence[Matched]) -> str:
    """``Imported 3 activities: 2 marked a session done, 1 kept outside the plan``."""
    counts = {r: sum(1 for m in results if m.result == r) for r in RESULTS}
    fresh = len(results) - counts["duplicate"]
    parts = [f"{n} {w}" for n, w in (
        (counts["marked_done"], "marked a session done"),
        (counts["added"], "kept outside the plan"),
        (counts["already_marked"], "met a session already marked"),
        (counts["duplicate"], "already imported")) if n]
    head = f"Imported {fresh} {'activity' if fresh == 1 else 'activities'}"
    text = head + (": " + ", ".join(parts) if parts else "")
    return text
