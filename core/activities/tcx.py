"""TCX activity files (SPEC §9): minutes and distance from the laps' ``TotalTimeSeconds``
and ``DistanceMeters``, heart rate as the mean of the trackpoints' ``HeartRateBpm``."""

from __future__ import annotations

from datetime import tzinfo
from xml.etree.ElementTree import Element

from core.activities.model import Activity, IntegrityFailed, NotAnActivity, make_activity
from core.activities.times import parse_time
from core.activities.xmlsafe import child, children, descendants, local, text_of


def is_tcx(root: Element) -> bool:
    return local(root.tag) == "TrainingCenterDatabase"


def read_tcx(root: Element, name: str, tz: tzinfo | None = None) -> list[Activity]:
    """One activity per ``Activity`` element (a file normally holds one)."""
    holder = child(root, "Activities")
    found = [] if holder is None else list(children(holder, "Activity"))
    if not found:
        what = ("a workout" if child(root, "Workouts") is not None
                else "a course" if child(root, "Courses") is not None else "empty")
        raise NotAnActivity(name, f"not an activity: the TCX file is {what}")
    return [_activity(a, name, tz) for a in found]


def _activity(a: Element, name: str, tz: tzinfo | None) -> Activity:
    laps = list(children(a, "Lap"))
    stamp = text_of(a, "Id") or (laps[0].get("StartTime") if laps else None)
    start = parse_time(stamp)
    if start is None:
        raise IntegrityFailed(name, f"integrity check failed: the TCX activity has no valid "
                                    f"start time ({stamp!r})")
    seconds = 0.0
    metres: float | None = None
    for lap in laps:
        seconds += _float(text_of(lap, "TotalTimeSeconds"), name, "TotalTimeSeconds") or 0.0
        lap_m = _float(text_of(lap, "DistanceMeters"), name, "DistanceMeters")
        if lap_m is not None:
            metres = (metres or 0.0) + lap_m
    beats: list[float] = []
    for point in descendants(a, "Trackpoint"):
        bpm = text_of(child(point, "HeartRateBpm"), "Value")
        value = _float(bpm, name, "HeartRateBpm")
        if value is not None and value > 0:
            beats.append(value)
    hr = sum(beats) / len(beats) if beats else None
    return make_activity(_sport(a.get("Sport")), start, seconds, metres, hr, name, tz)


def _sport(word: str | None) -> str:
    from core.activities.model import normal_sport

    return normal_sport(word or "other")


def _float(text: str | None, name: str, field: str) -> float | None:
    if text is None:
        return None
    try:
        return float(text)
    except ValueError:
        raise IntegrityFailed(name, f"integrity check failed: {field} is not a number "
                                    f"({text[:40]!r})") from None
