"""Start-up checks: a missing display or X11 library gives one clear line and exit 1, not
Qt's abort."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import startup

ROOT = Path(__file__).resolve().parents[2]


def _all_present(soname: str) -> bool:
    return True


def test_no_display_on_linux_names_the_problem_and_the_way_out() -> None:
    message = startup.check_display({}, "linux")
    assert message is not None
    assert "DISPLAY" in message and "WAYLAND_DISPLAY" in message
    assert "QT_QPA_PLATFORM=offscreen" in message


@pytest.mark.parametrize(
    "env",
    [{"DISPLAY": ":0"}, {"WAYLAND_DISPLAY": "wayland-0"}, {"QT_QPA_PLATFORM": "offscreen"}],
)
def test_any_display_or_chosen_platform_passes(env: dict[str, str]) -> None:
    assert startup.check_display(env, "linux") is None


def test_display_check_only_applies_to_linux() -> None:
    assert startup.check_display({}, "win32") is None
    assert startup.check_display({}, "darwin") is None


def test_missing_xcb_library_names_library_and_package() -> None:
    message = startup.check_xcb_libs(
        {"DISPLAY": ":0"}, "linux", finder=lambda soname: soname != "libxcb-cursor.so.0"
    )
    assert message == (
        "missing system library libxcb-cursor.so.0: "
        "install it with 'sudo apt install libxcb-cursor0'"
    )


def test_missing_keysyms_library_is_reported_with_its_own_package() -> None:
    message = startup.check_xcb_libs(
        {"QT_QPA_PLATFORM": "xcb"}, "linux", finder=lambda soname: "keysyms" not in soname
    )
    assert message is not None
    assert "libxcb-keysyms.so.1" in message and "libxcb-keysyms1" in message
    assert "\n" not in message


def test_all_xcb_libraries_present_passes() -> None:
    assert startup.check_xcb_libs({"DISPLAY": ":0"}, "linux", finder=_all_present) is None


@pytest.mark.parametrize(
    "env",
    [
        {"QT_QPA_PLATFORM": "offscreen", "DISPLAY": ":0"},
        {"QT_QPA_PLATFORM": "wayland"},
        {"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0", "XDG_SESSION_TYPE": "wayland"},
    ],
)
def test_xcb_libraries_are_not_required_when_xcb_is_not_used(env: dict[str, str]) -> None:
    assert startup.check_xcb_libs(env, "linux", finder=lambda soname: False) is None


def _answers(display: str) -> bool:
    return True


def test_preflight_reports_the_display_before_libraries() -> None:
    assert startup.preflight({}, "linux", finder=lambda soname: False) == (
        startup.NO_DISPLAY_MESSAGE
    )
    assert startup.preflight({"DISPLAY": ":0"}, "linux", finder=_all_present,
                             probe=_answers) is None
    missing = startup.preflight({"DISPLAY": ":0"}, "linux", finder=lambda soname: False,
                                probe=_answers)
    assert missing is not None and missing.startswith("missing system library")


def test_unreachable_x_display_is_named_in_the_message() -> None:
    message = startup.preflight({"DISPLAY": ":42"}, "linux", finder=_all_present,
                                probe=lambda display: display != ":42")
    assert message is not None
    assert "':42'" in message and "QT_QPA_PLATFORM=offscreen" in message


def test_x_display_is_not_probed_for_other_platforms() -> None:
    def refuse(display: str) -> bool:
        raise AssertionError("probed")

    env = {"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}
    assert startup.check_x_display(env, "linux", probe=refuse) is None


def test_real_probe_sees_no_x_server_on_an_unused_display() -> None:
    if not startup.library_present("libxcb.so.1"):
        pytest.skip("libxcb not installed")
    display = ":4711"
    assert not Path(f"/tmp/.X11-unix/X{display[1:]}").exists()
    assert startup.x_display_answers(display) is False


def test_library_present_finds_the_c_library_and_not_a_made_up_one() -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("sonames are a Linux thing")
    assert startup.library_present("libc.so.6")
    assert not startup.library_present("libno-such-runner-legs-lib.so.9")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="display check is Linux-only")
def test_app_without_display_prints_one_line_and_exits_1(tmp_path: Path) -> None:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    env["RUNNER_LEGS_HOME"] = str(tmp_path / "data")
    env["PYTHONPATH"] = str(ROOT)
    result = subprocess.run(
        [sys.executable, "-c", "import sys; from desktop.launch import main; sys.exit(main())"],
        env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert startup.NO_DISPLAY_MESSAGE in lines[0]
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "data").exists()
