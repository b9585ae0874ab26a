"""GPX tracks (SPEC §9): minutes are the time between consecutive points of the whole file
in time order, leaving out gaps over 2 minutes; distance is great-circle within each
segment; heart rate the mean of the points' ``hr`` extension; no ``type`` means running."""

from __future__ import annotations

import math
from datetime import datetime, tzinfo
from xml.etree.ElementTree import Element

from core.activities.model import (
    Activity,
    IntegrityFailed,
    NotAnActivity,
    make_activity,
    normal_sport,
)
from core.activities.times import parse_time
from core.activities.xmlsafe import children, descendants, local, text_of

PAUSE_S = 120.0
EARTH_RADIUS_M = 6_371_008.8  # mean radius (IUGG)


def is_gpx(root: Element) -> bool:
    return local(root.tag) == "gpx"


def great_circle_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Haversine distance in metres on a sphere of the Earth's mean radius."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


def moving_seconds(times: list[datetime]) -> float:
    """The time between consecutive moments in time order, gaps over 2 minutes left out."""
    ordered = sorted(times)
    total = 0.0
    for a, b in zip(ordered, ordered[1:], strict=False):
        gap = (b - a).total_seconds()
        if gap <= PAUSE_S:
            total += gap
    return total


def read_gpx(root: Element, name: str, tz: tzinfo | None = None) -> list[Activity]:
    """The file's tracks as one activity."""
    tracks = list(children(root, "trk"))
    if not tracks:
        raise NotAnActivity(name, "not an activity: the GPX file has no track (a route or "
                                  "waypoints only)")
    times: list[datetime] = []
    metres = 0.0
    beats: list[float] = []
    sport: str | None = None
    for track in tracks:
        sport = sport or text_of(track, "type")
        for segment in children(track, "trkseg"):
            last: tuple[float, float] | None = None
            for point in children(segment, "trkpt"):
                here = _position(point, name)
                if last is not None:
                    metres += great_circle_m(*last, *here)
                last = here
                moment = parse_time(text_of(point, "time"))
                if moment is not None:
                    times.append(moment)
                for hr in descendants(point, "hr"):
                    value = _hr(hr.text)
                    if value is not None:
                        beats.append(value)
    if not times:
        raise NotAnActivity(name, "not an activity: the GPX track has no times")
    hr_mean = sum(beats) / len(beats) if beats else None
    return [make_activity(normal_sport(sport) if sport else "running", min(times),
                          moving_seconds(times), metres, hr_mean, name, tz)]


def _position(point: Element, name: str) -> tuple[float, float]:
    try:
        lat, lon = float(point.get("lat", "")), float(point.get("lon", ""))
    except ValueError:
        raise IntegrityFailed(name, "integrity check failed: a GPX point has no valid lat/lon"
                              ) from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise IntegrityFailed(name, f"integrity check failed: a GPX point is off the globe "
                                    f"({lat}, {lon})")
    return lat, lon


def _hr(text: str | None) -> float | None:
    try:
        value = float(text or "")
    except ValueError:
        return None
    return value if value > 0 and math.isfinite(value) else None
