"""The plan's use cases: saving a profile (a first plan, or the plan rebuilt from the next
Monday) and judging a finished week (SPEC §3). The rules are the domain's (``core.replan``,
``core.planner``, ``core.adaptation``); the store only reads and writes the rows, inside one
transaction that these functions hold."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from core.adaptation import judge_finished_weeks as judge
from core.adaptation import week_to_judge
from core.changes import NO_CHANGES, Adaptation, Change
from core.checkin import MINUTES_RANGE
from core.errors import RequestError
from core.plan import Plan, monday_on_or_after
from core.planner import WEEKS_RANGE, build_plan, plan_notes
from core.planner_sessions import resized
from core.profile import Profile, check_age
from core.replan import first_plan, replan
from core.week_check import move_problem, plan_problems
from core.wording import short_day

if TYPE_CHECKING:
    from core.store import Repository

JUDGED_KEY = "judged_through"  # setting: the start of the last week judged


def with_notes(plan: Plan | None, profile: Profile | None) -> Plan | None:
    """The stored plan with its rule-16 notes, which follow from the profile and week 1."""
    if plan is None or profile is None or not plan.weeks:
        return plan
    return replace(plan, notes=plan_notes(profile, plan.weeks[0]))


def save_profile(store: Repository, profile: Profile, today: date, *,
                 demo: bool = False) -> Change:
    """Save the profile; the first save stores a 12-week plan from the Monday on or after
    ``today``; a changed profile rebuilds the plan from then, keeping past weeks and every
    logged day. ProfileError when the age is out of range at that Monday."""
    start = monday_on_or_after(today)
    check_age(profile, start)

    # The log is not read: a week is judged only once it is over (SPEC §3), and a judged
    # week has already lowered the weeks kept before the new start.
    def build(s: date, weeks: int, continue_from: Plan | None) -> Plan:
        return build_plan(profile, s, weeks, None, continue_from=continue_from)

    with store.transaction() as tx:
        saved = tx.saved_profile()
        old_plan = tx.plan()
        ended = old_plan is not None and start > old_plan.end
        if saved is not None and saved[0] == profile and old_plan is not None and not ended:
            if saved[1] == demo:
                return NO_CHANGES
            tx.set_demo(demo)
            return Change(profile=True, summary="Profile saved")
        tx.write_profile(profile, demo)
        if old_plan is None:
            plan = first_plan(start, build)
            tx.write_plan(plan)
            return Change(profile=True, plan=True,
                          summary=f"Profile saved; {len(plan.weeks)}-week plan from "
                                  f"{short_day(plan.start)}")
        result = replan(old_plan, start, tx.logged_days(), build)
        tx.write_plan(result.plan)
    kept = result.kept_logged
    summary = f"Plan rebuilt from {short_day(start)}" + (
        f"; {kept} logged day{'s' if kept != 1 else ''} kept" if kept else "")
    return Change(profile=True, plan=True, kept_logged=kept,
                  summary=summary + _problems_note(result.plan, profile, start))


def _problems_note(plan: Plan, profile: Profile, since: date) -> str:
    """The rules the regenerated weeks break (a kept logged day can force one), for the
    summary; "" when there are none."""
    problems = plan_problems(plan, profile, since=since)
    if not problems:
        return ""
    week, warning = problems[0]
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    return f"; check week {week}: {warning}{more}"


def _judged_through(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def judge_finished_weeks(store: Repository, today: date) -> Change:
    """Judge the week that ended before ``today``'s week, once (SPEC §3 short weeks): run
    at the first command or window start; NO_CHANGES when there is nothing to judge."""
    plan = store.plan()
    if plan is None or week_to_judge(plan, today, _judged_through(store.setting(JUDGED_KEY))) \
            is None:
        return NO_CHANGES  # a read only: nothing to judge writes nothing
    with store.transaction() as tx:
        plan = tx.plan()
        saved = tx.saved_profile()
        profile = None if saved is None else saved[0]
        if plan is None or profile is None:
            return NO_CHANGES
        result = judge(plan, profile, tx.outcomes(plan.start, plan.end), today,
                       _judged_through(tx.setting(JUDGED_KEY)), tx.logged_days())
        if result.judged_through is not None:
            tx.set_setting(JUDGED_KEY, result.judged_through.isoformat())
        if not result.changed:
            return NO_CHANGES
        tx.put_sessions(result.changed)
    weeks = frozenset(w.index for w in plan.weeks
                      if any(w.start <= s.date <= w.end for s in result.changed))
    changes = result.changes
    first = changes[0].words() if changes else "Plan eased"
    more = len(changes) - 1
    summary = first + (f" (and {more} later week{'s' if more > 1 else ''})" if more else "")
    return Change(plan=True, days=frozenset(s.date for s in result.changed), weeks=weeks,
                  adaptations=tuple(Adaptation(c.index, c.old_minutes, c.new_minutes, c.done,
                                               c.planned) for c in changes),
                  summary=summary)


def move(store: Repository, src: date, dst: date) -> Change:
    """Swap two days' sessions of one week or of neighbouring weeks (Sunday's long run to
    the next Monday); both are marked edited. The week checks say what may move."""
    with store.transaction() as tx:
        plan = tx.plan()
        if plan is None:
            raise RequestError("no_plan", {}, "there is no plan yet: save a profile first")
        problem = move_problem(plan, src, dst)
        a, b = plan.session_on(src), plan.session_on(dst)
        if problem is not None or a is None or b is None:
            raise RequestError("cannot_move", {"from": src, "to": dst},
                               problem or "no session to move")
        if src == dst:
            return NO_CHANGES
        tx.put_sessions([a.moved_to(dst), b.moved_to(src)])
    weeks = {w.index for w in (plan.week_of(src), plan.week_of(dst)) if w is not None}
    return Change(plan=True, days=frozenset({src, dst}), moved=(src, dst),
                  weeks=frozenset(weeks),
                  summary=f"Moved {a.title} from {short_day(src)} to {short_day(dst)}")


def set_minutes(store: Repository, day: date, minutes: int) -> Change:
    """Change one session's minutes (0–600): its main set, rounds or repeats follow, and the
    session is marked edited."""
    lo, hi = MINUTES_RANGE
    if isinstance(minutes, bool) or not isinstance(minutes, int) or not lo <= minutes <= hi:
        raise RequestError("minutes_out_of_range", {"minutes": minutes, "min": lo, "max": hi},
                           f"minutes must be {lo}–{hi}, got {minutes}")
    with store.transaction() as tx:
        plan = tx.plan()
        session = None if plan is None else plan.session_on(day)
        if plan is None or session is None:
            where = f" ({plan.start.isoformat()} to {plan.end.isoformat()})" if plan else ""
            raise RequestError("not_in_plan", {"day": day},
                               f"{day.isoformat()} is not in the plan{where}")
        if session.minutes == minutes:
            return NO_CHANGES
        tx.put_sessions([resized(session, minutes)])
    week = plan.week_of(day)
    return Change(plan=True, days=frozenset({day}),
                  weeks=frozenset({week.index}) if week else frozenset(),
                  summary=f"{session.title} on {short_day(day)} set to {minutes} min")


def start_plan(store: Repository, start: date, weeks: int, today: date) -> Change:
    """A fresh plan of ``weeks`` weeks (4–24) for the saved profile from the Monday on or
    after ``start``, which may not be before the Monday on or after ``today``. Days before
    it keep their sessions; a logged day keeps the session it was logged against."""
    first, earliest = monday_on_or_after(start), monday_on_or_after(today)
    lo, hi = WEEKS_RANGE
    if not lo <= weeks <= hi:
        raise RequestError("weeks_out_of_range", {"weeks": weeks, "min": lo, "max": hi},
                           f"a plan is {lo}–{hi} weeks long, got {weeks}")
    if first < earliest:
        raise RequestError("start_too_early", {"start": first, "earliest": earliest},
                           f"a new plan starts on {short_day(earliest)} at the earliest, "
                           f"not {short_day(first)}")
    with store.transaction() as tx:
        saved = tx.saved_profile()
        profile = None if saved is None else saved[0]
        if profile is None:
            raise RequestError("no_profile", {}, "there is no saved profile to plan from")
        check_age(profile, first)
        old = tx.plan()
        # As for a saved profile: a week is judged once it is over, not when planned.
        fresh = build_plan(profile, first, weeks)
        kept = {d: s for d in tx.logged_days()
                if old is not None and (s := old.session_on(d)) is not None}
        tx.write_plan(Plan(start=fresh.start, weeks=tuple(
            replace(w, sessions=tuple(kept.get(x.date, x) for x in w.sessions))
            for w in fresh.weeks)))
    return Change(plan=True, summary=f"New {weeks}-week plan from {short_day(first)}")
