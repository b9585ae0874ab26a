"""``runner-legs plan`` and ``runner-legs targets`` (SPEC §7)."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from datetime import date
from typing import Any

from core.cli.common import InvalidInput, add_source_options, global_options, iso_date, resolve
from core.cli.text_format import format_plan, format_targets
from core.plan import PlanDateError, monday_on_or_after
from core.profile import AGE_RANGE, Profile


def register(sub: Any) -> None:
    p = sub.add_parser("plan", parents=[global_options()],
                       help="print the training plan",
                       description="Print the plan as JSON or as a readable week table.")
    add_source_options(p)
    p.add_argument("--format", choices=("json", "text"), default="json")
    p.set_defaults(run=_run_plan)

    t = sub.add_parser("targets", parents=[global_options()],
                       help="print one day's meal targets",
                       description="Print the day's calories, macros, water and fuel notes.")
    add_source_options(t, weeks=False)
    t.add_argument("--date", type=iso_date("--date"), metavar="DATE",
                   help="the day (default: today)")
    t.add_argument("--format", choices=("json", "text"), default="json")
    t.set_defaults(run=_run_targets)


def _run_plan(args: argparse.Namespace) -> int:
    source = resolve(args)
    if args.format == "json":
        json.dump(source.plan.to_json(full=False), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(format_plan(source.profile, source.plan))
    return 0


def check_plan_day(profile: Profile, day: date) -> None:
    """SPEC §7: a --date that cannot be a day of a plan (no Monday on or after it, or the
    runner's age on it outside 16–90) is invalid input."""
    try:
        monday_on_or_after(day)
    except PlanDateError as exc:
        raise InvalidInput(f"--date {day.isoformat()}: {exc}") from None
    age, (lo, hi) = profile.age_on(day), AGE_RANGE
    if not lo <= age <= hi:
        raise InvalidInput(f"--date {day.isoformat()}: the runner is {age} then; targets are "
                           f"for ages {lo}–{hi}")


def _run_targets(args: argparse.Namespace) -> int:
    from core.nutrition import day_targets

    day: date = args.date or args.today
    source = resolve(args)
    plan = source.plan
    outside = not plan.start <= day <= plan.end
    # A day outside the plan has no planned session: it is a rest day for the targets.
    session = None if outside else plan.session_on(day)
    if day < source.profile.birth_date:
        raise InvalidInput(f"--date must be after the birth date, got {day.isoformat()}")
    check_plan_day(source.profile, day)
    targets = day_targets(source.profile, day, session)
    if outside:
        note = (f"{day.isoformat()} is outside the plan ({plan.start.isoformat()} to "
                f"{plan.end.isoformat()}): targets for a rest day")
        # a note, not a warning: SPEC §4 keeps warnings for the floors and carbs held at 0
        targets = replace(targets, notes=(*targets.notes, note))
    if args.format == "json":
        json.dump(targets.to_json(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(format_targets(targets))
    return 0
