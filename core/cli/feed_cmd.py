"""``runner-legs calendar-feed [FILE | --off]`` (SPEC §6, §7), and the rewrite of that file
after every command that committed a write (called by the command runner, ``core.cli``).

The file's path is kept in the store's settings (``core.app.exports.FEED_SETTING``; empty
when off), so the window and every later command find it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from core.app import exports
from core.cli.common import (
    CliError,
    InvalidInput,
    global_options,
    open_data,
    refuse_saved_data,
)
from core.errors import RequestError


def register(sub: Any) -> None:
    p = sub.add_parser("calendar-feed", parents=[global_options()],
                       help="name the .ics file kept up to date, stop it, or print it",
                       description="Write FILE now and rewrite it after every change to the "
                                   "plan, so a calendar program that subscribes to it follows "
                                   "along. --off stops that; with neither, print the file's "
                                   "path (nothing when there is none).")
    p.add_argument("file", nargs="?", metavar="FILE", help="the .ics file to keep current")
    p.add_argument("--off", action="store_true", help="stop keeping the file up to date")
    p.set_defaults(run=_run)


def _run(args: argparse.Namespace) -> int:
    from core.app import StoreError

    if args.off and args.file is not None:
        raise InvalidInput("give FILE or --off, not both")
    if args.file is not None and not args.file.strip():
        raise InvalidInput("FILE must name a file")
    if args.file is not None:
        refuse_saved_data(Path(args.file).expanduser(), args)
    app = open_data(args)
    try:
        current = app.exports.feed_path()
        if args.file is None and not args.off:
            if current is not None:
                print(current)
            return 0
        if args.off:
            if current is not None:
                app.ops.set_feed(None)
            return 0
        if app.queries.plan() is None:
            raise InvalidInput("no saved profile: save one with 'runner-legs profile --set "
                               "FILE' first")
        path = Path(args.file).expanduser().absolute()
        existed = path.exists()
        try:
            app.exports.name_feed(path)
        except exports.export_error_type() as exc:
            raise CliError(str(exc)) from None
        try:
            app.ops.set_feed(path)
        except StoreError:
            if not existed:
                path.unlink(missing_ok=True)
            raise
    except StoreError as exc:
        raise CliError(str(exc)) from None
    finally:
        app.close()
    return 0


def refresh_feed(args: argparse.Namespace) -> None:
    """Rewrite the calendar feed, when one is named, from the stored plan. A failure is one
    line on stderr: the command itself has succeeded and stays done."""
    from core.app import StoreError

    path = None
    try:
        with open_data(args) as app:
            path = app.exports.feed_path()
            app.exports.refresh_feed()
    except (StoreError, RequestError, InvalidInput, OSError, ValueError) as exc:
        where = f" {path}" if path else ""
        line = " ".join(str(exc).split())
        print(f"runner-legs: the calendar file{where} was not updated: {line}", file=sys.stderr)
