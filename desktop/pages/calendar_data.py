"""What the calendar shows, gathered from the store and core: days, week warnings, offers.

No rule is computed here: the week check is core.week_check's and the offers are
core.recovery's. This module only fetches and bundles.
"""

from __future__ import annotations

import calendar as pycal
from datetime import date, timedelta
from typing import Any

from core.plan import Plan, Week, monday_of
from core.wording import month, month_year
from desktop.context import AppContext
from desktop.models.days import DayInfo
from desktop.style import format_minutes


def month_start(day: date) -> date:
    return day.replace(day=1)


def add_months(day: date, months: int) -> date:
    """The same day-of-month ``months`` later, clamped to the month's length."""
    index = day.year * 12 + day.month - 1 + months
    year, zero_based = divmod(index, 12)
    last = pycal.monthrange(year, zero_based + 1)[1]
    return date(year, zero_based + 1, min(day.day, last))


def shown_range(mode: str, anchor: date) -> tuple[date, int]:
    """(first day, number of days) of the week or the 6-week month grid holding ``anchor``."""
    if mode == "month":
        return monday_of(month_start(anchor)), 42
    return monday_of(anchor), 7


def offers(ctx: AppContext, plan: Plan) -> list[Any]:
    """Adaptation offers that are open today (one query for every page)."""
    return list(ctx.app.queries.open_offers())


def build_days(ctx: AppContext, mode: str, anchor: date) -> list[DayInfo]:
    """One DayInfo per shown day, Monday first."""
    first, count = shown_range(mode, anchor)
    last = first + timedelta(days=count - 1)
    plan = ctx.plan()
    today = ctx.today()
    outcomes = {o.date: o for o in ctx.app.queries.outcomes(first, last)}
    checkins = {c.date: c for c in ctx.app.queries.checkins(first, last)}
    open_offers = {o.date: o for o in offers(ctx, plan)}
    extra = ctx.app.queries.activities_by_day(first, last)
    units = ctx.profile().units
    shown_month = anchor.month
    days = []
    for i in range(count):
        day = first + timedelta(days=i)
        session = plan.session_on(day)
        days.append(DayInfo(
            date=day, session=session, outcome=outcomes.get(day), checkin=checkins.get(day),
            offer=open_offers.get(day), in_plan=session is not None, is_today=day == today,
            in_month=(mode != "month" or day.month == shown_month),
            activities=tuple(extra.get(day, ())), units=units))
    return days


def week_warnings(ctx: AppContext, week: Week) -> list[str]:
    """The broken rules of ``week`` in words (core.week_check, asked through core.app)."""
    return ctx.app.queries.week_warnings(week)


def range_title(mode: str, anchor: date, days: list[DayInfo]) -> str:
    """"November 2026", or the week's span: "23 Nov – 29 Nov 2026"."""
    if mode == "month":
        return month_year(anchor)
    first, last = days[0].date, days[-1].date
    end = f"{last.day} {month_year(last, short=True)}"
    if first.year == last.year:
        return f"{first.day} {month(first, short=True)} – {end}"
    return f"{first.day} {month_year(first, short=True)} – {end}"


def week_summary(plan: Plan, selected: date, days: list[DayInfo]) -> str:
    """One line about the selected day's week: its number, volume and what is done."""
    week = plan.week_of(selected)
    if week is None:
        where = "before your plan starts" if selected < plan.start else "after your plan"
        return (f"This is {where} ({plan.start:%d} {month(plan.start, short=True)} – "
                f"{plan.end:%d} {month_year(plan.end, short=True)}).")
    shown = [d for d in days if week.start <= d.date <= week.end]
    trainable = [d for d in shown if d.session is not None and d.session.kind != "rest"]
    done = sum(1 for d in trainable if d.status == "done")
    bits = [f"Week {week.index} of {len(plan.weeks)}"]
    if week.lighter:
        bits.append("lighter week")
    bits.append(f"running {format_minutes(week.run_minutes)}")
    if trainable:
        bits.append(f"{done} of {len(trainable)} sessions done")
    return " · ".join(bits)


def moved_weeks_text(ctx: AppContext, src: date, dst: date) -> str:
    """After a move across weeks: each week's broken rules in words (core.week_check), or
    that it still keeps them, so neither week's warning goes unseen."""
    plan = ctx.plan()
    parts = []
    for day in sorted((src, dst)):
        week = plan.week_of(day)
        if week is None:
            continue
        span = f"Week {week.index} ({week.start.day} {month(week.start, short=True)} – " \
               f"{week.end.day} {month(week.end, short=True)})"
        warnings = week_warnings(ctx, week)
        parts.append(f"{span}: " + (" ".join(warnings) if warnings else "keeps the plan's rules."))
    return " ".join(parts)
