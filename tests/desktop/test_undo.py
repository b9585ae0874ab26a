"""Every edit made through the calendar can be undone and redone, and the store follows."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from core.app.planning import save_profile
from core.checkin import Outcome
from desktop.undo import (
    AcceptOfferCommand,
    MarkOutcomeCommand,
    MoveSessionCommand,
    SetMinutesCommand,
    push,
)
from tests.desktop.conftest import TODAY


def test_move_undo_redo(ctx: Any) -> None:
    tue, thu = TODAY + timedelta(days=1), TODAY + timedelta(days=3)
    before = ctx.app.store.plan()
    push(ctx, MoveSessionCommand(ctx, tue, thu))
    after = ctx.app.store.plan()
    assert after.session_on(thu).kind == before.session_on(tue).kind
    assert after.session_on(tue).kind == before.session_on(thu).kind
    ctx.undo_stack.undo()
    undone = ctx.app.store.plan()
    assert undone.session_on(tue).kind == before.session_on(tue).kind
    assert undone.session_on(thu).kind == before.session_on(thu).kind
    ctx.undo_stack.redo()
    assert ctx.app.store.plan().session_on(thu).kind == before.session_on(tue).kind


def test_a_refused_move_leaves_store_and_stack_alone(ctx: Any) -> None:
    before = ctx.app.store.plan()
    with pytest.raises(ValueError):
        push(ctx, MoveSessionCommand(ctx, TODAY, TODAY + timedelta(days=16)))  # 3rd week
    assert ctx.app.store.plan() == before
    assert ctx.undo_stack.count() == 0


def test_mark_restores_the_previous_outcome_on_undo(ctx: Any) -> None:
    push(ctx, MarkOutcomeCommand(ctx, TODAY, Outcome(TODAY, "done", 30, 5)))
    push(ctx, MarkOutcomeCommand(ctx, TODAY, Outcome(TODAY, "skipped")))
    assert ctx.app.store.outcome(TODAY).status == "skipped"
    ctx.undo_stack.undo()
    o = ctx.app.store.outcome(TODAY)
    assert (o.status, o.minutes, o.rpe) == ("done", 30, 5)
    ctx.undo_stack.undo()
    assert ctx.app.store.outcome(TODAY) is None
    ctx.undo_stack.redo()
    assert ctx.app.store.outcome(TODAY).minutes == 30


def test_set_minutes_and_undo(ctx: Any) -> None:
    planned = ctx.app.store.plan().session_on(TODAY).minutes
    push(ctx, SetMinutesCommand(ctx, TODAY, planned + 5))
    assert ctx.app.store.plan().session_on(TODAY).minutes == planned + 5
    ctx.undo_stack.undo()
    assert ctx.app.store.plan().session_on(TODAY).minutes == planned


def test_minutes_out_of_range_are_refused(ctx: Any) -> None:
    planned = ctx.app.store.plan().session_on(TODAY).minutes
    with pytest.raises(ValueError):
        push(ctx, SetMinutesCommand(ctx, TODAY, 601))
    assert ctx.app.store.plan().session_on(TODAY).minutes == planned
    assert ctx.undo_stack.count() == 0


def test_accept_offer_and_undo(ctx: Any) -> None:
    from core.adaptation import Offer, easier

    original = ctx.app.store.plan().session_on(TODAY)
    lighter = easier(original, "Catch up on sleep.")
    push(ctx, AcceptOfferCommand(ctx, Offer(TODAY, original, lighter, "two short nights")))
    assert ctx.app.store.plan().session_on(TODAY) == lighter != original
    ctx.undo_stack.undo()
    assert ctx.app.store.plan().session_on(TODAY) == original


def test_each_write_is_announced(ctx: Any, qtbot: Any) -> None:
    with qtbot.waitSignal(ctx.changed) as blocker:
        push(ctx, MarkOutcomeCommand(ctx, TODAY, Outcome(TODAY, "done", 20, None)))
    assert TODAY in blocker.args[0].days
    with qtbot.waitSignal(ctx.changed):
        ctx.undo_stack.undo()


def test_undoing_a_minutes_change_leaves_the_session_unedited(ctx: Any) -> None:
    original = ctx.app.store.plan().session_on(TODAY)
    assert not original.edited
    push(ctx, SetMinutesCommand(ctx, TODAY, original.minutes + 5))
    assert ctx.app.store.plan().session_on(TODAY).edited
    ctx.undo_stack.undo()
    assert ctx.app.store.plan().session_on(TODAY) == original


def test_undo_of_a_move_and_redo_say_the_same_swap(ctx: Any, qtbot: Any) -> None:
    plan = ctx.app.store.plan()
    sun = TODAY + timedelta(days=6)
    sat = sun - timedelta(days=1)
    assert plan.session_on(sun).kind == "rest" and plan.session_on(sat).kind != "rest"
    title = plan.session_on(sat).title
    with qtbot.waitSignal(ctx.changed) as blocker:
        push(ctx, MoveSessionCommand(ctx, sat, sun))
    assert blocker.args[0].summary == f"Moved {title} (now Sun) and the rest day (now Sat)"
    with qtbot.waitSignal(ctx.changed) as blocker:
        ctx.undo_stack.undo()
    assert blocker.args[0].days == frozenset({sat, sun})
    assert ctx.app.store.plan() == plan


def test_a_rebuilt_plan_empties_the_undo_stack(ctx: Any) -> None:
    from core.profile import profile_from_dict
    from tests.desktop.conftest import TEST_PROFILE

    push(ctx, MoveSessionCommand(ctx, TODAY, TODAY + timedelta(days=1)))
    push(ctx, MarkOutcomeCommand(ctx, TODAY, Outcome(TODAY, "done", 20, None)))
    assert ctx.undo_stack.count() == 2
    changed = profile_from_dict({**TEST_PROFILE, "weekly_run_minutes": 150})
    ctx.apply(save_profile(ctx.app.store, changed, TODAY))
    assert ctx.undo_stack.count() == 0
    rebuilt = ctx.app.store.plan()
    ctx.undo_stack.undo()
    assert ctx.app.store.plan() == rebuilt
