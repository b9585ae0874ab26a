"""The tables of the current schema as peewee models, and a way to bind them to one
repository's database.

The row classes are declared against the deferred placeholder ``core.store.db.db``;
:func:`bind_tables` makes subclasses bound to a given database, so repositories never rebind
each other. Migrations never import these: they carry their own frozen copies.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar, cast

from peewee import (
    BooleanField,
    DateField,
    FloatField,
    IntegerField,
    Model,
    SqliteDatabase,
    TextField,
)

from core.store.db import db


class BaseRow(Model):
    """Every row class: declared against the deferred placeholder database."""

    class Meta:
        database = db


class ProfileRow(BaseRow):
    """The single saved profile (id 1) as its SPEC §2 JSON, and whether it is the demo."""

    id = IntegerField(primary_key=True)
    data = TextField()
    demo = BooleanField(default=False)
    saved_at = TextField()

    class Meta:
        table_name = "profile"


class PlanWeekRow(BaseRow):
    """One week of the current plan: its Monday and whether it is a lighter week."""

    idx = IntegerField(primary_key=True)
    start = DateField(unique=True)
    lighter = BooleanField(default=False)

    class Meta:
        table_name = "plan_week"


class PlanDayRow(BaseRow):
    """One day's session as its full JSON form (with the user's moves and minute edits).

    Days of an earlier plan that are no longer in the current one stay here, so history can
    still name the session a logged day had.
    """

    day = DateField(primary_key=True)
    session = TextField()

    class Meta:
        table_name = "plan_day"


class CheckInRow(BaseRow):
    """One day's recovery checklist; ``foam_roll`` is a comma-separated list of areas."""

    day = DateField(primary_key=True)
    sleep_hours = FloatField(null=True)
    sleep_quality = IntegerField(null=True)
    warmup_done = BooleanField(default=False)
    stretch_done = BooleanField(default=False)
    foam_roll = TextField(default="")
    water_met = BooleanField(default=False)
    weight_kg = FloatField(null=True)
    thigh_cm = FloatField(null=True)
    calf_cm = FloatField(null=True)
    waist_cm = FloatField(null=True)
    hips_cm = FloatField(null=True)

    class Meta:
        table_name = "checkin"


class OutcomeRow(BaseRow):
    """What happened to one day's planned session."""

    day = DateField(primary_key=True)
    status = TextField()
    minutes = IntegerField(null=True)
    rpe = IntegerField(null=True)

    class Meta:
        table_name = "outcome"


class OfferDismissalRow(BaseRow):
    """A day whose adaptation offer the user declined."""

    day = DateField(primary_key=True)

    class Meta:
        table_name = "offer_dismissal"


class DeficitDismissalRow(BaseRow):
    """The day the user declined the energy-balance offer, and the verdict it was made for
    (at most one row: a new dismissal replaces the old)."""

    day = DateField(primary_key=True)
    verdict = TextField()

    class Meta:
        table_name = "deficit_dismissal"


class SettingRow(BaseRow):
    """A small key/value setting (window layout, paper size, ...)."""

    key = TextField(primary_key=True)
    value = TextField()

    class Meta:
        table_name = "setting"


@dataclass(frozen=True)
class Tables:
    """The row classes bound to one database."""

    profile: type[ProfileRow]
    plan_week: type[PlanWeekRow]
    plan_day: type[PlanDayRow]
    checkin: type[CheckInRow]
    outcome: type[OutcomeRow]
    offer_dismissal: type[OfferDismissalRow]
    setting: type[SettingRow]
    deficit_dismissal: type[DeficitDismissalRow]

    def all(self) -> list[type[BaseRow]]:
        return [self.profile, self.plan_week, self.plan_day, self.checkin, self.outcome,
                self.offer_dismissal, self.setting, self.deficit_dismissal]


R = TypeVar("R", bound=BaseRow)


def _bound(row: type[R], database: SqliteDatabase) -> type[R]:
    meta: Any = type("Meta", (), {"database": database, "table_name": row._meta.table_name})
    return cast("type[R]", type(row.__name__, (row,), {"Meta": meta, "__module__": __name__}))


def bind_tables(database: SqliteDatabase) -> Tables:
    """The row classes as subclasses bound to ``database`` (nothing global changes)."""
    return Tables(
        profile=_bound(ProfileRow, database),
        plan_week=_bound(PlanWeekRow, database),
        plan_day=_bound(PlanDayRow, database),
        checkin=_bound(CheckInRow, database),
        outcome=_bound(OutcomeRow, database),
        offer_dismissal=_bound(OfferDismissalRow, database),
        setting=_bound(SettingRow, database),
        deficit_dismissal=_bound(DeficitDismissalRow, database),
    )
