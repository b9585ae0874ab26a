"""Undoable edits: each command writes through the repository and announces the Change.

Use :func:`push`: it makes the first write itself, so a write the store refuses raises
ValueError there (nothing changed, nothing on the stack) and callers show the message.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtGui import QUndoCommand

from core.checkin import Outcome
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


class MoveSessionCommand(_RepoCommand):
    """Swap two days' sessions within a week (a move onto a rest day swaps with the rest)."""

    def __init__(self, ctx: AppContext, src: date, dst: date) -> None:
        super().__init__(ctx, f"Move session from {_day(src)} to {_day(dst)}")
        self.src = src
        self.dst = dst

    def write(self) -> None:
        self._apply(self.ctx.repo.move_session(self.src, self.dst))

    def undo(self) -> None:
        self._apply(self.ctx.repo.move_session(self.dst, self.src))


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
    """Change a session's planned minutes."""

    def __init__(self, ctx: AppContext, day: date, minutes: int) -> None:
        super().__init__(ctx, f"Set {_day(day)} to {minutes} min")
        self.day = day
        self.minutes = minutes
        session = ctx.plan().session_on(day)
        self.previous = session.minutes if session is not None else 0

    def write(self) -> None:
        self._apply(self.ctx.repo.set_minutes(self.day, self.minutes))

    def undo(self) -> None:
        self._apply(self.ctx.repo.set_minutes(self.day, self.previous))


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


def push(ctx: AppContext, command: _RepoCommand) -> None:
    """Write, then put ``command`` on the undo stack; ValueError leaves both untouched."""
    command.do_first()
    ctx.undo_stack.push(command)
