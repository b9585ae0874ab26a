"""JSON backups of the whole database (SPEC §6): writing one, reading one back (validated in
full by :mod:`core.store.backup_check` before anything is written), and replacing the stored
data with its content."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from core.files import read_input
from core.store.backup_check import FORMAT, VERSION, BackupData, BadBackup, parse_backup
from core.store.convert import (
    checkin_from_row,
    checkin_to_row,
    outcome_from_row,
    outcome_json,
    outcome_to_row,
    session_from_text,
    session_to_text,
)
from core.store.rows import load_plan, write_plan
from core.store.safety import InvalidRequest
from core.store.tables import Tables

MAX_BYTES = 64 * 1024 * 1024

__all__ = ["BackupData", "BadBackup", "dump", "load_backup", "apply_backup"]


def dump(t: Tables) -> dict[str, Any]:
    """Everything stored, as the JSON object of a backup file."""
    profile_row = t.profile.get_or_none(t.profile.id == 1)
    plan = load_plan(t)
    others = [session_from_text(r.session) for r in t.plan_day.select().order_by(t.plan_day.day)
              if plan is None or not plan.start <= r.day <= plan.end]
    return {
        "format": FORMAT,
        "version": VERSION,
        "created": datetime.now().isoformat(timespec="seconds"),
        "profile": None if profile_row is None else json.loads(profile_row.data),
        "demo": bool(profile_row is not None and profile_row.demo),
        "plan": None if plan is None else plan.to_json(full=True),
        "other_sessions": [s.to_json(full=True) for s in others],
        "checkins": [_checkin_json(checkin_from_row(r))
                     for r in t.checkin.select().order_by(t.checkin.day)],
        "outcomes": [outcome_json(outcome_from_row(r))
                     for r in t.outcome.select().order_by(t.outcome.day)],
        "activities": [activity_json(r) for r in
                       t.activity.select().order_by(t.activity.start, t.activity.sport)],
        "dismissed_offers": [r.day.isoformat() for r in
                             t.offer_dismissal.select().order_by(t.offer_dismissal.day)],
        "settings": {r.key: r.value for r in t.setting.select().order_by(t.setting.key)},
        "dismissed_deficit_offers": [
            {"date": r.day.isoformat(), "verdict": r.verdict}
            for r in t.deficit_dismissal.select().order_by(t.deficit_dismissal.day)],
    }


def activity_json(r: Any) -> dict[str, Any]:
    """A stored imported activity as a backup holds it."""
    return {"sport": r.sport, "start": r.start, "date": r.day.isoformat(),
            "minutes": r.minutes, "distance_km": r.distance_km, "avg_hr": r.avg_hr,
            "source": r.source, "counted": bool(r.counted)}


def _checkin_json(c: Any) -> dict[str, Any]:
    return {"date": c.date.isoformat(), "sleep_hours": c.sleep_hours,
            "sleep_quality": c.sleep_quality, "warmup_done": c.warmup_done,
            "stretch_done": c.stretch_done, "foam_roll": list(c.foam_roll),
            "water_met": c.water_met, "weight_kg": c.weight_kg, **c.measurements()}


def load_backup(path: Path) -> BackupData:
    """Read and validate a backup file completely (BadBackup / ValueError naming the
    problem; nothing is written here)."""
    path = Path(path)
    try:
        text = read_input(path, MAX_BYTES).decode("utf-8")
    except FileNotFoundError:
        raise InvalidRequest(f"backup file not found: {path}") from None
    except UnicodeDecodeError:
        raise BadBackup(str(path), "is not UTF-8 text") from None
    except IsADirectoryError:
        raise InvalidRequest(f"backup file {path} is a folder") from None
    except OSError as exc:
        raise InvalidRequest(f"cannot read backup file {path}: {exc.strerror or exc}") from None
    try:
        value = json.loads(text)
    except RecursionError:
        raise BadBackup(str(path), "is not valid JSON (nested too deeply)") from None
    except ValueError as exc:  # bad JSON, or a number too long to convert
        raise BadBackup(str(path), f"is not valid JSON ({exc})") from None
    try:  # a lone surrogate (\\ud800) decodes as JSON but can never be stored
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise BadBackup(str(path), "holds text that is not valid Unicode (a lone "
                                   "surrogate)") from None
    return parse_backup(value)


# Settings that name a file or folder on this machine (the calendar feed, core.export.ics_feed;
# the watched activities folder): a restore keeps this machine's value, so a backup from
# another machine or from before it was named neither points it elsewhere nor stops it.
MACHINE_SETTINGS = frozenset({"calendar_feed", "import/watched_folder"})


def apply_backup(t: Tables, data: BackupData) -> None:
    """Replace every stored row with the backup's content (call inside one transaction)."""
    kept = {r.key: r.value for r in t.setting.select().where(t.setting.key.in_(
        sorted(MACHINE_SETTINGS)))}
    settings = {k: v for k, v in data.settings.items() if k not in MACHINE_SETTINGS} | kept
    for model in t.all():
        model.delete().execute()
    if data.profile is not None:
        t.profile.insert(id=1, data=json.dumps(data.profile.to_dict(), ensure_ascii=False,
                                               sort_keys=True),
                         demo=data.demo,
                         saved_at=datetime.now().isoformat(timespec="seconds")).execute()
    _insert(t.checkin, [checkin_to_row(c) for c in data.checkins if not c.is_empty])
    _insert(t.outcome, [outcome_to_row(o) for o in data.outcomes])
    _insert(t.plan_day, [{"day": s.date, "session": session_to_text(s)}
                         for s in data.other_sessions])
    if data.plan is not None:
        write_plan(t, data.plan)
    _insert(t.offer_dismissal, [{"day": d} for d in sorted(data.dismissed_offers)])
    _insert(t.setting, [{"key": k, "value": v} for k, v in sorted(settings.items())])
    _insert(t.deficit_dismissal, [{"day": d, "verdict": v}
                                  for d, v in sorted(data.dismissed_deficit_offers)])
    _insert(t.activity, [{"sport": a.sport, "start": a.start, "day": a.date,
                          "minutes": a.minutes, "distance_km": a.distance_km,
                          "avg_hr": a.avg_hr, "source": a.source, "counted": a.counted}
                         for a in data.activities])


def _insert(model: Any, rows: list[dict[str, Any]]) -> None:
    for i in range(0, len(rows), 200):
        model.insert_many(rows[i:i + 200]).execute()
