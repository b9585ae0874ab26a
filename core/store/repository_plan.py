"""The repository's plan part: the saved profile and the stored plan with the user's moves,
minute edits, accepted offers and declined offers."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

from core.checkin import Outcome
from core.plan import KINDS, Plan, Session, Week, monday_on_or_after
from core.planner_sessions import resized
from core.profile import Profile, check_age
from core.replan import first_plan, replan
from core.store.change import NO_CHANGES, Change
from core.store.convert import (
    check_minutes,
    nice_date,
    profile_from_text,
    session_from_text,
    session_to_text,
)
from core.store.repository_base import RepositoryBase
from core.store.safety import InvalidRequest, StoredDataError
from core.store.tables import Tables
from core.week_check import move_problem


def build_plan(profile: Profile, start: date, weeks: int,
               outcomes: Mapping[date, Outcome] | None = None,
               continue_from: Plan | None = None) -> Plan:
    """The planner, continuing ``continue_from`` when given."""
    from core.planner import build_plan as build

    plan: Plan = build(profile, start, weeks, outcomes, continue_from=continue_from)
    return plan


class PlanPart(RepositoryBase):
    """Profile and plan reads and writes."""

    def profile(self) -> Profile | None:
        with self._reading() as t:
            row = None if t is None else t.profile.get_or_none(t.profile.id == 1)
            return None if row is None else profile_from_text(row.data)

    def is_demo(self) -> bool:
        """The saved profile is the built-in demo (the app's first start)."""
        with self._reading() as t:
            row = None if t is None else t.profile.get_or_none(t.profile.id == 1)
            return bool(row is not None and row.demo)

    def plan(self) -> Plan | None:
        """The stored plan with the user's moves and minute edits."""
        with self._reading() as t:
            return None if t is None else _load_plan(t)

    def save_profile(self, profile: Profile, today: date, *, demo: bool = False) -> Change:
        """Save the profile; the first save stores a 12-week plan from the Monday on or after
        ``today``; a changed profile rebuilds the plan from then, keeping past weeks and every
        logged day. Raises ProfileError when the age is out of range at that Monday."""
        start = monday_on_or_after(today)
        check_age(profile, start)
        with self._writing() as t:
            row = t.profile.get_or_none(t.profile.id == 1)
            old_profile = None if row is None else _readable_profile(row.data)
            old_plan = _load_plan(t)
            ended = old_plan is not None and start > old_plan.end
            if row is not None and old_profile == profile and old_plan is not None \
                    and not ended:
                if bool(row.demo) == demo:
                    return NO_CHANGES
                row.demo = demo
                row.save()
                return Change(profile=True, summary="Profile saved")
            _write_profile(t, profile, demo)

            # The log is not read here: a week is judged only once it is over (SPEC §3),
            # and a judged week has already lowered the weeks kept before the new start.
            def build(s: date, weeks: int, continue_from: Plan | None) -> Plan:
                return build_plan(profile, s, weeks, None, continue_from)

            if old_plan is None:
                plan = first_plan(start, build)
                write_plan(t, plan)
                return Change(profile=True, plan=True,
                              summary=f"Profile saved; {len(plan.weeks)}-week plan from "
                                      f"{nice_date(plan.start)}")
            result = replan(old_plan, start, _logged_days(t), build)
            write_plan(t, result.plan)
            kept = result.kept_logged
            summary = f"Plan rebuilt from {nice_date(start)}" + (
                f"; {kept} logged day{'s' if kept != 1 else ''} kept" if kept else "")
            return Change(profile=True, plan=True, kept_logged=kept,
                          summary=summary + _problems_note(result.plan, profile, start))

    def start_plan(self, start: date, weeks: int, today: date) -> Change:
        """A fresh plan of ``weeks`` weeks (4–24) for the saved profile from the Monday on or
        after ``start``, which may not be before the Monday on or after ``today``. Days
        before it keep their sessions; a logged day keeps the session it was logged against.
        """
        from core.planner import WEEKS_RANGE

        first = monday_on_or_after(start)
        earliest = monday_on_or_after(today)
        lo, hi = WEEKS_RANGE
        if not lo <= weeks <= hi:
            raise InvalidRequest(f"a plan is {lo}–{hi} weeks long, got {weeks}")
        if first < earliest:
            raise InvalidRequest(f"a new plan starts on {nice_date(earliest)} at the earliest, "
                                 f"not {nice_date(first)}")
        with self._writing() as t:
            row = t.profile.get_or_none(t.profile.id == 1)
            profile = None if row is None else _readable_profile(row.data)
            if profile is None:
                raise InvalidRequest("there is no saved profile to plan from")
            check_age(profile, first)
            old = _load_plan(t)
            # As for a saved profile: a week is judged once it is over, not when planned.
            fresh = build_plan(profile, first, weeks, None, None)
            logged = _logged_days(t)
            kept = {d: s for d in logged
                    if old is not None and (s := old.session_on(d)) is not None}
            plan = Plan(start=fresh.start, weeks=tuple(
                replace(w, sessions=tuple(kept.get(x.date, x) for x in w.sessions))
                for w in fresh.weeks))
            write_plan(t, plan)
            return Change(plan=True, summary=f"New {weeks}-week plan from {nice_date(first)}")

    def move_session(self, src: date, dst: date) -> Change:
        """Swap two days' sessions in the same week or neighbouring weeks (Sunday's long run
        to the next Monday); both are marked edited."""
        with self._writing() as t:
            plan = _require_plan(t)
            problem = move_problem(plan, src, dst)
            a, b = plan.session_on(src), plan.session_on(dst)
            if problem is not None or a is None or b is None:
                raise InvalidRequest(problem or "no session to move")
            if src == dst:
                return NO_CHANGES
            _put_sessions(t, [a.moved_to(dst), b.moved_to(src)])
            weeks = {w.index for w in (plan.week_of(src), plan.week_of(dst)) if w is not None}
            return Change(plan=True, days=frozenset({src, dst}), moved=(src, dst),
                          weeks=frozenset(weeks),
                          summary=f"Moved {a.title} from {nice_date(src)} to {nice_date(dst)}")

    def set_minutes(self, day: date, minutes: int) -> Change:
        """Change one session's minutes (0–600); the session is marked edited."""
        minutes = check_minutes(minutes)
        with self._writing() as t:
            session = _require_session(t, day)
            if session.minutes == minutes:
                return NO_CHANGES
            _put_sessions(t, [resized(session, minutes)])
            return Change(plan=True, days=frozenset({day}),
                          summary=f"{session.title} on {nice_date(day)} set to {minutes} min")

    def replace_session(self, session: Session) -> Change:
        """Put ``session`` on its date (accepting an adaptation offer, or undoing an edit)."""
        if session.kind not in KINDS:
            raise InvalidRequest(f"kind must be one of {', '.join(KINDS)}, got {session.kind}")
        check_minutes(session.minutes)
        with self._writing() as t:
            old = _require_session(t, session.date)
            if old == session:
                return NO_CHANGES
            _put_sessions(t, [session])
            return Change(plan=True, days=frozenset({session.date}),
                          summary=f"{nice_date(session.date)}: {session.title}")

    def dismiss_offer(self, day: date) -> Change:
        """Remember that the user declined the adaptation offer for ``day``."""
        with self._writing() as t:
            t.offer_dismissal.insert(day=day).on_conflict_ignore().execute()
            return Change(days=frozenset({day}), summary=f"Offer for {nice_date(day)} declined")

    def dismissed_offers(self) -> frozenset[date]:
        with self._reading() as t:
            if t is None:
                return frozenset()
            return frozenset(r.day for r in t.offer_dismissal.select())

    def setting(self, key: str) -> str | None:
        with self._reading() as t:
            row = None if t is None else t.setting.get_or_none(t.setting.key == key)
            return None if row is None else str(row.value)

    def set_setting(self, key: str, value: str) -> None:
        with self._writing() as t:
            t.setting.replace(key=key, value=value).execute()


def _readable_profile(text: str) -> Profile | None:
    """The stored profile, or None when it cannot be read (saving a new one repairs it)."""
    try:
        return profile_from_text(text)
    except StoredDataError:
        return None


def _load_plan(t: Tables) -> Plan | None:
    weeks = list(t.plan_week.select().order_by(t.plan_week.idx))
    if not weeks:
        return None
    first, last = weeks[0].start, weeks[-1].start
    pd = t.plan_day
    rows: Any = (pd.select(pd.day, pd.session)
                 .where(pd.day.between(first, last + timedelta(days=6))).tuples())
    sessions: dict[date, Session] = {day: session_from_text(text) for day, text in rows}
    built = []
    for w in weeks:
        days = [date.fromordinal(w.start.toordinal() + i) for i in range(7)]
        built.append(Week(index=int(w.idx), start=w.start, lighter=bool(w.lighter),
                          sessions=tuple(sessions[d] for d in days if d in sessions)))
    row = t.profile.get_or_none(t.profile.id == 1)
    profile = None if row is None else _readable_profile(row.data)
    from core.planner import plan_notes

    notes = () if profile is None else plan_notes(profile, built[0])
    return Plan(start=first, weeks=tuple(built), notes=notes)


def _require_plan(t: Tables) -> Plan:
    plan = _load_plan(t)
    if plan is None:
        raise InvalidRequest("there is no plan yet: save a profile first")
    return plan


def _require_session(t: Tables, day: date) -> Session:
    row = t.plan_day.get_or_none(t.plan_day.day == day)
    plan = _load_plan(t)
    if row is None or plan is None or plan.session_on(day) is None:
        where = f" ({plan.start.isoformat()} to {plan.end.isoformat()})" if plan else ""
        raise InvalidRequest(f"{day.isoformat()} is not in the plan{where}")
    return session_from_text(row.session)


def _put_sessions(t: Tables, sessions: Iterable[Session]) -> None:
    for s in sessions:
        t.plan_day.replace(day=s.date, session=session_to_text(s)).execute()


def _write_profile(t: Tables, profile: Profile, demo: bool) -> None:
    data = json.dumps(profile.to_dict(), ensure_ascii=False, sort_keys=True)
    t.profile.replace(id=1, data=data, demo=demo,
                      saved_at=datetime.now().isoformat(timespec="seconds")).execute()


def _logged_days(t: Tables) -> set[date]:
    days = {r.day for r in t.checkin.select(t.checkin.day)}
    days.update(r.day for r in t.outcome.select(t.outcome.day))
    return days


def _problems_note(plan: Plan, profile: Profile, since: date) -> str:
    """The rules the regenerated weeks break (a kept logged day can force one), for the
    summary; "" when there are none."""
    from core.week_check import plan_problems

    problems = plan_problems(plan, profile, since=since)
    if not problems:
        return ""
    week, warning = problems[0]
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    return f"; check week {week}: {warning}{more}"


def write_plan(t: Tables, plan: Plan) -> None:
    """Replace the stored plan. Days before it keep their sessions (what a past day had);
    days after it are kept only when they carry a log."""
    t.plan_week.delete().execute()
    t.plan_week.insert_many(
        [{"idx": w.index, "start": w.start, "lighter": w.lighter} for w in plan.weeks]
    ).execute()
    logged = _logged_days(t)
    outside = [r.day for r in t.plan_day.select(t.plan_day.day).where(t.plan_day.day > plan.end)
               if r.day not in logged]
    for chunk in _chunks(outside, 500):
        t.plan_day.delete().where(t.plan_day.day.in_(chunk)).execute()
    rows: list[dict[str, Any]] = [{"day": s.date, "session": session_to_text(s)}
                                  for s in plan.sessions()]
    for chunk in _chunks(rows, 200):
        t.plan_day.replace_many(chunk).execute()


def _chunks(items: list[Any], size: int) -> Iterable[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]
