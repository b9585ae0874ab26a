"""Read-only table adapters over core results: a week's meal targets, weekly progress, weights.

Each model shows numbers core computed; it only formats them (whole units, display units).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from core.nutrition import DayTargets, whole
from core.plan import Session
from core.units import format_water, weight_in, weight_unit
from core.wording import month_year, short_day
from desktop.style import kind_color

Index = QModelIndex | QPersistentModelIndex
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


@dataclass(frozen=True)
class Column:
    title: str
    text: Callable[[Any], str]
    numeric: bool = False


class RowsModel(QAbstractTableModel):
    """A list of rows shown through ``Column`` formatters; ``UserRole`` gives the row object."""

    columns: Sequence[Column] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_object(self, row: int) -> Any:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.columns[section].title
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return RIGHT if self.columns[section].numeric else LEFT
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows) \
                or not 0 <= index.column() < len(self.columns):
            return None
        row, col = self._rows[index.row()], self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return col.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if col.numeric else LEFT
        if role == Qt.ItemDataRole.UserRole:
            return row
        return self.extra(row, index.column(), role)

    def extra(self, row: Any, column: int, role: int) -> Any:
        """Further roles (font, tooltip, decoration) for subclasses."""
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


@dataclass(frozen=True)
class TargetRow:
    """One day of the meals week table: the targets and the session that drives them."""

    targets: DayTargets
    session: Session | None
    units: str = "metric"
    today: bool = False


def session_text(session: Session | None) -> str:
    if session is None or session.kind == "rest":
        return "Rest"
    return f"{session.title} · {session.minutes} min"


class TargetsModel(RowsModel):
    """A week of DayTargets, one row per day."""

    columns = (
        Column("Day", lambda r: short_day(r.targets.date)),
        Column("Session", lambda r: session_text(r.session)),
        Column("Calories", lambda r: f"{whole(r.targets.kcal):,} kcal"
               + (f" ({r.targets.floor_label})" if r.targets.capped else ""), numeric=True),
        Column("Protein", lambda r: f"{whole(r.targets.protein_g)} g", numeric=True),
        Column("Carbs", lambda r: f"{whole(r.targets.carbs_g)} g", numeric=True),
        Column("Fat", lambda r: f"{whole(r.targets.fat_g)} g", numeric=True),
        Column("Water", lambda r: format_water(r.targets.water_ml, r.units), numeric=True),
        Column("Electrolytes", lambda r: "Yes" if r.targets.electrolytes else "—"),
    )

    def extra(self, row: TargetRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole and row.today:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(row.targets.warnings) or None
        if role == Qt.ItemDataRole.DecorationRole and column == 1:
            return kind_color(row.session.kind if row.session else "rest")
        return None

    def row_for(self, day: date) -> int:
        for i, r in enumerate(self._rows):
            if r.targets.date == day:
                return i
        return -1


def _pct(done: int, planned: int) -> str:
    return f"{round(100 * done / planned)} %" if planned else "—"


class ProgressModel(RowsModel):
    """Weekly planned versus done, one ``core.progress.WeekProgress`` per row."""

    columns = (
        Column("Week of", lambda w: f"{w.week_start.day} {month_year(w.week_start, short=True)}"),
        Column("Planned", lambda w: f"{w.planned_minutes} min", numeric=True),
        Column("Done", lambda w: f"{w.done_minutes} min", numeric=True),
        Column("Done %", lambda w: _pct(w.done_minutes, w.planned_minutes), numeric=True),
        Column("Strength", lambda w: f"{w.strength_done} of {w.strength_planned}", numeric=True),
        Column("Sessions done", lambda w: str(w.sessions_done), numeric=True),
        Column("Skipped", lambda w: str(w.sessions_skipped), numeric=True),
    )


@dataclass(frozen=True)
class WeightRow:
    day: date
    kg: float
    units: str = "metric"


class WeightModel(RowsModel):
    """Logged body weights, in the display unit."""

    columns = (
        Column("Date", lambda r: f"{short_day(r.day)} {r.day.year}"),
        Column("Weight", lambda r: f"{weight_in(r.kg, r.units):.1f} {weight_unit(r.units)}",
               numeric=True),
    )
