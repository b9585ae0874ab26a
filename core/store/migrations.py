"""Numbered schema migrations on ``PRAGMA user_version``.

Each step is a function that uses ``playhouse.migrate`` operations and its own frozen inline
models (never today's tables), and runs in its own transaction. Before upgrading a file that
holds data, it is copied aside (SQLite online backup) into ``backups/``; when any step fails,
the copy is put back, so the file is either fully upgraded or exactly as it was.

``playhouse.migrate`` is loaded only when a file needs upgrading: it pulls in peewee's
PostgreSQL, CockroachDB and pool modules (and their failed driver imports), which an
up-to-date file never needs at start-up.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from peewee import (
    BooleanField,
    DateField,
    FloatField,
    IntegerField,
    Model,
    SqliteDatabase,
    TextField,
)

from core.store.db import set_user_version, user_version
from core.store.safety import MigrationFailed, NewerDatabase, copy_database

if TYPE_CHECKING:
    from playhouse.migrate import SqliteMigrator

Step = Callable[[SqliteDatabase, "SqliteMigrator"], None]


def _v1_initial(database: SqliteDatabase, migrator: SqliteMigrator) -> None:
    """v1: profile, plan weeks and days, check-ins (no weight yet) and outcomes."""

    class Base(Model):
        class Meta:
            pass

    class Profile(Base):
        id = IntegerField(primary_key=True)
        data = TextField()
        demo = BooleanField(default=False)
        saved_at = TextField()

        class Meta:
            table_name = "profile"

    class PlanWeek(Base):
        idx = IntegerField(primary_key=True)
        start = DateField(unique=True)
        lighter = BooleanField(default=False)

        class Meta:
            table_name = "plan_week"

    class PlanDay(Base):
        day = DateField(primary_key=True)
        session = TextField()

        class Meta:
            table_name = "plan_day"

    class CheckIn(Base):
        day = DateField(primary_key=True)
        sleep_hours = FloatField(null=True)
        sleep_quality = IntegerField(null=True)
        warmup_done = BooleanField(default=False)
        stretch_done = BooleanField(default=False)
        foam_roll = TextField(default="")
        water_met = BooleanField(default=False)

        class Meta:
            table_name = "checkin"

    class Outcome(Base):
        day = DateField(primary_key=True)
        status = TextField()
        minutes = IntegerField(null=True)
        rpe = IntegerField(null=True)

        class Meta:
            table_name = "outcome"

    models = [Profile, PlanWeek, PlanDay, CheckIn, Outcome]
    database.bind(models, bind_refs=False, bind_backrefs=False)
    database.create_tables(models, safe=False)


def _v2_checkin_weight(database: SqliteDatabase, migrator: SqliteMigrator) -> None:
    """v2: a check-in may record the morning weight."""
    from playhouse.migrate import migrate

    migrate(migrator.add_column("checkin", "weight_kg", FloatField(null=True)))


def _v3_offers_and_settings(database: SqliteDatabase, migrator: SqliteMigrator) -> None:
    """v3: declined adaptation offers, and small key/value settings."""

    class OfferDismissal(Model):
        day = DateField(primary_key=True)

        class Meta:
            table_name = "offer_dismissal"

    class Setting(Model):
        key = TextField(primary_key=True)
        value = TextField()

        class Meta:
            table_name = "setting"

    models = [OfferDismissal, Setting]
    database.bind(models, bind_refs=False, bind_backrefs=False)
    database.create_tables(models, safe=False)


def _v4_measurements(database: SqliteDatabase, migrator: SqliteMigrator) -> None:
    """v4: a check-in may hold thigh, calf, waist and hips in cm; a declined
    energy-balance (deficit) offer is remembered with the verdict it was made for."""
    from playhouse.migrate import migrate

    migrate(*(migrator.add_column("checkin", name, FloatField(null=True))
              for name in ("thigh_cm", "calf_cm", "waist_cm", "hips_cm")))

    class DeficitDismissal(Model):
        day = DateField(primary_key=True)
        verdict = TextField()

        class Meta:
            table_name = "deficit_dismissal"

    database.bind([DeficitDismissal], bind_refs=False, bind_backrefs=False)
    database.create_tables([DeficitDismissal], safe=False)


MIGRATIONS: list[tuple[int, Step]] = [
    (1, _v1_initial),
    (2, _v2_checkin_weight),
    (3, _v3_offers_and_settings),
    (4, _v4_measurements),
]


def latest() -> int:
    """The schema version this code writes."""
    return MIGRATIONS[-1][0]


def migrate_database(database: SqliteDatabase, path: Path, backups: Path) -> int:
    """Bring the file up to the latest schema; returns the version it had.

    Raises NewerDatabase for a file from a newer app and MigrationFailed (after putting the
    file back as it was) when a step fails.
    """
    steps = list(MIGRATIONS)
    target = steps[-1][0]
    found = user_version(database)
    if found > target:
        raise NewerDatabase(f"the database {path} was written by a newer version of Runner "
                            f"Legs (schema {found}, this version knows up to {target}); "
                            "it was left as it is")
    if found == target:
        return found
    aside: Path | None = None
    if found > 0:
        backups.mkdir(mode=0o700, parents=True, exist_ok=True)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        aside = backups / f"pre-migration-v{found}-{stamp}.sqlite3"
        copy_database(database.connection(), aside)
    from playhouse.migrate import SqliteMigrator

    migrator = SqliteMigrator(database)
    try:
        for version, step in steps:
            with database.atomic("IMMEDIATE"):
                if user_version(database) >= version:
                    continue
                step(database, migrator)
                set_user_version(database, version)
    except Exception as exc:
        if aside is not None:
            _put_back(database, aside)
        raise MigrationFailed(
            f"upgrading the database {path} from schema {found} failed "
            f"({type(exc).__name__}: {exc}); the file was put back as it was"
            + (f" (a copy is in {aside})" if aside else "")) from exc
    return found


def _put_back(database: SqliteDatabase, aside: Path) -> None:
    """Copy the saved file back over the live one through SQLite (safe with other readers)."""
    import sqlite3

    source = sqlite3.connect(aside)
    try:
        source.backup(database.connection())
    finally:
        source.close()
