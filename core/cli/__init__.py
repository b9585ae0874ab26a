"""The ``runner-legs`` command line (SPEC §7). No Qt here: the desktop app is one subcommand
away, started by ``desktop.launch``.

Each subcommand lives in a small module with ``register(subparsers)``; this module builds the
parser, runs the command and turns errors into exit codes: 0 ok, 2 invalid input, 1 other
failure — always one line on stderr, never a traceback.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

from core import clock
from core.app import committed_writes
from core.cli.common import CliError, InvalidInput, Parser, global_options
from core.errors import RequestError
from core.plan import PlanDateError
from core.profile import ProfileError

COMMANDS = ("profile", "plan", "targets", "log", "history", "progress", "offers", "export",
            "calendar-feed", "backup", "restore")
# Commands that read the saved plan: the first of them on or after a Monday judges the week
# that has just ended (SPEC §3).
JUDGING = frozenset({"profile", "plan", "targets", "log", "history", "progress", "offers",
                     "export", "calendar-feed"})


def build_parser() -> Parser:
    from core.cli.data_cmd import register as register_data
    from core.cli.export_cmd import register as register_export
    from core.cli.feed_cmd import register as register_feed
    from core.cli.measure_cmd import register as register_measure
    from core.cli.plan_cmd import register as register_plan

    parser = Parser(prog="runner-legs", parents=[global_options(top=True)],
                    description="Runner Legs: training plan, meal targets and recovery.")
    parser.add_argument("--smoke", action="store_true",
                        help="open the desktop app, show every page once and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    register_plan(sub)
    register_data(sub)
    register_measure(sub)
    register_export(sub)
    register_feed(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        parser = build_parser()
        args = parser.parse_args(args_list)
        if not getattr(args, "command", None):
            raise InvalidInput("a command is needed: " + ", ".join(COMMANDS))
        args.today = clock.today()  # the one today every rule of this command reads
        before = committed_writes()  # a week judged below is a plan change for the feed
        if args.command in JUDGING:
            from core.cli.common import judge_finished_weeks

            judge_finished_weeks(args)
        result: int = args.run(args)
        if committed_writes() != before:
            _after_writes(args)
        return result
    except InvalidInput as exc:
        _fail(str(exc))
        return 2
    except CliError as exc:
        _fail(str(exc))
        return 1
    except ValueError as exc:
        _fail(str(exc))
        return 2 if _is_user_input(exc) else 1
    except BrokenPipeError:
        return 1
    except KeyboardInterrupt:
        _fail("interrupted")
        return 1
    except Exception as exc:  # noqa: BLE001 - the contract is one line, never a traceback
        if _is_store_error(exc):  # a damaged, newer or unmigratable database says it all
            _fail(str(exc))
        else:
            _fail(f"unexpected error: {type(exc).__name__}: {exc}")
        return 1


def _after_writes(args: Any) -> None:
    """Every command that wrote to the store passes here: the calendar feed follows the plan
    (SPEC §6). A command added later is covered without doing anything."""
    from core.cli.feed_cmd import refresh_feed

    refresh_feed(args)


def _is_user_input(exc: ValueError) -> bool:
    """A profile or log value out of range, or a request the saved data refuses (exit 2);
    any other ValueError, such as stored data that cannot be read, is a failure (exit 1)."""
    if _is_store_error(exc):
        return False
    if isinstance(exc, (ProfileError, RequestError, PlanDateError)):
        return True
    safety = sys.modules.get("core.store.safety")
    return safety is not None and isinstance(exc, safety.InvalidRequest)


def _is_store_error(exc: BaseException) -> bool:
    """Checked without importing the store (``plan --demo`` never loads peewee)."""
    safety = sys.modules.get("core.store.safety")
    return safety is not None and isinstance(exc, safety.StoreError)


def _fail(message: str) -> None:
    line = " ".join(message.split())
    print(f"runner-legs: {line}", file=sys.stderr)


def is_command(argv: Sequence[str]) -> bool:
    """True when ``argv`` names a subcommand (so the GUI need not be imported)."""
    return any(a in COMMANDS for a in argv if not a.startswith("-"))
