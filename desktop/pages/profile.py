"""The Profile page: edit SPEC §2 with live validation, save to regenerate the plan."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.app import Change
from core.nutrition import day_targets
from core.plan import Plan, monday_on_or_after
from core.planner import minutes_run
from core.profile import LEVELS, Profile, ProfileError, profile_from_dict
from desktop.context import AppContext
from desktop.dialogs.messages import UnsavedChanges
from desktop.pages.common import (
    Notice,
    heading,
    muted,
    plan_ended,
    plan_ended_text,
    scrolling,
    start_new_plan,
    store_note,
)
from desktop.pages.profile_fields import describe_changes, field_errors, join_changes
from desktop.pages.profile_form import ProfileForm

DEMO_NOTE = ("You are looking at the demo profile, so you can try the app straight away. "
             "Put in your own details and press Save: the profile and a fresh plan become yours.")


class ProfilePage(QWidget):
    """The runner's details; Save validates through core, stores, and rebuilds the plan."""

    profile_saved = Signal(object)  # the Change

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("profilePage")
        self.ctx = ctx
        self._errors: dict[str, ProfileError] = {}
        self._saving = False
        self._loaded: dict[str, object] = {}

        self.form = ProfileForm()
        self.demo_note = Notice("info")
        self.result = Notice("success")
        self.result.setObjectName("saveResult")
        self.ended = Notice("info")
        self.ended.setObjectName("planEnded")
        self.new_plan_button = QPushButton("Start a &new plan")
        self.new_plan_button.setAccessibleName("Start a new plan with this profile")
        self.new_plan_button.setToolTip("Build a fresh plan from the Monday on or after today")
        self.plan_button = QPushButton("Ch&oose plan start and length…")
        self.plan_button.setAccessibleName("Start a new plan on a date and length you choose")
        self.plan_button.setToolTip("A fresh plan from the Monday you pick, 4–24 weeks long")
        self.status = QLabel()
        self.status.setAccessibleName("Form status")
        self.save_button = QPushButton("&Save")
        self.save_button.setDefault(True)
        self.save_button.setAccessibleName("Save profile")
        self.save_button.setToolTip("Save the profile and rebuild the plan from next Monday "
                                    "(Ctrl+S)")
        self.revert_button = QPushButton("Re&vert")
        self.revert_button.setAccessibleName("Revert to the saved profile")
        self.save_action = QAction("Save profile", self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.save_action)

        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(24, 20, 24, 20)
        column.setSpacing(12)
        column.addWidget(heading("Your profile"))
        column.addWidget(muted("A few details shape your plan, your meal targets and your "
                               "recovery goals. Heights and weights are kept in metric; "
                               "pick the units you like to read."))
        column.addWidget(self.demo_note)
        # The action sits inside the banner, under its words (a word-wrapped label beside a
        # button in one row makes the scroll area under-measure the page's height).
        box = self.ended.layout()
        assert isinstance(box, QBoxLayout)
        box.addWidget(self.new_plan_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.ended)
        column.addWidget(self.result)
        column.addWidget(self.form)
        column.addWidget(self.plan_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch(1)
        centred = QWidget()
        row = QHBoxLayout(centred)
        row.setContentsMargins(0, 0, 0, 0)
        row.addStretch(1)
        row.addWidget(body, 0)
        row.addStretch(1)
        body.setMaximumWidth(self.fontMetrics().averageCharWidth() * 110)

        bar = QHBoxLayout()
        bar.setContentsMargins(24, 8, 24, 12)
        bar.addWidget(self.status, 1)
        bar.addWidget(self.revert_button)
        bar.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(scrolling(centred), 1)
        layout.addLayout(bar)
        QWidget.setTabOrder(self.form.tab_chain[-1], self.revert_button)
        QWidget.setTabOrder(self.revert_button, self.save_button)

        self.form.edited.connect(self._on_form_edited)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.save_action.triggered.connect(self._on_save_clicked)
        self.revert_button.clicked.connect(self._on_revert_clicked)
        self.new_plan_button.clicked.connect(self._on_new_plan_clicked)
        self.plan_button.clicked.connect(self._on_plan_button_clicked)
        ctx.changed.connect(self._on_ctx_changed)
        self.refresh()

    # ----------------------------------------------------------------- state
    def plan_start(self) -> date:
        """The day the age range is checked against: the Monday a new plan would start."""
        return monday_on_or_after(self.ctx.today())

    def is_dirty(self) -> bool:
        """The form differs from the profile it was loaded from (not from one saved since by
        another window or the command line: that is no edit of the runner's)."""
        return self.form.values() != self._loaded

    def can_save(self) -> bool:
        """Valid, and either edited or still the demo (saving the demo makes it yours)."""
        return not self._errors and (self.is_dirty() or self.ctx.is_demo())

    def settle_unsaved(self) -> bool:
        """Before the page is left or the app quits: ask Save / Discard / Cancel when the form
        has unsaved edits. True when it is fine to go on (saved or discarded)."""
        if not self.is_dirty():
            return True
        answer = UnsavedChanges.ask(self, "your profile")
        if answer is None:
            return False
        if answer == "discard":
            self.result.set_text("")
            self.refresh()
            return True
        self._on_save_clicked()
        return not self.is_dirty()

    def refresh(self) -> None:
        """Load the saved profile into the form (drops unsaved edits)."""
        self.form.set_plan_start(self.plan_start())
        self.form.load(self.ctx.profile())
        self._loaded = self.form.values()
        self.demo_note.set_text(DEMO_NOTE if self.ctx.is_demo() else "")
        self._show_plan_ended()
        self._validate()

    def _show_plan_ended(self) -> None:
        ended = plan_ended(self.ctx)
        self.ended.set_text(plan_ended_text(self.ctx) + " Check your details below, then "
                            "start a new plan." if ended else "", "info")
        self.new_plan_button.setVisible(ended)

    def _validate(self) -> None:
        base = self.ctx.profile().to_dict()
        self._errors = field_errors(self.form.values(), base, self.plan_start())
        self.form.show_errors(self._errors)
        dirty = self.is_dirty()
        ok = not self._errors
        self.save_button.setEnabled(self.can_save())
        self.save_action.setEnabled(self.can_save())
        self.revert_button.setEnabled(dirty)
        if not ok:
            n = len(self._errors)
            self.status.setText(f"{n} field{'s' if n > 1 else ''} to fix before saving")
        elif dirty:
            self.status.setText("Unsaved changes")
        elif self.ctx.is_demo():
            self.status.setText("Demo profile: save to make it yours")
        else:
            self.status.setText("Saved")
        self.status.setAccessibleDescription(self.status.text())

    # ----------------------------------------------------------------- slots
    @Slot()
    def _on_form_edited(self) -> None:
        self.result.set_text("")
        self._validate()

    @Slot()
    def _on_save_clicked(self) -> None:
        self._validate()
        if not self.can_save():
            return
        old_profile, old_plan = self.ctx.profile(), self.ctx.plan()
        try:
            profile = profile_from_dict(self.form.values(), on=self.plan_start())
            change = self.ctx.app.ops.save_profile(profile)
        except ValueError as exc:  # ProfileError, or the store refusing
            self.result.set_text(f"Not saved: {exc}", "warning")
            return
        self._announce(change, lambda: self.saved_text(old_profile, old_plan, change))

    def _announce(self, change: Change, words: Callable[[], str]) -> None:
        """Tell every page about this page's write (the form is not reloaded under the
        user's hands meanwhile), then say what it did."""
        self._saving = True
        try:
            self.ctx.apply(change)
        finally:
            self._saving = False
        self.result.set_text(words(), "success")
        self.profile_saved.emit(change)

    def saved_text(self, old_profile: Profile, old_plan: Plan, change: Change) -> str:
        """What changed in words, what the store did with the plan, and today's calories."""
        today = self.ctx.today()
        new_profile = self.ctx.profile()
        parts = ["Saved.", join_changes(describe_changes(old_profile, new_profile)),
                 store_note(change)]
        before = day_targets(old_profile, today, old_plan.session_on(today)).to_json()["kcal"]
        after = day_targets(new_profile, today,
                            self.ctx.plan().session_on(today)).to_json()["kcal"]
        if before != after:
            parts.append(f"Today's calorie target {before:,} → {after:,} kcal.")
        parts.append(self.volume_note(old_profile, old_plan))
        return " ".join(p for p in parts if p)

    def volume_note(self, old_profile: Profile, old_plan: Plan) -> str:
        """Why a new level or weekly running time barely shows in a plan under way: from the
        next week, running time follows what was actually run (SPEC §3 rule 4)."""
        new_profile, new_plan = self.ctx.profile(), self.ctx.plan()
        start = monday_on_or_after(self.ctx.today())
        asked = (new_profile.weekly_run_minutes - old_profile.weekly_run_minutes
                 or LEVELS.index(new_profile.level) - LEVELS.index(old_profile.level))
        old_week, new_week = old_plan.week_of(start), new_plan.week_of(start)
        last = new_plan.week_of(start - timedelta(days=7))
        if not asked or old_week is None or new_week is None or last is None:
            return ""
        before, after = old_week.run_minutes, new_week.run_minutes
        moved = after - before if asked > 0 else before - after
        if moved > before // 10:
            return ""  # the plan followed the change well enough to need no word
        log = {o.date: o for o in self.ctx.app.queries.outcomes(last.start, last.end)}
        return (f"Running time builds from what you've actually run (last week "
                f"{minutes_run(last, log)} min), up to 10 % a week.")

    @Slot()
    def _on_new_plan_clicked(self) -> None:
        """Unsaved edits go in with the new plan; otherwise the saved profile starts one."""
        if self.is_dirty():
            self._on_save_clicked()
            return
        old_profile, old_plan = self.ctx.profile(), self.ctx.plan()
        self._saving = True
        try:
            change = start_new_plan(self.ctx)
        except ValueError as exc:
            self.result.set_text(f"No new plan: {exc}", "warning")
            return
        finally:
            self._saving = False
        if not getattr(change, "plan", False):
            self.result.set_text("Nothing changed, so the plan was not rebuilt: change a "
                                 "detail and save to start a new one.", "warning")
            return
        self.result.set_text(self.saved_text(old_profile, old_plan, change), "success")
        self.profile_saved.emit(change)

    @Slot()
    def _on_plan_button_clicked(self) -> None:
        """A fresh plan from a chosen Monday and of a chosen length (unsaved edits are saved
        or dropped first: the plan is built from the saved profile)."""
        from desktop.dialogs.new_plan import NewPlanDialog

        if not self.settle_unsaved():
            return
        choice = NewPlanDialog.ask(self, self.ctx.today(), len(self.ctx.plan().weeks))
        if choice is None:
            return
        start, weeks = choice
        try:
            change = self.ctx.app.ops.start_plan(start, weeks)
        except ValueError as exc:
            self.result.set_text(f"No new plan: {exc}", "warning")
            return
        self._announce(change, lambda: store_note(change))

    @Slot()
    def _on_revert_clicked(self) -> None:
        self.result.set_text("")
        self.refresh()

    @Slot(object, object)
    def _on_ctx_changed(self, change: Change | None, initiator: object) -> None:
        if not (change is None or change.profile or change.everything):
            return
        if self._saving or not self.is_dirty():
            self.refresh()
        else:
            self.result.set_text("The saved profile changed elsewhere. Revert to load it; "
                                 "Save keeps your edits.", "warning")
