"""Interactions in the window with five years of history: moving a session, ticking a
checklist box, switching week, switching page and marking a session done. Each row gives the
median time of the interaction (through to the repaint) against the same interaction on a
new user's store in the same run (history cost, target ≤ 1.1×), and a second row against one
60 Hz frame, 16.7 ms (the target: ≤ 1.0×)."""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

FRAME_S = 1 / 60
TODAY = date(2026, 11, 25)  # a Wednesday with a past Monday and a coming Friday in its week
REPEAT = 15


def _median(action: Callable[[], object], settle: Callable[[], object]) -> float:
    times = []
    for _ in range(REPEAT):
        t0 = time.perf_counter()
        action()
        settle()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def _measure(home: Path) -> dict[str, float]:
    from PySide6.QtWidgets import QApplication

    from core.app import open_app
    from core.checkin import Outcome
    from desktop.context import AppContext
    from desktop.main_window import MainWindow
    from desktop.undo import MarkOutcomeCommand, push

    qt = QApplication.instance() or QApplication([])
    day = {"today": TODAY - timedelta(days=7)}  # a first start the week before: a plan to use
    app = open_app(home, lambda: day["today"])
    ctx = AppContext(app)
    ctx.ensure_profile()
    day["today"] = TODAY
    window = MainWindow(ctx, remember=False)
    window.resize(1100, 720)
    window.show()
    qt.processEvents()
    out: dict[str, float] = {}

    calendar = window.show_page("calendar")
    qt.processEvents()
    monday = TODAY - timedelta(days=TODAY.weekday())
    state = {"n": 0}

    def move() -> None:  # Monday's session to Tuesday and back, alternately
        src, dst = (monday, monday + timedelta(days=1))
        if state["n"] % 2:
            src, dst = dst, src
        state["n"] += 1
        calendar.move_session(src, dst)  # type: ignore[attr-defined]

    out["move a session"] = _median(move, qt.processEvents)

    def flip_week() -> None:
        calendar.go_next() if state["n"] % 2 else calendar.go_previous()  # type: ignore[attr-defined]
        state["n"] += 1

    out["switch week"] = _median(flip_week, qt.processEvents)

    names = ("today", "calendar")

    def switch_page() -> None:
        window.show_page(names[state["n"] % 2])
        state["n"] += 1

    out["switch page"] = _median(switch_page, qt.processEvents)

    today_page = window.show_page("today")
    qt.processEvents()
    box = today_page.checklist.boxes["stretch"]  # type: ignore[attr-defined]
    out["tick a checklist box"] = _median(box.toggle, qt.processEvents)

    def mark() -> None:
        status = "done" if state["n"] % 2 else "skipped"
        minutes = 40 if status == "done" else None
        state["n"] += 1
        push(ctx, MarkOutcomeCommand(ctx, monday, Outcome(monday, status, minutes)))

    out["mark a session done"] = _median(mark, qt.processEvents)
    window.close()
    app.close()
    return out


def run() -> list[tuple[str, float, float]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from bench.make_history import make_history

    with tempfile.TemporaryDirectory() as tmp:
        empty = _measure(Path(tmp) / "empty")
        full_home = Path(tmp) / "full"
        make_history(full_home, years=5, today=TODAY)
        full = _measure(full_home)
    rows: list[tuple[str, float, float]] = []
    for name in full:
        rows.append((f"{name}: 5 years of history vs a new user", full[name], empty[name]))
        rows.append((f"{name}: 5 years of history vs one 60 Hz frame", full[name], FRAME_S))
    return rows
