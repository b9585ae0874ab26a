"""JSON backups of the whole database (SPEC §6): writing one, reading one back (validated in
full by :mod:`core.store.backup_check` before anything is written), and replacing the stored
data with its content."""

from __future__ import annotations

import json
import shutil
import tempfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

from core.store.backup_check import FORMAT, VERSION, BackupData, BadBackup, parse_backup
from core.store.convert import (
    checkin_from_row,
    checkin_to_row,
    outcome_from_row,
    outcome_to_row,
    session_from_text,
    session_to_text,
)
from core.store.safety import InvalidRequest, StoreError
from core.store.tables import Tables

MAX_BYTES = 64 * 1024 * 1024

__all__ = ["BackupData", "BadBackup", "dump", "load_backup", "apply_backup"]


def dump(t: Tables) -> dict[str, Any]:
    """Everything stored, as the JSON object of a backup file."""
    from core.store.repository_plan import _load_plan

    profile_row = t.profile.get_or_none(t.profile.id == 1)
    plan = _load_plan(t)
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
        "outcomes": [{"date": o.date.isoformat(), "status": o.status, "minutes": o.minutes,
                      "rpe": o.rpe}
                     for o in (outcome_from_row(r)
                               for r in t.outcome.select().order_by(t.outcome.day))],
        "dismissed_offers": [r.day.isoformat() for r in
                             t.offer_dismissal.select().order_by(t.offer_dismissal.day)],
        "settings": {r.key: r.value for r in t.setting.select().order_by(t.setting.key)},
        "dismissed_deficit_offers": [
            {"date": r.day.isoformat(), "verdict": r.verdict}
            for r in t.deficit_dismissal.select().order_by(t.deficit_dismissal.day)],
    }


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
        if path.stat().st_size > MAX_BYTES:
            raise BadBackup(str(path), f"is larger than {MAX_BYTES // (1024 * 1024)} MB")
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InvalidRequest(f"backup file not found: {path}") from None
    except UnicodeDecodeError:
        raise BadBackup(str(path), "is not UTF-8 text") from None
    except IsADirectoryError:
        raise InvalidRequest(f"backup file {path} is a folder") from None
    except OSError as exc:
        raise InvalidRequest(f"cannot read backup file {path}: {exc.strerror}") from None
    try:
        value = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        raise BadBackup(str(path), f"is not valid JSON ({exc})") from None
    return parse_backup(value)


def check_database_file(path: Path) -> None:
    """Check the data in an SQLite backup with every check of a JSON restore (InvalidRequest
    naming the first wrong value). A scratch copy is opened, so the file itself is never
    changed, not even migrated."""
    from core.store.db import DB_NAME
    from core.store.repository import open_repository

    with tempfile.TemporaryDirectory(prefix="runner-legs-check-") as tmp:
        shutil.copyfile(path, Path(tmp, DB_NAME))
        repo = open_repository(Path(tmp), today=lambda: date.min)  # read only, never written
        try:
            with repo._reading() as t:
                data = None if t is None else dump(t)
            parse_backup(json.loads(json.dumps(data)))
        except BadBackup as exc:
            raise InvalidRequest(f"the backup {path} cannot be used, nothing changed: "
                                 f"{exc.where} {exc.problem}") from None
        except (StoreError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise InvalidRequest(f"the backup {path} cannot be used, nothing changed: its "
                                 f"data cannot be read ({exc})") from None
        finally:
            repo.close()


# Settings that name a file on this machine (the calendar feed, core.export.ics_feed): a
# restore keeps this machine's value, so a backup from another machine or from before the
# feed was named neither points the feed elsewhere nor stops it.
MACHINE_SETTINGS = frozenset({"calendar_feed"})


def apply_backup(t: Tables, data: BackupData) -> None:
    """Replace every stored row with the backup's content (call inside one transaction)."""
    from core.store.repository_plan import write_plan

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


def _insert(model: Any, rows: list[dict[str, Any]]) -> None:
    for i in range(0, len(rows), 200):
        model.insert_many(rows[i:i + 200]).execute()
