"""Shared pieces of the command line: the one-line error parser, global options, dates,
and turning ``--profile F`` / ``--demo`` / the saved data into a profile and a plan."""

from __future__ import annotations

import argparse
import json
import os
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from core import paths
from core.plan import Plan, PlanDateError, monday_of, monday_on_or_after
from core.planner import WEEKS_RANGE
from core.profile import Profile, check_age, demo_profile, profile_from_dict

SYSTEM_FOLDERS = ("/proc", "/sys", "/dev")  # pseudo file systems: never a data folder
FRESH_PLAN_NOTE = ("note: --weeks/--start build a fresh plan from your saved profile; your "
                   "stored plan and its changes are not shown")

if TYPE_CHECKING:
    from core.app import App


# Characters that must never reach a terminal as they are: C0 controls (but newline and
# tab), DEL, C1 controls (ESC's one-byte cousins), bidi overrides, and lone surrogates
# (which cannot even be encoded). They are shown as \\uXXXX, which is valid inside JSON.
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f"
                     "\u202a-\u202e\u2066-\u2069\ud800-\udfff]|\r(?!\n)")
LINE_LIMIT = 2000
WORD_LIMIT = 300
_NOTES: list[str] = []


def safe_text(text: str) -> str:
    """``text`` with every terminal-unsafe character written as ``\\uXXXX``."""
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def one_line(text: str, limit: int = LINE_LIMIT) -> str:
    """A message as one safe line of at most ``limit`` characters, no word longer than
    WORD_LIMIT (a 10 MB value is cut, not echoed whole)."""
    line = " ".join(w if len(w) <= WORD_LIMIT else w[:WORD_LIMIT - 1] + "…"
                    for w in safe_text(text[:limit * 4]).split())
    return line if len(line) <= limit else line[:limit - 1] + "…"


def note(text: str) -> None:
    """A side remark for stderr, printed only when the command succeeds (a failing command
    says exactly one line)."""
    _NOTES.append(text)


def take_notes() -> list[str]:
    notes = list(_NOTES)
    _NOTES.clear()
    return notes


class SafeStream:
    """A text stream that writes through ``safe_text`` (so stored names, titles and paths
    cannot move the cursor, change colours or reorder a line on the user's terminal)."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return int(self._stream.write(safe_text(text)))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


class CliError(Exception):
    """A failure that is not the user's input (exit 1)."""


class InvalidInput(Exception):
    """The user's input is wrong (exit 2)."""


class Parser(argparse.ArgumentParser):
    """argparse with one-line errors and exit code 2, never usage dumps on stderr."""

    def error(self, message: str) -> NoReturn:
        # "argument --paper: --paper must be a4 or letter" says the option twice.
        prefix, _, rest = message.partition(": ")
        if prefix.startswith("argument ") and rest.startswith(prefix[len("argument "):]):
            message = rest
        raise InvalidInput(message)


def global_options(*, top: bool = False) -> argparse.ArgumentParser:
    """``--data-dir`` is accepted before and after the subcommand."""
    p = argparse.ArgumentParser(add_help=False)
    p.add_argument("--data-dir", metavar="DIR",
                   default=None if top else argparse.SUPPRESS,
                   help="where the database lives (default: RUNNER_LEGS_HOME or the "
                        "platform's user data folder)")
    return p


def data_dir(args: argparse.Namespace) -> Path:
    """The data folder of ``--data-dir``, RUNNER_LEGS_HOME or the platform; InvalidInput
    naming it when it cannot hold the database (a file, or inside /proc)."""
    explicit = getattr(args, "data_dir", None)
    folder = paths.data_dir(explicit)
    if explicit:
        label = f"--data-dir {explicit}"
    elif os.environ.get("RUNNER_LEGS_HOME"):
        label = f"RUNNER_LEGS_HOME {os.environ['RUNNER_LEGS_HOME']}"
    else:
        label = f"the data folder {folder}"
    problem = _folder_problem(folder)
    if problem is not None:
        raise InvalidInput(f"{label} is not a folder{problem}")
    return folder


def output_path(args: argparse.Namespace) -> Path:
    """The ``--out`` file of a backup or an export, checked the same way for both (exit 2):
    a name, an existing folder, not a folder itself, and never the saved data (the live
    database, its side files or ``backups/``, also through a symlink)."""
    text: str = args.out
    if not text.strip():
        raise InvalidInput("--out must name a file")
    out = Path(text).expanduser()
    folder = out.parent
    if not folder.is_dir():
        raise InvalidInput(f"cannot write {out}: the folder {folder} does not exist")
    if out.is_dir():
        raise InvalidInput(f"cannot write {out}: it is a folder")
    from core.files import write_target

    try:
        write_target(out)  # a device, a pipe or a socket is refused before any work
    except OSError as exc:
        raise InvalidInput(f"cannot write {out}: {exc.strerror or exc}") from None
    refuse_saved_data(out, args)
    return out


def refuse_saved_data(out: Path, args: argparse.Namespace) -> None:
    """InvalidInput (exit 2) when writing ``out`` would overwrite the saved data of the data
    folder these arguments name (or of any data folder): the one guard of every output path
    (core.files.output_problem), checked without loading the store."""
    from core.files import output_problem, refusal

    problem = output_problem(out, paths.data_dir(getattr(args, "data_dir", None)))
    if problem is not None:
        raise InvalidInput(refusal(out, problem))


def _folder_problem(folder: Path) -> str | None:
    """Why ``folder`` cannot be the data folder ("" when it plainly is not a folder)."""
    try:
        full = folder.resolve()
    except (OSError, RuntimeError) as exc:
        return f": {exc}"
    for system in SYSTEM_FOLDERS:
        root = Path(system)
        if root.is_dir() and (full == root or root in full.parents):
            return f": {system} holds the system's own files"
    existing = next(p for p in (full, *full.parents) if p.exists() or p == p.parent)
    if not existing.is_dir():
        return "" if existing == full else f": {existing} is a file"
    return None


def iso_date(option: str) -> Any:
    def parse(text: str) -> date:
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"{option} must be a real ISO date (YYYY-MM-DD), got {text}") from None
    return parse


def _ranged(option: str, lo: float, hi: float, unit: str, cast: Any) -> Any:
    """An argparse type: ``cast(text)`` within lo–hi, else one line naming the option."""
    def parse(text: str) -> Any:
        try:
            value = cast(text)
        except ValueError:
            value = None
        if value is None or value != value or not lo <= value <= hi:  # value != value: NaN
            suffix = f" {unit}" if unit else ""
            raise argparse.ArgumentTypeError(
                f"{option} must be {lo:g}–{hi:g}{suffix}, got {text}")
        return value
    return parse


def ranged_int(option: str, lo: int, hi: int, unit: str = "") -> Any:
    return _ranged(option, lo, hi, unit, int)


def ranged_float(option: str, lo: float, hi: float, unit: str = "") -> Any:
    return _ranged(option, lo, hi, unit, float)


def add_source_options(p: argparse.ArgumentParser, *, weeks: bool = True) -> None:
    src = p.add_mutually_exclusive_group()
    src.add_argument("--profile", metavar="FILE", help="read the profile from a JSON file")
    src.add_argument("--demo", action="store_true", help="use the built-in sample profile")
    p.add_argument("--start", type=iso_date("--start"), metavar="DATE",
                   help="plan start (snapped to the Monday on or after it)")
    if weeks:
        p.add_argument("--weeks", type=ranged_int("--weeks", *WEEKS_RANGE), metavar="N",
                       help="plan length in weeks, 4–24 (default 12)")


PROFILE_LIMIT = 1024 * 1024  # a profile is a few hundred bytes


def read_profile_file(path: str, *, on: date | None = None) -> Profile:
    """Read and validate a profile JSON file (InvalidInput names what is wrong). Only a
    regular file of at most 1 MB is read: a device or a pipe never makes it wait."""
    from core.files import read_input

    try:
        text = read_input(Path(path), PROFILE_LIMIT).decode("utf-8")
    except FileNotFoundError:
        raise InvalidInput(f"profile file not found: {path}") from None
    except OSError as exc:
        raise InvalidInput(f"cannot read profile file {path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise InvalidInput(f"profile file {path} is not UTF-8 text") from None
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:  # bad JSON, a huge number, deep nesting
        reason = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)
        raise InvalidInput(f"profile file {path} is not valid JSON: {reason}") from None
    return profile_from_dict(data, on=on)


@dataclass
class Source:
    """The profile and plan a command works on, and whether they came from the store."""

    profile: Profile
    plan: Plan
    stored: bool


def open_data(args: argparse.Namespace) -> App:
    """The App over the chosen data folder, with this command's one today."""
    from core.app import open_app

    today: date = args.today
    return open_app(data_dir(args), lambda: today)


def resolve(args: argparse.Namespace, *, week_hint: date | None = None) -> Source:
    """Profile and plan from ``--profile`` / ``--demo`` (never touching stored data) or from
    the store, with the start rules of SPEC §7."""
    from core.planner import build_plan

    weeks = getattr(args, "weeks", None)
    start_opt: date | None = getattr(args, "start", None)
    if args.profile or args.demo:
        start = _start(start_opt, None, week_hint, args.today)
        profile = demo_profile() if args.demo else read_profile_file(args.profile)
        check_age(profile, start)
        return Source(profile, build_plan(profile, start, weeks or 12), stored=False)

    with open_data(args) as app:
        saved = app.queries.saved_profile()
        stored_plan = app.queries.plan()
    if saved is None:
        raise InvalidInput("no saved profile: save one with 'runner-legs profile --set FILE', "
                           "or use --profile FILE or --demo")
    profile = saved
    if (stored_plan is not None and weeks in (None, len(stored_plan.weeks))
            and (start_opt is None or monday_on_or_after(start_opt) == stored_plan.start)):
        return Source(profile, stored_plan, stored=True)
    if stored_plan is not None:  # the user's moves, edits and adapted weeks are not in it
        note(FRESH_PLAN_NOTE)
    start = _start(start_opt, stored_plan.start if stored_plan else None, week_hint,
                   args.today)
    check_age(profile, start)
    length = weeks or (len(stored_plan.weeks) if stored_plan else 12)
    return Source(profile, build_plan(profile, start, length), stored=False)


def judge_finished_weeks(args: argparse.Namespace) -> None:
    """At the first command on or after a Monday, judge the week that has just ended (SPEC
    §3 short weeks) in the saved data; say what changed on stderr, as a note."""
    if getattr(args, "profile", None) or getattr(args, "demo", False):
        return
    with open_data(args) as app:
        change = app.ops.judge_finished_weeks()
    if not change.is_empty:
        note(f"note: {change.summary}")


def _start(option: date | None, stored: date | None, week_hint: date | None,
           today: date) -> date:
    if option is not None:
        try:
            return monday_on_or_after(option)
        except PlanDateError as exc:
            raise InvalidInput(f"--start {option.isoformat()}: {exc}") from None
    if stored is not None:
        return stored
    if week_hint is not None:
        return monday_of(week_hint)
    return monday_on_or_after(today)


def print_json(value: Any) -> None:
    """``value`` as indented JSON on stdout (the ``--format json`` of every command)."""
    import json
    import sys

    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
