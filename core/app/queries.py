"""Every question a page or a command asks, answered from the store and the domain rules with
the composition root's ``today``. One window for the open offers, so Today and the
Calendar can never disagree."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from core.activities.model import Activity
from core.app.measuring import open_deficit_offer, progress_report
from core.app.planning import with_notes
from core.changes import Change
from core.checkin import CheckIn, Outcome
from core.nutrition import DayTargets, day_targets, week_targets
from core.plan import Plan, Week
from core.profile import Profile, demo_profile
from core.progress import WeekProgress, weekly_progress
from core.recovery import Offer, adaptation_offers
from core.week_check import check_week
from core.weight_trend import DeficitOffer, Progress

if TYPE_CHECKING:
    from core.store import Repository

OFFER_HISTORY_DAYS = 14  # days of check-ins and marks the open offers are read from


class Queries:
    """The reads. Profile and plan are parsed once per database version."""

    def __init__(self, store: Repository, today: Callable[[], date]) -> None:
        self._store = store
        self._today = today
        self._cache: dict[str, Any] = {}
        self._cache_version: int | None = None

    def today(self) -> date:
        return self._today()

    def data_version(self) -> int:
        """Changes whenever any process committed a write (cheap enough to poll)."""
        return self._store.data_version()

    def wrote(self, change: Change) -> None:
        """Our own write ``change`` is done: a check-in or a mark leaves the profile and the
        plan as they were, so they stay cached (re-reading the plan is the costly part of a
        refresh); every other answer is worked out again."""
        if change.plan or change.profile or change.everything:
            return  # the next question sees the new version and reads everything again
        now = self._store.data_version()
        if self._cache_version is not None and self._store.only_ours_since(
                self._cache_version, now):
            self._cache = {k: v for k, v in self._cache.items()
                           if k in ("profile", "plan", "demo")}
            self._cache_version = now

    def _cached(self, key: str, read: Callable[[], Any]) -> Any:
        version = self._store.data_version()
        if version != self._cache_version:
            self._cache.clear()
            self._cache_version = version
        if key not in self._cache:
            self._cache[key] = read()
        return self._cache[key]

    # -- profile and plan ---------------------------------------------------------------

    def saved_profile(self) -> Profile | None:
        profile: Profile | None = self._cached("profile", self._store.profile)
        return profile

    def profile(self) -> Profile:
        """The saved profile, or the demo before anything is saved."""
        return self.saved_profile() or demo_profile()

    def plan(self) -> Plan | None:
        """The stored plan, with its notes (rule 16)."""
        plan: Plan | None = self._cached(
            "plan", lambda: with_notes(self._store.plan(), self.saved_profile()))
        return plan

    def is_demo(self) -> bool:
        demo: bool = self._cached("demo", self._store.is_demo)
        return demo

    def setting(self, key: str) -> str | None:
        return self._store.setting(key)

    # -- the log ------------------------------------------------------------------------

    def checkin(self, day: date) -> CheckIn | None:
        return self._store.checkin(day)

    def outcome(self, day: date) -> Outcome | None:
        return self._store.outcome(day)

    def checkins(self, start: date, end: date) -> list[CheckIn]:
        return self._store.checkins(start, end)

    def outcomes(self, start: date, end: date) -> list[Outcome]:
        return self._store.outcomes(start, end)

    def activities_by_day(self, start: date, end: date) -> dict[date, list[Activity]]:
        """Imported activities that matched no session, by day (shown outside the plan)."""
        return self._store.activities_by_day(start, end)

    def history(self, start: date | None = None,
                end: date | None = None) -> list[dict[str, Any]]:
        """SPEC §7 history rows: the days with a log, oldest first."""
        return self._store.history(start, end)

    # -- rules applied ------------------------------------------------------------------

    def open_offers(self) -> list[Offer]:
        """The adaptation offers open today (SPEC §3), the same for every page; worked out
        once per database version and day."""
        offers: list[Offer] = self._cached(f"offers {self._today().isoformat()}",
                                           self._open_offers)
        return list(offers)

    def _open_offers(self) -> list[Offer]:
        plan = self.plan()
        if plan is None:
            return []
        # An offer names a session on or after today, at most three days after its trigger
        # (two nights, or a skipped session), so two weeks of log hold every open one, and
        # only the offers declined for today or later can hide one (years of declines are
        # not read on every tick).
        today = self._today()
        start = today - timedelta(days=OFFER_HISTORY_DAYS)
        return adaptation_offers(plan, self._store.checkins(start, today),
                                 self._store.outcomes(start, today + timedelta(days=7)),
                                 today, dismissed=self._store.dismissed_offers(today))

    def progress(self) -> Progress | None:
        """The weight trend, rate, energy-balance check and measurements (SPEC §5) today;
        None before a profile is saved."""
        today = self._today()
        report: Progress | None = self._cached(f"progress {today}",
                                               lambda: progress_report(self._store, today))
        return report

    def deficit_offer(self) -> DeficitOffer | None:
        """The open energy-balance offer today, if the check asks for another deficit."""
        today = self._today()
        offer: DeficitOffer | None = self._cached(f"deficit offer {today}",
                                                  lambda: open_deficit_offer(self._store, today))
        return offer

    def targets(self, day: date) -> DayTargets:
        """The meal targets of ``day`` for the saved profile and its planned session."""
        plan = self.plan()
        session = None if plan is None else plan.session_on(day)
        return day_targets(self.profile(), day, session)

    def week_targets(self, week: Week) -> list[DayTargets]:
        """The meal targets of each day of ``week`` for the saved profile."""
        return list(week_targets(self.profile(), week))

    def weekly_progress(self) -> list[WeekProgress]:
        """Planned against done minutes, week by week, for the Progress page."""
        plan = self.plan()
        if plan is None:
            return []
        return list(weekly_progress(plan, self._store.outcomes(plan.start, plan.end)))

    def week_warnings(self, week: Week) -> list[str]:
        """The rules ``week`` breaks, in words (core.week_check)."""
        plan = self.plan()
        if plan is None:
            return []
        i = week.index - 1
        previous = plan.weeks[i - 1] if i > 0 else None
        last_full = next((w for w in reversed(plan.weeks[:i]) if not w.lighter), None)
        return list(check_week(week, self.profile(), previous, last_full=last_full))
