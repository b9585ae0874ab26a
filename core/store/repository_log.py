"""The repository's log part: daily check-ins, session outcomes and the history of SPEC §7."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from typing import Any

from core.checkin import CheckIn, Outcome, check_checkin, check_outcome
from core.store.change import NO_CHANGES, Change
from core.store.convert import (
    CHECKIN_COLUMNS,
    OUTCOME_COLUMNS,
    checkin_from_row,
    checkin_from_tuple,
    checkin_to_row,
    history_row,
    nice_date,
    outcome_from_row,
    outcome_from_tuple,
    outcome_to_row,
    session_from_text,
)
from core.store.database import Database
from core.store.rows import unmatched_activities
from core.store.safety import InvalidRequest
from core.store.tables import Tables


class NoOutcome(InvalidRequest):
    """Minutes or RPE were given for a day whose session is not marked done or skipped."""


class LogPart:
    """Check-in and outcome reads and writes, through the repository's one database."""

    def __init__(self, database: Database) -> None:
        self._database = database

    def checkin(self, day: date) -> CheckIn | None:
        with self._database.reading() as t:
            rows = [] if t is None else _checkins(t, day, day)  # plain SQL: read on every tick
            return checkin_from_tuple(rows[0]) if rows else None

    def save_checkin(self, checkin: CheckIn) -> Change:
        """Save the day's whole check-in (an empty one removes it); ProfileError names a
        value out of range."""
        c = check_checkin(checkin)
        with self._database.writing() as t:
            _put_checkin(t, c)
        return Change(days=frozenset({c.date}), summary=f"Check-in saved for {nice_date(c.date)}")

    def outcome(self, day: date) -> Outcome | None:
        with self._database.reading() as t:
            rows = [] if t is None else _outcomes(t, day, day)
            return outcome_from_tuple(rows[0]) if rows else None

    def save_outcome(self, o: Outcome) -> Change:
        """Mark the day's planned session done or skipped (ValueError when no session is
        planned that day)."""
        o = check_outcome(o)
        with self._database.writing() as t:
            _require_planned(t, o.date)
            t.outcome.replace(**outcome_to_row(o)).execute()
        return _logged(o.date, f"Session on {nice_date(o.date)} marked {o.status}")

    def clear_outcome(self, day: date) -> Change:
        """Unmark the day's session."""
        with self._database.writing() as t:
            gone = t.outcome.delete().where(t.outcome.day == day).execute()
        if not gone:
            return NO_CHANGES
        return _logged(day, f"Session on {nice_date(day)} unmarked")

    def log_day(self, day: date, checkin: Mapping[str, Any] | None = None,
                outcome: Mapping[str, Any] | None = None) -> Change:
        """Merge the given fields into the day's check-in and outcome, in one transaction.

        ``checkin`` holds CheckIn fields, ``outcome`` Outcome fields (``status``, ``minutes``,
        ``rpe``). Without ``status``, minutes and RPE attach to the day's existing outcome;
        NoOutcome when there is none.
        """
        if checkin:  # refuse bad values before anything is touched
            check_checkin(replace(CheckIn(date=day), **checkin))
        if outcome:
            check_outcome(replace(Outcome(date=day, status="done"), **outcome))
        with self._database.writing() as t:
            if checkin:
                row = t.checkin.get_or_none(t.checkin.day == day)
                base = checkin_from_row(row) if row is not None else CheckIn(date=day)
                _put_checkin(t, check_checkin(replace(base, **checkin)))
            if outcome:
                orow = t.outcome.get_or_none(t.outcome.day == day)
                if orow is None and "status" not in outcome:
                    raise NoOutcome(f"no session is marked done or skipped on {day.isoformat()}")
                base_o = (outcome_from_row(orow) if orow is not None
                          else Outcome(date=day, status=str(outcome["status"])))
                _require_planned(t, day)
                o = check_outcome(replace(base_o, **outcome))
                t.outcome.replace(**outcome_to_row(o)).execute()
        return _logged(day, f"Logged {nice_date(day)}")

    def checkins(self, start: date, end: date) -> list[CheckIn]:
        """The check-ins from ``start`` to ``end`` (both included), oldest first."""
        with self._database.reading() as t:
            return [] if t is None else [checkin_from_tuple(r) for r in _checkins(t, start, end)]

    def outcomes(self, start: date, end: date) -> list[Outcome]:
        """The marked sessions from ``start`` to ``end`` (both included), oldest first."""
        with self._database.reading() as t:
            return [] if t is None else [outcome_from_tuple(r) for r in _outcomes(t, start, end)]

    def history(self, start: date | None = None, end: date | None = None) -> list[dict[str, Any]]:
        """SPEC §7 history rows: the days with a check-in or a marked session, oldest first."""
        with self._database.reading() as t:
            if t is None:
                return []
            lo, hi = start or date.min, end or date.max
            checkins = {r[0]: checkin_from_tuple(r) for r in _checkins(t, lo, hi)}
            outcomes = {r[0]: outcome_from_tuple(r) for r in _outcomes(t, lo, hi)}
            kinds: dict[date, str] = {}
            if outcomes:
                pd = t.plan_day
                rows: Any = (pd.select(pd.day, pd.session)
                             .where(pd.day.between(min(outcomes), max(outcomes))).tuples())
                kinds = {r[0]: str(json.loads(r[1])["kind"]) for r in rows if r[0] in outcomes}
            extra = unmatched_activities(t, lo, hi)
            return [history_row(d, checkins.get(d), outcomes.get(d), kinds.get(d),
                                extra.get(d))
                    for d in sorted(set(checkins) | set(outcomes) | set(extra))]

    def unmatched_activities(self, start: date, end: date) -> dict[date, list[dict[str, Any]]]:
        """The imported activities that matched no session, by day (SPEC §7 ``activities``)."""
        with self._database.reading() as t:
            return {} if t is None else unmatched_activities(t, start, end)


def _logged(day: date, summary: str) -> Change:
    """The Change of a log write: marking a session adapts nothing at once (SPEC §3)."""
    return Change(days=frozenset({day}), summary=summary)


def _checkins(t: Tables, start: date, end: date) -> list[tuple[Any, ...]]:
    return _range(t.checkin, CHECKIN_COLUMNS, start, end)


def _outcomes(t: Tables, start: date, end: date) -> list[tuple[Any, ...]]:
    return _range(t.outcome, OUTCOME_COLUMNS, start, end)


def _range(model: Any, columns: tuple[str, ...], start: date,
           end: date) -> list[tuple[Any, ...]]:
    """Rows of a day-keyed table from ``start`` to ``end`` as tuples, day first.

    Plain SQL on the hot read path (peewee's query building costs more than the read);
    the names come from the model, dates are ISO text in SQLite.
    """
    names = ", ".join(f'"{c}"' for c in columns)
    sql = (f'SELECT {names} FROM "{model._meta.table_name}" '
           'WHERE "day" BETWEEN ? AND ? ORDER BY "day"')
    cursor = model._meta.database.execute_sql(sql, (start.isoformat(), end.isoformat()))
    return [(date.fromisoformat(r[0]), *r[1:]) for r in cursor]


def _put_checkin(t: Tables, c: CheckIn) -> None:
    if c.is_empty:
        t.checkin.delete().where(t.checkin.day == c.date).execute()
    else:
        t.checkin.replace(**checkin_to_row(c)).execute()


def _require_planned(t: Tables, day: date) -> None:
    """InvalidRequest unless a session (not a rest day) is planned on ``day``."""
    row = t.plan_day.get_or_none(t.plan_day.day == day)
    if row is None:
        raise InvalidRequest(f"there is no planned session on {day.isoformat()} to mark done "
                             "or skipped")
    if session_from_text(row.session).kind == "rest":
        raise InvalidRequest(f"no session planned on {nice_date(day)}: it is a rest day")
