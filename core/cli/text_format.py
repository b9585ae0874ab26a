"""Plain-text renderings for the terminal: a week table a person can read, a day's targets."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, Any

from core.plan import Plan, Session, Week
from core.profile import Profile
from core.wording import month, weekday

if TYPE_CHECKING:
    from core.nutrition import DayTargets


def dose(session: Session) -> str:
    """A short description of the main set: intervals, repeats, sets × reps or the effort."""
    d: dict[str, Any] = session.details
    if "intervals" in d:
        i = d["intervals"]
        return f"{i['rounds']} × {i['work_s']} s hard / {i['recovery_s']} s easy"
    if "repeats" in d:
        return f"{d['repeats']} hill repeats, jog down"
    if d.get("exercises"):
        ex = d["exercises"][0]
        names = ", ".join(_short(e["name"]) for e in d["exercises"])
        return f"{ex['sets']} × {ex['reps']}: {names}"
    return _EFFORT.get(session.kind, "").format(**d)


_EFFORT = {
    "long_run": "conversational pace",
    "easy_run": "easy to moderate pace",
    "tempo": "comfortably hard",
    "cross_training": "{activity}, easy and steady",
    "active_recovery": "walk, yoga, stretch, foam roll",
}


def _short(name: str) -> str:
    """'Split squat with dumbbells' -> 'Split squat' (the table has one line per day)."""
    for cut in (" with ", " (", " on "):
        name = name.split(cut)[0]
    return name


def _day(d: Any) -> str:
    return f"{weekday(d, short=True)} {d.day:>2} {month(d, short=True)}"


def format_week(week: Week) -> str:
    lines = [f"Week {week.index} · {_day(week.start)} – {_day(week.end)} · "
             f"{week.run_minutes} min running" + (" · lighter week" if week.lighter else "")]
    for s in sorted(week.sessions, key=lambda s: s.date):
        minutes = f"{s.minutes:>3} min" if s.minutes else "      -"
        flag = "hard" if s.hard else "    "
        first = f"  {_day(s.date)}  {s.title:<22.22} {minutes}  {flag}  "
        rest = dose(s)
        wrapped = textwrap.wrap(rest, width=max(30, 110 - len(first))) or [""]
        lines.append(first + wrapped[0])
        lines.extend(" " * len(first) + more for more in wrapped[1:])
    return "\n".join(lines) + "\n"


def format_plan(profile: Profile, plan: Plan) -> str:
    head = (f"Runner Legs — plan for {profile.name}\n"
            f"{len(plan.weeks)} weeks from {_day(plan.start)} {plan.start.year} "
            f"to {_day(plan.end)} {plan.end.year}\n")
    head += "".join(f"Note: {note}\n" for note in plan.notes)  # rule 16
    return head + "\n" + "\n".join(format_week(w) for w in plan.weeks)


def format_targets(t: DayTargets) -> str:
    n = t.to_json()  # the same rounding as the JSON and the app
    lines = [
        f"Targets for {weekday(t.date)} {t.date.isoformat()} ({t.session_kind.replace('_', ' ')})",
        f"  Calories  {n['kcal']:>5} kcal   (BMR {n['bmr']} kcal)",
        f"  Protein   {n['protein_g']:>5} g",
        f"  Carbs     {n['carbs_g']:>5} g",
        f"  Fat       {n['fat_g']:>5} g",
        f"  Water     {n['water_ml']:>5} ml   (rule of thumb)"
        + ("   + electrolytes" if t.electrolytes else ""),
    ]
    lines += [f"  • {note}" for note in t.notes]
    lines += [f"  ! {warning}" for warning in t.warnings]
    return "\n".join(lines) + "\n"
