"""Changing a session's planned minutes changes its words too: the main set, rounds and
repeats follow the new number (on screen and in the store)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from core.plan import Session
from core.planner_sessions import make_session, resized
from desktop.widgets.session_detail import SessionDetail


def first(ctx: Any, kind: str) -> Session:
    return next(s for s in ctx.plan().sessions() if s.kind == kind)


def detail_for(qtbot: Any, ctx: Any, session: Session) -> SessionDetail:
    detail = SessionDetail(ctx)
    qtbot.addWidget(detail)
    detail.resize(700, 900)
    detail.show()
    detail.show_day(session.date)
    return detail


def test_change_plan_to_75_min_rewrites_the_long_runs_main_set(qtbot, ctx) -> None:
    long_run = first(ctx, "long_run")
    detail = detail_for(qtbot, ctx, long_run)
    assert f"Main: {long_run.minutes} min at a conversational pace" in detail.structure.text()
    detail.planned_minutes.setValue(75)
    qtbot.mouseClick(detail.set_planned, Qt.MouseButton.LeftButton)
    assert "Main: 75 min at a conversational pace" in detail.structure.text()
    assert f"Main: {long_run.minutes} min" not in detail.structure.text()
    stored = ctx.app.store.plan().session_on(long_run.date)
    assert stored.minutes == 75 and stored.edited
    assert any(line.startswith("Main: 75 min") for line in stored.structure)


def test_hiit_rounds_and_tempo_block_follow_the_minutes(ctx) -> None:
    hiit = first(ctx, "hiit")
    longer = resized(hiit, hiit.minutes + 10)
    work, rest = hiit.details["intervals"]["work_s"], hiit.details["intervals"]["recovery_s"]
    rounds = (hiit.minutes + 10 - 10) * 60 // (work + rest)
    assert longer.details["intervals"]["rounds"] == rounds
    assert any(f"{rounds} rounds of {work} s" in line for line in longer.structure)
    assert longer.structure[0] == hiit.structure[0] and longer.structure[-1] == hiit.structure[-1]
    tempo = make_session(hiit.date, "tempo", 30, index=0, weeks=12, lighter=False,
                         equipment="none")
    assert any("30 min run: 5 min easy, 20 min comfortably hard" in x for x in tempo.structure)
    assert any("40 min run: 5 min easy, 30 min comfortably hard" in x
               for x in resized(tempo, 40).structure)
