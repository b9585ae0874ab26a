"""Adaptation (SPEC §3): it only ever makes the plan easier, and never behind the runner's back.

Offers: two short nights in a row, or a hard session marked skipped, offer an easier version
of the first hard session in the three days after; nothing changes until it is accepted.
Short weeks: a week is judged once, on the Monday after it, and only the weeks from then on
may be lowered. Pure functions over the plan, the profile and the log; the store reads and
writes the rows, the faces word the results.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from core.catalog import LIGHTEST_WEEK, SETS_LIGHTER, WEEKLY_GROWTH
from core.checkin import CheckIn, Outcome
from core.plan import ADAPTED_KEY, HARD_KINDS, Plan, Session, Week, monday_of
from core.planner import WEEKS_RANGE, build_plan, minutes_run
from core.profile import Profile
from core.wording import short_day

SHORT_NIGHT_HOURS = 7.0
OFFER_WINDOW_DAYS = 3  # an offer goes to the first hard session in the 3 days after a trigger
STRENGTH_SHORTER_MINUTES = 10
NEXT_WEEK_SHARE = WEEKLY_GROWTH  # the week after a short one runs ≤ 110 % of what was done
SHORT_SLEEP = "short_sleep"
SKIPPED = "skipped"


@dataclass(frozen=True)
class Trigger:
    """Something that calls for an easier session: two short nights, or a skipped hard
    session. ``day`` is the later night's date or the skipped session's date."""

    day: date
    cause: str  # SHORT_SLEEP or SKIPPED
    reason: str


@dataclass(frozen=True)
class Offer:
    """An easier ``replacement`` for ``original`` on ``date``; data only until accepted."""

    date: date
    original: Session
    replacement: Session
    reason: str
    triggers: tuple[Trigger, ...] = ()

    @property
    def id(self) -> str:
        """The offer's key: its session's date (ISO); a face may prefix it."""
        return self.date.isoformat()


@dataclass(frozen=True)
class Accepted:
    """An accepted offer: the week before and after, and any rule it now breaks, in words."""

    session: Session
    before: Week
    after: Week
    warnings: tuple[str, ...]


def _hours(h: float) -> str:
    return f"{h:g}"


def triggers(checkins: Iterable[CheckIn], outcomes: Iterable[Outcome], plan: Plan,
             today: date) -> list[Trigger]:
    """Every trigger up to ``today``, oldest first."""
    nights = {c.date: c.sleep_hours for c in checkins
              if c.sleep_hours is not None and c.date <= today}
    found: list[Trigger] = []
    for day in sorted(nights):
        before = nights.get(day - timedelta(days=1))
        now = nights[day]
        if before is not None and now is not None and before < SHORT_NIGHT_HOURS \
                and now < SHORT_NIGHT_HOURS:
            found.append(Trigger(day, SHORT_SLEEP, (
                f"Two short nights in a row ({_hours(before)} h and {_hours(now)} h, under "
                f"{_hours(SHORT_NIGHT_HOURS)} h): an easier session lets your body catch up.")))
    for o in outcomes:
        if o.status != "skipped" or o.date > today:
            continue
        session = plan.session_on(o.date)
        if session is not None and _original_kind(session) in HARD_KINDS:
            found.append(Trigger(o.date, SKIPPED, (
                f"You skipped {session.title} on {short_day(o.date)}: ease back in before the "
                "next hard session.")))
    return sorted(found, key=lambda t: (t.day, t.cause))


def _original_kind(session: Session) -> str:
    """The kind the plan gave the day (an accepted offer still counts as what it replaced)."""
    return str(session.details.get(ADAPTED_KEY, session.kind))


def offer_target(plan: Plan, trigger: Trigger) -> Session | None:
    """The first hard session in the three days after the trigger's day (None: it lapses)."""
    for n in range(1, OFFER_WINDOW_DAYS + 1):
        session = plan.session_on(trigger.day + timedelta(days=n))
        if session is not None and _original_kind(session) in HARD_KINDS:
            return session
    return None


def easier(original: Session, reason: str) -> Session:
    """The easier version: a hard run becomes an easy run of no more minutes; strength the
    same workout with 2 sets at the low end of its reps, 10 minutes shorter."""
    if original.kind == "strength":
        return _lighter_strength(original, reason)
    minutes = original.minutes
    main = max(0, minutes - 10)
    return Session(
        date=original.date, kind="easy_run", title=f"Easy run (instead of {original.title})",
        minutes=minutes, hard=False, why=reason, details={ADAPTED_KEY: original.kind},
        structure=("Warm-up: 5 min brisk walk, then leg swings and high knees",
                   f"Main: {main} min at an easy, conversational pace",
                   "Cool-down: 5 min walk, then static stretches"),
        foam_roll=original.foam_roll, edited=True)


def _low_reps(reps: Any) -> int:
    text = str(reps).replace("-", "–")
    return int(text.split("–")[0])


def _lighter_strength(original: Session, reason: str) -> Session:
    exercises = [{**e, "sets": SETS_LIGHTER, "reps": _low_reps(e["reps"])}
                 for e in original.details.get("exercises", [])]
    details: dict[str, Any] = {**original.details, "exercises": exercises,
                               ADAPTED_KEY: "strength"}
    minutes = max(0, original.minutes - STRENGTH_SHORTER_MINUTES)
    structure = (original.structure[:1]
                 + tuple(f"{e['name']}: {e['sets']} × {e['reps']}" for e in exercises)
                 + original.structure[-1:]) if original.structure else ()
    return replace(original, title=f"{original.title} (lighter)", minutes=minutes, why=reason,
                   details=details, structure=structure, edited=True)


def adaptation_offers(plan: Plan, checkins: Iterable[CheckIn], outcomes: Iterable[Outcome],
                      today: date, dismissed: Collection[date] = frozenset()) -> list[Offer]:
    """The open offers on ``today``.

    Each trigger names one session (the first hard one in the three days after it); a
    session named by several triggers gets one offer. An offer is open until its day has
    passed; accepting it (the session is the easier one now), dismissing it or logging the
    session uses it up.
    """
    outcome_list = list(outcomes)
    logged = {o.date for o in outcome_list}
    by_day: dict[date, list[Trigger]] = {}
    for trigger in triggers(checkins, outcome_list, plan, today):
        target = offer_target(plan, trigger)
        if target is None:
            continue
        by_day.setdefault(target.date, []).append(trigger)
    offers: list[Offer] = []
    for day in sorted(by_day):
        session = plan.session_on(day)
        if (session is None or day < today or day in logged or day in dismissed
                or ADAPTED_KEY in session.details or session.kind not in HARD_KINDS):
            continue
        reason = " ".join(dict.fromkeys(t.reason for t in by_day[day]))
        offers.append(Offer(day, session, easier(session, reason), reason,
                            tuple(by_day[day])))
    return offers


def accept(plan: Plan, offer: Offer) -> Accepted:
    """The week with the offer taken, and in words any rule 1 count it now misses."""
    week = plan.week_of(offer.date)
    if week is None:
        raise ValueError(f"{offer.date.isoformat()} is not in the plan")
    after = replace(week, sessions=tuple(offer.replacement if s.date == offer.date else s
                                         for s in week.sessions))
    if after.run_minutes > week.run_minutes:
        raise ValueError("an easier session never adds running minutes")
    return Accepted(offer.replacement, week, after, tuple(_rule_1_losses(week, after)))


def _rule_1_losses(before: Week, after: Week) -> list[str]:
    """Rule 1 counts the accepted session takes the week below, as warnings."""
    was = Counter(s.kind for s in before.sessions)
    now = Counter(s.kind for s in after.sessions)
    out: list[str] = []
    if now["strength"] < was["strength"]:
        out.append(f"Week {after.index} now has {now['strength']} strength sessions instead "
                   f"of {was['strength']}")
    if now["hiit"] + now["hills"] == 0 < was["hiit"] + was["hills"]:
        out.append(f"Week {after.index} now has no HIIT or hill session: fine for a week "
                   "you need to recover")
    return out


# --- short weeks ------------------------------------------------------------------------

@dataclass(frozen=True)
class WeekChange:
    """A week's running minutes lowered after week ``judged`` ran ``done`` of ``planned``."""

    index: int
    old_minutes: int
    new_minutes: int
    judged: int
    done: int
    planned: int

    def words(self) -> str:
        """"Week 3 lowered to 80 min running: week 2 ran 70 of 95 planned"."""
        return (f"Week {self.index} lowered to {self.new_minutes} min running: week "
                f"{self.judged} ran {self.done} of {self.planned} planned")


@dataclass(frozen=True)
class Judgement:
    """What judging the finished weeks did: the plan, the sessions to write, the changes by
    week, and the start of the last week judged (the store keeps it)."""

    plan: Plan
    changed: tuple[Session, ...]
    changes: tuple[WeekChange, ...]
    judged_through: date | None


def done_minutes(week: Week, log: Mapping[date, Outcome]) -> int:
    """A finished week's running minutes: actual minutes when done, 0 when skipped, the
    plan's minutes when not marked (the planner's one rule for it)."""
    return minutes_run(week, log)


def week_to_judge(plan: Plan, today: date, judged_through: date | None) -> Week | None:
    """The week that ended on the Sunday before ``today``'s week, unless judged already."""
    week = plan.week_of(monday_of(today) - timedelta(days=7))
    if week is None or (judged_through is not None and week.start <= judged_through):
        return None
    return week


def judge_finished_weeks(plan: Plan, profile: Profile, log: Mapping[date, Outcome],
                         today: date, judged_through: date | None,
                         keep: Collection[date]) -> Judgement:
    """Judge the week that has just ended (once); when it ran short, lower the week just
    begun to ≤ 110 % of what was done (≥ 50 min) and let the weeks after build again under
    rule 4, never above what they said before. Days before ``today``, days in ``keep``
    (logged days) and user-edited days keep what they had."""
    week = week_to_judge(plan, today, judged_through)
    if week is None:
        return Judgement(plan, (), (), judged_through)
    done, planned = done_minutes(week, log), week.run_minutes
    nothing = Judgement(plan, (), (), week.start)
    if done >= planned or week.index >= len(plan.weeks) or len(plan.weeks) > WEEKS_RANGE[1]:
        return nothing
    first = week.index + 1
    ceilings = {w.index: w.run_minutes for w in plan.weeks[first - 1:]}
    ceilings[first] = min(ceilings[first],
                          max(LIGHTEST_WEEK, int(done * NEXT_WEEK_SHARE) // 5 * 5))
    kept = Plan(start=plan.start, weeks=plan.weeks[:first - 1])
    rebuilt = build_plan(profile, kept.end + timedelta(days=1), len(plan.weeks),
                         continue_from=kept, ceilings=ceilings)
    weeks = list(plan.weeks)
    changed: list[Session] = []
    changes: list[WeekChange] = []
    for old, new in zip(plan.weeks[first - 1:], rebuilt.weeks[first - 1:], strict=True):
        mixed = _merge(old, new, today, keep)
        if mixed == old or mixed.run_minutes > old.run_minutes:
            continue  # no week is ever raised: one that would be keeps what it had
        weeks[old.index - 1] = mixed
        changed += [s for s in mixed.sessions if old.session_on(s.date) != s]
        if mixed.run_minutes < old.run_minutes:
            changes.append(WeekChange(old.index, old.run_minutes, mixed.run_minutes,
                                      week.index, done, planned))
    if not changed:
        return nothing
    return Judgement(replace(plan, weeks=tuple(weeks)), tuple(changed), tuple(changes),
                     week.start)


def _merge(old: Week, new: Week, today: date, keep: Collection[date]) -> Week:
    """The rebuilt week, with past, logged and user-edited days as they were."""
    sessions: list[Session] = []
    for s in old.sessions:
        fresh = new.session_on(s.date)
        if fresh is None or s.date < today or s.date in keep or s.edited:
            sessions.append(s)
        else:
            sessions.append(fresh)
    return replace(old, sessions=tuple(sessions))


__all__ = ["Trigger", "Offer", "Accepted", "triggers", "offer_target", "easier",
           "adaptation_offers", "accept", "WeekChange", "Judgement", "done_minutes",
           "week_to_judge", "judge_finished_weeks", "SHORT_NIGHT_HOURS", "OFFER_WINDOW_DAYS",
           "STRENGTH_SHORTER_MINUTES", "NEXT_WEEK_SHARE"]
