"""``runner-legs profile | log | history | backup | restore`` (SPEC §7): the commands that
read and write the saved data, all through ``core.app``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from core.checkin import (
    MEASUREMENTS,
    MINUTES_RANGE,
    QUALITY_RANGE,
    RPE_RANGE,
    SLEEP_RANGE,
    WEIGHT_RANGE,
)
from core.cli.common import (
    CliError,
    InvalidInput,
    data_dir,
    global_options,
    iso_date,
    open_data,
    output_path,
    print_json,
    ranged_float,
    ranged_int,
    read_profile_file,
)
from core.plan import FOAM_ROLL_AREAS, monday_on_or_after

Run = Callable[[argparse.Namespace], int]


def register(sub: Any) -> None:
    p = sub.add_parser("profile", parents=[global_options()], help="print or save the profile",
                       description="Print the saved profile as JSON, or validate and save "
                                   "FILE (the plan is created or rebuilt).")
    p.add_argument("--set", metavar="FILE", dest="set_file",
                   help="a JSON file with the profile fields of SPEC §2")
    p.set_defaults(run=_guard(_run_profile))

    lg = sub.add_parser("log", parents=[global_options()], help="log one day",
                        description="Record a day's check-in and mark its session. Each "
                                    "option given replaces that field; the others stay.")
    lg.add_argument("--date", type=iso_date("--date"), metavar="DATE",
                    help="the day (default: today)")
    lg.add_argument("--sleep-hours", type=ranged_float("--sleep-hours", *SLEEP_RANGE, "hours"),
                    metavar="H", help="hours slept the night before (0–24)")
    lg.add_argument("--sleep-quality", type=ranged_int("--sleep-quality", *QUALITY_RANGE),
                    metavar="1-5", help="how well you slept, 1 (poor) to 5 (great)")
    lg.add_argument("--foam-roll", type=_areas, metavar="AREA,...",
                    help="areas rolled: " + ", ".join(FOAM_ROLL_AREAS))
    lg.add_argument("--weight", type=ranged_float("--weight", *WEIGHT_RANGE, "kg"),
                    metavar="KG", help="body weight in kg (35–250)")
    for name, (where, (lo, hi)) in MEASUREMENTS.items():
        option = "--" + name.replace("_", "-")
        lg.add_argument(option, type=ranged_float(option, lo, hi, "cm"), metavar="CM",
                        dest=name, help=f"{name.split('_')[0]} in cm, {where} ({lo:g}–{hi:g}); "
                                        "same leg, same spot, in the morning")
    status = lg.add_mutually_exclusive_group()
    status.add_argument("--done", action="store_const", const="done", dest="status",
                        help="mark the day's planned session done")
    status.add_argument("--skipped", action="store_const", const="skipped", dest="status",
                        help="mark the day's planned session skipped")
    lg.add_argument("--minutes", type=ranged_int("--minutes", *MINUTES_RANGE, "minutes"),
                    metavar="M", help="minutes actually trained")
    lg.add_argument("--rpe", type=ranged_int("--rpe", *RPE_RANGE), metavar="1-10",
                    help="how hard it felt")
    lg.set_defaults(run=_guard(_run_log))

    h = sub.add_parser("history", parents=[global_options()], help="list the logged days",
                       description="List the days that have a check-in or a marked session.")
    h.add_argument("--from", dest="start", type=iso_date("--from"), metavar="DATE")
    h.add_argument("--to", dest="end", type=iso_date("--to"), metavar="DATE")
    h.add_argument("--format", choices=("json", "csv"), default="json")
    h.add_argument("--decimal-comma", action="store_true",
                   help="csv for spreadsheets in languages that write 7,5: cells separated "
                        "by ';' and numbers with a decimal comma")
    h.set_defaults(run=_guard(_run_history))

    b = sub.add_parser("backup", parents=[global_options()], help="write a JSON backup",
                       description="Write the whole database as one JSON file.")
    b.add_argument("--out", required=True, metavar="FILE")
    b.set_defaults(run=_guard(_run_backup))

    r = sub.add_parser("restore", parents=[global_options()], help="restore a backup",
                       description="Replace the saved data with a JSON backup (checked in "
                                   "full first), or put back an automatic backup (.sqlite3).")
    r.add_argument("file", metavar="FILE")
    r.set_defaults(run=_guard(_run_restore))


def _guard(run: Run) -> Run:
    """Store failures (a damaged or busy database) become one-line exit-1 errors."""
    def guarded(args: argparse.Namespace) -> int:
        from core.app import StoreError

        try:
            return run(args)
        except StoreError as exc:
            raise CliError(str(exc)) from None
    return guarded


def _areas(text: str) -> tuple[str, ...]:
    items = [a.strip().lower() for a in text.split(",") if a.strip()]
    if not items or any(a not in FOAM_ROLL_AREAS for a in items):
        raise argparse.ArgumentTypeError(
            f"--foam-roll must be areas from {', '.join(FOAM_ROLL_AREAS)}, got {text}")
    return tuple(a for a in FOAM_ROLL_AREAS if a in items)


def _data_dir(args: argparse.Namespace) -> Path:
    return data_dir(args)


def _run_profile(args: argparse.Namespace) -> int:
    if args.set_file:
        profile = read_profile_file(args.set_file, on=monday_on_or_after(args.today))
        with open_data(args) as app:
            change = app.ops.save_profile(profile)
        print(change.summary)
        return 0
    with open_data(args) as app:
        saved = app.queries.saved_profile()
    if saved is None:
        raise InvalidInput("no saved profile: save one with 'runner-legs profile --set FILE'")
    print_json(saved.to_dict())
    return 0


def _run_log(args: argparse.Namespace) -> int:
    from core.app import NoOutcome

    day = args.date or args.today
    checkin = {name: value for name, value in (
        ("sleep_hours", args.sleep_hours), ("sleep_quality", args.sleep_quality),
        ("foam_roll", args.foam_roll), ("weight_kg", args.weight),
        *((name, getattr(args, name)) for name in MEASUREMENTS)) if value is not None}
    outcome = {name: value for name, value in (
        ("status", args.status), ("minutes", args.minutes), ("rpe", args.rpe))
        if value is not None}
    if not checkin and not outcome:
        raise InvalidInput("nothing to log: give --sleep-hours, --sleep-quality, --foam-roll, "
                           "--weight, a measurement (--thigh-cm, --calf-cm, --waist-cm, "
                           "--hips-cm), --done or --skipped")
    _check_log_day(day, args)
    app = open_data(args)
    try:
        app.ops.log_day(day, checkin or None, outcome or None)
    except NoOutcome:
        raise InvalidInput(f"--minutes and --rpe need --done or --skipped: no session is "
                           f"marked on {day.isoformat()} yet") from None
    finally:
        app.close()
    return 0


def _check_log_day(day: date, args: argparse.Namespace) -> None:
    """A skipped session has no minutes or effort (a day that has not come is refused by
    ``core.app``, for both faces)."""
    if args.status == "skipped" and (args.minutes is not None or args.rpe is not None):
        given = "--minutes" if args.minutes is not None else "--rpe"
        raise InvalidInput(f"{given} goes with --done: a skipped session has no minutes or "
                           "effort to log")


def _run_history(args: argparse.Namespace) -> int:
    from core.app.exports import history_csv

    if args.start and args.end and args.start > args.end:
        raise InvalidInput(f"--from ({args.start.isoformat()}) must not be after --to "
                           f"({args.end.isoformat()})")
    with open_data(args) as app:
        days = app.queries.history(args.start, args.end)
    if args.format == "csv":
        sys.stdout.write(history_csv(days, decimal_comma=args.decimal_comma))
    else:
        print_json({"days": days})
    return 0


def _run_backup(args: argparse.Namespace) -> int:
    out = output_path(args)
    with open_data(args) as app:
        app.ops.backup(out)
    print(f"Backup written to {args.out}")
    return 0


def _run_restore(args: argparse.Namespace) -> int:
    """Check the whole backup first (JSON, or an automatic .sqlite3 one read through
    SQLite), then replace the saved data; a damaged database is replaced only once its
    replacement is complete, and kept beside it."""
    from core.app import SQLITE_MAGIC, load_backup, read_sqlite_backup, replace_saved_data
    from core.files import read_head

    source = Path(args.file)
    folder = _data_dir(args)
    try:  # a regular file only: a pipe or a device is refused, never read
        is_sqlite = read_head(source, len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        is_sqlite = False  # load_backup names the problem
    data = read_sqlite_backup(folder, source) if is_sqlite else load_backup(source)
    done = replace_saved_data(folder, data, keep_copy=is_sqlite, today=lambda: args.today)
    kept = ""
    if done.kept is not None:
        what = "damaged database" if done.was_damaged else "previous database"
        kept = f"; the {what} was kept as {done.kept}"
    print(done.change.summary + kept)
    return 0
