"""Measuring the goal (SPEC §5): the smoothed weight trend, its rate over the last 28 days,
the rate the plan's deficit should give, the energy-balance check with its deficit offer,
and how thigh, calf, waist and hips changed.

A daily weight jumps with water; the trend (smoothing 0.1, as in Walker's *Hacker's Diet*)
is what the rate and the check read. Everything here is pure: ``today`` is passed in.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from core.checkin import MEASUREMENTS, CheckIn
from core.nutrition import effective_deficit
from core.plan import Plan, Session
from core.profile import DEFICIT_RANGE, Profile

SMOOTHING = 0.1
WINDOW_DAYS = 28
MIN_WEIGHTS = 8
MIN_SPAN_DAYS = 14
KCAL_PER_KG = 7700.0
TOO_FAST_SHARE = 0.01  # of the trend weight per week
TOO_SLOW_SHARE = 0.25  # of the expected loss
DEFICIT_STEP = 100
CHECKS = ("on_track", "too_fast", "too_slow", "not_enough_data")
LEGS = ("thigh_cm", "calf_cm")


@dataclass(frozen=True)
class TrendPoint:
    """One logged weight and the trend value on that day (kg)."""

    date: date
    weight_kg: float
    trend_kg: float


@dataclass(frozen=True)
class MeasureChange:
    """One body measurement: first and latest readings (cm) and the change over 4 weeks."""

    first: float | None
    latest: float | None
    change_4_weeks: float | None
    first_date: date | None = None
    latest_date: date | None = None

    @property
    def since_start(self) -> float | None:
        """``latest − first`` (None before the first reading)."""
        if self.first is None or self.latest is None:
            return None
        return self.latest - self.first


@dataclass(frozen=True)
class Progress:
    """The numbers of ``runner-legs progress`` and the Progress page, at full precision."""

    today: date
    weights: tuple[TrendPoint, ...]
    rate_kg_per_week: float | None
    expected_kg_per_week: float
    check: str
    deficit_kcal: int
    suggested_deficit_kcal: int | None
    measures: dict[str, MeasureChange]
    readings: dict[str, tuple[tuple[date, float], ...]]

    @property
    def trend_kg(self) -> float | None:
        return self.weights[-1].trend_kg if self.weights else None

    @property
    def trend(self) -> MeasureChange:
        """The weight trend's first and latest values and its change over 4 weeks."""
        return trend_change(self.weights, self.today)

    def to_json(self) -> dict[str, Any]:
        """SPEC §7 ``progress --format json``: numbers rounded to 2 decimals."""
        return {
            "weights": [{"date": p.date.isoformat(), "weight_kg": _r(p.weight_kg),
                         "trend_kg": _r(p.trend_kg)} for p in self.weights],
            "rate_kg_per_week": _r(self.rate_kg_per_week),
            "expected_kg_per_week": _r(self.expected_kg_per_week),
            "check": self.check,
            "suggested_deficit_kcal": self.suggested_deficit_kcal,
            "legs": {name: {"first": _r(m.first), "latest": _r(m.latest),
                            "change_4_weeks": _r(m.change_4_weeks)}
                     for name, m in self.measures.items() if name in LEGS},
        }


@dataclass(frozen=True)
class DeficitOffer:
    """The energy-balance offer: change ``deficit_kcal`` from ``current`` to ``suggested``."""

    id: str
    check: str
    current: int
    suggested: int
    reason: str


@dataclass(frozen=True)
class DeficitDismissal:
    """The user declined the offer made for ``check`` on ``date``."""

    date: date
    check: str


def _r(x: float | None) -> float | None:
    return None if x is None else round(x, 2)


def weight_trend(checkins: Iterable[CheckIn], today: date | None = None) -> list[TrendPoint]:
    """The logged weights in date order with their trend: ``trend₁ = w₁``,
    ``trendₙ = trendₙ₋₁ + 0.1 · (wₙ − trendₙ₋₁)``; days after ``today`` left out."""
    by_date = {c.date: c.weight_kg for c in checkins
               if c.weight_kg is not None and (today is None or c.date <= today)}
    points: list[TrendPoint] = []
    trend = 0.0
    for day, kg in sorted(by_date.items()):
        assert kg is not None
        trend = kg if not points else trend + SMOOTHING * (kg - trend)
        points.append(TrendPoint(day, kg, trend))
    return points


def window(today: date) -> tuple[date, date]:
    """The 28 days ending today: today − 27 … today."""
    return today - timedelta(days=WINDOW_DAYS - 1), today


def rate_kg_per_week(points: Sequence[TrendPoint], today: date) -> float | None:
    """Least-squares slope of the trend against the date over the window, in kg per week;
    None until the window holds 8 weights at least 14 days apart first to last."""
    lo, hi = window(today)
    dates = [p.date for p in points]
    inside = list(points[bisect_left(dates, lo):bisect_right(dates, hi)])
    if len(inside) < MIN_WEIGHTS or (inside[-1].date - inside[0].date).days < MIN_SPAN_DAYS:
        return None
    xs = [float((p.date - lo).days) for p in inside]
    ys = [p.trend_kg for p in inside]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    return 7.0 * sxy / sxx


SessionOn = Callable[[date], Session | None]


def _session_on(plan: Plan | None) -> SessionOn:
    if plan is None:
        return lambda day: None
    return plan.session_on


def expected_kg_per_week(profile: Profile, plan: Plan | None, today: date) -> float:
    """``−7 × mean effective daily deficit over the window's days ÷ 7700`` (kg per week)."""
    session_on = _session_on(plan)
    lo, _ = window(today)
    days = [lo + timedelta(days=i) for i in range(WINDOW_DAYS)]
    mean = sum(effective_deficit(profile, session_on(d), d) for d in days) / WINDOW_DAYS
    return -7.0 * mean / KCAL_PER_KG


def energy_check(rate: float | None, expected: float, trend_kg: float | None,
                 deficit_kcal: int) -> tuple[str, int | None]:
    """The verdict and the deficit it suggests (None for on track or not enough data)."""
    if rate is None or trend_kg is None:
        return "not_enough_data", None
    lowest, highest = DEFICIT_RANGE
    if -rate > TOO_FAST_SHARE * trend_kg:
        return "too_fast", max(deficit_kcal - DEFICIT_STEP, lowest)
    if (rate > 0 or -rate < TOO_SLOW_SHARE * -expected) and deficit_kcal < highest:
        return "too_slow", min(deficit_kcal + DEFICIT_STEP, highest)
    return "on_track", None


def measure_change(checkins: Iterable[CheckIn], name: str, today: date) -> MeasureChange:
    """First and latest readings of ``name`` and ``latest −`` the latest reading on or
    before today − 28 (None when there is none)."""
    return _change(readings(checkins, name, today), today)


def trend_change(points: Sequence[TrendPoint], today: date) -> MeasureChange:
    """The same for the weight trend: first and latest trend values and the change over
    the last 4 weeks."""
    return _change(tuple((p.date, p.trend_kg) for p in points if p.date <= today), today)


def _change(series: Sequence[tuple[date, float]], today: date) -> MeasureChange:
    if not series:
        return MeasureChange(None, None, None)
    first_day, first = series[0]
    latest_day, latest = series[-1]
    cut = today - timedelta(days=WINDOW_DAYS)
    before = [v for d, v in series if d <= cut]
    return MeasureChange(first, latest, latest - before[-1] if before else None,
                         first_day, latest_day)


def readings(checkins: Iterable[CheckIn], name: str,
             today: date) -> tuple[tuple[date, float], ...]:
    """The readings of one measurement by date, oldest first, none after ``today``."""
    by_date = {c.date: getattr(c, name) for c in checkins if c.date <= today}
    return tuple((d, float(v)) for d, v in sorted(by_date.items()) if v is not None)


def progress(profile: Profile, plan: Plan | None, checkins: Iterable[CheckIn],
             today: date) -> Progress:
    """Everything SPEC §5 "Measuring the goal" asks for, on ``today``."""
    logs = list(checkins)
    points = weight_trend(logs, today)
    return _progress(profile, plan, logs, points, today, {})


def _progress(profile: Profile, plan: Plan | None, logs: list[CheckIn],
              points: list[TrendPoint], today: date,
              deficits: dict[date, float]) -> Progress:
    rate = rate_kg_per_week(points, today)
    expected = _expected_cached(profile, plan, today, deficits)
    upto = [p for p in points if p.date <= today]
    trend = upto[-1].trend_kg if upto else None
    check, suggested = energy_check(rate, expected, trend, profile.deficit_kcal)
    series = {name: readings(logs, name, today) for name in MEASUREMENTS}
    return Progress(
        today=today, weights=tuple(upto), rate_kg_per_week=rate,
        expected_kg_per_week=expected, check=check, deficit_kcal=profile.deficit_kcal,
        suggested_deficit_kcal=suggested,
        measures={name: _change(values, today) for name, values in series.items()},
        readings=series)


def _expected_cached(profile: Profile, plan: Plan | None, today: date,
                     deficits: dict[date, float]) -> float:
    session_on = _session_on(plan)
    lo, _ = window(today)
    total = 0.0
    for i in range(WINDOW_DAYS):
        d = lo + timedelta(days=i)
        if d not in deficits:
            deficits[d] = effective_deficit(profile, session_on(d), d)
        total += deficits[d]
    return -7.0 * (total / WINDOW_DAYS) / KCAL_PER_KG


def offer_id(check: str, suggested: int) -> str:
    return f"deficit-{suggested}" if check in ("too_fast", "too_slow") else ""


def deficit_offer(report: Progress,
                  dismissed: DeficitDismissal | None = None,
                  verdicts_since: Callable[[date], Iterable[str]] | None = None,
                  ) -> DeficitOffer | None:
    """The open energy-balance offer, if the check asks for a different deficit.

    A dismissed offer stays gone while the verdict has been the same on every day since it
    was dismissed (``verdicts_since(day)`` gives those verdicts).
    """
    suggested = report.suggested_deficit_kcal
    if suggested is None or suggested == report.deficit_kcal:
        return None
    if dismissed is not None and dismissed.check == report.check:
        since = verdicts_since(dismissed.date) if verdicts_since is not None else ()
        if all(v == report.check for v in since):
            return None
    rate = report.rate_kg_per_week or 0.0
    if report.check == "too_fast":
        reason = (f"Your weight trend falls {abs(rate):.2f} kg a week, more than 1 % of your "
                  "weight: a smaller deficit spares muscle and recovery.")
    else:
        moving = ("holds steady" if abs(rate) < 0.005 else
                  f"{'rises' if rate > 0 else 'falls'} {abs(rate):.2f} kg a week")
        reason = (f"Your weight trend {moving}; your plan expects a loss of "
                  f"{abs(report.expected_kg_per_week):.2f} kg a week. A slightly larger "
                  "deficit keeps it modest.")
    return DeficitOffer(id=offer_id(report.check, suggested), check=report.check,
                        current=report.deficit_kcal, suggested=suggested, reason=reason)


def verdicts(profile: Profile, plan: Plan | None, checkins: Iterable[CheckIn],
             start: date, today: date) -> Iterator[str]:
    """The energy-balance verdict of each day from ``today`` back to ``start`` (at most a
    year back), lazily: a caller looking for a change stops at the first one."""
    points = weight_trend(checkins, today)
    dates = [p.date for p in points]
    deficits: dict[date, float] = {}
    day = today
    while day >= max(start, today - timedelta(days=366)):
        upto = bisect_right(dates, day)
        trend = points[upto - 1].trend_kg if upto else None
        rate = rate_kg_per_week(points[max(0, upto - WINDOW_DAYS):upto], day)
        expected = _expected_cached(profile, plan, day, deficits) if rate is not None else 0.0
        yield energy_check(rate, expected, trend, profile.deficit_kcal)[0]
        day -= timedelta(days=1)


def _amount(kg: float, unit: str) -> str:
    value = abs(kg) / 0.45359237 if unit == "lb" else abs(kg)
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "0") else text


VERDICT_WORDS = {"on_track": "on track",
                 "too_fast": "faster than 1 % of your weight a week",
                 "too_slow": "slower than your plan expects"}


def verdict_words(report: Progress, unit: str = "kg") -> str:
    """The check in plain words: "losing 0.3 kg a week; your plan expects 0.27 — on track"."""
    rate = report.rate_kg_per_week
    if rate is None:
        return (f"Not enough data yet: the rate needs {MIN_WEIGHTS} weights over at least "
                f"{MIN_SPAN_DAYS} days within the last {WINDOW_DAYS}.")
    shown = _amount(rate, unit)
    moving = ("holding steady" if shown == "0" else
              f"{'losing' if rate < 0 else 'gaining'} {shown} {unit} a week")
    expected = report.expected_kg_per_week
    plan = (f"your plan expects {_amount(expected, unit)}" if expected <= 0
            else f"your plan expects a gain of {_amount(expected, unit)}")
    return f"{moving}; {plan} — {VERDICT_WORDS[report.check]}"


__all__ = ["CHECKS", "DeficitDismissal", "DeficitOffer", "MeasureChange", "Progress",
           "TrendPoint", "deficit_offer", "energy_check", "expected_kg_per_week",
           "measure_change", "progress", "trend_change", "rate_kg_per_week", "verdict_words", "verdicts",
           "weight_trend"]
