"""Every file the app writes from the plan: the fridge-door page, the plan PDF, the
calendar file, the calendar feed kept current and the workout files for a watch. Both faces call these, so both say the same things (the missing-glyph note
too). reportlab and icalendar are imported only when an export runs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.plan import Plan, Week
from core.profile import Profile

if TYPE_CHECKING:
    from core.app.queries import Queries
    from core.weight_trend import Progress


# The store setting naming the calendar feed ("" or missing: none). It names a file on this
# machine, so a restore keeps this machine's value (core.store.backup.MACHINE_SETTINGS).
FEED_SETTING = "calendar_feed"


@dataclass(frozen=True)
class Exported:
    """The file written and the notes for the user (e.g. characters no font has)."""

    path: Path
    notes: tuple[str, ...] = ()


def export_error_type() -> type[OSError]:
    """The error an export raises with a one-line message naming the file."""
    from core.export.atomic import ExportError

    return ExportError


def _name_notes(profile: Profile) -> tuple[str, ...]:
    from core.export.text import missing_note

    note = missing_note(profile.name)
    return (note,) if note else ()


def fridge_pdf(out: Path, profile: Profile, week: Week, *, paper: str = "a4") -> Exported:
    """One week on one landscape page (SPEC §6)."""
    from core.export.fridge_pdf import write_fridge_pdf

    return Exported(write_fridge_pdf(out, profile, week, paper=paper), _name_notes(profile))


def plan_pdf(out: Path, profile: Profile, plan: Plan, *, paper: str = "a4",
             progress: Progress | None = None) -> Exported:
    """The whole plan, a week per page (the cover shows the weight trend of ``progress``)."""
    from core.export.plan_pdf import write_plan_pdf

    return Exported(write_plan_pdf(out, profile, plan, paper=paper, progress=progress),
                    _name_notes(profile))


def ics(out: Path, profile: Profile, plan: Plan) -> Exported:
    """One all-day event per session that is not rest (RFC 5545)."""
    from core.export.ics import write_ics

    return Exported(write_ics(out, profile, plan))


@dataclass(frozen=True)
class ExportedFiles:
    """Several files written into one folder, in the order written."""

    folder: Path
    files: tuple[Path, ...]
    notes: tuple[str, ...] = ()


def fit_workouts(folder: Path, week: Week, *, created: datetime | None = None) -> ExportedFiles:
    """One FIT workout file per run session of ``week`` into ``folder`` (made when missing),
    named ``YYYY-MM-DD-KIND.fit`` (SPEC §6)."""
    from core.export.fit_workout import write_week_workouts

    files = write_week_workouts(folder, week, created or datetime.now(UTC))
    return ExportedFiles(Path(folder), tuple(files))


def feed(path: Path, profile: Profile, plan: Plan, *, first: bool = False) -> bool:
    """Rewrite the calendar feed at ``path`` (SPEC §6) in one atomic step; False when it
    already held exactly this. ``first``: the file is being named, so refuse a folder, a
    missing folder or another program's calendar before anything is written."""
    from core.export import ics_feed

    if first:
        ics_feed.check_target(path)
    return ics_feed.write_feed(path, profile, plan)


def default_paper_for_locale(locale_name: str) -> str:
    """"letter" for the locales that use US Letter paper, else "a4"."""
    from core.export.pdf_style import default_paper_for_locale as paper

    return paper(locale_name)


def history_csv(days: list[dict[str, Any]], *, decimal_comma: bool = False) -> str:
    """SPEC §7 ``history --format csv``: the history rows as CSV text (``decimal_comma``:
    ``;`` between cells and 7,5, for spreadsheets in languages that write decimals so)."""
    from core.export.history_csv import history_csv as csv_text

    return csv_text(days, decimal_comma=decimal_comma)


def history_csv_file(out: Path, days: list[dict[str, Any]], *,
                     decimal_comma: bool = False) -> Exported:
    """The history rows as a CSV file (File → Export history as CSV…)."""
    from core.export.history_csv import write_history_csv

    return Exported(write_history_csv(out, days, decimal_comma=decimal_comma))


class Exports:
    """The exports of the saved profile and plan (the week shown or the current one)."""

    def __init__(self, queries: Queries, today: Callable[[], date]) -> None:
        self._queries = queries
        self._today = today

    def _saved(self) -> tuple[Profile, Plan]:
        plan = self._queries.plan()
        if plan is None:
            from core.errors import RequestError

            raise RequestError("no_plan", {}, "there is no saved plan to export yet")
        return self._queries.profile(), plan

    def current_week(self) -> Week:
        _, plan = self._saved()
        return plan.current_week(self._today())

    def fridge_pdf(self, out: Path, week: Week | None = None, *, paper: str = "a4") -> Exported:
        profile, plan = self._saved()
        return fridge_pdf(out, profile, week or plan.current_week(self._today()), paper=paper)

    def plan_pdf(self, out: Path, *, paper: str = "a4") -> Exported:
        profile, plan = self._saved()
        return plan_pdf(out, profile, plan, paper=paper, progress=self._queries.progress())

    def ics(self, out: Path) -> Exported:
        profile, plan = self._saved()
        return ics(out, profile, plan)

    def history_file(self, out: Path, decimal_comma: bool = False) -> Exported:
        """Every logged day as a CSV file (read and written together, so a window can do
        both off its UI thread: five years of history take tens of milliseconds to read)."""
        return history_csv_file(out, self._queries.history(), decimal_comma=decimal_comma)

    def fit_workouts(self, folder: Path, week: Week | None = None) -> ExportedFiles:
        """The week's (default: the current week's) runs as watch workouts."""
        return fit_workouts(folder, week or self.current_week())

    def feed_path(self) -> Path | None:
        """The calendar file kept current, or None."""
        value = self._queries.setting(FEED_SETTING)
        return Path(value) if value else None

    def name_feed(self, path: Path) -> Path:
        """Write a newly named feed from the saved plan (ExportError / RequestError naming
        the problem, nothing written); the caller then stores the name (Operations.set_feed)."""
        profile, plan = self._saved()
        path = Path(path).expanduser().absolute()
        feed(path, profile, plan, first=True)
        return path

    def refresh_feed(self) -> Path | None:
        """Rewrite the named feed from the saved plan; its path, or None when no feed is
        named or there is no plan. ExportError (one line naming the file) on failure."""
        path = self.feed_path()
        plan = self._queries.plan()
        if path is None or plan is None:
            return None
        feed(path, self._queries.profile(), plan)
        return path
