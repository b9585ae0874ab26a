"""The main window: a sidebar of pages, the menus, the status bar and the demo banner.

Pages are built the first time they are shown (start-up stays quick). The window polls the
store every couple of seconds and on activation, so a day logged from the command line
shows up without a restart, and a window left open over midnight moves on to the new day.
"""

from __future__ import annotations

import importlib
from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QSettings, QSize, Qt, QTimer, Slot
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QKeySequence,
    QMoveEvent,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QProgressBar,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.app import Change
from core.plan import Week
from desktop.context import AppContext
from desktop.export_actions import Exporter
from desktop.feed import FeedKeeper
from desktop.importer import ActivityImporter
from desktop.style import app_icon, long_day, set_title, sidebar_style, svg_icon
from desktop.tasks import manager
from desktop.widgets.panel import Banner, Panel, Role
from desktop.window_place import default_geometry, keep_on_screen

# (name, sidebar label, module, class)
PAGES: tuple[tuple[str, str, str, str], ...] = (
    ("today", "Today", "desktop.pages.today", "TodayPage"),
    ("calendar", "Calendar", "desktop.pages.calendar", "CalendarPage"),
    ("profile", "Profile", "desktop.pages.profile", "ProfilePage"),
    ("meals", "Meals", "desktop.pages.meals", "MealsPage"),
    ("recovery", "Recovery", "desktop.pages.recovery", "RecoveryPage"),
    ("progress", "Progress", "desktop.pages.progress", "ProgressPage"),
)
PAGE_NAMES = tuple(p[0] for p in PAGES)
# The Go menu's entries, each with its own Alt key (Profile and Progress share a P).
GO_LABELS = {"today": "&Today", "calendar": "&Calendar", "profile": "&Profile",
             "meals": "&Meals", "recovery": "&Recovery", "progress": "Pro&gress"}
GEOMETRY_KEY = "window/geometry"
STATE_KEY = "window/state"
PAGE_KEY = "window/page"
COMPACT_KEY = "window/compact_sidebar"
POLL_MS = 2000
SAVE_DELAY_MS = 500
DEMO_TEXT = "You're looking at a demo plan — set up your profile"


class MainWindow(QMainWindow):
    """Sidebar + stacked pages; File / Edit / Help menus; status bar with a busy bar."""

    def __init__(self, ctx: AppContext, *, remember: bool = True) -> None:
        super().__init__()
        self.ctx = ctx
        self.remember = remember
        self.setObjectName("mainWindow")
        self.setWindowTitle("Runner Legs")
        self.setWindowIcon(app_icon())
        self.pages: dict[str, QWidget] = {}

        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setStyleSheet(sidebar_style())
        self.sidebar.setAccessibleName("Pages")
        for name, label, _, _ in PAGES:
            item = QListWidgetItem(svg_icon(f"page-{name}"), label)
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, label)
            item.setSizeHint(QSize(0, round(self.fontMetrics().height() * 2.3)))
            self.sidebar.addItem(item)
        fm = self.fontMetrics()
        self.page_labels = [label for _, label, _, _ in PAGES]
        self.sidebar.setIconSize(fm.boundingRect("M").size() * 1.4)
        self.sidebar.setFixedWidth(fm.averageCharWidth() * 20)
        self.stack = QStackedWidget()
        self.stack.setObjectName("pages")
        for _ in PAGES:
            self.stack.addWidget(QWidget())

        self.demo_banner = Banner(DEMO_TEXT, "Set up my profile", "#2F6FDE")
        self.demo_banner.setObjectName("demoBanner")
        self.demo_label, self.demo_button = self.demo_banner.label, self.demo_banner.button
        self.demo_button.setAccessibleName("Set up my profile")
        self.demo_button.clicked.connect(lambda: self.show_page("profile"))
        self.notice_banner = Banner("", "OK", "#2E9E5B")
        self.notice_banner.setObjectName("noticeBanner")
        self.notice_label = self.notice_banner.label
        self.notice_banner.button.setAccessibleName("Close the notice")
        self.notice_banner.button.clicked.connect(self.notice_banner.hide)
        self.notice_banner.hide()

        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(8, 8, 8, 0)
        column.addWidget(self.notice_banner)
        column.addWidget(self.demo_banner)
        column.addWidget(self.stack, 1)
        side = Panel(fill=Role.AlternateBase, border=None, radius=0)
        side.setObjectName("sidePanel")
        side_column = QVBoxLayout(side)
        side_column.setContentsMargins(0, 10, 0, 8)
        self.brand = self._brand()
        side_column.addWidget(self.brand)
        side_column.addWidget(self.sidebar, 1)
        self.sidebar_compact: bool = False
        self.collapse_button = QToolButton()
        self.collapse_button.setObjectName("collapseSidebar")
        self.collapse_button.setAutoRaise(True)
        self.collapse_button.clicked.connect(
            lambda: self.set_sidebar_compact(not self.sidebar_compact))
        side_column.addWidget(self.collapse_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._wide_sidebar = fm.averageCharWidth() * 20
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(side)
        layout.addWidget(right, 1)
        self.setCentralWidget(central)

        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(fm.averageCharWidth() * 16)
        self.busy.setAccessibleName("Working")
        self.busy.hide()
        self.statusBar().addPermanentWidget(self.busy)
        manager().busy_changed.connect(self._on_tasks_busy_changed)

        self.exporter = Exporter(self, ctx, self._fridge_week, self.show_status)
        self.importer = ActivityImporter(self, ctx, self.show_status)
        self.importer.take_drops(self)  # activity files dropped anywhere on the window
        self.feed = FeedKeeper(self, ctx, self.show_status)
        self._build_menus()
        self.sidebar.currentRowChanged.connect(self._on_sidebar_row_changed)
        ctx.changed.connect(self._on_ctx_changed)
        ctx.day_changed.connect(self._on_day_changed)
        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(POLL_MS)
        self.poll_timer.timeout.connect(self.poll)
        self.poll_timer.start()
        self.save_timer = QTimer(self)  # resizes and moves come in bursts: save once after
        self.save_timer.setSingleShot(True)
        self.save_timer.setInterval(SAVE_DELAY_MS)
        self.save_timer.timeout.connect(self.save_settings)
        self._update_demo_banner()
        self._restoring = True
        self._restore_settings()
        self._restoring = False
        self.importer.update_actions()
        QTimer.singleShot(0, self.importer.check_watched_folder)  # the watched folder, at start

    def _brand(self) -> QWidget:
        """The app's icon and name above the page list."""
        brand = QWidget()
        row = QHBoxLayout(brand)
        row.setContentsMargins(12, 0, 8, 8)
        side = self.fontMetrics().height() * 2
        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(side, side))
        name = QLabel("Runner Legs")
        set_title(name, 1.15)
        row.addWidget(icon)
        row.addWidget(name, 1)
        brand.setAccessibleName("Runner Legs")
        return brand

    # --- menus ---------------------------------------------------------------------------
    def _action(self, menu: Any, text: str, slot: Any, shortcut: Any = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu("&File")
        ex = self.exporter
        self.fridge_action = self._action(file, "Export &fridge PDF…", ex.export_fridge,
                                          "Ctrl+E")
        self.preview_action = self._action(file, "Print pre&view of the fridge page…",
                                           ex.print_preview)
        self.print_action = self._action(file, "&Print…", ex.print_fridge,
                                         QKeySequence.StandardKey.Print)
        file.addSeparator()
        self.import_action, self.watch_folder_action, self.unwatch_folder_action = \
            self.importer.make_actions()
        file.addActions([self.import_action, self.watch_folder_action,
                         self.unwatch_folder_action])
        file.addSeparator()
        self.plan_action = self._action(file, "Export p&lan PDF…", ex.export_plan)
        self.ics_action = self._action(file, "Export &calendar (.ics)…", ex.export_ics)
        self.history_action = self._action(file, "Export &history as CSV…", ex.export_history)
        self.watch_action = self._action(file, "Export &workouts for a watch…",
                                         ex.export_watch)
        file.addSeparator()
        self.feed_action, self.feed_stop_action = self.feed.make_actions()
        file.addActions([self.feed_action, self.feed_stop_action])
        file.addSeparator()
        self.backup_action = self._action(file, "&Back up…", ex.backup)
        self.restore_action = self._action(file, "&Restore…", ex.restore)
        file.addSeparator()
        self.quit_action = self._action(file, "&Quit", self.close, QKeySequence.StandardKey.Quit)

        edit = self.edit_menu = bar.addMenu("&Edit")
        self.undo_action = self.ctx.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.ctx.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)

        go = self.go_menu = bar.addMenu("&Go")
        for n, (name, _, _, _) in enumerate(PAGES, start=1):
            self._action(go, GO_LABELS[name], lambda _=False, p=name: self.show_page(p),
                         f"Ctrl+{n}")

        help_menu = bar.addMenu("&Help")
        self.guide_action = self._action(help_menu, "&How the plan works", self.open_guide,
                                         QKeySequence.StandardKey.HelpContents)
        self.about_action = self._action(help_menu, "&About Runner Legs", self.show_about)

    # --- pages ---------------------------------------------------------------------------
    def page(self, name: str) -> QWidget:
        """The page called ``name``, built on first use."""
        if name in self.pages:
            return self.pages[name]
        row = PAGE_NAMES.index(name)
        _, _, module_name, class_name = PAGES[row]
        cls = getattr(importlib.import_module(module_name), class_name)
        page: QWidget = cls(self.ctx)
        guide = getattr(page, "guide_requested", None)
        if guide is not None:
            guide.connect(self.open_guide)
        moves = getattr(page, "move_actions", None)
        if moves:  # the calendar's keyboard moves, listed where people look for them
            self.edit_menu.addSeparator()
            self.edit_menu.addActions(moves)
        placeholder = self.stack.widget(row)
        self.stack.insertWidget(row, page)
        if placeholder is not None:
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
        self.pages[name] = page
        return page

    def show_page(self, name: str) -> QWidget:
        """Bring page ``name`` forward (and select it in the sidebar). Leaving the Profile page
        with unsaved edits asks first; Cancel stays on it."""
        current = self.current_page_name()
        if current and current != name and not self._settle(current):
            self.sidebar.blockSignals(True)
            self.sidebar.setCurrentRow(PAGE_NAMES.index(current))
            self.sidebar.blockSignals(False)
            return self.pages[current]
        page = self.page(name)
        self.stack.setCurrentWidget(page)
        row = PAGE_NAMES.index(name)
        if self.sidebar.currentRow() != row:
            self.sidebar.setCurrentRow(row)
        self.save_settings()
        return page

    def _settle(self, name: str) -> bool:
        """Let page ``name`` deal with unsaved edits; True when it may be left."""
        settle = getattr(self.pages.get(name), "settle_unsaved", None)
        return True if settle is None else bool(settle())

    def current_page_name(self) -> str:
        for name, page in self.pages.items():
            if page is self.stack.currentWidget():
                return name
        return ""

    def _fridge_week(self) -> Week:
        calendar = self.pages.get("calendar")
        if calendar is not None and self.current_page_name() == "calendar":
            return calendar.selected_week()  # type: ignore[attr-defined, no-any-return]
        return self.ctx.plan().current_week(self.ctx.today())

    # --- status and banner ---------------------------------------------------------------
    def show_status(self, text: str, msecs: int = 8000) -> None:
        self.statusBar().showMessage(text, msecs)

    def show_notice(self, text: str) -> None:
        """Something the user must not miss (a backup restored at start-up): a banner that
        stays until closed, and the status bar."""
        self.notice_banner.set_text(text)
        self.notice_banner.show()
        self.show_status(text, 30000)

    def _update_demo_banner(self) -> None:
        self.demo_banner.setVisible(self.ctx.is_demo())

    @Slot(object, object)
    def _on_ctx_changed(self, change: Change | None, initiator: object) -> None:
        summary = change.summary if change is not None else ""
        if change is None:
            summary = "Updated with changes made outside the app"
        if summary:
            self.show_status(summary)
        self._update_demo_banner()

    @Slot(object)
    def _on_day_changed(self, ended: date) -> None:
        today = self.ctx.today()
        self.show_status(f"It is {long_day(today)} now: Today, the checklist "
                         "and the calendar have moved on to the new day.")

    @Slot(bool)
    def _on_tasks_busy_changed(self, busy: bool) -> None:
        self.busy.setVisible(busy)

    @Slot(int)
    def _on_sidebar_row_changed(self, row: int) -> None:
        if 0 <= row < len(PAGES):
            self.show_page(PAGES[row][0])

    @Slot()
    def poll(self) -> bool:
        """Notice a new day, and pick up writes made by another process (the command line);
        True when another process wrote."""
        self.ctx.check_day()
        if self.importer.running:  # its batches are announced when it ends
            return False
        try:
            return self.ctx.poll_external()
        except Exception as exc:  # a locked or vanished file must not crash the window
            self.show_status(f"Could not check for outside changes: {exc}")
            return False

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.poll()
            self.importer.check_watched_folder()

    # --- help ----------------------------------------------------------------------------
    @Slot()
    def open_guide(self, anchor: str = "") -> None:
        from desktop.dialogs.guide import GuideDialog

        GuideDialog.ask(self, anchor if isinstance(anchor, str) else "")

    @Slot()
    def show_about(self) -> None:
        from desktop.dialogs.about import AboutBox

        AboutBox.ask(self)

    # --- settings ------------------------------------------------------------------------
    def _restore_settings(self) -> None:
        settings = QSettings()
        geometry = settings.value(GEOMETRY_KEY)
        if geometry is None or not self.restoreGeometry(geometry):
            default_geometry(self)
        self.set_sidebar_compact(bool(settings.value(COMPACT_KEY, False, bool)))
        page = settings.value(PAGE_KEY, "", str)
        self.show_page(page if page in PAGE_NAMES else "today")
        self.fit_to_screen()

    def set_sidebar_compact(self, compact: bool) -> None:
        """Icons only (more room for the page on a small or zoomed screen), or icons and
        names; each icon keeps its name as a tooltip and for screen readers."""
        self.sidebar_compact = compact
        for row, label in enumerate(self.page_labels):
            item = self.sidebar.item(row)
            if item is not None:
                item.setText("" if compact else label)
                item.setToolTip(label if compact else "")
        icon = self.sidebar.iconSize().width()
        self.sidebar.setFixedWidth(icon + 28 if compact else self._wide_sidebar)
        self.brand.setVisible(not compact)
        self.collapse_button.setText("»" if compact else "« Hide names")
        self.collapse_button.setAccessibleName("Show page names" if compact
                                               else "Hide page names")
        self.collapse_button.setToolTip(self.collapse_button.accessibleName())
        self.save_settings()

    def fit_to_screen(self) -> None:
        """Never larger than the screen's free area, and on it."""
        keep_on_screen(self)

    def save_settings(self) -> None:
        """Remember the window's place and size and the page (also while running, so a
        crash or a kill keeps them)."""
        if not self.remember or self._restoring:
            return
        settings = QSettings()
        settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        settings.setValue(PAGE_KEY, self.current_page_name())
        settings.setValue(COMPACT_KEY, self.sidebar_compact)
        settings.sync()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self.fit_to_screen)  # once the frame's size is known

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.remember:
            self.save_timer.start()

    def moveEvent(self, event: QMoveEvent) -> None:
        super().moveEvent(event)
        if self.remember:
            self.save_timer.start()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not all(self._settle(name) for name in list(self.pages)):
            event.ignore()
            return
        self.save_timer.stop()
        self.save_settings()
        self.poll_timer.stop()
        self.importer.cancel()
        manager().wait(10000)
        self.exporter.cleanup()
        super().closeEvent(event)
