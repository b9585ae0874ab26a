"""The quick start path of ``runner-legs`` and the icons drawn on demand."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

import pytest
from PySide6.QtCore import QSize

from desktop.launch import gui_options
from desktop.style import svg_icon


@pytest.mark.parametrize(("args", "expected"), [
    ([], (False, None)),
    (["--smoke"], (True, None)),
    (["--data-dir=/tmp/x", "--smoke"], (True, "/tmp/x")),
])
def test_window_only_arguments_take_the_quick_path(args: list[str], expected: Any) -> None:
    assert gui_options(args) == expected


@pytest.mark.parametrize("args", [
    ["plan"], ["--data-dir", "/tmp/x"], ["--sm"], ["--help"], ["--data-dir="], ["--bogus"],
])
def test_anything_else_goes_to_the_full_parser(args: list[str]) -> None:
    assert gui_options(args) is None


def test_an_unknown_option_is_one_line_and_exit_2() -> None:
    env = {k: v for k, v in os.environ.items() if k != "RUNNER_LEGS_HOME"}
    result = subprocess.run(
        [sys.executable, "-c", "import sys; from desktop.launch import main; sys.exit(main())",
         "--bogus"], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "--bogus" in result.stderr


def test_an_icon_is_drawn_at_the_size_and_scale_asked_for(qapp: Any) -> None:
    icon = svg_icon("hiit", "#d03030")
    for ratio in (1.0, 2.0):
        pixmap = icon.pixmap(QSize(24, 24), ratio)
        assert (pixmap.width(), pixmap.height()) == (round(24 * ratio), round(24 * ratio))
        image = pixmap.toImage()
        inked = sum(1 for x in range(image.width()) for y in range(image.height())
                    if image.pixelColor(x, y).alpha() > 0)
        assert inked > 0, "the icon draws something"


def test_the_same_icon_is_shared_not_rebuilt(qapp: Any) -> None:
    assert svg_icon("strength", "#208080").cacheKey() == svg_icon("strength",
                                                                   "#208080").cacheKey()
