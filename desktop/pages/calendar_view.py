"""The calendar grid: a list view laid out as 7 columns, one cell per day.

Week mode shows one tall row; month mode six shorter ones. Arrow keys move a day or a week
(crossing into the next week or month asks the page to turn), Enter opens the day, and a
session can be dragged onto another day of its week.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QAction, QDrag, QKeyEvent, QKeySequence, QPixmap, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from desktop.models.days import DaysModel
from desktop.pages.calendar_cell import DayDelegate

Index = QModelIndex | QPersistentModelIndex


def page_actions(page: QWidget, specs: Sequence[tuple[str, Sequence[str], Callable[[], object]]]
                 ) -> list[QAction]:
    """The page's keyboard actions, window-wide so they work with focus anywhere in the
    window (the sidebar too); the page enables them only while it is shown."""
    actions = []
    for text, keys, slot in specs:
        action = QAction(text, page)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setToolTip(f"{text} ({keys[0]})")
        action.setEnabled(page.isVisible())
        action.triggered.connect(slot)
        page.addAction(action)
        actions.append(action)
    return actions


class DayGrid(QListView):
    """Seven columns of days; emits ``date_requested`` to leave the shown range."""

    date_requested = Signal(object)  # a date outside the shown days
    day_activated = Signal(object)  # Enter / double-click on a day
    move_refused = Signal(str)  # why a drop cannot happen

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode = "week"
        self.setObjectName("calendarGrid")
        self.setAccessibleName("Calendar days")
        self.setViewMode(QListView.ViewMode.ListMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragDropOverwriteMode(True)  # a drop lands ON a day, never between days
        self.setMouseTracking(True)
        self.setFrameShape(QListView.Shape.NoFrame)
        self.setItemDelegate(DayDelegate(self, self))
        self.doubleClicked.connect(lambda index: self.day_activated.emit(self._date(index)))

    def days_model(self) -> DaysModel:
        model = self.model()
        assert isinstance(model, DaysModel)
        return model

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        self._update_grid()

    def _rows(self) -> int:
        return max(1, (self.model().rowCount() + 6) // 7) if self.model() else 1

    def _update_grid(self) -> None:
        fm = self.fontMetrics()
        area = self.maximumViewportSize()
        lines = 9 if self.mode == "week" else 3
        height = max(fm.height() * lines, (area.height() - 2) // self._rows())
        room = area.width() - 2
        if height * self._rows() > area.height():  # a scroll bar will take its share:
            room -= self.verticalScrollBar().sizeHint().width()  # still seven days a row
        width = max(1, room // 7)  # seven days a row, however narrow the grid
        self.setGridSize(QSize(width, height))
        self.doItemsLayout()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_grid()

    def minimumSizeHint(self) -> QSize:
        fm = self.fontMetrics()
        # Small enough for a 1366 × 800 screen at 200 % (683 × 400 logical pixels).
        return QSize(fm.averageCharWidth() * 8 * 7, fm.height() * (9 if self.mode == "week"
                                                                   else 3 * 6))

    def sizeHint(self) -> QSize:
        fm = self.fontMetrics()
        return QSize(fm.averageCharWidth() * 14 * 7, fm.height() * (14 if self.mode == "week"
                                                                    else 5 * 6))

    def reset(self) -> None:
        super().reset()
        self._update_grid()

    # --- keyboard ------------------------------------------------------------------------
    def _date(self, index: Index) -> date | None:
        value = index.data(DaysModel.DateRole) if index.isValid() else None
        return value if isinstance(value, date) else None

    def select_date(self, day: date) -> bool:
        """Make ``day`` the current, selected cell; False when it is not shown."""
        row = self.days_model().row_of(day)
        if row < 0:
            return False
        self.setCurrentIndex(self.days_model().index(row))
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        current = self._date(self.currentIndex())
        key = event.key()
        if event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                | Qt.KeyboardModifier.AltModifier):
            super().keyPressEvent(event)
            return
        steps = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -7,
                 Qt.Key.Key_Down: 7}
        if key in steps and current is not None:
            target = current + timedelta(days=steps[Qt.Key(key)])
            if not self.select_date(target):
                self.date_requested.emit(target)
            event.accept()
            return
        if key in (Qt.Key.Key_Home, Qt.Key.Key_End) and current is not None:
            monday = current - timedelta(days=current.weekday())
            self.select_date(monday if key == Qt.Key.Key_Home else monday + timedelta(days=6))
            event.accept()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and current:
            self.day_activated.emit(current)
            event.accept()
            return
        super().keyPressEvent(event)

    # --- drag and drop -------------------------------------------------------------------
    def startDrag(self, supportedActions: Qt.DropAction) -> None:
        index = self.currentIndex()
        if not index.isValid() or not (self.model().flags(index)
                                        & Qt.ItemFlag.ItemIsDragEnabled):
            return
        mime = self.model().mimeData([index])
        drag = QDrag(self)
        drag.setMimeData(mime)
        pixmap = self._drag_pixmap(index)
        drag.setPixmap(pixmap)
        drag.setHotSpot(pixmap.rect().center())
        drag.exec(Qt.DropAction.MoveAction, Qt.DropAction.MoveAction)

    def _drag_pixmap(self, index: Index) -> QPixmap:
        rect = self.visualRect(index)
        pixmap = self.viewport().grab(rect)
        return pixmap.scaled(pixmap.size() * 0.8, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)

    def dragMoveEvent(self, event: object) -> None:
        super().dragMoveEvent(event)  # type: ignore[arg-type]
        pos = event.position().toPoint()  # type: ignore[attr-defined]
        index = self.indexAt(pos)
        mime = event.mimeData()  # type: ignore[attr-defined]
        src = DaysModel.dragged_date(mime)
        dst = self._date(index)
        if src is not None and dst is not None and dst != src and \
                self.days_model().drop_target(mime, index) is None:
            self.move_refused.emit("A session can move to another day of its own week or of "
                                   "the week next to it.")
