"""Interactions in the window with five years of history: moving a session, switching week,
switching page, ticking a checklist box and marking a session done. Each interaction has two
rows: its median time with five years of history, from the click until the window has
handled every event it caused (each layout pass and the repaint),

* against the same interaction on a store that shows the same screen without the years
  behind it (history cost, target ≤ 1.1×), and
* against one 60 Hz frame, 16.7 ms (the target: ≤ 1.0×).

The baseline holds the same profile and the same current plan as the five-year store, and
the same logs (check-ins and marked sessions) for the days the interactions show or are
worked out from: the week before this one, this week and the week after (the week switch
goes back a week and forward a week), and the two weeks of nights and marks today's
adaptation offers are read from. It holds none of the years before, nor the earlier plans'
sessions. A new user's empty store is not a fair baseline: the history's weeks carry done
marks, sleep lines and offers that an empty week does not draw, so the ratio would count
that drawing as history. Against this baseline the screen draws the same things (checked
before anything is measured), and the ratio is what the older years cost.

Both stores get their own window, open side by side in one process, and each repetition
runs the interaction on both in turn (a, b, then b, a), so a change in the machine's load
moves both figures alike. A first round is not timed: the day's first write checks the file
and takes the day's automatic backup, once a day. That is measured on its own, last: a
tick's check-in written to a copy of each store not yet written today (the store's part,
without the window's), in turn, median of a few, after the check the window makes at start
(which that write then need not repeat). It copies the whole file, so it does grow with the
history.
"""

from __future__ import annotations

import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

FRAME_S = 1 / 60
TODAY = date(2026, 11, 25)  # a Wednesday with a past Monday and a coming Friday in its week
MONDAY = TODAY - timedelta(days=TODAY.weekday())
REPEAT = 39  # and the untimed first round: 40, so the weeks and moves end where they began
OFFER_DAYS = 14  # core.app.queries.OFFER_HISTORY_DAYS: the nights and marks offers read
# The first logged day the baseline keeps: the week before this one, and the offers' days.
SHOWN_FROM = min(MONDAY - timedelta(weeks=1), TODAY - timedelta(days=OFFER_DAYS))
FIRST_WRITES = 7  # copies of each store written once (the day's first write)
SETTLE_ROUNDS = 50  # at most, handling events until none is left (5 or so are needed)


class _Window:
    """One store's window on the Calendar, and the interactions' own state."""

    def __init__(self, home: Path) -> None:
        from PySide6.QtWidgets import QApplication

        from core.app import open_app
        from desktop.context import AppContext
        from desktop.main_window import MainWindow

        QApplication.instance() or QApplication([])
        day = {"today": TODAY - timedelta(days=7)}  # a first start the week before
        self.app = open_app(home, lambda: day["today"])
        self.ctx = AppContext(self.app)
        self.ctx.ensure_profile()
        day["today"] = TODAY
        self.window = MainWindow(self.ctx, remember=False)
        self.window.resize(1100, 720)
        self.window.show()
        calendar: Any = self.window.show_page("calendar")
        if calendar.mode != "week":  # a month saved in the settings
            calendar.set_mode("week")
        self.calendar = calendar
        settle()
        self.today_page: Any = None
        self.n = 0

    def close(self) -> None:
        self.window.close()
        self.app.close()

    # -- the interactions ----------------------------------------------------------------

    def move(self) -> None:
        """Monday's session to Tuesday and back, alternately."""
        src, dst = MONDAY, MONDAY + timedelta(days=1)
        if self.n % 2:
            src, dst = dst, src
        self.n += 1
        self.calendar.move_session(src, dst)

    def switch_week(self) -> None:
        """Back a week, forth, forth, back: last week, this week, next week, this week."""
        (self.calendar.go_previous if self.n % 4 in (0, 3) else self.calendar.go_next)()
        self.n += 1

    def switch_page(self) -> None:
        self.window.show_page(("today", "calendar")[self.n % 2])
        self.n += 1

    def tick(self) -> None:
        self.today_page.checklist.boxes["stretch"].toggle()

    def mark(self) -> None:
        from core.checkin import Outcome
        from desktop.undo import MarkOutcomeCommand, push

        status = "done" if self.n % 2 else "skipped"
        minutes = 40 if status == "done" else None
        self.n += 1
        push(self.ctx, MarkOutcomeCommand(self.ctx, MONDAY, Outcome(MONDAY, status, minutes)))

    # -- what the screen shows -------------------------------------------------------------

    def shown(self) -> list[object]:
        """What the interactions draw: the calendar's three weeks, today's offers, the Today
        page's day (to check that both stores show the same)."""
        from desktop.pages import calendar_data

        weeks = [calendar_data.build_days(self.ctx, "week", MONDAY + timedelta(weeks=k))
                 for k in (-1, 0, 1)]
        q = self.app.queries
        return [weeks, q.open_offers(), q.checkin(TODAY), q.outcome(TODAY), q.plan(),
                q.is_demo()]


def settle() -> None:
    """Handle events until none is left: the layout passes a change posts, one after the
    other, and the repaint. (One ``processEvents`` call leaves the events posted while it
    ran for the next call, which would be timed with the other window's interaction.)"""
    from PySide6.QtCore import QAbstractEventDispatcher, QEventLoop

    dispatcher = QAbstractEventDispatcher.instance()
    assert dispatcher is not None
    for _ in range(SETTLE_ROUNDS):
        if not dispatcher.processEvents(QEventLoop.ProcessEventsFlag.AllEvents):
            return


def _medians(windows: list[_Window], action: Callable[[_Window], object]) -> list[float]:
    """The median time of ``action`` on each window, run in turn (a, b, then b, a, ...)."""
    for w in windows:  # untimed: the day's first write, first-use paths
        action(w)
        settle()
    times: list[list[float]] = [[] for _ in windows]
    for r in range(REPEAT):
        order = list(range(len(windows)))
        if r % 2:
            order.reverse()
        for k in order:
            t0 = time.perf_counter()
            action(windows[k])
            settle()
            times[k].append(time.perf_counter() - t0)
    return [statistics.median(t) for t in times]


def _measure(history: Path, baseline: Path) -> dict[str, tuple[float, float]]:
    windows = [_Window(history), _Window(baseline)]
    try:
        if windows[0].shown() != windows[1].shown():
            raise RuntimeError("the baseline store does not show what the history shows: "
                               "its ratio would not be fair")
        out: dict[str, tuple[float, float]] = {}

        def run(name: str, action: Callable[[_Window], object]) -> None:
            for w in windows:
                w.n = 0
            figure, base = _medians(windows, action)
            out[name] = (figure, base)

        run("move a session", _Window.move)
        run("switch week", _Window.switch_week)
        run("switch page", _Window.switch_page)
        for w in windows:
            w.today_page = w.window.show_page("today")
        settle()
        run("tick a checklist box", _Window.tick)
        run("mark a session done", _Window.mark)
        return out
    finally:
        for w in windows:
            w.close()


def _first_writes(stores: list[Path], tmp: Path) -> list[float]:
    """The median time of the day's first write on each store: a tick's check-in on a copy
    not yet written today, which first runs the day's file check and backup."""
    from core.app import open_app
    from core.checkin import CheckIn

    times: list[list[float]] = [[] for _ in stores]
    for r in range(FIRST_WRITES):
        order = list(range(len(stores)))
        if r % 2:
            order.reverse()
        for k in order:
            copy = tmp / f"first-write-{r}-{k}"
            shutil.copytree(stores[k], copy, ignore=shutil.ignore_patterns("backups"))
            app = open_app(copy, lambda: TODAY)
            try:
                app.queries.plan()  # the window has read it: the file is open
                app.store.verify()  # and checked it at start (desktop.app)
                t0 = time.perf_counter()
                app.ops.check_in(CheckIn(TODAY, stretch_done=True))
                times[k].append(time.perf_counter() - t0)
            finally:
                app.close()
    return [statistics.median(t) for t in times]


def run() -> list[tuple[str, float, float]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from bench.make_history import make_history, make_recent_user

    with tempfile.TemporaryDirectory() as tmp:
        history, baseline = Path(tmp) / "history", Path(tmp) / "shown-weeks"
        make_history(history, years=5, today=TODAY)
        make_recent_user(baseline, days=(TODAY - SHOWN_FROM).days, today=TODAY)
        measured = _measure(history, baseline)
        figure, base = _first_writes([history, baseline], Path(tmp))
        measured["first write of the day"] = (figure, base)
    rows: list[tuple[str, float, float]] = []
    for name, (figure, base) in measured.items():
        rows.append((f"{name}: 5 years vs only the shown weeks' logs", figure, base))
        rows.append((f"{name}: 5 years of history vs one 60 Hz frame", figure, FRAME_S))
    return rows
