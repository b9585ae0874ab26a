"""Undoable edits: each command writes through ``core.app`` operations and announces the Change.

Use :func:`push`: it makes the first write itself, so a write the store refuses raises
ValueError there (nothing changed, nothing on the stack) and callers show the message.
"""

from __future__ import annotations

import weakref
from dataclasses import replace
from datetime import date

from PySide6.QtGui import QUndoCommand

from core.app import Change
from core.checkin import CheckIn, Outcome
from core.plan import Session
from core.recovery import Offer
from core.weight_trend import DeficitOffer
from core.wording import month, weekday
from desktop.context import AppContext


def _day(d: date) -> str:
    return f"{weekday(d, short=True)} {d.day} {month(d, short=True)}"


class _RepoCommand(QUndoCommand):
    """A command that applies a repository write and announces what changed."""

    def __init__(self, ctx: AppContext, text: str) -> None:
        super().__init__(text)
        # A weak reference: the context owns the undo stack, which owns this command. A
        # strong one would make a cycle that only Python's collector can break, and a
        # collected context's stack then deletes commands the collector is tearing down.
        self._ctx = weakref.ref(ctx)
        self.initiator: object = None  # who made the first write (it refreshed itself)

        self._first_done = False

    @property
    def ctx(self) -> AppContext:
        ctx = self._ctx()
        if ctx is None:
            raise RuntimeError("the window this edit belonged to is gone")
        return ctx

    def _apply(self, change: Change) -> None:
        initiator, self.initiator = self.initiator, None  # undo and redo refresh everyone
        self.ctx.apply(change, initiator)

    def do_first(self) -> None:
        """Make the write before the command goes on the stack (may raise ValueError)."""
        self.write()
        self._first_done = True

    def redo(self) -> None:
        if self._first_done:
            self._first_done = False
            return
        self.write()

    def write(self) -> None:
        raise NotImplementedError


def swap_text(first: Session, second: Session) -> str:
    """Both halves of a swap in words: "Swapped HIIT intervals (now Thu) and Strength B (now
    Fri)"; a rest day is named as such. ``first`` and ``second`` are the moved sessions."""
    def name(s: Session) -> str:
        return "the rest day" if s.kind == "rest" else s.title

    a, b = (first, second) if first.kind != "rest" else (second, first)
    verb = "Moved" if b.kind == "rest" else "Swapped"
    return (f"{verb} {name(a)} (now {weekday(a.date, short=True)}) and {name(b)} "
            f"(now {weekday(b.date, short=True)})")


def _moved(session: Session, day: date) -> Session:
    return replace(session, date=day)


class MoveSessionCommand(_RepoCommand):
    """Swap two days' sessions, in one week or across into the next (a move onto a rest day
    swaps with the rest).

    The sessions as they were are kept, so undo puts both back exactly (not "moved").
    """

    def __init__(self, ctx: AppContext, src: date, dst: date) -> None:
        plan = ctx.plan()
        self.before = (plan.session_on(src), plan.session_on(dst))
        a, b = self.before
        text = (f"Move session from {_day(src)} to {_day(dst)}" if a is None or b is None
                else swap_text(_moved(a, dst), _moved(b, src)).replace("Swapped", "Swap")
                .replace("Moved", "Move"))
        super().__init__(ctx, text)
        self.src = src
        self.dst = dst

    def write(self) -> None:
        change = self.ctx.app.ops.move(self.src, self.dst)
        a, b = self.before
        if a is not None and b is not None and change.plan:
            change = replace(change, summary=swap_text(_moved(a, self.dst), _moved(b, self.src)))
        self._apply(change)

    def undo(self) -> None:
        a, b = self.before
        if a is None or b is None:  # never on the stack: the store refuses such a move
            self._apply(self.ctx.app.ops.move(self.dst, self.src))
            return
        first = self.ctx.app.ops.replace_session(a)
        second = self.ctx.app.ops.replace_session(b)
        self._apply(replace(second, plan=first.plan or second.plan,
                            days=first.days | second.days, weeks=first.weeks | second.weeks,
                            moved=(self.dst, self.src), summary=f"Undid: {self.text()}"))


class MarkOutcomeCommand(_RepoCommand):
    """Mark a day's session done or skipped (or clear it); undo restores what was there."""

    def __init__(self, ctx: AppContext, day: date, outcome: Outcome | None) -> None:
        status = outcome.status if outcome is not None else "not marked"
        super().__init__(ctx, f"Mark {_day(day)} {status}")
        self.day = day
        self.outcome = outcome
        self.previous: Outcome | None = ctx.app.queries.outcome(day)

    def _put(self, outcome: Outcome | None) -> None:
        self._apply(self.ctx.app.ops.put_outcome(self.day, outcome))

    def write(self) -> None:
        self._put(self.outcome)

    def undo(self) -> None:
        self._put(self.previous)


class SetMinutesCommand(_RepoCommand):
    """Change a session's planned minutes; undo puts the session back exactly as it was."""

    def __init__(self, ctx: AppContext, day: date, minutes: int) -> None:
        super().__init__(ctx, f"Set {_day(day)} to {minutes} min")
        self.day = day
        self.minutes = minutes
        self.previous = ctx.plan().session_on(day)

    def write(self) -> None:
        self._apply(self.ctx.app.ops.set_minutes(self.day, self.minutes))

    def undo(self) -> None:
        if self.previous is not None:
            self._apply(self.ctx.app.ops.replace_session(self.previous))


class AcceptOfferCommand(_RepoCommand):
    """Accept an adaptation offer: put the easier session on its day; undo puts the old back."""

    def __init__(self, ctx: AppContext, offer: Offer) -> None:
        super().__init__(ctx, f"Accept easier session on {_day(offer.date)}")
        self.offer = offer
        current = ctx.plan().session_on(offer.date)
        self.previous: Session = current if current is not None else offer.original

    def write(self) -> None:
        self._apply(self.ctx.app.ops.accept_offer(self.offer))

    def undo(self) -> None:
        self._apply(self.ctx.app.ops.replace_session(self.previous))


class AcceptDeficitCommand(_RepoCommand):
    """Accept the energy-balance offer: save its ``deficit_kcal``; undo puts the old one back
    (redo saves the offered one again, whether or not the offer is still open)."""

    def __init__(self, ctx: AppContext, offer: DeficitOffer) -> None:
        super().__init__(ctx, f"Change the daily deficit to {offer.suggested} kcal")
        self.offer = offer
        self._accepted = False

    def write(self) -> None:
        if not self._accepted:
            change = self.ctx.app.ops.accept_deficit_offer(self.offer.id)
            self._accepted = True
        else:
            change = self.ctx.app.ops.set_deficit(self.offer.suggested)
        self._apply(change)

    def undo(self) -> None:
        change = self.ctx.app.ops.set_deficit(self.offer.current)
        self._apply(replace(change, summary=f"Undid: daily deficit back to "
                                            f"{self.offer.current} kcal"))


class SaveCheckinCommand(_RepoCommand):
    """Save a day's check-in as it was ticked; undo puts back what the day had before.

    Steps of the same value (sleep hours, weight) on the same day merge into one undo step,
    so Ctrl+Z after arrowing 6.0 → 7.5 h goes back to 6.0 h, not to 7.0 h.
    """

    MERGE_ID = 0x52_4C_43  # "RLC"

    def __init__(self, ctx: AppContext, checkin: CheckIn, field: str | None = None) -> None:
        super().__init__(ctx, f"Check-in for {_day(checkin.date)}")
        self.checkin = checkin
        self.field = field
        self.previous: CheckIn | None = ctx.app.queries.checkin(checkin.date)

    def write(self) -> None:
        self._apply(self.ctx.app.ops.check_in(self.checkin))

    def undo(self) -> None:
        before = self.previous if self.previous is not None else CheckIn(date=self.checkin.date)
        self._apply(self.ctx.app.ops.check_in(before))

    def id(self) -> int:
        return self.MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt override
        if (not isinstance(other, SaveCheckinCommand) or self.field is None
                or other.field != self.field or other.checkin.date != self.checkin.date):
            return False
        self.checkin = other.checkin
        return True


def push(ctx: AppContext, command: _RepoCommand, initiator: object = None) -> None:
    """Write, then put ``command`` on the undo stack; ValueError leaves both untouched.
    ``initiator`` (the widget that asked) is named in the ``changed`` signal of the first
    write, so it can skip the refresh it needs not."""
    command.initiator = initiator
    command.do_first()
    ctx.undo_stack.push(command)
