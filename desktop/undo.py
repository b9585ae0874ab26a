"""Undoable edits: each command writes through the repository and announces the Change.

Use :func:`push`: it makes the first write itself, so a write the store refuses raises
ValueError there (nothing changed, nothing on the stack) and callers show the message.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtGui import QUndoCommand

from core.checkin import CheckIn, Outcome
from core.plan import Session
from desktop.context import AppContext


def _day(d: date) -> str:
    return f"{d:%a} {d.day} {d:%b}"


class _RepoCommand(QUndoCommand):
    """A command that applies a repository write and announces what changed."""

    def __init__(self, ctx: AppContext, text: str) -> None:
        super().__init__(text)
        self.ctx = ctx

        self._first_done = False

    def _apply(self, change: Any) -> None:
        self.ctx.apply(change)

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
    return f"{verb} {name(a)} (now {a.date:%a}) and {name(b)} (now {b.date:%a})"


def _moved(session: Session, day: date) -> Session:
    return replace(session, date=day)


class MoveSessionCommand(_RepoCommand):
    """Swap two days' sessions within a week (a move onto a rest day swaps with the rest).

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
        change = self.ctx.repo.move_session(self.src, self.dst)
        a, b = self.before
        if a is not None and b is not None and getattr(change, "plan", False):
            change = replace(change, summary=swap_text(_moved(a, self.dst), _moved(b, self.src)))
        self._apply(change)

    def undo(self) -> None:
        if None in self.before:  # never on the stack: the store refuses such a move
            self._apply(self.ctx.repo.move_session(self.dst, self.src))
            return
        first = self.ctx.repo.replace_session(self.before[0])
        second = self.ctx.repo.replace_session(self.before[1])
        days = frozenset(getattr(first, "days", frozenset()) | getattr(second, "days",
                                                                       frozenset()))
        plan = bool(getattr(first, "plan", False) or getattr(second, "plan", False))
        self._apply(replace(second, plan=plan, days=days, summary=f"Undid: {self.text()}"))


class MarkOutcomeCommand(_RepoCommand):
    """Mark a day's session done or skipped (or clear it); undo restores what was there."""

    def __init__(self, ctx: AppContext, day: date, outcome: Outcome | None) -> None:
        status = outcome.status if outcome is not None else "not marked"
        super().__init__(ctx, f"Mark {_day(day)} {status}")
        self.day = day
        self.outcome = outcome
        self.previous: Outcome | None = ctx.repo.outcome(day)

    def _put(self, outcome: Outcome | None) -> None:
        if outcome is None:
            self._apply(self.ctx.repo.clear_outcome(self.day))
        else:
            self._apply(self.ctx.repo.save_outcome(outcome))

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
        self._apply(self.ctx.repo.set_minutes(self.day, self.minutes))

    def undo(self) -> None:
        if self.previous is not None:
            self._apply(self.ctx.repo.replace_session(self.previous))


class AcceptOfferCommand(_RepoCommand):
    """Accept an adaptation offer: put the easier session on its day; undo puts the old back."""

    def __init__(self, ctx: AppContext, offer: Any) -> None:
        super().__init__(ctx, f"Accept easier session on {_day(offer.date)}")
        self.offer = offer
        current = ctx.plan().session_on(offer.date)
        self.previous: Session = current if current is not None else offer.original

    def write(self) -> None:
        self._apply(self.ctx.repo.replace_session(self.offer.replacement))

    def undo(self) -> None:
        self._apply(self.ctx.repo.replace_session(self.previous))


class AcceptDeficitCommand(_RepoCommand):
    """Accept the energy-balance offer: save its ``deficit_kcal``; undo puts the old one back
    (redo saves the offered one again, whether or not the offer is still open)."""

    def __init__(self, ctx: AppContext, offer: Any, today: date) -> None:
        super().__init__(ctx, f"Change the daily deficit to {offer.suggested} kcal")
        self.offer = offer
        self.today = today
        self._accepted = False

    def write(self) -> None:
        if not self._accepted:
            change = self.ctx.repo.accept_deficit_offer(self.offer.id, self.today)
            self._accepted = True
        else:
            change = self.ctx.repo.set_deficit(self.offer.suggested)
        self._apply(change)

    def undo(self) -> None:
        change = self.ctx.repo.set_deficit(self.offer.current)
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
        self.previous: CheckIn | None = ctx.repo.checkin(checkin.date)

    def write(self) -> None:
        self._apply(self.ctx.repo.save_checkin(self.checkin))

    def undo(self) -> None:
        before = self.previous if self.previous is not None else CheckIn(date=self.checkin.date)
        self._apply(self.ctx.repo.save_checkin(before))

    def id(self) -> int:
        return self.MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt override
        if (not isinstance(other, SaveCheckinCommand) or self.field is None
                or other.field != self.field or other.checkin.date != self.checkin.date):
            return False
        self.checkin = other.checkin
        return True


def push(ctx: AppContext, command: _RepoCommand) -> None:
    """Write, then put ``command`` on the undo stack; ValueError leaves both untouched."""
    command.do_first()
    ctx.undo_stack.push(command)
