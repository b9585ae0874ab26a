"""Every file the app writes from the plan: the fridge-door page, the plan PDF and the
calendar file. Both faces call these, so both say the same things (the missing-glyph note
too). reportlab and icalendar are imported only when an export runs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.plan import Plan, Week
from core.profile import Profile

if TYPE_CHECKING:
    from core.app.queries import Queries


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


def plan_pdf(out: Path, profile: Profile, plan: Plan, *, paper: str = "a4") -> Exported:
    """The whole plan, a week per page."""
    from core.export.plan_pdf import write_plan_pdf

    return Exported(write_plan_pdf(out, profile, plan, paper=paper), _name_notes(profile))


def ics(out: Path, profile: Profile, plan: Plan) -> Exported:
    """One all-day event per session that is not rest (RFC 5545)."""
    from core.export.ics import write_ics

    return Exported(write_ics(out, profile, plan))


def default_paper_for_locale(locale_name: str) -> str:
    """"letter" for the locales that use US Letter paper, else "a4"."""
    from core.export.pdf_style import default_paper_for_locale as paper

    return paper(locale_name)


def history_csv(days: list[dict[str, Any]]) -> str:
    """SPEC §7 ``history --format csv``: the history rows as CSV text."""
    from core.export.history_csv import history_csv as csv_text

    return csv_text(days)


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
        return plan_pdf(out, profile, plan, paper=paper)

    def ics(self, out: Path) -> Exported:
        profile, plan = self._saved()
        return ics(out, profile, plan)
