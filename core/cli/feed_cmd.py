"""``runner-legs calendar-feed [FILE | --off]`` (SPEC §6, §7), and the rewrite of that file
after every command that committed a write (called by the command runner, ``core.cli``).

The file's path is kept in the store's settings (``calendar_feed``; empty when off), so the
window and every later command find it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from core import clock
from core.cli.common import CliError, InvalidInput, data_dir, global_options
from core.export.ics_feed import FEED_SETTING as FEED_KEY


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
    from core.export.atomic import ExportError
    from core.export.ics_feed import check_target, write_feed
    from core.store import StoreError, open_repository

    if args.off and args.file is not None:
        raise InvalidInput("give FILE or --off, not both")
    if args.file is not None and not args.file.strip():
        raise InvalidInput("FILE must name a file")
    repo = open_repository(data_dir(args), today=clock.today)
    try:
        if args.file is None and not args.off:
            current = repo.setting(FEED_KEY)
            if current:
                print(current)
            return 0
        if args.off:
            if repo.setting(FEED_KEY):
                repo.set_setting(FEED_KEY, "")
            return 0
        profile, plan = repo.profile(), repo.plan()
        if profile is None or plan is None:
            raise InvalidInput("no saved profile: save one with 'runner-legs profile --set "
                               "FILE' first")
        path = Path(args.file).expanduser().absolute()
        existed = path.exists()
        try:
            check_target(path)
            write_feed(path, profile, plan)
        except ExportError as exc:
            raise CliError(str(exc)) from None
        try:
            repo.set_setting(FEED_KEY, str(path))
        except StoreError:
            if not existed:
                path.unlink(missing_ok=True)
            raise
    except StoreError as exc:
        raise CliError(str(exc)) from None
    finally:
        repo.close()
    return 0


def refresh_feed(args: argparse.Namespace) -> None:
    """Rewrite the calendar feed, when one is named, from the stored plan. A failure is one
    line on stderr: the command itself has succeeded and stays done."""
    from core.export.atomic import ExportError
    from core.export.ics_feed import write_feed
    from core.store import StoreError, open_repository

    path = None
    try:
        repo = open_repository(data_dir(args), today=clock.today)
        try:
            path = repo.setting(FEED_KEY)
            if not path:
                return
            profile, plan = repo.profile(), repo.plan()
        finally:
            repo.close()
        if profile is not None and plan is not None:
            write_feed(Path(path), profile, plan)
    except (ExportError, StoreError, InvalidInput, OSError, ValueError) as exc:
        where = f" {path}" if path else ""
        line = " ".join(str(exc).split())
        print(f"runner-legs: the calendar file{where} was not updated: {line}", file=sys.stderr)
