"""An imported activity, the sports it is sorted into, and the typed refusals of SPEC §9."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo

SPORTS = ("running", "cycling", "swimming", "walking", "hiking", "other")
HR_RANGE = (20, 250)  # beats per minute a heart ever shows; others are sensor noise
MAX_KM = 1000.0

# Words files use for a sport (FIT enums, TCX Sport, GPX <type> as Strava, Garmin and others
# write it), lower-cased with spaces and dashes as underscores.
_WORDS: dict[str, str] = {
    **dict.fromkeys(("running", "run", "trail_running", "trail_run", "treadmill",
                     "treadmill_running", "street_running", "track_running", "road_running",
                     "virtual_run", "virtualrun", "jogging", "jog"), "running"),
    **dict.fromkeys(("cycling", "biking", "bike", "ride", "road_biking", "mountain_biking",
                     "virtual_ride", "virtualride", "e_biking", "ebikeride", "e_bike_ride",
                     "gravel_cycling", "indoor_cycling"), "cycling"),
    **dict.fromkeys(("swimming", "swim", "open_water_swimming", "lap_swimming"),
                    "swimming"),
    **dict.fromkeys(("walking", "walk"), "walking"),
    **dict.fromkeys(("hiking", "hike"), "hiking"),
}


def normal_sport(word: object) -> str:
    """One of SPORTS for a sport as a file names it ("Run", "Biking", "trail_running")."""
    key = str(word).strip().lower().replace(" ", "_").replace("-", "_")
    return _WORDS.get(key, "other")


def round_minutes(seconds: float) -> int:
    """Seconds to whole minutes, halves rounded up (SPEC §9: "to the nearest minute")."""
    return int(math.floor(seconds / 60.0 + 0.5))


def round_km(metres: float) -> float:
    """Metres to kilometres with 2 decimals (half up on the decimal digits)."""
    return math.floor(metres / 10.0 + 0.5) / 100.0


@dataclass(frozen=True)
class Activity:
    """One activity as SPEC §9 reads it. ``start`` is aware; ``date`` is its local date."""

    sport: str
    start: datetime
    date: date
    minutes: int
    distance_km: float | None
    avg_hr: int | None
    source: str

    @property
    def key(self) -> tuple[str, str]:
        """What makes two imports the same activity: the sport and the start (UTC)."""
        return self.sport, utc_text(self.start)

    def to_json(self) -> dict[str, object]:
        return {"sport": self.sport, "start": utc_text(self.start),
                "minutes": self.minutes, "distance_km": self.distance_km,
                "avg_hr": self.avg_hr, "source": self.source}


def utc_text(moment: datetime) -> str:
    """``2026-11-30T07:00:00Z``: the instant in UTC, to the second."""

    return moment.astimezone(UTC).replace(tzinfo=None, microsecond=0).isoformat() + "Z"


def make_activity(sport: str, start: datetime, seconds: float, metres: float | None,
                  avg_hr: float | None, source: str, tz: tzinfo | None) -> Activity:
    """An Activity with SPEC §9's rounding; ``tz`` None means the machine's time zone."""
    local = start.astimezone(tz) if tz is not None else start.astimezone()
    hr = None if avg_hr is None or not math.isfinite(avg_hr) else int(math.floor(avg_hr + 0.5))
    if hr is not None and not HR_RANGE[0] <= hr <= HR_RANGE[1]:
        hr = None
    km = None if metres is None or not math.isfinite(metres) or metres < 0 else round_km(metres)
    if km is not None and km > MAX_KM:
        km = None
    return Activity(sport=sport, start=start, date=local.date(),
                    minutes=round_minutes(max(0.0, seconds)), distance_km=km, avg_hr=hr,
                    source=source)


class Refused(Exception):
    """A file that was not imported: ``file`` names it, ``reason`` says why in words."""

    def __init__(self, file: str, reason: str) -> None:
        super().__init__(f"{file}: {reason}")
        self.file = file
        self.reason = reason


class NotAnActivity(Refused):
    """A workout, settings, monitoring, course or route file, or not a FIT/TCX/GPX file."""


class IntegrityFailed(Refused):
    """The FIT header or CRC is wrong, the file is truncated, or its XML is malformed."""


class AfterToday(Refused):
    """The activity starts on a local date after today."""


class Unreadable(Refused):
    """The file cannot be read: missing, not a regular file, too large, an unsafe archive."""
