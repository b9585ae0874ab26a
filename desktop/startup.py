"""Start-up checks that turn Qt's hard abort ("could not load the Qt platform plugin") into one
clear line saying what is missing and how to fix it. Imports no Qt, so it works even when
Qt itself cannot load."""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

NO_DISPLAY_MESSAGE = (
    "Runner Legs needs a graphical display: no DISPLAY or WAYLAND_DISPLAY is set "
    "(run it from a desktop session, or set QT_QPA_PLATFORM=offscreen for a headless check)"
)

# System libraries the Qt xcb platform plugin (libqxcb -> libQt6XcbQpa) links against, with the
# Debian/Ubuntu package that provides each. PySide6 wheels ship Qt itself but not these.
XCB_LIBRARIES: tuple[tuple[str, str], ...] = (
    ("libxcb.so.1", "libxcb1"),
    ("libX11.so.6", "libx11-6"),
    ("libX11-xcb.so.1", "libx11-xcb1"),
    ("libxkbcommon.so.0", "libxkbcommon0"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    ("libxcb-cursor.so.0", "libxcb-cursor0"),
    ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ("libxcb-image.so.0", "libxcb-image0"),
    ("libxcb-render.so.0", "libxcb-render0"),
    ("libxcb-render-util.so.0", "libxcb-render-util0"),
    ("libxcb-shape.so.0", "libxcb-shape0"),
    ("libxcb-shm.so.0", "libxcb-shm0"),
    ("libxcb-sync.so.1", "libxcb-sync1"),
    ("libxcb-randr.so.0", "libxcb-randr0"),
    ("libxcb-xfixes.so.0", "libxcb-xfixes0"),
    ("libxcb-xkb.so.1", "libxcb-xkb1"),
    ("libxcb-util.so.1", "libxcb-util1"),
    ("libGL.so.1", "libgl1"),
)

LibraryFinder = Callable[[str], bool]
DisplayProbe = Callable[[str], bool]


def library_present(soname: str) -> bool:
    """True when the dynamic loader can load ``soname`` (as Qt's plugin loader would; a library
    that is found but cannot load counts as missing too)."""
    try:
        ctypes.CDLL(soname)
        return True
    except OSError:
        pass
    bundle_dir = getattr(sys, "_MEIPASS", None)  # PyInstaller bundle: libraries sit beside us
    return bool(bundle_dir) and (Path(str(bundle_dir)) / soname).exists()


def _platform_name(env: Mapping[str, str]) -> str:
    """The first platform plugin Qt will try, from QT_QPA_PLATFORM ("" when unset)."""
    value = env.get("QT_QPA_PLATFORM", "").strip()
    return value.split(";")[0].split(":")[0].strip().lower()


def check_display(env: Mapping[str, str] | None = None,
                  platform: str | None = None) -> str | None:
    """On Linux, a message when there is no display to open and no platform was chosen."""
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    if not platform.startswith("linux"):
        return None
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY") or _platform_name(env):
        return None
    return NO_DISPLAY_MESSAGE


def uses_xcb(env: Mapping[str, str] | None = None, platform: str | None = None) -> bool:
    """Whether Qt will load its xcb (X11) platform plugin with this environment."""
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    if not platform.startswith("linux"):
        return False
    chosen = _platform_name(env)
    if chosen:
        return chosen == "xcb"
    wayland_session = bool(env.get("WAYLAND_DISPLAY")) and (
        env.get("XDG_SESSION_TYPE", "").lower() == "wayland"
    )
    return bool(env.get("DISPLAY")) and not wayland_session


def check_xcb_libs(env: Mapping[str, str] | None = None, platform: str | None = None,
                   finder: LibraryFinder | None = None) -> str | None:
    """When xcb will be used, one line naming the first missing system library and its
    package; None when all are there or another platform is used."""
    if not uses_xcb(env, platform):
        return None
    present = library_present if finder is None else finder
    for soname, package in XCB_LIBRARIES:
        if not present(soname):
            return (f"missing system library {soname}: "
                    f"install it with 'sudo apt install {package}'")
    return None


def x_display_answers(display: str) -> bool:
    """True when an X server accepts a connection on ``display`` (asked through libxcb)."""
    try:
        xcb = ctypes.CDLL("libxcb.so.1")
    except OSError:
        return True  # cannot ask; check_xcb_libs reports the missing library
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(display.encode(), None)
    try:
        return connection is not None and xcb.xcb_connection_has_error(connection) == 0
    finally:
        if connection is not None:
            xcb.xcb_disconnect(connection)


def check_x_display(env: Mapping[str, str] | None = None, platform: str | None = None,
                    probe: DisplayProbe | None = None) -> str | None:
    """When xcb will be used, a message if no X server answers on $DISPLAY."""
    env = os.environ if env is None else env
    if not uses_xcb(env, platform):
        return None
    display = env.get("DISPLAY", "")
    answers = x_display_answers if probe is None else probe
    if display and not answers(display):
        return (f"Runner Legs cannot open the display {display!r}: no X server answers there "
                "(check DISPLAY, or set QT_QPA_PLATFORM=offscreen for a headless check)")
    return None


def preflight(env: Mapping[str, str] | None = None, platform: str | None = None,
              finder: LibraryFinder | None = None,
              probe: DisplayProbe | None = None) -> str | None:
    """Every start-up check in order; the first problem found, or None when all is well."""
    return (check_display(env, platform) or check_xcb_libs(env, platform, finder)
            or check_x_display(env, platform, probe))
