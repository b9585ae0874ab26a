"""Measuring the goal (SPEC §5): the progress report and the energy-balance offer, worked
out by ``core.weight_trend`` from what the store holds; accepting saves the profile's
``deficit_kcal``, dismissing hides the offer until its verdict changes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING

from core.changes import Change
from core.checkin import CheckIn
from core.errors import RequestError
from core.plan import Plan
from core.profile import Profile
from core.weight_trend import DeficitDismissal, DeficitOffer, Progress, deficit_offer, verdicts
from core.weight_trend import progress as report

if TYPE_CHECKING:
    from core.store import Repository


def progress_report(store: Repository, today: date) -> Progress | None:
    """The weight trend, rate, check and measurements on ``today`` (None before a profile
    is saved)."""
    profile = store.profile()
    if profile is None:
        return None
    return report(profile, store.plan(), store.body_checkins(today), today)


def _offer(profile: Profile, plan: Plan | None, logs: list[CheckIn], today: date,
           dismissed: tuple[date, str] | None) -> DeficitOffer | None:
    def since(start: date) -> Iterator[str]:
        return verdicts(profile, plan, logs, start, today)

    return deficit_offer(report(profile, plan, logs, today),
                         None if dismissed is None else DeficitDismissal(*dismissed), since)


def open_deficit_offer(store: Repository, today: date) -> DeficitOffer | None:
    """The open energy-balance offer on ``today``, if there is one."""
    profile = store.profile()
    if profile is None:
        return None
    return _offer(profile, store.plan(), store.body_checkins(today), today,
                  store.deficit_dismissal())


def _require(store: Repository, offer_id: str, today: date) -> DeficitOffer:
    offer = open_deficit_offer(store, today)
    if offer is None or offer.id != offer_id:
        raise RequestError("unknown_offer", {"id": offer_id},
                           f"no open offer with id {offer_id}")
    return offer


def accept_deficit_offer(store: Repository, offer_id: str, today: date) -> Change:
    """Save the offered ``deficit_kcal`` (RequestError when no such offer is open)."""
    offer = _require(store, offer_id, today)
    return store.set_deficit(offer.suggested, f"Daily deficit changed from {offer.current} "
                                              f"to {offer.suggested} kcal")


def dismiss_deficit_offer(store: Repository, offer_id: str, today: date) -> Change:
    """Decline the offer: it stays gone until the verdict changes."""
    offer = _require(store, offer_id, today)
    with store.transaction() as tx:
        tx.dismiss_deficit(today, offer.check)
    return Change(summary=f"Kept the daily deficit at {offer.current} kcal")
