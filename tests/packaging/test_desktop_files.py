"""The menu entry, AppStream metainfo and icons a desktop shows for Runner Legs, and the
per-user installer that puts them in place."""

from __future__ import annotations

import configparser
import ctypes
import importlib.util
import shutil
import struct
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

from tests.packaging.validate import desktop_file_errors

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
APP_ID = "io.github.runnerlegs.RunnerLegs"
DESKTOP = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def _pyproject() -> dict[str, object]:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return tomllib.load(handle)


def _entry(path: Path = DESKTOP) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def _installer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("install_desktop", PACKAGING / "install_desktop.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_desktop_entry_starts_the_installed_command_with_our_icon() -> None:
    entry = _entry()
    scripts = _pyproject()["project"]["scripts"]  # type: ignore[index]
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Runner Legs"
    assert entry["Exec"].split()[0] in scripts
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"
    categories = entry["Categories"].rstrip(";").split(";")
    assert "Utility" in categories and "Sports" in categories
    assert entry["Comment"]


def test_metainfo_describes_the_same_app_and_current_version() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("name") == _entry()["Name"]
    assert root.findtext("summary")
    assert root.findtext("project_license") == "MIT"
    description = root.find("description")
    assert description is not None and len(description.findall("p")) >= 1
    launchable = root.find("launchable")
    assert launchable is not None and launchable.text == DESKTOP.name
    releases = root.findall("releases/release")
    assert releases, "metainfo lists no release"
    version = _pyproject()["project"]["version"]  # type: ignore[index]
    assert releases[0].get("version") == version
    assert root.findtext("provides/binary") == "runner-legs"


def test_changelog_has_an_entry_for_the_current_version() -> None:
    version = _pyproject()["project"]["version"]  # type: ignore[index]
    assert f"## [{version}]" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("size", PNG_SIZES)
def test_icon_png_has_the_size_its_folder_says(size: int) -> None:
    png = PACKAGING / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
    header = png.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", header[16:24]) == (size, size)


def test_scalable_icon_is_svg() -> None:
    svg = PACKAGING / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    assert ET.parse(svg).getroot().tag == "{http://www.w3.org/2000/svg}svg"


def test_desktop_entry_names_the_window_class_and_a_single_main_window() -> None:
    from desktop.app import APPLICATION, DESKTOP_FILE

    entry = _entry()
    # On X11 Qt sets WM_CLASS to (program name, application name): the dock groups the
    # window under this entry by that class; on Wayland by the desktop file name.
    assert entry["StartupWMClass"] == APPLICATION
    assert DESKTOP.name == f"{DESKTOP_FILE}.desktop"
    assert entry["SingleMainWindow"] == "true"
    assert entry["Version"] == "1.5"  # the spec version that defines SingleMainWindow


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-utils not installed")
def test_desktop_file_validates() -> None:
    assert desktop_file_errors(DESKTOP) == []


def test_metainfo_screenshots_are_the_repository_screenshots_of_this_release() -> None:
    root = ET.parse(METAINFO).getroot()
    shots = root.findall("screenshots/screenshot")
    assert len(shots) >= 6
    assert [s.get("type") for s in shots].count("default") == 1
    homepage = root.findtext("url[@type='homepage']") or ""
    owner_repo = homepage.removeprefix("https://github.com/")
    version = _pyproject()["project"]["version"]  # type: ignore[index]
    prefix = f"https://raw.githubusercontent.com/{owner_repo}/v{version}/"
    for shot in shots:
        assert shot.findtext("caption")
        url = shot.findtext("image") or ""
        assert url.startswith(prefix), url
        assert (ROOT / url.removeprefix(prefix)).is_file(), url


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream not installed")
def test_metainfo_validates() -> None:
    result = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_install_honours_xdg_data_home_and_points_exec_at_the_bundle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_home = tmp_path / "xdg data"
    monkeypatch.setenv("XDG_DATA_HOME", str(data_home))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    program = tmp_path / "my apps" / "runner-legs"
    program.parent.mkdir()
    program.write_text("#!/bin/sh\n")
    installer = _installer()
    assert installer.main(["--exec", str(program)]) == 0
    installed = data_home / "applications" / DESKTOP.name
    entry = _entry(installed)
    assert entry["Exec"] == f'"{program}"'  # quoted: the path has a space
    assert entry["Icon"] == APP_ID
    assert (data_home / "metainfo" / METAINFO.name).read_bytes() == METAINFO.read_bytes()
    for size in PNG_SIZES:
        assert (data_home / "icons" / "hicolor" / f"{size}x{size}" / "apps"
                / f"{APP_ID}.png").is_file()
    assert not (tmp_path / "home" / ".local").exists()

    assert installer.main(["--uninstall"]) == 0
    assert not installed.exists()
    assert not (data_home / "metainfo" / METAINFO.name).exists()


def test_install_without_xdg_data_home_uses_local_share(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert _installer().main([]) == 0
    entry = _entry(tmp_path / ".local" / "share" / "applications" / DESKTOP.name)
    assert entry["Exec"] == _entry()["Exec"]


def test_install_refuses_a_program_that_does_not_exist(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert _installer().main(["--exec", str(tmp_path / "nope" / "runner-legs")]) == 2
    assert "nope" in capsys.readouterr().err
    assert not (tmp_path / "data").exists()



def _glib_exec_argv(desktop_file: Path) -> list[str] | None:
    """How GLib (GNOME's launcher) reads the Exec key: string unescaping, ``%%`` -> ``%``, then
    shell-style quoting; None when libglib is not installed."""
    try:
        glib = ctypes.CDLL("libglib-2.0.so.0")
    except OSError:
        return None
    glib.g_key_file_new.restype = ctypes.c_void_p
    glib.g_key_file_load_from_file.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int,
                                               ctypes.c_void_p]
    glib.g_key_file_get_string.restype = ctypes.c_void_p
    glib.g_key_file_get_string.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p,
                                           ctypes.c_void_p]
    glib.g_shell_parse_argv.argtypes = [ctypes.c_char_p, ctypes.POINTER(ctypes.c_int),
                                        ctypes.POINTER(ctypes.POINTER(ctypes.c_char_p)),
                                        ctypes.c_void_p]
    glib.g_key_file_free.argtypes = [ctypes.c_void_p]
    keyfile = glib.g_key_file_new()
    try:
        assert glib.g_key_file_load_from_file(keyfile, bytes(desktop_file), 0, None)
        raw = glib.g_key_file_get_string(keyfile, b"Desktop Entry", b"Exec", None)
        assert raw, "GLib could not read the Exec value (an invalid escape sequence)"
        value = ctypes.string_at(raw).replace(b"%%", b"%")
        argc = ctypes.c_int()
        argv = ctypes.POINTER(ctypes.c_char_p)()
        assert glib.g_shell_parse_argv(value, ctypes.byref(argc), ctypes.byref(argv), None)
        return [argv[i].decode() for i in range(argc.value)]
    finally:
        glib.g_key_file_free(keyfile)


def test_exec_path_with_quote_dollar_percent_and_space_is_escaped_as_the_spec_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    program = tmp_path / 'my "apps" $HOME 100%' / "runner-legs"
    program.parent.mkdir()
    program.write_text("#!/bin/sh\n")
    assert _installer().main(["--exec", str(program)]) == 0
    installed = tmp_path / "data" / "applications" / DESKTOP.name
    # quoted; " and $ escaped inside the quotes, every backslash doubled again, % doubled
    expected = str(program).replace('"', '\\\\"').replace("$", "\\\\$").replace("%", "%%")
    assert _entry(installed)["Exec"] == f'"{expected}"'
    if shutil.which("desktop-file-validate"):
        assert desktop_file_errors(installed) == []
    argv = _glib_exec_argv(installed)
    if argv is not None:
        assert argv == [str(program)]


def test_exec_path_with_a_backslash_takes_four_of_them() -> None:
    assert _installer().exec_value("/opt/a\\b/runner-legs") == '"/opt/a\\\\\\\\b/runner-legs"'
    assert _installer().exec_value("/usr/bin/runner-legs") == "/usr/bin/runner-legs"
