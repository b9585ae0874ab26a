"""Check a (possibly user-edited) week against SPEC §3 rules 1–4 and 12, in plain words.

The planner never undoes a user's move; it shows these warnings instead. Nothing here
changes a week.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from core.catalog import KIND_LABELS, LIGHTEST_WEEK
from core.plan import ADAPTED_KEY, HARD_KINDS, HARD_RUN_KINDS, Plan, Session, Week
from core.planner_layout import strength_spacing_possible
from core.profile import DAYS, Profile

OFF_DAY_KINDS = frozenset({"rest", "active_recovery"})


def day_name(day: date) -> str:
    """Short weekday name (Mon, Tue, …), the same in every locale."""
    return DAYS[day.weekday()].capitalize()


def within_reach(src: date, dst: date) -> bool:
    """True when ``dst`` is in the same week as ``src`` or in the week before or after."""
    apart = (dst - timedelta(days=dst.weekday())) - (src - timedelta(days=src.weekday()))
    return abs(apart.days) <= 7


def move_problem(plan: Plan, src: date, dst: date) -> str | None:
    """Why the session on ``src`` cannot swap with the one on ``dst`` (None when it can): both
    days must be in the plan, and in the same week or the week next to it (Sunday's long run
    to the next Monday is a common move; further is a new plan, not a move)."""
    for day in (src, dst):
        if plan.session_on(day) is None:
            return (f"{day.isoformat()} is not in the plan ({plan.start.isoformat()} to "
                    f"{plan.end.isoformat()})")
    if not within_reach(src, dst):
        return ("a session can move within its week or to the week next to it, not "
                f"{abs((dst - src).days)} days away")
    return None


def check_week(week: Week, profile: Profile, previous: Week | None = None, *,
               last_full: Week | None = None) -> list[str]:
    """Each broken rule of the week as one plain-words warning; [] when the week is fine.

    ``previous`` is the week before (for Sunday→Monday and the 10 % rule); ``last_full`` is
    the last week that was not lighter, needed only when ``previous`` is a lighter week.
    """
    sessions = sorted(week.sessions, key=lambda s: s.date)
    warnings = _counts(sessions, profile)
    warnings += _off_days(sessions, profile)
    warnings += _hard_days(sessions, previous)
    warnings += _strength_spacing(sessions, profile, previous)
    warnings += _volume(week, previous, last_full)
    return warnings


def plan_problems(plan: Plan, profile: Profile, *,
                  since: date | None = None) -> list[tuple[int, str]]:
    """Every warning in the plan as (week index, warning).

    With ``since``, only the weeks starting on or after it are checked (the weeks a profile
    change regenerated); the earlier ones still count as "last week" for rules 3, 4 and 12,
    but are not judged against a profile they were not made for.
    """
    problems: list[tuple[int, str]] = []
    previous: Week | None = None
    last_full: Week | None = None
    for week in plan.weeks:
        if since is None or week.start >= since:
            for warning in check_week(week, profile, previous, last_full=last_full):
                problems.append((week.index, warning))
        if not week.lighter:
            last_full = week
        previous = week
    return problems


def _counts(sessions: list[Session], profile: Profile) -> list[str]:
    """Rule 1: a rest day, the profile's strength count, one long run, 1–2 hiit or hills.

    An accepted easier run counts as the session it stands in for: the runner took the
    app's own offer, and the week's shape is still the plan's."""
    kinds = Counter(s.details.get(ADAPTED_KEY, s.kind) for s in sessions)
    days = {s.date for s in sessions}
    out: list[str] = []
    has_rest = kinds["rest"] > 0 or len(days) < 7
    if not has_rest:
        out.append("No rest day this week")
    if kinds["strength"] != profile.strength_sessions:
        out.append(f"{kinds['strength']} strength sessions this week "
                   f"(your plan has {profile.strength_sessions})")
    if kinds["long_run"] == 0:
        out.append("No long run this week")
    elif kinds["long_run"] > 1:
        out.append(f"{kinds['long_run']} long runs this week (one is enough)")
    fast = kinds["hiit"] + kinds["hills"]
    if fast == 0:
        out.append("No HIIT or hill session this week")
    elif fast > 2:
        out.append(f"{fast} HIIT or hill sessions this week (at most 2)")
    return out


def _off_days(sessions: list[Session], profile: Profile) -> list[str]:
    """Rule 2: only available days carry training other than rest and active recovery."""
    return [f"{KIND_LABELS[s.kind]} on {day_name(s.date)}, which is not one of your "
            "training days"
            for s in sessions
            if s.kind not in OFF_DAY_KINDS
            and DAYS[s.date.weekday()] not in profile.available_days]


def _hard_days(sessions: list[Session], previous: Week | None) -> list[str]:
    """Rule 3: one hard session a day, and no hard runs on consecutive days."""
    out: list[str] = []
    by_day = Counter(s.date for s in sessions if s.kind in HARD_KINDS)
    for day, count in sorted(by_day.items()):
        if count > 1:
            out.append(f"{_number(count)} hard sessions on {day_name(day)}")
    run_days = sorted({s.date for s in sessions if s.kind in HARD_RUN_KINDS})
    if previous is not None and run_days:
        before = run_days[0] - timedelta(days=1)
        if any(s.date == before and s.kind in HARD_RUN_KINDS for s in previous.sessions):
            out.append(f"Two hard runs on {day_name(before)} (last week) and "
                       f"{day_name(run_days[0])}")
    for a, b in zip(run_days, run_days[1:], strict=False):
        if (b - a).days == 1:
            out.append(f"Two hard runs on {day_name(a)} and {day_name(b)}")
    return out


def _strength_spacing(sessions: list[Session], profile: Profile,
                      previous: Week | None) -> list[str]:
    """Rule 12: strength not on back-to-back days, where the available days allow it."""
    if not strength_spacing_possible(profile.available_days, profile.long_run_day,
                                     profile.strength_sessions):
        return []
    days = sorted({s.date for s in sessions if s.kind == "strength"})
    out: list[str] = []
    if previous is not None and days:
        before = days[0] - timedelta(days=1)
        if any(s.date == before and s.kind == "strength" for s in previous.sessions):
            out.append(f"Strength on {day_name(before)} (last week) and {day_name(days[0])}: "
                       "back-to-back days")
    for a, b in zip(days, days[1:], strict=False):
        if (b - a).days == 1:
            out.append(f"Strength on {day_name(a)} and {day_name(b)}: back-to-back days")
    return out


def _volume(week: Week, previous: Week | None, last_full: Week | None) -> list[str]:
    """Rule 4: at most +10 % a week; a lighter week at 70–80 % of the one before (≥ 50 min)."""
    if previous is None:
        return []
    now, before = week.run_minutes, previous.run_minutes
    if week.lighter:
        if now < LIGHTEST_WEEK:
            return [f"Lighter week runs only {now} min (at least {LIGHTEST_WEEK})"]
        share = _percent(now, before)
        if now > LIGHTEST_WEEK and not 7 * before <= 10 * now <= 8 * before:
            return [f"Lighter week runs {share} % of last week (aim for 70–80 %)"]
        return []
    if previous.lighter:
        if last_full is None or 10 * now <= 11 * last_full.run_minutes:
            return []
        return [f"Running minutes {_percent(now, last_full.run_minutes)} % of the last full "
                "week (at most 110 % after a lighter week)"]
    if 10 * now <= 11 * before:
        return []
    if before == 0:
        return [f"Running minutes up from 0 to {now} on last week (at most 10 %)"]
    return [f"Running minutes up {_percent(now, before) - 100} % on last week (at most 10 %)"]


def _percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


def _number(count: int) -> str:
    return {2: "Two", 3: "Three"}.get(count, str(count))


__all__ = ["check_week", "plan_problems", "day_name"]
