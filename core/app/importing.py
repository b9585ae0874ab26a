"""Importing activity files (SPEC §9) for both faces: read the paths (pure, in
core.activities), then hand the activities to the store in batches, one transaction per
batch, with progress and a cancel hook. Safe to run on a worker thread (the store keeps one
connection per thread)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from core.activities.matching import Matched, import_summary
from core.activities.model import Activity, Refused

if TYPE_CHECKING:
    from core.changes import Change

BATCH_FILES = 250  # files read before one write: a crash or a cancel loses at most these


class Importer(Protocol):
    """The part of the repository an import needs."""

    def import_activities(self, activities: Sequence[Activity]) -> Any: ...


@dataclass
class ImportReport:
    """What an import did: each activity with the file it came from, the refusals, the
    days it changed, and whether it was cancelled before the end."""

    imported: list[tuple[str, Matched]] = field(default_factory=list)
    refused: list[Refused] = field(default_factory=list)
    days: set[date] = field(default_factory=set)
    done: int = 0
    total: int = 0
    cancelled: bool = False

    @property
    def read_any(self) -> bool:
        return bool(self.imported)

    def change(self) -> Change:
        """The Change to announce: the days imported into (a mark adapts nothing at once)."""
        from core.changes import Change

        return Change(days=frozenset(self.days), summary=self.summary())

    def summary(self) -> str:
        """One sentence for a status bar or a terminal."""
        if not self.imported:
            if not self.refused:
                return "No activity files found" + (" (cancelled)" if self.cancelled else "")
            first = self.refused[0]
            more = f" (and {len(self.refused) - 1} more refused)" if len(self.refused) > 1 else ""
            return f"No activity imported: {first.file}: {first.reason}{more}"
        text = import_summary([m for _, m in self.imported])
        if self.refused:
            text += f"; {len(self.refused)} {'file' if len(self.refused) == 1 else 'files'} refused"
        if self.cancelled:
            text += f" (cancelled after {self.done} of {self.total} files)"
        return text


def import_paths(repo: Importer, paths: Iterable[Path | str], today: date,
                 tz: tzinfo | None = None, cancelled: Callable[[], bool] | None = None,
                 progress: Callable[[int, int], None] | None = None,
                 batch_files: int = BATCH_FILES) -> ImportReport:
    """Read ``paths`` and import what they hold; ``progress(done, total)`` after each file."""
    from core.activities.read import list_sources, read_sources

    sources = list_sources(paths)
    report = ImportReport(total=len(sources))
    if progress is not None:
        progress(0, report.total)
    pending: list[tuple[str, Activity]] = []
    files_in_batch = 0
    for result in read_sources(sources, today, tz, cancelled):
        report.done = result.done
        if result.refused is not None:
            report.refused.append(result.refused)
        pending.extend((result.source, a) for a in result.activities)
        files_in_batch += 1
        if files_in_batch >= batch_files:
            _write(repo, pending, report)
            pending, files_in_batch = [], 0
        if progress is not None:
            progress(result.done, report.total)
    report.cancelled = report.done < report.total
    _write(repo, pending, report)
    return report


def _write(repo: Importer, pending: list[tuple[str, Activity]], report: ImportReport) -> None:
    if not pending:
        return
    done = repo.import_activities([a for _, a in pending])
    report.imported.extend((file, m) for (file, _), m in zip(pending, done.results,
                                                              strict=True))
    report.days |= set(done.change.days)

