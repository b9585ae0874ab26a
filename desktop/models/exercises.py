"""A table of a strength session's exercises: name, sets and reps (SPEC §3 rule 8)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from core.plan import Session

Index = QModelIndex | QPersistentModelIndex
HEADERS = ("Exercise", "Sets", "Reps")


def exercise_rows(session: Session | None) -> list[tuple[str, str, str]]:
    """(name, sets, reps) for each exercise of ``session`` (empty when it has none)."""
    if session is None:
        return []
    rows = []
    for item in session.details.get("exercises") or []:
        if isinstance(item, dict):
            rows.append((str(item.get("name", "")), str(item.get("sets", "")),
                         str(item.get("reps", ""))))
    return rows


def exercise_names(session: Session) -> list[str]:
    """The names of a strength session's exercises (shown in the sets × reps table)."""
    return [str(e.get("name", "")) for e in session.details.get("exercises") or []
            if isinstance(e, dict) and e.get("name")]


def structure_lines(session: Session) -> list[str]:
    """What to do in words, without the exercises the table already lists."""
    names = exercise_names(session)
    return [line for line in session.structure
            if not any(line.startswith(f"{name}:") or line == name for name in names)]


class ExercisesModel(QAbstractTableModel):
    """Read-only rows of exercises for one session."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, str, str]] = []

    def set_session(self, session: Session | None) -> None:
        self.beginResetModel()
        self._rows = exercise_rows(session)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        name, sets, reps = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return (name, sets, reps)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{name}: {sets} sets × {reps} reps"
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(HEADERS)):
            return HEADERS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
