"""Validating a JSON backup completely before anything is written: structure, types, and
every range of SPEC §2 (profile) and §7 (plan and log). A refusal names where it is wrong,
e.g. ``checkins[3].sleep_hours must be 0–24 hours, got 25``."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from core.activities.model import SPORTS
from core.activities.times import parse_time
from core.checkin import (
    DISTANCE_RANGE,
    HR_RANGE,
    MEASUREMENTS,
    MINUTES_RANGE,
    RPE_RANGE,
    CheckIn,
    Outcome,
    check_checkin,
    check_outcome,
)
from core.plan import KINDS, Plan, Session, Week
from core.profile import AGE_RANGE, Profile, ProfileError, profile_from_dict
from core.store.safety import InvalidRequest

FORMAT = "runner-legs-backup"
VERSION = 1
MAX_WEEKS = 104
TOP_KEYS = {"format", "version", "created", "profile", "demo", "plan", "other_sessions",
            "checkins", "outcomes", "dismissed_offers", "settings", "dismissed_deficit_offers",
            "activities"}
VERDICTS = ("too_fast", "too_slow")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class BadBackup(InvalidRequest):
    """The backup file is wrong somewhere; the message says where and why."""

    def __init__(self, where: str, problem: str) -> None:
        self.where = where
        self.problem = problem
        super().__init__(f"backup not restored, nothing changed: {where} {problem}")


@dataclass(frozen=True)
class BackupData:
    """Everything a backup holds, as core objects."""

    profile: Profile | None = None
    demo: bool = False
    plan: Plan | None = None
    other_sessions: tuple[Session, ...] = ()
    checkins: tuple[CheckIn, ...] = ()
    outcomes: tuple[Outcome, ...] = ()
    dismissed_offers: frozenset[date] = frozenset()
    settings: dict[str, str] = field(default_factory=dict)
    dismissed_deficit_offers: tuple[tuple[date, str], ...] = ()
    activities: tuple[StoredActivity, ...] = ()


@dataclass(frozen=True)
class StoredActivity:
    """An imported activity as stored (SPEC §9); ``start`` is UTC text."""

    sport: str
    start: str
    date: date
    minutes: int
    distance_km: float | None
    avg_hr: int | None
    source: str
    counted: bool


def _got(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _obj(where: str, value: object) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise BadBackup(where, f"must be a JSON object, got {_got(value)}")
    return value


def _list(where: str, value: object) -> list[Any]:
    if not isinstance(value, list):
        raise BadBackup(where, f"must be a JSON list, got {_got(value)}")
    return value


def _keys(where: str, obj: dict[str, Any], required: set[str], optional: set[str]) -> None:
    missing = sorted(required - set(obj))
    if missing:
        raise BadBackup(where, f"lacks {missing[0]}")
    unknown = sorted(set(obj) - required - optional)
    if unknown:
        raise BadBackup(where, f"has an unknown field {unknown[0]}")


def _day(where: str, value: object) -> date:
    if isinstance(value, str) and _ISO.match(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise BadBackup(where, f"must be a real ISO date (YYYY-MM-DD), got {_got(value)}")


def _bool(where: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise BadBackup(where, f"must be true or false, got {_got(value)}")
    return value


def _str(where: str, value: object, most: int = 2000) -> str:
    if not isinstance(value, str) or len(value) > most:
        raise BadBackup(where, f"must be text of at most {most} characters, got {_got(value)}")
    return value


def _int(where: str, value: object, lo: int, hi: int, *, null: bool = False) -> int | None:
    if value is None and null:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
        raise BadBackup(where, f"must be a whole number {lo}–{hi}, got {_got(value)}")
    return value


def _num(where: str, value: object, *, null: bool = True) -> float | None:
    if value is None and null:
        return None
    if (isinstance(value, bool) or not isinstance(value, (int, float))
            or not math.isfinite(value)):
        raise BadBackup(where, f"must be a number, got {_got(value)}")
    return float(value)


def _session(where: str, value: object) -> Session:
    s = _obj(where, value)
    _keys(where, s, {"date", "kind", "title", "minutes", "hard", "why"},
          {"details", "structure", "foam_roll", "edited"})
    kind = s["kind"]
    if kind not in KINDS:
        raise BadBackup(f"{where}.kind", f"must be one of {', '.join(KINDS)}, got {_got(kind)}")
    structure = _list(f"{where}.structure", s.get("structure", []))
    for i, line in enumerate(structure):
        _str(f"{where}.structure[{i}]", line)
    details = _obj(f"{where}.details", s.get("details", {}))
    _details(f"{where}.details", details)
    return Session(
        date=_day(f"{where}.date", s["date"]), kind=kind,
        title=_str(f"{where}.title", s["title"], 200),
        minutes=int(_int(f"{where}.minutes", s["minutes"], *MINUTES_RANGE) or 0),
        hard=_bool(f"{where}.hard", s["hard"]), why=_str(f"{where}.why", s["why"]),
        details=details, structure=tuple(structure),
        foam_roll=_bool(f"{where}.foam_roll", s.get("foam_roll", False)),
        edited=_bool(f"{where}.edited", s.get("edited", False)),
    )


def _details(where: str, d: dict[str, Any]) -> None:
    if "repeats" in d:
        _int(f"{where}.repeats", d["repeats"], 0, 100)
    if "intervals" in d:
        iv = _obj(f"{where}.intervals", d["intervals"])
        for key in ("work_s", "recovery_s", "rounds"):
            _int(f"{where}.intervals.{key}", iv.get(key), 0, 3600)
    if "exercises" in d:
        for i, ex in enumerate(_list(f"{where}.exercises", d["exercises"])):
            e = _obj(f"{where}.exercises[{i}]", ex)
            _str(f"{where}.exercises[{i}].name", e.get("name"), 200)


def _plan(value: object) -> Plan:
    p = _obj("plan", value)
    _keys("plan", p, {"start", "weeks"}, set())
    start = _day("plan.start", p["start"])
    if start.weekday() != 0:
        raise BadBackup("plan.start", f"must be a Monday, got {start.isoformat()}")
    raw_weeks = _list("plan.weeks", p["weeks"])
    if not 1 <= len(raw_weeks) <= MAX_WEEKS:
        raise BadBackup("plan.weeks", f"must hold 1–{MAX_WEEKS} weeks, got {len(raw_weeks)}")
    weeks = []
    for i, raw in enumerate(raw_weeks):
        where = f"plan.weeks[{i}]"
        w = _obj(where, raw)
        _keys(where, w, {"index", "start", "lighter", "sessions"}, {"run_minutes"})
        monday = start + timedelta(days=7 * i)
        if _int(f"{where}.index", w["index"], 1, MAX_WEEKS) != i + 1:
            raise BadBackup(f"{where}.index", f"must be {i + 1}, got {_got(w['index'])}")
        if _day(f"{where}.start", w["start"]) != monday:
            raise BadBackup(f"{where}.start", f"must be {monday.isoformat()}, got "
                                              f"{_got(w['start'])}")
        raw_sessions = _list(f"{where}.sessions", w["sessions"])
        sessions = tuple(_session(f"{where}.sessions[{j}]", s)
                         for j, s in enumerate(raw_sessions))
        want = [monday + timedelta(days=k) for k in range(7)]
        if sorted(s.date for s in sessions) != want:
            raise BadBackup(f"{where}.sessions", "must hold one session for each day from "
                                                 f"{want[0].isoformat()} to {want[-1].isoformat()}")
        weeks.append(Week(index=i + 1, start=monday,
                          lighter=_bool(f"{where}.lighter", w["lighter"]), sessions=sessions))
    return Plan(start=start, weeks=tuple(weeks))


def _checkin(where: str, value: object) -> CheckIn:
    c = _obj(where, value)
    _keys(where, c, {"date"}, {"sleep_hours", "sleep_quality", "warmup_done", "stretch_done",
                               "foam_roll", "water_met", "weight_kg", *MEASUREMENTS})
    areas = _list(f"{where}.foam_roll", c.get("foam_roll", []))
    quality = c.get("sleep_quality")
    if quality is not None and (isinstance(quality, bool) or not isinstance(quality, int)):
        raise BadBackup(f"{where}.sleep_quality", f"must be a whole number 1–5, got {quality!r}")
    checkin = CheckIn(
        date=_day(f"{where}.date", c["date"]),
        sleep_hours=_num(f"{where}.sleep_hours", c.get("sleep_hours")),
        sleep_quality=quality,
        warmup_done=_bool(f"{where}.warmup_done", c.get("warmup_done", False)),
        stretch_done=_bool(f"{where}.stretch_done", c.get("stretch_done", False)),
        foam_roll=tuple(areas), water_met=_bool(f"{where}.water_met", c.get("water_met", False)),
        weight_kg=_num(f"{where}.weight_kg", c.get("weight_kg")),
        **{name: _num(f"{where}.{name}", c.get(name)) for name in MEASUREMENTS},
    )
    try:
        return check_checkin(checkin)
    except ProfileError as exc:
        raise BadBackup(f"{where}.{exc.field}", f"must be {exc.expected}, got "
                                                f"{_got(exc.value)}") from None


def _outcome(where: str, value: object) -> Outcome:
    o = _obj(where, value)
    _keys(where, o, {"date", "status"}, {"minutes", "rpe", "distance_km", "avg_hr", "source"})
    source = o.get("source")
    outcome = Outcome(date=_day(f"{where}.date", o["date"]), status=o["status"],
                      minutes=_int(f"{where}.minutes", o.get("minutes"), *MINUTES_RANGE,
                                   null=True),
                      rpe=_int(f"{where}.rpe", o.get("rpe"), *RPE_RANGE, null=True),
                      distance_km=_num(f"{where}.distance_km", o.get("distance_km")),
                      avg_hr=_int(f"{where}.avg_hr", o.get("avg_hr"), *HR_RANGE, null=True),
                      source=None if source is None else _str(f"{where}.source", source))
    try:
        return check_outcome(outcome)
    except ProfileError as exc:
        raise BadBackup(f"{where}.{exc.field}", f"must be {exc.expected}, got "
                                                f"{_got(exc.value)}") from None


def _activity(where: str, value: object) -> StoredActivity:
    a = _obj(where, value)
    _keys(where, a, {"sport", "start", "date", "minutes", "source"},
          {"distance_km", "avg_hr", "counted"})
    sport = _str(f"{where}.sport", a["sport"], 20)
    if sport not in SPORTS:
        raise BadBackup(f"{where}.sport", f"must be one of {', '.join(SPORTS)}, got "
                                          f"{_got(sport)}")
    start = _str(f"{where}.start", a["start"], 40)
    if parse_time(start) is None:
        raise BadBackup(f"{where}.start", f"must be a UTC time, got {_got(start)}")
    km = _num(f"{where}.distance_km", a.get("distance_km"))
    if km is not None and not DISTANCE_RANGE[0] <= km <= DISTANCE_RANGE[1]:
        raise BadBackup(f"{where}.distance_km", f"must be 0–1000 km, got {_got(km)}")
    return StoredActivity(
        sport=sport, start=start, date=_day(f"{where}.date", a["date"]),
        minutes=_int(f"{where}.minutes", a["minutes"], 0, 100_000) or 0,
        distance_km=km, avg_hr=_int(f"{where}.avg_hr", a.get("avg_hr"), *HR_RANGE, null=True),
        source=_str(f"{where}.source", a["source"]),
        counted=_bool(f"{where}.counted", a.get("counted", False)))


def _unique(where: str, days: list[date]) -> None:
    seen: set[date] = set()
    for d in days:
        if d in seen:
            raise BadBackup(where, f"holds {d.isoformat()} twice")
        seen.add(d)


def parse_backup(value: object) -> BackupData:
    """The backup's content as core objects; BadBackup when any part is wrong."""
    top = _obj("the file", value)
    _keys("the file", top, {"format", "version"}, TOP_KEYS)
    if top["format"] != FORMAT:
        raise BadBackup("format", f"must be {FORMAT!r}, got {_got(top['format'])}")
    if top["version"] != VERSION or isinstance(top["version"], bool):
        raise BadBackup("version", f"must be {VERSION} (this app's backup format), got "
                                   f"{_got(top['version'])}")
    plan = None if top.get("plan") is None else _plan(top["plan"])
    profile = None
    if top.get("profile") is not None:
        try:
            profile = profile_from_dict(_obj("profile", top["profile"]))
        except ProfileError as exc:
            raise BadBackup(f"profile.{exc.field}", f"must be {exc.expected}, got "
                                                    f"{_got(exc.value)}") from None
        if plan is not None:
            lo, hi = AGE_RANGE
            if profile.age_on(plan.start) > hi or profile.age_on(plan.end) < lo:
                raise BadBackup("profile.birth_date", f"must make the runner {lo}–{hi} years "
                                                      "old during the plan")
    if plan is not None and profile is None:
        raise BadBackup("plan", "needs a profile")
    others = tuple(_session(f"other_sessions[{i}]", s)
                   for i, s in enumerate(_list("other_sessions", top.get("other_sessions", []))))
    _unique("other_sessions", [s.date for s in others])
    for i, s in enumerate(others):
        if plan is not None and plan.start <= s.date <= plan.end:
            raise BadBackup(f"other_sessions[{i}].date", "must be outside the plan")
    checkins = tuple(_checkin(f"checkins[{i}]", c)
                     for i, c in enumerate(_list("checkins", top.get("checkins", []))))
    _unique("checkins", [c.date for c in checkins])
    outcomes = tuple(_outcome(f"outcomes[{i}]", o)
                     for i, o in enumerate(_list("outcomes", top.get("outcomes", []))))
    _unique("outcomes", [o.date for o in outcomes])
    planned = {s.date for s in others} | ({s.date for s in plan.sessions()} if plan else set())
    for i, o in enumerate(outcomes):
        if o.date not in planned:
            raise BadBackup(f"outcomes[{i}].date", f"has no planned session on "
                                                   f"{o.date.isoformat()}")
    dismissed = [_day(f"dismissed_offers[{i}]", d)
                 for i, d in enumerate(_list("dismissed_offers", top.get("dismissed_offers", [])))]
    deficit = []
    for i, raw in enumerate(_list("dismissed_deficit_offers",
                                  top.get("dismissed_deficit_offers", []))):
        where = f"dismissed_deficit_offers[{i}]"
        item = _obj(where, raw)
        _keys(where, item, {"date", "verdict"}, set())
        if item["verdict"] not in VERDICTS:
            raise BadBackup(f"{where}.verdict", f"must be one of {', '.join(VERDICTS)}, got "
                                                f"{_got(item['verdict'])}")
        deficit.append((_day(f"{where}.date", item["date"]), str(item["verdict"])))
    _unique("dismissed_deficit_offers", [d for d, _ in deficit])
    settings = _obj("settings", top.get("settings", {}))
    for key, val in settings.items():
        _str(f"settings.{key}", val, 100_000)
    activities = tuple(_activity(f"activities[{i}]", a)
                       for i, a in enumerate(_list("activities", top.get("activities", []))))
    keys = [(a.sport, a.start) for a in activities]
    if len(set(keys)) != len(keys):
        raise BadBackup("activities", "holds the same activity (sport and start) twice")
    return BackupData(profile=profile, demo=_bool("demo", top.get("demo", False)), plan=plan,
                      other_sessions=others, checkins=checkins, outcomes=outcomes,
                      dismissed_offers=frozenset(dismissed), settings=dict(settings),
                      dismissed_deficit_offers=tuple(deficit), activities=activities)
