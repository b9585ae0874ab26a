"""Shared desktop fixtures: offscreen Qt, a private QSettings per test, a store in tmp_path.

``ctx`` is an AppContext over a Repository in tmp_path with a saved (non-demo) profile whose
plan starts on ``TODAY`` (Monday 23 November 2026), and today pinned to that date.
``demo_ctx`` is a fresh store as on first start (the demo profile). ``main_window`` is a
shown MainWindow over ``ctx``.
"""

from __future__ import annotations

import os

from core import clock
from core.app import App
from core.app.planning import save_profile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402
from datetime import date  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QCoreApplication, QSettings  # noqa: E402

from core.profile import DEMO, profile_from_dict  # noqa: E402

TODAY = date(2026, 11, 23)  # a Monday: the plan starts today
TEST_PROFILE = {**DEMO, "name": "Sam Tester"}


def open_store(data_dir: Path) -> Any:
    """A real Repository in ``data_dir`` (as the app and the command line open it)."""
    from core.store import open_repository

    return open_repository(data_dir, today=clock.today)


@pytest.fixture(autouse=True)
def private_settings(qapp: Any, tmp_path: Path) -> Iterator[Path]:
    """Every test writes QSettings to its own folder under its own organisation."""
    folder = tmp_path / "qsettings"
    folder.mkdir()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    # The old global place (settings from before they lived in the data folder): a start
    # moves them, so a test must never reach the real one.
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope,
                      str(folder / "global"))
    QCoreApplication.setOrganizationName("runner-legs-tests")
    QCoreApplication.setApplicationName("Runner Legs Tests")
    yield folder


@pytest.fixture
def repo(tmp_path: Path) -> Iterator[Any]:
    store = open_store(tmp_path / "data")
    save_profile(store, profile_from_dict(TEST_PROFILE), TODAY)
    yield store
    store.close()


@pytest.fixture
def ctx(repo: Any) -> Any:
    from desktop.context import AppContext

    return AppContext(App(repo, lambda: TODAY))


@pytest.fixture
def demo_ctx(tmp_path: Path) -> Iterator[Any]:
    from desktop.context import AppContext

    store = open_store(tmp_path / "demo-data")
    context = AppContext(App(store, lambda: TODAY))
    context.ensure_profile()
    yield context
    store.close()


@pytest.fixture
def main_window(qtbot: Any, ctx: Any) -> Iterator[Any]:
    from desktop.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.poll_timer.stop()


@pytest.fixture
def open_page(qtbot: Any, tmp_path: Path) -> Iterator[Any]:
    """``open_page(PageClass, profile, saved_on=..., today=..., outcomes=(), checkins=())``:
    a page shown over a fresh store holding that profile (saved on ``saved_on``) and log."""
    from desktop.context import AppContext

    repos: list[Any] = []

    def make(page_cls: Any, profile: Any, *, saved_on: date, today: date,
             outcomes: tuple[Any, ...] = (), checkins: tuple[Any, ...] = ()) -> Any:
        store = open_store(tmp_path / f"data{len(repos)}")
        repos.append(store)
        save_profile(store, profile, saved_on)
        for outcome in outcomes:
            store.save_outcome(outcome)
        for checkin in checkins:
            store.save_checkin(checkin)
        page = page_cls(AppContext(App(store, lambda: today)))
        qtbot.addWidget(page)
        page.resize(1100, 900)
        page.show()
        return page

    yield make
    for store in repos:
        store.close()


@pytest.fixture
def calendar_page(qtbot: Any, ctx: Any) -> Any:
    """The calendar page over ``ctx``, shown, active, the day grid focused."""
    from desktop.pages.calendar import CalendarPage

    widget = CalendarPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    widget.grid.setFocus()
    return widget
