"""Start-up checks that turn Qt's hard abort ("could not load the Qt platform plugin") into one
clear line saying what is missing and how to fix it. Imports no Qt, so it works even when
Qt itself cannot load."""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Callable, Mapping, Sequence
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
    import ctypes  # ctypes and socket are loaded only by the checks that use them

    try:
        ctypes.CDLL(soname)
        return True
    except OSError:
        pass
    bundle_dir = getattr(sys, "_MEIPASS", None)  # PyInstaller bundle: libraries sit beside us
    return bool(bundle_dir) and (Path(str(bundle_dir)) / soname).exists()




def _platform_names(env: Mapping[str, str]) -> list[str]:
    """The platform plugins Qt will try in order, from QT_QPA_PLATFORM ("a;b", each with
    optional ":options"); empty when unset."""
    value = env.get("QT_QPA_PLATFORM", "")
    names = (part.split(":")[0].strip().lower() for part in value.split(";"))
    return [name for name in names if name]


def _platform_name(env: Mapping[str, str]) -> str:
    """The first platform plugin Qt will try, from QT_QPA_PLATFORM ("" when unset)."""
    names = _platform_names(env)
    return names[0] if names else ""


def platform_plugin_dirs(env: Mapping[str, str] | None = None) -> list[Path]:
    """Folders Qt searches for platform plugins: QT_QPA_PLATFORM_PLUGIN_PATH, QT_PLUGIN_PATH
    and PySide6's own (found without importing Qt, also inside the bundle)."""
    env = os.environ if env is None else env
    dirs = [Path(env["QT_QPA_PLATFORM_PLUGIN_PATH"])] if env.get(
        "QT_QPA_PLATFORM_PLUGIN_PATH") else []
    dirs += [Path(p) / "platforms" for p in env.get("QT_PLUGIN_PATH", "").split(os.pathsep) if p]
    try:
        spec = importlib.util.find_spec("PySide6")
    except (ImportError, ValueError):
        spec = None
    packages = list(spec.submodule_search_locations or []) if spec else []
    bundle_dir = getattr(sys, "_MEIPASS", None)
    if bundle_dir:
        packages.append(str(Path(str(bundle_dir)) / "PySide6"))
    dirs += [Path(p) / "Qt" / "plugins" / "platforms" for p in packages]
    return [d for d in dict.fromkeys(dirs) if d.is_dir()]


def plugin_keys(plugin: Path) -> list[str]:
    """The platform names one plugin file answers to, read from the metadata Qt embeds in it
    (a CBOR "Keys" array near the start); the name in the file name when that is unreadable."""
    fallback = [plugin.name.split(".")[0].removeprefix("libq").lower()]
    try:
        with plugin.open("rb") as handle:
            head = handle.read(1 << 16)
    except OSError:
        return []
    at = head.find(b"\x64Keys")  # CBOR: a 4-byte text string "Keys", then an array
    if at < 0 or at + 6 > len(head) or not 0x81 <= head[at + 5] <= 0x97:
        return fallback
    keys: list[str] = []
    pos = at + 6
    for _ in range(head[at + 5] - 0x80):
        size = head[pos] - 0x60 if pos < len(head) else -1
        if not 0 < size < 24 or pos + 1 + size > len(head):
            return fallback
        keys.append(head[pos + 1:pos + 1 + size].decode("ascii", "replace").lower())
        pos += 1 + size
    return keys


def available_platforms(dirs: Sequence[Path] | None = None) -> list[str]:
    """Every platform name the shipped plugins offer, sorted."""
    dirs = platform_plugin_dirs() if dirs is None else dirs
    names = {key for folder in dirs for plugin in folder.glob("libq*.so")
             for key in plugin_keys(plugin)}
    return sorted(names)


def check_platform_plugin(env: Mapping[str, str] | None = None,
                          available: Sequence[str] | None = None) -> str | None:
    """When QT_QPA_PLATFORM names no shipped plugin at all, a message listing the valid names
    (None when it is unset, one of its names is valid, or the plugins cannot be found)."""
    env = os.environ if env is None else env
    chosen = _platform_names(env)
    if not chosen:
        return None
    valid = available_platforms() if available is None else list(available)
    if not valid or any(name in valid for name in chosen):
        return None
    return (f"QT_QPA_PLATFORM={env.get('QT_QPA_PLATFORM', '').strip()!r} is not a Qt platform "
            f"this app ships; use one of: {', '.join(valid)} (or unset it)")


def wayland_socket(env: Mapping[str, str]) -> Path | None:
    """Where the Wayland client library looks for the compositor: $WAYLAND_DISPLAY (default
    wayland-0) itself when absolute, else under $XDG_RUNTIME_DIR; None when it cannot look."""
    name = env.get("WAYLAND_DISPLAY") or "wayland-0"
    if Path(name).is_absolute():
        return Path(name)
    runtime = env.get("XDG_RUNTIME_DIR", "")
    return Path(runtime) / name if runtime else None


def wayland_answers(path: str) -> bool:
    """True when a Wayland compositor accepts a connection on the socket at ``path``."""
    import socket

    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
            probe.settimeout(2)
            probe.connect(path)
    except (OSError, ValueError):  # missing, stale, not a socket, or a path too long
        return False
    return True


def wayland_alive(env: Mapping[str, str], probe: DisplayProbe | None = None) -> bool:
    """Whether Qt's Wayland plugin will find a compositor with this environment."""
    if env.get("WAYLAND_SOCKET"):  # a connection handed over by the compositor itself
        return True
    path = wayland_socket(env)
    answers = wayland_answers if probe is None else probe
    return path is not None and answers(str(path))


def _wayland_message(env: Mapping[str, str]) -> str:
    name = env.get("WAYLAND_DISPLAY") or "wayland-0"
    path = wayland_socket(env)
    where = f"no compositor answers at {path}" if path else "XDG_RUNTIME_DIR is not set"
    return (f"Runner Legs cannot open the Wayland display {name!r}: {where} "
            "(check WAYLAND_DISPLAY, or set QT_QPA_PLATFORM=offscreen for a headless check)")


def check_display(env: Mapping[str, str] | None = None, platform: str | None = None,
                  wayland_probe: DisplayProbe | None = None) -> str | None:
    """On Linux, a message when there is no display to open: none named, a chosen Wayland
    platform without a compositor, or a dead Wayland display and no X11 one to fall back on."""
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    if not platform.startswith("linux"):
        return None
    chosen = _platform_names(env)
    if chosen:
        only_wayland = all(name.startswith("wayland") for name in chosen)
        if only_wayland and not wayland_alive(env, wayland_probe):
            return _wayland_message(env)
        return None
    if env.get("DISPLAY"):
        return None  # Qt falls back to X11 when Wayland fails; the X11 checks follow
    if env.get("WAYLAND_DISPLAY"):
        return None if wayland_alive(env, wayland_probe) else _wayland_message(env)
    return NO_DISPLAY_MESSAGE


def uses_xcb(env: Mapping[str, str] | None = None, platform: str | None = None,
             wayland_probe: DisplayProbe | None = None) -> bool:
    """Whether Qt will load its xcb (X11) platform plugin with this environment: when chosen,
    or when DISPLAY is set and no Wayland compositor answers (Qt tries Wayland first)."""
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    if not platform.startswith("linux"):
        return False
    chosen = _platform_name(env)
    if chosen:
        return chosen == "xcb"
    if not env.get("DISPLAY"):
        return False
    return not (env.get("WAYLAND_DISPLAY") and wayland_alive(env, wayland_probe))


def check_xcb_libs(env: Mapping[str, str] | None = None, platform: str | None = None,
                   finder: LibraryFinder | None = None,
                   wayland_probe: DisplayProbe | None = None) -> str | None:
    """When xcb will be used, one line naming the first missing system library and its
    package; None when all are there or another platform is used."""
    if not uses_xcb(env, platform, wayland_probe):
        return None
    present = library_present if finder is None else finder
    for soname, package in XCB_LIBRARIES:
        if not present(soname):
            return (f"missing system library {soname}: "
                    f"install it with 'sudo apt install {package}'")
    return None


def x_display_answers(display: str) -> bool:
    """True when an X server accepts a connection on ``display`` (asked through libxcb)."""
    import ctypes

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
                    probe: DisplayProbe | None = None,
                    wayland_probe: DisplayProbe | None = None) -> str | None:
    """When xcb will be used, a message if no X server answers on $DISPLAY."""
    env = os.environ if env is None else env
    if not uses_xcb(env, platform, wayland_probe):
        return None
    display = env.get("DISPLAY", "")
    answers = x_display_answers if probe is None else probe
    if display and not answers(display):
        return (f"Runner Legs cannot open the display {display!r}: no X server answers there "
                "(check DISPLAY, or set QT_QPA_PLATFORM=offscreen for a headless check)")
    return None


def preflight(env: Mapping[str, str] | None = None, platform: str | None = None,
              finder: LibraryFinder | None = None, probe: DisplayProbe | None = None,
              wayland_probe: DisplayProbe | None = None,
              available: Sequence[str] | None = None) -> str | None:
    """Every start-up check in order; the first problem found, or None when all is well."""
    return (check_platform_plugin(env, available)
            or check_display(env, platform, wayland_probe)
            or check_xcb_libs(env, platform, finder, wayland_probe)
            or check_x_display(env, platform, probe, wayland_probe))
