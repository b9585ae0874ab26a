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
from core.plan import Plan, monday_on_or_after
from core.planner import build_plan, plan_notes
from core.profile import Profile, check_age
from core.replan import first_plan, replan
from core.week_check import plan_problems
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
