"""``runner-legs export pdf | plan-pdf | ics | fit`` (SPEC §6, §7).

reportlab, icalendar and the FIT SDK are imported only when an export runs, so the other
commands start fast. A failed export leaves nothing on disk (the writers are atomic).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from core.app import exports
from core.app.exports import Exported, ExportedFiles
from core.cli.common import (
    CliError,
    InvalidInput,
    Parser,
    add_source_options,
    global_options,
    iso_date,
    open_data,
    output_path,
    refuse_saved_data,
    resolve,
)
from core.cli.common import note as say
from core.plan import Plan, Week

PAPERS = ("a4", "letter")


def _paper(text: str) -> str:
    value = text.strip().lower()
    if value not in PAPERS:
        raise argparse.ArgumentTypeError(f"--paper must be a4 or letter, got {text}")
    return value


def _out(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", metavar="FILE", required=True, help="the file to write")


def register(sub: Any) -> None:
    exp = sub.add_parser("export", parents=[global_options()],
                         help="write the fridge-door PDF, the plan PDF, a calendar file or watch workouts",
                         description="Write a PDF, a calendar file or watch workouts of the plan.")
    kinds = exp.add_subparsers(dest="export_kind", metavar="KIND", parser_class=Parser)
    kinds.required = True

    pdf = kinds.add_parser("pdf", parents=[global_options()],
                           help="one week on one landscape page, for the fridge door",
                           description="Write one week of the plan as a one-page PDF.")
    add_source_options(pdf, weeks=False)
    pdf.add_argument("--week", type=iso_date("--week"), metavar="DATE",
                     help="any day of the week to print (default: the plan's current week)")
    pdf.add_argument("--paper", type=_paper, default="a4", metavar="a4|letter",
                     help="paper size, landscape (default: a4)")
    _out(pdf)
    pdf.set_defaults(run=_run_pdf)

    plan_pdf = kinds.add_parser("plan-pdf", parents=[global_options()],
                                help="the whole plan, a week per page",
                                description="Write the whole plan as a PDF.")
    add_source_options(plan_pdf)
    _out(plan_pdf)
    plan_pdf.set_defaults(run=_run_plan_pdf)

    ics = kinds.add_parser("ics", parents=[global_options()],
                           help="a calendar file with one all-day event per session",
                           description="Write the plan as an iCalendar (.ics) file.")
    add_source_options(ics)
    _out(ics)
    ics.set_defaults(run=_run_ics)

    fit = kinds.add_parser("fit", parents=[global_options()],
                           help="a week's runs as workout files for a watch",
                           description="Write one FIT workout file per run session of a week "
                                       "(a Garmin watch loads them from GARMIN/NewFiles).")
    add_source_options(fit, weeks=False)
    fit.add_argument("--week", type=iso_date("--week"), metavar="DATE",
                     help="any day of the week (default: the plan's current week)")
    fit.add_argument("--out", metavar="DIR", required=True,
                     help="the folder to write into (made when missing)")
    fit.set_defaults(run=_run_fit)


def _target(args: argparse.Namespace) -> Path:
    """The output path, checked as a backup's is (exit 2 for a missing folder, a folder, or
    the saved data)."""
    return output_path(args)


def _write(action: Callable[[], Exported | ExportedFiles]) -> int:
    """Run the export; say each note in one stderr line (for a PDF, characters of the name
    no shipped font has: they print as a visible replacement; the export still succeeds)."""
    try:
        result = action()
    except exports.export_error_type() as exc:
        raise CliError(str(exc)) from None
    except OSError as exc:
        raise CliError(f"cannot write the file: {exc.strerror or exc}") from None
    for note in result.notes:
        say(note)
    return 0


def _week(args: argparse.Namespace, plan: Plan) -> Week:
    """``--week``'s week of the plan, or the plan's current week."""
    if args.week is None:
        return plan.current_week(args.today)
    found = plan.week_of(args.week)
    if found is None:
        raise InvalidInput(
            f"--week {args.week.isoformat()} is outside the plan, which runs from "
            f"{plan.start.isoformat()} to {plan.end.isoformat()}")
    return found


def _run_pdf(args: argparse.Namespace) -> int:
    source = resolve(args, week_hint=args.week)
    week = _week(args, source.plan)
    out = _target(args)
    return _write(lambda: exports.fridge_pdf(out, source.profile, week, paper=args.paper))


def _run_plan_pdf(args: argparse.Namespace) -> int:
    source = resolve(args)
    out = _target(args)
    progress = None
    if source.stored:  # the saved weights belong to the saved profile only
        with open_data(args) as app:
            progress = app.queries.progress()
    return _write(lambda: exports.plan_pdf(out, source.profile, source.plan,
                                           progress=progress))


def _run_ics(args: argparse.Namespace) -> int:
    source = resolve(args)
    out = _target(args)
    return _write(lambda: exports.ics(out, source.profile, source.plan))


def _run_fit(args: argparse.Namespace) -> int:
    source = resolve(args, week_hint=args.week)
    week = _week(args, source.plan)
    if not args.out.strip():
        raise InvalidInput("--out must name a folder")
    folder = Path(args.out).expanduser()
    if folder.exists() and not folder.is_dir():
        raise CliError(f"cannot write into {folder}: it is a file, not a folder")
    refuse_saved_data(folder / "workout.fit", args)
    written: list[Path] = []

    def write() -> ExportedFiles:
        result = exports.fit_workouts(folder, week)
        written.extend(result.files)
        return result

    _write(write)
    for path in written:
        print(path)
    return 0
