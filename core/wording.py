"""Dates, doses and amounts as people read them, shared by the command line, the PDFs, the
calendar file and the window: dose lines, exercise lines, the fridge-door reminders, weights,
heights and water in the profile's units. Plain strings; escaping happens where they meet a
PDF."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from core.catalog import KIND_LABELS
from core.nutrition import whole
from core.plan import RUN_KINDS, Session
from core.profile import Profile
from core.sleep import sleep_target_text
from core.units import CM_PER_INCH, LB_PER_KG, format_height, ml_to_fl_oz

_PLAIN_DOSE = {
    "long_run": "Conversational pace",
    "easy_run": "Easy pace",
    "tempo": "Comfortably hard",
    "cross_training": "Cycling or swimming",
    "active_recovery": "Walk, yoga, stretch",
    "rest": "Day off",
}


def kind_label(kind: str) -> str:
    """The catalogue's label for a session kind ("Long run")."""
    return KIND_LABELS.get(kind) or kind.replace("_", " ").capitalize()


def _reps(value: Any) -> str:
    return str(value).replace("-", "–")


def dose(session: Session) -> str:
    """The main set in a few words: "8 × 60 s hard", "8 hill repeats", "3 × 12–15"."""
    d: dict[str, Any] = session.details or {}
    intervals = d.get("intervals")
    if session.kind == "hiit" and isinstance(intervals, dict):
        return f"{intervals.get('rounds', '?')} × {intervals.get('work_s', '?')} s hard"
    if session.kind == "hills" and d.get("repeats"):
        return f"{d['repeats']} hill repeats"
    run_walk = d.get("run_walk")
    if isinstance(run_walk, dict):
        return (f"{run_walk.get('rounds', '?')} × {run_walk.get('run_s', '?')} s run / "
                f"{run_walk.get('walk_s', '?')} s walk")
    exercises = d.get("exercises")
    if session.kind == "strength" and exercises:
        first = exercises[0]
        return f"{first.get('sets', '?')} × {_reps(first.get('reps', '?'))}"
    activity = d.get("activity")
    if session.kind == "cross_training" and isinstance(activity, str) and activity:
        return f"{activity.capitalize()}, easy and steady"
    return _PLAIN_DOSE.get(session.kind, "")


def exercise_names(session: Session) -> str:
    """Strength exercises in short form for a small line: "Goblet squat · Step-up"."""
    names = []
    for ex in (session.details or {}).get("exercises") or []:
        name = str(ex.get("name", "")).split(" (")[0].split(" with ")[0].strip()
        if name:
            names.append(name)
    return " · ".join(names)


def short_exercise_names(session: Session) -> str:
    """Strength exercises in a word or two each, for the fridge page at a legible size:
    "Squat · Lunge · Bridge · Calf raise"."""
    out: list[str] = []
    for name in exercise_names(session).split(" · "):
        low = name.lower().removesuffix(" machine").strip()
        short = next((k for k in _TWO_WORD if low.endswith(k)), "") or low.split(" ")[-1]
        if short:
            out.append(short.capitalize().replace(" ", "\u00a0"))  # never split "Calf raise"
    return " · ".join(out)


_TWO_WORD = ("calf raise", "leg press")


def dose_hint(session: Session) -> str:
    """A second, smaller line under the dose: recovery between efforts, the exercise count."""
    d: dict[str, Any] = session.details or {}
    intervals = d.get("intervals")
    if session.kind == "hiit" and isinstance(intervals, dict):
        return f"{intervals.get('recovery_s', '?')} s walk/jog between"
    if session.kind == "hills" and d.get("repeats"):
        return "jog down to recover"
    exercises = d.get("exercises")
    if session.kind == "strength" and exercises:
        workout = d.get("workout")
        return f"Workout {workout}" if workout else f"{len(exercises)} exercises"
    return ""


def minutes_text(session: Session) -> str:
    """"40 min", or an empty string for a rest day."""
    return f"{session.minutes} min" if session.minutes > 0 and session.kind != "rest" else ""


def exercise_lines(session: Session) -> list[str]:
    """One line per strength exercise: "Goblet squat — 3 × 12–15"."""
    out = []
    for ex in (session.details or {}).get("exercises") or []:
        sets, reps = ex.get("sets", "?"), _reps(ex.get("reps", "?"))
        out.append(f"{ex.get('name', '')} — {sets} × {reps}")
    return out


def main_lines(session: Session) -> list[str]:
    """Structure lines (warm-up, main set, cool-down) plus exercises for strength."""
    lines = list(session.structure)
    d: dict[str, Any] = session.details or {}
    if not session.structure:
        lines += exercise_lines(session)
        intervals = d.get("intervals")
        if isinstance(intervals, dict):
            lines.append(f"{intervals.get('rounds')} rounds: {intervals.get('work_s')} s hard, "
                         f"{intervals.get('recovery_s')} s walk or jog")
        if d.get("repeats"):
            lines.append(f"{d['repeats']} hard uphill repeats, jog down to recover")
    return lines


def summary(session: Session) -> str:
    """Title and minutes for a calendar entry: "Long run · 45 min"."""
    minutes = minutes_text(session)
    return f"{session.title} · {minutes}" if minutes else session.title


def sleep_target(profile: Profile, day: date) -> str:
    """"7–9 h", or "7–8 h" from age 65 (SPEC §5): the domain's rule at the age on ``day``."""
    return sleep_target_text(profile.age_on(day))


def warm_up_day(session: Session) -> bool:
    """True when the day carries a dynamic warm-up (runs and strength)."""
    return session.kind in RUN_KINDS or session.kind == "strength"


def reminders(profile: Profile, week_start: date) -> list[tuple[str, str]]:
    """The fridge-door footer: (short head, one line) pairs."""
    return [
        ("Warm up before", "leg swings and high knees before every run."),
        ("Stretch after", "hold stretches while muscles are still warm."),
        (f"Sleep {sleep_target(profile, week_start)}", "legs rebuild while you sleep."),
        ("Carbs around runs", "a snack 1–4 h before; carbs + protein 30–60 min after."),
        ("Foam roll", "quads, glutes, hamstrings, calves after hard days."),
        ("Hard runs", "never two days in a row; easy runs at a pace you can talk at."),
    ]


DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")


def weekday(d: date, *, short: bool = False) -> str:
    """"Monday" or "Mon" in English whatever the process's locale: never ``strftime``, whose
    names follow the locale Qt sets at start-up (a German desktop would get "Montag")."""
    return (DAY_NAMES if short else WEEKDAYS)[d.weekday()]


def month(d: date, *, short: bool = False) -> str:
    """"November" or "Nov"."""
    return (MONTHS if short else MONTH_NAMES)[d.month - 1]


def month_year(d: date, *, short: bool = False) -> str:
    """"November 2026" or "Nov 2026"."""
    return f"{month(d, short=short)} {d.year}"


def long_day(d: date) -> str:
    """"Monday 30 November"."""
    return f"{weekday(d)} {d.day} {month(d)}"


def short_day(d: date) -> str:
    """"Mon 30 Nov"."""
    return f"{weekday(d, short=True)} {d.day} {month(d, short=True)}"


def day_label(d: date) -> str:
    """"20 Jan" (English month names whatever the locale, like the rest of the page)."""
    return f"{d.day} {MONTHS[d.month - 1]}"


def date_range(start: date) -> str:
    """"Mon 13 – Sun 19 Jan 2025", naming the month or year twice only when it changes."""
    return span(start, start + timedelta(days=6), days=("Mon ", "Sun "))


def span(first: date, last: date, *, days: tuple[str, str] = ("", "")) -> str:
    """"10 Mar – 1 Jun 2025": a plan's whole range, the year twice only when it changes
    (``days`` puts a weekday's name before each end)."""
    before, after = days
    if first.year != last.year:
        return f"{before}{day_label(first)} {first.year} – {after}{day_label(last)} {last.year}"
    if first.month != last.month:
        return f"{before}{day_label(first)} – {after}{day_label(last)} {last.year}"
    return f"{before}{first.day} – {after}{day_label(last)} {last.year}"


def water_amount(ml: float, units: str) -> str:
    """A water amount: "2.6 L", or whole fluid ounces ("88 fl oz") for imperial units."""
    if units == "imperial":
        return f"{whole(ml_to_fl_oz(ml))} fl oz"
    return f"{ml / 1000:.1f} L"


def water(ml: float, units: str) -> str:
    """Water target for the page: "2.6 L water" or "88 fl oz water"."""
    return f"{water_amount(ml, units)} water"


def body_weight(kg: float, units: str) -> str:
    """A body weight to 0.1: "64 kg", "63.7 kg" (a smoothed trend too), or pounds to 0.1 lb
    ("141.1 lb") for imperial units."""
    if units == "imperial":
        return f"{round(kg * LB_PER_KG, 1):g} lb"
    return f"{round(kg, 1):g} kg"


def body_height(cm: float, units: str) -> str:
    """A height: "168 cm", or feet and inches to 0.1 in ("5 ft 6.1 in") for imperial units."""
    return format_height(cm, units)


def per_body_weight(grams_per_kg: float, units: str) -> str:
    """A dose per body weight: "1.8 g per kg", or "0.82 g per lb" for imperial units."""
    if units == "imperial":
        return f"{round(grams_per_kg / LB_PER_KG, 2):g} g per lb"
    return f"{grams_per_kg:g} g per kg"


__all__ = ["kind_label", "dose", "dose_hint", "minutes_text", "exercise_lines", "main_lines",
           "summary", "exercise_names", "short_exercise_names", "sleep_target", "warm_up_day", "reminders",
           "DAY_NAMES", "MONTHS", "day_label", "date_range", "span", "water_amount", "water",
           "body_weight", "body_height", "per_body_weight", "CM_PER_INCH"]
