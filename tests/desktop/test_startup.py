"""Start-up checks: a missing display or X11 library gives one clear line and exit 1, not
Qt's abort."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
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


def _alive(path: str) -> bool:
    return True


def _dead(path: str) -> bool:
    return False


@pytest.mark.parametrize(
    "env",
    [{"DISPLAY": ":0"}, {"WAYLAND_DISPLAY": "wayland-0", "XDG_RUNTIME_DIR": "/run/user/1000"},
     {"QT_QPA_PLATFORM": "offscreen"}],
)
def test_any_display_or_chosen_platform_passes(env: dict[str, str]) -> None:
    assert startup.check_display(env, "linux", wayland_probe=_alive) is None


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
        {"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0", "XDG_RUNTIME_DIR": "/run/user/1000"},
    ],
)
def test_xcb_libraries_are_not_required_when_xcb_is_not_used(env: dict[str, str]) -> None:
    assert startup.check_xcb_libs(env, "linux", finder=lambda soname: False,
                                  wayland_probe=_alive) is None


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


# --- Wayland: a named display must have a compositor behind it --------------------------------


def test_dead_wayland_display_without_x11_names_the_display_and_where_it_looked() -> None:
    env = {"WAYLAND_DISPLAY": "wayland-9", "XDG_RUNTIME_DIR": "/run/user/1000"}
    message = startup.preflight(env, "linux", finder=_all_present, probe=_answers,
                                wayland_probe=_dead)
    assert message is not None
    assert "'wayland-9'" in message and str(Path("/run/user/1000/wayland-9")) in message
    assert "QT_QPA_PLATFORM=offscreen" in message and "\n" not in message


def test_dead_wayland_display_falls_back_to_the_x11_checks() -> None:
    env = {"WAYLAND_DISPLAY": "wayland-9", "XDG_RUNTIME_DIR": "/run/user/1000", "DISPLAY": ":42"}
    assert startup.check_display(env, "linux", wayland_probe=_dead) is None
    assert startup.uses_xcb(env, "linux", wayland_probe=_dead)
    missing = startup.preflight(env, "linux", finder=lambda s: "cursor" not in s,
                                probe=_answers, wayland_probe=_dead)
    assert missing is not None and "libxcb-cursor0" in missing
    no_x = startup.preflight(env, "linux", finder=_all_present,
                             probe=lambda display: False, wayland_probe=_dead)
    assert no_x is not None and "':42'" in no_x


def test_live_wayland_display_skips_the_x11_checks() -> None:
    env = {"WAYLAND_DISPLAY": "wayland-0", "XDG_RUNTIME_DIR": "/run/user/1000", "DISPLAY": ":42"}
    assert startup.preflight(env, "linux", finder=lambda s: False, probe=lambda d: False,
                             wayland_probe=_alive) is None


def test_wayland_socket_is_looked_for_where_the_client_library_looks() -> None:
    runtime = {"XDG_RUNTIME_DIR": "/run/user/7"}
    assert startup.wayland_socket({"WAYLAND_DISPLAY": "wayland-1", **runtime}) == Path(
        "/run/user/7/wayland-1")
    assert startup.wayland_socket({"WAYLAND_DISPLAY": "/tmp/wl/sock", **runtime}) == Path(
        "/tmp/wl/sock")
    assert startup.wayland_socket(runtime) == Path("/run/user/7/wayland-0")
    assert startup.wayland_socket({"WAYLAND_DISPLAY": "wayland-1"}) is None


def test_chosen_wayland_platform_without_a_compositor_is_reported() -> None:
    env = {"QT_QPA_PLATFORM": "wayland", "XDG_RUNTIME_DIR": "/run/user/1000"}
    message = startup.check_display(env, "linux", wayland_probe=_dead)
    assert message is not None and "'wayland-0'" in message
    assert startup.check_display({**env, "QT_QPA_PLATFORM": "wayland;xcb"}, "linux",
                                 wayland_probe=_dead) is None


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="needs Unix sockets")
def test_real_wayland_probe_tells_a_listening_socket_from_a_stale_or_missing_one() -> None:
    folder = Path(tempfile.mkdtemp(prefix="rl-wl-"))  # short: socket paths are limited
    try:
        path = folder / "wayland-1"
        assert startup.wayland_answers(str(path)) is False
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        server.bind(str(path))
        server.listen(1)
        try:
            assert startup.wayland_answers(str(path)) is True
            env = {"WAYLAND_DISPLAY": "wayland-1", "XDG_RUNTIME_DIR": str(folder)}
            assert startup.check_display(env, "linux") is None
        finally:
            server.close()
        assert path.exists()  # a compositor that crashed leaves its socket file behind
        assert startup.wayland_answers(str(path)) is False
    finally:
        shutil.rmtree(folder)


# --- QT_QPA_PLATFORM must name a plugin that ships ---------------------------------------------


def test_unknown_platform_names_the_valid_ones() -> None:
    message = startup.check_platform_plugin({"QT_QPA_PLATFORM": "bogus"},
                                            available=["offscreen", "wayland", "xcb"])
    assert message is not None
    assert "'bogus'" in message and "offscreen, wayland, xcb" in message
    assert "\n" not in message


@pytest.mark.parametrize("value", ["xcb", "XCB", "offscreen:fontengine=freetype",
                                   "bogus;xcb", ""])
def test_platform_that_ships_or_none_chosen_passes(value: str) -> None:
    env = {"QT_QPA_PLATFORM": value}
    assert startup.check_platform_plugin(env, available=["offscreen", "xcb"]) is None


def test_shipped_platform_plugins_are_found_without_importing_qt() -> None:
    script = ("import sys; from desktop import startup; print(','.join("
              "startup.available_platforms())); print(any(m.startswith('PySide6.Qt') "
              "for m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    names, imported_qt = result.stdout.split()
    # Qt's own "available platform plugins" list on Linux always has these
    assert {"offscreen", "minimal", "xcb", "wayland", "wayland-egl"} <= set(names.split(","))
    assert imported_qt == "False"


def test_plugin_without_readable_metadata_is_known_by_its_file_name(tmp_path: Path) -> None:
    plugin = tmp_path / "libqfancy.so"
    plugin.write_bytes(b"\x7fELF" + bytes(200))
    assert startup.plugin_keys(plugin) == ["fancy"]
    assert startup.available_platforms([tmp_path]) == ["fancy"]


# --- the whole app, as a user starts it ----------------------------------------------------------


def _start_app(tmp_path: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items()
           if key not in ("DISPLAY", "WAYLAND_DISPLAY", "WAYLAND_SOCKET", "QT_QPA_PLATFORM",
                          "XDG_RUNTIME_DIR", "XDG_SESSION_TYPE", "QT_PLUGIN_PATH",
                          "QT_QPA_PLATFORM_PLUGIN_PATH")}
    env["RUNNER_LEGS_HOME"] = str(tmp_path / "data")
    env["PYTHONPATH"] = str(ROOT)
    env.update(extra)
    return subprocess.run(
        [sys.executable, "-c", "import sys; from desktop.launch import main; sys.exit(main())"],
        env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120,
    )


def _assert_one_clean_line(result: subprocess.CompletedProcess[str], tmp_path: Path) -> str:
    assert result.returncode == 1, result.stderr  # Qt's abort would be -6 (134 in a shell)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr and "qt.qpa" not in result.stderr
    assert not (tmp_path / "data").exists()
    return lines[0]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Wayland is Linux-only")
def test_app_with_a_dead_wayland_display_prints_one_line_and_exits_1(tmp_path: Path) -> None:
    runtime = tmp_path / "runtime"
    runtime.mkdir()
    line = _assert_one_clean_line(
        _start_app(tmp_path, WAYLAND_DISPLAY="wayland-9", XDG_RUNTIME_DIR=str(runtime)), tmp_path)
    assert "'wayland-9'" in line and str(runtime / "wayland-9") in line


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="plugins are .so files")
def test_app_with_an_unknown_platform_prints_the_valid_ones_and_exits_1(tmp_path: Path) -> None:
    line = _assert_one_clean_line(_start_app(tmp_path, QT_QPA_PLATFORM="bogus"), tmp_path)
    assert "'bogus'" in line
    for name in ("offscreen", "xcb", "wayland"):
        assert name in line
