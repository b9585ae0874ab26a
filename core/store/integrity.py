"""Checking every stored value, cheaply, before it is trusted: the day's first write and the
window's start ask SQLite (one scan per table, in C) for the first row whose value has the
wrong type or range, so damage ``PRAGMA quick_check`` cannot see (an edited file, a value
of the wrong type) is found before it is written to or copied into a backup."""

from __future__ import annotations

from typing import Any

from core.checkin import (
    DISTANCE_RANGE,
    HR_RANGE,
    MEASUREMENTS,
    MINUTES_RANGE,
    QUALITY_RANGE,
    RPE_RANGE,
    SLEEP_RANGE,
    WEIGHT_RANGE,
)
from core.plan import FOAM_ROLL_AREAS, KINDS
from core.store.safety import StoredDataError

_DAY = "(typeof(day) = 'text' AND date(day) IS day)"


def _number(column: str, lo: float, hi: float, *, whole: bool = False) -> str:
    kinds = "('integer')" if whole else "('integer', 'real')"
    return f"({column} IS NULL OR (typeof({column}) IN {kinds} AND {column} BETWEEN {lo} AND {hi}))"


def _flag(column: str) -> str:
    return f"(typeof({column}) = 'integer' AND {column} IN (0, 1))"


def _one_of(values: tuple[str, ...]) -> str:
    return "(" + ", ".join("'" + v.replace("'", "''") + "'" for v in values) + ")"


# (table, what a bad row is called, the condition every row must meet)
_RULES: tuple[tuple[str, str, str], ...] = (
    ("checkin", "check-in", " AND ".join((
        _DAY, _number("sleep_hours", *SLEEP_RANGE),
        _number("sleep_quality", *QUALITY_RANGE, whole=True),
        _number("weight_kg", *WEIGHT_RANGE), "typeof(foam_roll) = 'text'",
        _flag("warmup_done"), _flag("stretch_done"), _flag("water_met"),
        *(_number(name, *limits) for name, (_, limits) in MEASUREMENTS.items())))),
    ("outcome", "session mark", " AND ".join((
        _DAY, f"status IN {_one_of(('done', 'skipped'))}",
        _number("minutes", *MINUTES_RANGE, whole=True), _number("rpe", *RPE_RANGE, whole=True),
        "(status = 'done' OR (minutes IS NULL AND rpe IS NULL))",
        _number("distance_km", *DISTANCE_RANGE), _number("avg_hr", *HR_RANGE, whole=True),
        "(source IS NULL OR typeof(source) = 'text')"))),
    ("activity", "imported activity", " AND ".join((
        _DAY, "typeof(sport) = 'text'", "typeof(start) = 'text'",
        "typeof(source) = 'text'", _flag("counted"),
        "(typeof(minutes) = 'integer' AND minutes >= 0)",
        _number("distance_km", *DISTANCE_RANGE), _number("avg_hr", *HR_RANGE, whole=True)))),
    ("plan_day", "planned session", " AND ".join((
        _DAY, "typeof(session) = 'text'", "json_valid(session)",
        "json_type(session) = 'object'",
        f"json_extract(session, '$.kind') IN {_one_of(KINDS)}",
        "json_extract(session, '$.date') IS day",
        "json_type(session, '$.title') = 'text'",
        "json_type(session, '$.minutes') = 'integer'",
        "json_type(session, '$.details') = 'object'"))),
    ("plan_week", "plan week", " AND ".join((
        "typeof(idx) = 'integer'", "(typeof(start) = 'text' AND date(start) IS start)",
        _flag("lighter")))),
    ("offer_dismissal", "declined offer", _DAY),
    ("setting", "setting", "typeof(key) = 'text' AND typeof(value) = 'text'"),
)


def check_stored_values(database: Any) -> None:
    """StoredDataError naming the first stored value that has the wrong type or range, or a
    saved profile that is not valid any more. ``database`` is the peewee database."""
    from core.store.convert import profile_from_text

    for table, what, rule in _RULES:
        row = database.execute_sql(
            f'SELECT * FROM "{table}" WHERE NOT ({rule}) LIMIT 1').fetchone()
        if row is not None:
            shown = ", ".join(repr(v)[:40] for v in row)
            raise StoredDataError(f"a stored {what} cannot be read ({table}: {shown})")
    areas = set(FOAM_ROLL_AREAS)
    for (text,) in database.execute_sql("SELECT DISTINCT foam_roll FROM checkin"):
        bad = [a for a in str(text).split(",") if a and a not in areas]
        if bad:
            raise StoredDataError(f"a stored check-in cannot be read (foam_roll: {bad[0]!r})")
    rows = database.execute_sql("SELECT data FROM profile").fetchall()
    for (data,) in rows:
        if not isinstance(data, str):
            raise StoredDataError("the saved profile cannot be read (it is not text)")
        profile_from_text(data)
