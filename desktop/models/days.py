"""The calendar's model: one row per shown day, over plain core dataclasses.

A :class:`DayInfo` bundles what a calendar cell shows (the session, its outcome, the night's
check-in, an adaptation offer). The model also carries drags: a session travels as its date
under :data:`SESSION_MIME`; dropping it on another day of the same week asks for a move.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from core.activities.display import effort_facts
from core.activities.model import Activity
from core.checkin import CheckIn, Outcome
from core.plan import Session
from core.week_check import within_reach
from core.wording import weekday
from desktop.style import format_minutes, kind_icon, kind_label, long_day

SESSION_MIME = "application/x-runner-legs-session"

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class DayInfo:
    """Everything one calendar cell shows about a day."""

    date: date
    session: Session | None = None
    outcome: Outcome | None = None
    checkin: CheckIn | None = None
    offer: Any = None  # core.recovery.Offer for this day, if any
    in_plan: bool = False
    is_today: bool = False
    in_month: bool = True
    activities: tuple[Activity, ...] = ()  # imported, matching no session of the day
    units: str = "metric"

    def outcome_facts(self) -> list[str]:
        """Distance, pace and heart rate of an imported session (empty when typed in)."""
        o = self.outcome
        if o is None or o.status != "done":
            return []
        return effort_facts(o.minutes, o.distance_km, o.avg_hr, self.units)

    def activity_lines(self) -> list[str]:
        """Each activity outside the plan: "Cycling 1 h · 25.00 km · 25.0 km/h"."""
        return [" · ".join([f"{a.sport.capitalize()} {format_minutes(a.minutes)}",
                            *effort_facts(a.minutes, a.distance_km, a.avg_hr, self.units,
                                          a.sport)])
                for a in self.activities]

    @property
    def status(self) -> str:
        """``done``, ``skipped`` or ``""``."""
        return self.outcome.status if self.outcome is not None else ""

    @property
    def sleep_logged(self) -> bool:
        return self.checkin is not None and self.checkin.sleep_hours is not None

    def describe(self) -> str:
        """The day in one sentence, for screen readers and tooltips."""
        parts = [long_day(self.date)]
        if self.is_today:
            parts[0] += " (today)"
        if not self.in_plan or self.session is None:
            parts.append("outside the plan")
        else:
            s = self.session
            what = s.title if s.kind != "rest" else "Rest day"
            if s.minutes > 0:
                what += f", {format_minutes(s.minutes)}"
            parts.append(what)
            if self.outcome is not None:
                done = self.outcome.status
                if self.outcome.minutes is not None and done == "done":
                    done += f", {format_minutes(self.outcome.minutes)}"
                for fact in self.outcome_facts():
                    done += f", {fact}"
                if self.outcome.rpe is not None:
                    done += f", effort {self.outcome.rpe} of 10"
                parts.append(done)
            if s.edited:
                parts.append("changed by you")
        if self.sleep_logged and self.checkin is not None:
            parts.append(f"slept {self.checkin.sleep_hours:g} h")
        if self.offer is not None:
            parts.append("an easier session is offered")
        parts.extend(f"also {line}" for line in self.activity_lines())
        return ": ".join(parts[:2]) + ("; " + "; ".join(parts[2:]) if parts[2:] else "")


class DaysModel(QAbstractListModel):
    """A flat list of days (7 for a week, 42 for a month grid), Monday first."""

    DateRole = Qt.ItemDataRole.UserRole + 1
    InfoRole = Qt.ItemDataRole.UserRole + 2
    KindRole = Qt.ItemDataRole.UserRole + 3

    session_dropped = Signal(object, object)  # (from date, to date)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._days: list[DayInfo] = []

    # --- content -------------------------------------------------------------------------
    def set_days(self, days: list[DayInfo]) -> None:
        """Replace every day (a new week or month)."""
        self.beginResetModel()
        self._days = list(days)
        self.endResetModel()

    def update_days(self, days: list[DayInfo]) -> None:
        """Same dates, fresh content: refresh cells in place so the selection stays."""
        if [d.date for d in days] != [d.date for d in self._days]:
            self.set_days(days)
            return
        self._days = list(days)
        if days:
            self.dataChanged.emit(self.index(0), self.index(len(days) - 1))

    def days(self) -> list[DayInfo]:
        return list(self._days)

    def day(self, row: int) -> DayInfo:
        return self._days[row]

    def row_of(self, day: date) -> int:
        """The row showing ``day``, or -1."""
        for row, info in enumerate(self._days):
            if info.date == day:
                return row
        return -1

    # --- Qt model ------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._days)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._days):
            return None
        info = self._days[index.row()]
        s = info.session
        if role == Qt.ItemDataRole.DisplayRole:
            if s is None or not info.in_plan:
                return f"{weekday(info.date, short=True)} {info.date.day}"
            return f"{weekday(info.date, short=True)} {info.date.day}: {s.title}"
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return info.describe()
        if role == Qt.ItemDataRole.DecorationRole:
            return kind_icon(s.kind) if s is not None and info.in_plan else None
        if role == self.DateRole:
            return info.date
        if role == self.InfoRole:
            return info
        if role == self.KindRole:
            return s.kind if s is not None else ""
        return None

    def roleNames(self) -> dict[int, QByteArray]:
        names = dict(super().roleNames())
        names[self.DateRole] = QByteArray(b"date")
        names[self.InfoRole] = QByteArray(b"info")
        names[self.KindRole] = QByteArray(b"kind")
        return names

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        info = self._days[index.row()]
        if info.in_plan and info.session is not None:
            flags |= Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
        return flags

    # --- drag and drop -------------------------------------------------------------------
    def mimeTypes(self) -> list[str]:
        return [SESSION_MIME]

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        """The dragged session, as its date (ISO) under SESSION_MIME."""
        mime = QMimeData()
        valid = [i for i in indexes if i.isValid()]
        if valid:
            day = self._days[valid[0].row()].date
            mime.setData(SESSION_MIME, QByteArray(day.isoformat().encode()))
            mime.setText(day.isoformat())
        return mime

    @staticmethod
    def dragged_date(mime: QMimeData) -> date | None:
        """The date carried by a drag, or None when it is not one of ours."""
        if not mime.hasFormat(SESSION_MIME):
            return None
        try:
            return date.fromisoformat(bytes(mime.data(SESSION_MIME).data()).decode())
        except ValueError:
            return None

    def drop_target(self, mime: QMimeData, index: Index) -> tuple[date, date] | None:
        """(from, to) when ``mime`` may be dropped on ``index``: another day of the plan in
        the same week or the week next to it (core.week_check.within_reach)."""
        src = self.dragged_date(mime)
        if src is None or not index.isValid():
            return None
        info = self._days[index.row()]
        if not info.in_plan or info.session is None or info.date == src:
            return None
        if not within_reach(src, info.date):
            return None
        return src, info.date

    def _drop_index(self, row: int, parent: Index) -> Index:
        if parent.isValid():
            return parent
        return self.index(row) if 0 <= row < len(self._days) else QModelIndex()

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: Index) -> bool:
        return self.drop_target(data, self._drop_index(row, parent)) is not None

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: Index) -> bool:
        """Announce the move; the page makes it through the undo stack (rows never change)."""
        target = self.drop_target(data, self._drop_index(row, parent))
        if target is None:
            return False
        self.session_dropped.emit(*target)
        return True


def kind_text(info: DayInfo) -> str:
    """Short label for a cell: title, or the kind's name."""
    if info.session is None:
        return ""
    return info.session.title or kind_label(info.session.kind)
