"""FIT activity files (SPEC §9): Garmin's own decoder checks the header and the CRC; one
activity per ``session`` message. Workout, settings and monitoring files are refused."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any

from garmin_fit_sdk import Decoder, Stream

from core.activities.model import (
    Activity,
    IntegrityFailed,
    NotAnActivity,
    make_activity,
    normal_sport,
)

_HEADER_SIZES = (12, 14)
_KIND_WORDS = {
    "workout": "a workout file", "settings": "a settings file", "device": "a device file",
    "sport": "a sport settings file", "schedules": "a schedules file", "course": "a course",
    "totals": "a totals file", "goals": "a goals file", "weight": "a weight file",
    "segment": "a segment file", "blood_pressure": "a blood pressure file",
}


def is_fit(data: bytes) -> bool:
    """The bytes start like a FIT file (header size and the ``.FIT`` mark)."""
    return len(data) >= 12 and data[0] in _HEADER_SIZES and data[8:12] == b".FIT"


def _integrity(data: bytes, name: str) -> None:
    """IntegrityFailed naming what is wrong with the header, the length or the CRC."""
    size = data[0]
    if len(data) < size + 2:
        raise IntegrityFailed(name, "integrity check failed: the FIT file is truncated")
    data_size = int.from_bytes(data[4:8], "little")
    if size + data_size + 2 > len(data):
        raise IntegrityFailed(name, "integrity check failed: the FIT file is truncated "
                                    f"({len(data)} of {size + data_size + 2} bytes)")
    if not Decoder(Stream.from_byte_array(bytearray(data))).check_integrity():
        raise IntegrityFailed(name, "integrity check failed: the FIT header or CRC is wrong")


def read_fit(data: bytes, name: str, tz: tzinfo | None = None) -> list[Activity]:
    """The activities of one FIT file, one per session (Refused subclasses otherwise)."""
    if not is_fit(data):
        raise IntegrityFailed(name, "integrity check failed: not a valid FIT header")
    _integrity(data, name)
    messages, errors = Decoder(Stream.from_byte_array(bytearray(data))).read(
        enable_crc_check=False, merge_heart_rates=False, expand_components=False)
    if errors:
        raise IntegrityFailed(name, f"integrity check failed: the FIT file is malformed "
                                    f"({errors[0]})")
    ids: Sequence[Mapping[str, Any]] = messages.get("file_id_mesgs", [])
    if not ids:
        raise NotAnActivity(name, "not an activity: the FIT file has no file_id")
    kind = ids[0].get("type")
    if kind != "activity":
        word = str(kind)
        what = ("a monitoring file" if word.startswith("monitoring")
                else _KIND_WORDS.get(word, f"a FIT file of type {word}"))
        raise NotAnActivity(name, f"not an activity: {what}")
    sessions: Sequence[Mapping[str, Any]] = messages.get("session_mesgs", [])
    if not sessions:
        raise NotAnActivity(name, "not an activity: the FIT activity has no session")
    records: Sequence[Mapping[str, Any]] = messages.get("record_mesgs", [])
    return [_session(s, records, len(sessions) > 1, name, tz) for s in sessions]


def _moment(value: object) -> datetime | None:
    if isinstance(value, datetime):
        return value if value.tzinfo is not None else value.replace(tzinfo=UTC)
    return None


def _session(s: Mapping[str, Any], records: Sequence[Mapping[str, Any]], several: bool,
             name: str, tz: tzinfo | None) -> Activity:
    start = _moment(s.get("start_time")) or _moment(s.get("timestamp"))
    if start is None:
        raise IntegrityFailed(name, "integrity check failed: a FIT session has no start time")
    seconds = _number(s.get("total_timer_time")) or 0.0
    hr = _number(s.get("avg_heart_rate"))
    if hr is None:
        end = _moment(s.get("timestamp"))
        if end is None or end < start:
            end = start + timedelta(seconds=_number(s.get("total_elapsed_time")) or seconds)
        beats = [float(r["heart_rate"]) for r in records
                 if isinstance(r.get("heart_rate"), (int, float)) and r["heart_rate"] > 0
                 and (not several or _within(r.get("timestamp"), start, end))]
        hr = sum(beats) / len(beats) if beats else None
    return make_activity(normal_sport(s.get("sport", "other")), start, seconds,
                         _number(s.get("total_distance")), hr, name, tz)


def _within(value: object, start: datetime, end: datetime) -> bool:
    moment = _moment(value)
    return moment is not None and start <= moment <= end


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)
