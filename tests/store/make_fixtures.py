"""Build the old-schema fixture databases in ``fixtures/`` (one per earlier schema version):
``python -m tests.store.make_fixtures``. The rows are plain SQL for that version's tables, so
the files look exactly like what that version of the app wrote. The test reads the same
constants back after opening (and so migrating) each file."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, timedelta
from pathlib import Path

from peewee import SqliteDatabase
from playhouse.migrate import SqliteMigrator

from core.store.db import set_user_version
from core.store.migrations import MIGRATIONS

FIXTURES = Path(__file__).with_name("fixtures")
OLD_VERSIONS = (1, 2, 3)

PROFILE = {"name": "Ada Old-Schema", "sex": "female", "birth_date": "1988-03-09",
           "height_cm": 165.0, "weight_kg": 61.5, "units": "metric", "level": "beginner",
           "weekly_run_minutes": 60, "available_days": ["mon", "tue", "wed", "thu", "fri",
                                                        "sat", "sun"],
           "long_run_day": "tue", "strength_sessions": 2, "equipment": "bodyweight",
           "daily_activity": "light", "deficit_kcal": 250, "protein_g_per_kg": 1.6,
           "hot_climate": False}
PLAN_START = date(2024, 3, 4)  # a Monday
PLAN_WEEKS = 4
WEEK_KINDS = ("strength", "long_run", "active_recovery", "strength", "hiit", "easy_run",
              "rest")
WEEK_MINUTES = (35, 40, 30, 35, 20, 30, 0)
# day offset from PLAN_START -> (sleep_hours, sleep_quality, warmup, stretch, foam, water)
CHECKINS = {
    0: (7.5, 4, True, True, "quads,calves", True),
    1: (6.0, 2, False, True, "", False),
    9: (8.25, 5, True, False, "glutes,hamstrings", True),
}
WEIGHTS = {9: 61.0}  # only schema 2 and later can hold a weight
OUTCOMES = {1: ("done", 42, 6), 4: ("skipped", None, None), 9: ("done", 38, None)}
DISMISSED = (5,)  # only schema 3 and later remember a declined offer, and settings
SETTINGS = {"paper": "letter"}


def session_json(day: date, kind: str, minutes: int) -> dict[str, object]:
    return {"date": day.isoformat(), "kind": kind, "title": kind.replace("_", " ").title(),
            "minutes": minutes, "hard": kind in ("strength", "hiit"),
            "why": f"Why {kind} on this day.", "details": {}, "structure": [f"{minutes} min"],
            "foam_roll": kind == "active_recovery", "edited": False}


def build(version: int, out: Path) -> None:
    """A database at schema ``version`` holding the constants above."""
    out.unlink(missing_ok=True)
    database = SqliteDatabase(str(out))
    migrator = SqliteMigrator(database)
    for v, step in MIGRATIONS:
        if v > version:
            break
        with database.atomic():
            step(database, migrator)
            set_user_version(database, v)
    database.close()
    conn = sqlite3.connect(out)
    with conn:
        conn.execute("INSERT INTO profile (id, data, demo, saved_at) VALUES (1, ?, 0, ?)",
                     (json.dumps(PROFILE), "2024-03-01T09:00:00"))
        for w in range(PLAN_WEEKS):
            monday = PLAN_START + timedelta(weeks=w)
            conn.execute("INSERT INTO plan_week (idx, start, lighter) VALUES (?, ?, ?)",
                         (w + 1, monday.isoformat(), int(w == 3)))
            for d, (kind, minutes) in enumerate(zip(WEEK_KINDS, WEEK_MINUTES, strict=True)):
                day = monday + timedelta(days=d)
                conn.execute("INSERT INTO plan_day (day, session) VALUES (?, ?)",
                             (day.isoformat(), json.dumps(session_json(day, kind, minutes))))
        for offset, (hours, quality, warm, stretch, foam, water) in CHECKINS.items():
            day = (PLAN_START + timedelta(days=offset)).isoformat()
            conn.execute("INSERT INTO checkin (day, sleep_hours, sleep_quality, warmup_done, "
                         "stretch_done, foam_roll, water_met) VALUES (?, ?, ?, ?, ?, ?, ?)",
                         (day, hours, quality, int(warm), int(stretch), foam, int(water)))
            if version >= 2 and offset in WEIGHTS:
                conn.execute("UPDATE checkin SET weight_kg = ? WHERE day = ?",
                             (WEIGHTS[offset], day))
        for offset, (status, minutes, rpe) in OUTCOMES.items():
            day = (PLAN_START + timedelta(days=offset)).isoformat()
            conn.execute("INSERT INTO outcome (day, status, minutes, rpe) VALUES (?, ?, ?, ?)",
                         (day, status, minutes, rpe))
        if version >= 3:
            for offset in DISMISSED:
                conn.execute("INSERT INTO offer_dismissal (day) VALUES (?)",
                             ((PLAN_START + timedelta(days=offset)).isoformat(),))
            for key, value in SETTINGS.items():
                conn.execute("INSERT INTO setting (key, value) VALUES (?, ?)", (key, value))
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()


def fixture_path(version: int) -> Path:
    return FIXTURES / f"schema-v{version}.sqlite3"


def main() -> None:
    FIXTURES.mkdir(exist_ok=True)
    for version in OLD_VERSIONS:
        build(version, fixture_path(version))
        print(fixture_path(version))


if __name__ == "__main__":
    main()
