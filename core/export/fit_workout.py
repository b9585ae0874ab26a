"""FIT workout files for a watch (SPEC §6): one file per run session of a week.

Each file holds a file_id (type workout), a workout (sport running, the session title as its
name) and its steps from ``core.workout``. A repeat is written the FIT way: its steps first,
then a "repeat until steps complete" step pointing back at the first of them.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from core.export.atomic import ExportError, atomic_write_bytes
from core.export.fit_sdk import encode
from core.plan import Week
from core.workout import Repeat, Step, Workout, has_workout, workout_for

NAME_BYTES = 60  # watches show a short name; FIT strings are bytes, cut on a character


def _name(text: str) -> str:
    data = text.encode("utf-8")[:NAME_BYTES]
    return data.decode("utf-8", errors="ignore")


def _step(index: int, step: Step) -> dict[str, Any]:
    fields: dict[str, Any] = {"message_index": index, "wkt_step_name": _name(step.name),
                              "intensity": step.intensity, "target_type": "open",
                              "target_value": 0}
    if step.seconds is None:
        fields["duration_type"] = "open"  # ended by the lap button
    else:
        fields.update(duration_type="time", duration_value=step.seconds * 1000)  # ms
    return fields


def _steps(workout: Workout) -> Iterator[dict[str, Any]]:
    index = 0
    for part in workout.parts:
        if isinstance(part, Repeat):
            first = index
            for step in part.steps:
                yield _step(index, step)
                index += 1
            yield {"message_index": index, "duration_type": "repeat_until_steps_cmplt",
                   "duration_value": first, "target_value": part.times}
        else:
            yield _step(index, part)
        index += 1


def workout_fit(workout: Workout, created: datetime) -> bytes:
    """The FIT file's bytes; ``created`` is its time_created (UTC)."""
    steps = list(_steps(workout))
    serial = zlib.crc32(workout.file_name.encode()) & 0x7FFFFFFF or 1
    messages: list[tuple[str, dict[str, Any]]] = [
        ("FILE_ID", {"type": "workout", "manufacturer": "development", "product": 0,
                     "serial_number": serial,
                     "time_created": created.astimezone(UTC).replace(microsecond=0)}),
        ("WORKOUT", {"wkt_name": _name(workout.name), "sport": "running",
                     "sub_sport": "generic", "num_valid_steps": len(steps)}),
    ]
    messages += [("WORKOUT_STEP", s) for s in steps]
    return encode(messages)


def week_workouts(week: Week) -> list[Workout]:
    """The week's run sessions as workouts, in date order."""
    return [workout_for(s) for s in sorted(week.sessions, key=lambda s: s.date)
            if has_workout(s)]


def write_week_workouts(folder: Path, week: Week, created: datetime) -> list[Path]:
    """Write ``YYYY-MM-DD-KIND.fit`` for each run session of ``week`` into ``folder`` (made
    when missing); ExportError naming the folder or file when that fails."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"cannot make the folder {folder}: "
                          f"{exc.strerror or type(exc).__name__}") from None
    if not folder.is_dir():
        raise ExportError(f"cannot write into {folder}: it is not a folder")
    return [atomic_write_bytes(folder / w.file_name, workout_fit(w, created))
            for w in week_workouts(week)]


__all__ = ["workout_fit", "week_workouts", "write_week_workouts"]
