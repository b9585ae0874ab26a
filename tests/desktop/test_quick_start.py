"""The start-up path the benchmark times: a user's start stops at the first painted page, the
style is Fusion without asking Python for the QStyle, selected icons look as Qt draws them."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QStyleOption

from desktop.style import highlighted, svg_icon

ROOT = Path(__file__).resolve().parents[2]


def test_a_users_start_stops_at_the_first_painted_page(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from bench.make_history import make_recent_user
    from desktop.app import run
    from tests.desktop.conftest import TODAY

    make_recent_user(tmp_path / "data", today=TODAY)
    monkeypatch.setenv("RUNNER_LEGS_TODAY", TODAY.isoformat())
    assert run([], first_paint=True, data_dir=str(tmp_path / "data")) == 0
    assert gc.isenabled()  # the collector is back on once the page is up
    shown = [w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow"
             and w.isVisible()]
    assert shown, "no main window on screen"
    window: Any = shown[-1]
    assert window.current_page_name() == "today"
    assert set(window.pages) == {"today"}  # only the page that is shown was built
    assert not window.ctx.is_demo()
    window.close()


def test_a_fresh_application_is_fusion_even_when_the_desktop_asks_for_another_style() -> None:
    script = ("from desktop.app import make_app\napp = make_app(['runner-legs'])\n"
              "print(app.style().name(), app.arguments())")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_STYLE_OVERRIDE="windows",
               PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[0] == "fusion"
    assert "-style" not in result.stdout  # Qt took its option off the command line


@pytest.mark.parametrize("colour", ["#2f6fde", "#e5484d"])
def test_a_selected_icon_is_tinted_as_the_style_tints_it(qapp: Any, colour: str) -> None:
    icon = svg_icon("hiit", colour)
    plain = icon.pixmap(QSize(32, 32), QIcon.Mode.Normal)
    mine = icon.pixmap(QSize(32, 32), QIcon.Mode.Selected).toImage()
    option = QStyleOption()
    option.palette = QApplication.palette()
    qts = QApplication.style().generatedIconPixmap(QIcon.Mode.Selected, QPixmap(plain),
                                                   option).toImage()
    assert mine.size() == qts.size()
    assert mine.convertToFormat(qts.format()) == qts
    assert highlighted(plain).toImage() != plain.toImage()  # the tint shows


def test_the_launcher_loads_the_store_before_qt(tmp_path: Path) -> None:
    """PySide6 reads the source of every module imported after it: peewee and the store come
    first (about 15 ms of the first window)."""
    script = ("import sys\nfrom desktop.launch import start\ncode = start(first_paint=True)\n"
              "names = list(sys.modules)\n"
              "print(names.index('peewee') < names.index('PySide6.QtCore'), code)\n")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
               RUNNER_LEGS_HOME=str(tmp_path / "data"), RUNNER_LEGS_TODAY="2026-11-23",
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "0"]
