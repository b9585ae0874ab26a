"""The Today page: the day at a glance — session, meal targets, checklist and any offer."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.app import Change
from core.plan import Plan
from core.recovery import Offer
from core.units import water_parts
from core.wording import month, weekday
from desktop.context import AppContext
from desktop.pages.common import (
    Notice,
    Reflow,
    card,
    heading,
    muted,
    plan_ended,
    plan_ended_text,
    refresh_when_shown,
    scrolling,
    start_new_plan,
)
from desktop.style import format_minutes, long_day
from desktop.undo import AcceptOfferCommand, push
from desktop.widgets.checklist import ChecklistWidget
from desktop.widgets.session_detail import SessionDetail
from desktop.widgets.stat_tile import StatTile, scaled_font

OFFER_LOOKAHEAD_DAYS = 7


class OfferBox(QWidget):
    """One adaptation offer with Accept (undoable) and Keep the plan buttons."""

    def __init__(self, ctx: AppContext, offer: Offer) -> None:
        super().__init__()
        self.ctx = ctx
        self.notice = Notice("info", " ")
        self.accept = QPushButton("Accept the easier sessio&n")
        self.decline = QPushButton("Dismiss, &keep the plan")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.decline)
        buttons.addWidget(self.accept)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.notice)
        layout.addLayout(buttons)
        self.accept.clicked.connect(self._on_accept_clicked)
        self.decline.clicked.connect(self._on_decline_clicked)
        self.set_offer(offer)

    def set_offer(self, offer: Offer) -> None:
        """Show ``offer`` (a box is reused for the next offer rather than built again)."""
        self.offer = offer
        when = f"{weekday(offer.date)} {offer.date.day} {month(offer.date, short=True)}"
        self.notice.set_text(f"{offer.reason}\n\nEasier option for {when}: "
                             f"{offer_words(offer)} instead of {offer.original.title}.", "info")
        self.accept.setAccessibleName(f"Accept the easier session on {when}")
        self.decline.setAccessibleName(f"Decline the offer for {when}")

    @Slot()
    def _on_accept_clicked(self) -> None:
        try:
            push(self.ctx, AcceptOfferCommand(self.ctx, self.offer))
        except ValueError as exc:
            self.notice.set_text(f"Could not accept: {exc}", "warning")

    @Slot()
    def _on_decline_clicked(self) -> None:
        self.ctx.apply(self.ctx.app.ops.dismiss_offer(self.offer.date))



def offer_words(offer: Offer) -> str:
    """"an easy run of 25 min" or "Strength B (lighter): 2 sets, 25 min"."""
    new = offer.replacement
    if new.kind == "easy_run":
        return f"an easy run of {format_minutes(new.minutes)}"
    sets = {e.get("sets") for e in new.details.get("exercises", [])}
    dose = f"{sets.pop()} sets, " if len(sets) == 1 else ""
    return f"{new.title}: {dose}{format_minutes(new.minutes)}"


def coming_up(plan: Plan, today: date) -> str:
    """The line under today's session: tomorrow's, or before the plan starts, its first."""
    day, when = today + timedelta(days=1), "Tomorrow"
    if day < plan.start:
        day = plan.start
        when = f"First session, {long_day(day)}"
    session = plan.session_on(day)
    if session is None:
        return ""
    minutes = f" · {format_minutes(session.minutes)}" if session.minutes else ""
    return f"{when}: {session.title}{minutes}"


class TodayPage(QWidget):
    """What to do today, what to eat, and what to tick off."""

    guide_requested = Signal(str)  # forwarded from the session's "why" link

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("todayPage")
        self.ctx = ctx
        self.offer_boxes: list[OfferBox] = []  # those shown, in order
        self._spare_boxes: list[OfferBox] = []  # hidden, for the next offers

        self.title = heading("Today")
        self.subtitle = muted()
        self.subtitle.setFont(scaled_font(self.subtitle.font(), 1.1))
        self.offers = QVBoxLayout()
        self.offers.setSpacing(8)

        self.detail = SessionDetail(ctx)
        self.detail.guide_requested.connect(self.guide_requested)
        self.tomorrow = muted()
        self.tomorrow.setAccessibleName("Tomorrow's session")

        food_card, food_layout = card("Eat to the plan")
        self.food = {
            "kcal": StatTile("Calories", flat=True),
            "protein": StatTile("Protein", flat=True),
            "carbs": StatTile("Carbs", flat=True),
            "fat": StatTile("Fat", flat=True),
            "water": StatTile("Water", flat=True),
            "electrolytes": StatTile("Electrolytes", flat=True),
        }
        grid = QGridLayout()
        grid.setSpacing(4)
        for i, tile in enumerate(self.food.values()):
            grid.addWidget(tile, i // 3, i % 3)
        self.food_warning = Notice("warning")
        food_layout.addLayout(grid)
        food_layout.addWidget(self.food_warning)

        check_card, check_layout = card("Recovery checklist")
        self.checklist = ChecklistWidget(ctx, show_weight=True)
        self.checklist.title.setVisible(False)
        check_layout.addWidget(self.checklist)
        check_layout.addStretch(1)

        self.plan_notes = Notice("info")  # rule 16: the plan runs less than the runner does
        self.plan_notes.setObjectName("planNotes")
        self.ended = Notice("info")
        self.ended.setObjectName("planEnded")
        self.new_plan_button = QPushButton("Start a &new plan")
        self.new_plan_button.setAccessibleName("Start a new plan with your saved profile")
        self.new_plan_button.setToolTip("Build a fresh plan from the Monday on or after today")
        # The action sits inside the banner, under its words (a word-wrapped label beside a
        # button in one row makes the scroll area under-measure the page's height).
        box = self.ended.layout()
        assert isinstance(box, QBoxLayout)
        box.addWidget(self.new_plan_button, 0, Qt.AlignmentFlag.AlignLeft)

        left_box = QWidget()
        left = QVBoxLayout(left_box)
        left.setContentsMargins(0, 0, 0, 0)
        left.setSpacing(14)
        left.addLayout(self.offers)
        left.addWidget(self.detail)
        left.addWidget(self.tomorrow)
        left.addWidget(food_card)
        left.addStretch(1)
        right_box = QWidget()
        right = QVBoxLayout(right_box)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(check_card)
        right.addStretch(1)
        self.columns = Reflow(left_box, right_box)

        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(24, 20, 24, 20)
        column.setSpacing(12)
        column.addWidget(self.title)
        column.addWidget(self.subtitle)
        column.addWidget(self.ended)
        column.addWidget(self.plan_notes)
        column.addWidget(self.columns)
        column.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.scroll_area = scrolling(body)
        layout.addWidget(self.scroll_area)
        self.new_plan_button.clicked.connect(self._on_new_plan_clicked)
        ctx.changed.connect(self._on_ctx_changed)
        ctx.day_changed.connect(self._on_day_changed)  # the whole page is about today
        self.refresh()

    def refresh(self) -> None:
        ctx = self.ctx
        today = ctx.today()
        plan, profile = ctx.plan(), ctx.profile()
        week = plan.week_of(today)
        where = (f"Week {week.index} of {len(plan.weeks)}" + (" · lighter week"
                 if week.lighter else "")) if week else (
            f"Your plan starts on {long_day(plan.start)}"
            if today < plan.start else "Your plan has ended")
        self.subtitle.setText(f"{long_day(today)} · {where}")
        ended = plan_ended(ctx)
        self.ended.set_text(plan_ended_text(ctx) + " Start a new one with your saved profile, "
                            "or change your details on the Profile page first." if ended else "",
                            "info")
        self.new_plan_button.setVisible(ended)
        self.plan_notes.set_text("" if ended else "\n".join(plan.notes), "info")
        self.detail.show_day(today)
        self.tomorrow.setText(coming_up(plan, today))

        targets = ctx.app.queries.targets(today)
        t = targets.to_json()
        self.food["kcal"].set_value(f"{t['kcal']:,} kcal", "")
        self.food["protein"].set_value(f"{t['protein_g']} g", "")
        self.food["carbs"].set_value(f"{t['carbs_g']} g", "")
        self.food["fat"].set_value(f"{t['fat_g']} g", "")
        self.food["water"].set_value(*water_parts(targets.water_ml, profile.units))
        self.food["electrolytes"].set_value("Yes" if t["electrolytes"] else "No", "")
        self.food_warning.set_text("\n".join(t["warnings"]))
        # Fuel timing is said once, in the session's detail above (SessionDetail.fuel).
        self.checklist.set_day(today)
        self._show_offers(today)

    def _show_offers(self, today: date) -> None:
        """The open offers of the coming week, each in a box. Boxes are kept and reused:
        building one, and taking it out again, cost a mark that toggles an offer a frame."""
        offers = [offer for offer in self.ctx.app.queries.open_offers()
                  if (offer.date - today).days <= OFFER_LOOKAHEAD_DAYS]
        if offers == [box.offer for box in self.offer_boxes]:
            return  # the same offers (and any message a box shows) stay as they are
        boxes = self.offer_boxes + self._spare_boxes
        while len(boxes) < len(offers):
            box = OfferBox(self.ctx, offers[len(boxes)])
            self.offers.addWidget(box)
            boxes.append(box)
        for box, offer in zip(boxes, offers, strict=False):
            box.set_offer(offer)
        for box in boxes[len(offers):]:  # hidden, not deleted: a box may be inside its own click
            box.hide()
        for box in boxes[:len(offers)]:
            box.show()
        self.offer_boxes, self._spare_boxes = boxes[:len(offers)], boxes[len(offers):]

    @Slot()
    def _on_new_plan_clicked(self) -> None:
        try:
            change = start_new_plan(self.ctx)
        except ValueError as exc:  # the age range refuses the new start, for example
            self.ended.set_text(f"No new plan: {exc}", "warning")
            return
        if not getattr(change, "plan", False):
            self.ended.set_text("Nothing changed, so the plan was not rebuilt: change a "
                                "detail on the Profile page and save.", "warning")

    @Slot(object)
    def _on_day_changed(self, ended: object) -> None:
        refresh_when_shown(self, self.refresh)

    @Slot(object, object)
    def _on_ctx_changed(self, change: Change | None, initiator: object) -> None:
        today = self.ctx.today()  # the day, and the nights and marks its offers read
        if initiator is self.checklist and change is not None and not change.plan:
            refresh_when_shown(self, lambda: self._show_offers(today))  # a night may offer
            return  # the checklist shows its own tick; nothing else on the page changed
        if change is None or change.touches(today - timedelta(days=14),
                                            today + timedelta(days=7)):
            refresh_when_shown(self, self.refresh)
