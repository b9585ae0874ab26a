"""The download a user gets: `make dist-archive` packs the bundle with the desktop files and
install.sh, and install.sh puts it in ~/.local and takes it out again. Runs against a fake
bundle folder (a shell script standing in for the program), in a temporary HOME."""

from __future__ import annotations

import configparser
import importlib.util
import os
import shutil
import subprocess
import tarfile
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

from tests.packaging.validate import desktop_file_errors

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
APP_ID = "io.github.runnerlegs.RunnerLegs"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)

pytestmark = pytest.mark.skipif(shutil.which("sh") is None, reason="needs a POSIX shell")


def _packer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dist_archive", PACKAGING / "dist_archive.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


def _fake_bundle(folder: Path) -> Path:
    """A folder shaped like dist/runner-legs: the program plus its _internal files."""
    (folder / "_internal").mkdir(parents=True)
    (folder / "_internal" / "libpython.so").write_bytes(b"\x7fELF fake")
    program = folder / "runner-legs"
    program.write_text('#!/bin/sh\necho "runner-legs ran with $*"\n')
    program.chmod(0o755)
    return folder


def _unpacked(tmp_path: Path) -> Path:
    """Build the archive from a fake bundle and unpack it as a user would."""
    archive = _packer().build_archive(_fake_bundle(tmp_path / "bundle"), tmp_path / "dist",
                                      _version(), "x86_64")
    with tarfile.open(archive) as tar:
        tar.extractall(tmp_path / "download", filter="tar")
    return tmp_path / "download" / f"runner-legs-{_version()}-linux-x86_64"


def _run(script: Path, home: Path, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
    env = {"HOME": str(home), "PATH": os.environ.get("PATH", "/usr/bin:/bin"), **extra}
    return subprocess.run(["sh", str(script), *args], env=env, capture_output=True, text=True,
                          timeout=120)


def _entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def _all_files(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if p.is_file() or p.is_symlink()}


def test_archive_is_named_for_the_version_and_holds_everything_install_needs(
    tmp_path: Path,
) -> None:
    archive = _packer().build_archive(_fake_bundle(tmp_path / "bundle"), tmp_path / "dist",
                                      _version(), "x86_64")
    assert archive.name == f"runner-legs-{_version()}-linux-x86_64.tar.gz"
    top = f"runner-legs-{_version()}-linux-x86_64"
    with tarfile.open(archive) as tar:
        members = {m.name: m for m in tar.getmembers()}
    expected = {"install.sh", "runner-legs/runner-legs", "runner-legs/_internal/libpython.so",
                "LICENSE", "VERSION", "README.txt",
                f"share/applications/{APP_ID}.desktop", f"share/metainfo/{APP_ID}.metainfo.xml",
                f"share/icons/hicolor/scalable/apps/{APP_ID}.svg"}
    expected |= {f"share/icons/hicolor/{s}x{s}/apps/{APP_ID}.png" for s in PNG_SIZES}
    assert {f"{top}/{name}" for name in expected} <= set(members)
    assert all(name.startswith(f"{top}/") for name in members)
    assert members[f"{top}/install.sh"].mode & 0o111
    assert members[f"{top}/runner-legs/runner-legs"].mode & 0o111
    assert all(m.uname == "" and m.uid == 0 for m in members.values())


def test_archive_refuses_a_folder_without_the_program(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(FileNotFoundError, match="make bundle"):
        _packer().build_archive(tmp_path / "empty", tmp_path / "dist", _version(), "x86_64")
    assert not (tmp_path / "dist").exists() or not any((tmp_path / "dist").iterdir())


def test_install_puts_the_program_command_menu_entry_and_icons_in_local(tmp_path: Path) -> None:
    unpacked = _unpacked(tmp_path)
    home = tmp_path / "home"
    home.mkdir()
    result = _run(unpacked / "install.sh", home)
    assert result.returncode == 0, result.stderr

    program = home / ".local" / "lib" / "runner-legs" / "runner-legs"
    command = home / ".local" / "bin" / "runner-legs"
    assert command.is_symlink() and command.resolve() == program.resolve()
    ran = subprocess.run([str(command), "--smoke"], capture_output=True, text=True, timeout=60)
    assert ran.stdout.strip() == "runner-legs ran with --smoke"

    share = home / ".local" / "share"
    entry = _entry(share / "applications" / f"{APP_ID}.desktop")
    assert entry["Exec"] == str(program)  # absolute: the menu does not depend on PATH
    assert entry["Icon"] == APP_ID and entry["Name"] == "Runner Legs"
    assert (share / "metainfo" / f"{APP_ID}.metainfo.xml").read_bytes() == (
        PACKAGING / f"{APP_ID}.metainfo.xml").read_bytes()
    for size in PNG_SIZES:
        assert (share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png").is_file()
    if shutil.which("desktop-file-validate"):
        assert desktop_file_errors(share / "applications" / f"{APP_ID}.desktop") == []


def test_uninstall_removes_exactly_what_install_added(tmp_path: Path) -> None:
    unpacked = _unpacked(tmp_path)
    home = tmp_path / "home"
    (home / ".local" / "bin").mkdir(parents=True)
    (home / ".local" / "bin" / "other-tool").write_text("#!/bin/sh\n")
    data = home / ".local" / "share" / "runner-legs"  # the user's plan and logs
    data.mkdir(parents=True)
    (data / "runner-legs.sqlite3").write_bytes(b"training data")
    (home / ".local" / "share" / "applications").mkdir()
    (home / ".local" / "share" / "applications" / "other.desktop").write_text("[Desktop Entry]\n")
    before = _all_files(home)

    assert _run(unpacked / "install.sh", home).returncode == 0
    assert _all_files(home) > before
    installed_copy = home / ".local" / "lib" / "runner-legs" / "install.sh"
    shutil.rmtree(tmp_path / "download")  # the download can be deleted after installing
    result = _run(installed_copy, home, "--uninstall")
    assert result.returncode == 0, result.stderr
    assert _all_files(home) == before
    assert not (home / ".local" / "lib" / "runner-legs").exists()
    assert (data / "runner-legs.sqlite3").read_bytes() == b"training data"


def test_install_honours_xdg_data_home_and_escapes_an_odd_home(tmp_path: Path) -> None:
    unpacked = _unpacked(tmp_path)
    home = tmp_path / 'my "home" $USER 100%'
    home.mkdir()
    data_home = tmp_path / "xdg data"
    result = _run(unpacked / "install.sh", home, XDG_DATA_HOME=str(data_home))
    assert result.returncode == 0, result.stderr
    assert not (home / ".local" / "share").exists()
    desktop = data_home / "applications" / f"{APP_ID}.desktop"
    program = home / ".local" / "lib" / "runner-legs" / "runner-legs"
    spec = importlib.util.spec_from_file_location("install_desktop",
                                                  PACKAGING / "install_desktop.py")
    assert spec is not None and spec.loader is not None
    installer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(installer)
    # the shell installer escapes exactly as the Python one (tested against the spec there)
    assert _entry(desktop)["Exec"] == installer.exec_value(str(program))
    assert _entry(desktop)["Exec"].startswith('"') and "%%" in _entry(desktop)["Exec"]
    if shutil.which("desktop-file-validate"):
        assert desktop_file_errors(desktop) == []

    # uninstalling later with another XDG_DATA_HOME still removes what was installed
    assert _run(program.parent / "install.sh", home, "--uninstall").returncode == 0
    assert not desktop.exists()
    assert not any(p.is_file() for p in data_home.rglob("*"))


def test_install_refuses_to_overwrite_a_runner_legs_command_it_did_not_make(
    tmp_path: Path,
) -> None:
    unpacked = _unpacked(tmp_path)
    home = tmp_path / "home"
    theirs = home / ".local" / "bin" / "runner-legs"
    theirs.parent.mkdir(parents=True)
    theirs.write_text("#!/bin/sh\necho pip version\n")
    before = _all_files(home)
    result = _run(unpacked / "install.sh", home)
    assert result.returncode == 1
    assert str(theirs) in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert _all_files(home) == before
    assert theirs.read_text() == "#!/bin/sh\necho pip version\n"


def test_reinstall_replaces_the_program_and_keeps_one_set_of_files(tmp_path: Path) -> None:
    unpacked = _unpacked(tmp_path)
    home = tmp_path / "home"
    home.mkdir()
    assert _run(unpacked / "install.sh", home).returncode == 0
    first = _all_files(home)
    (unpacked / "runner-legs" / "runner-legs").write_text('#!/bin/sh\necho "new build"\n')
    assert _run(unpacked / "install.sh", home).returncode == 0
    assert _all_files(home) == first
    ran = subprocess.run([str(home / ".local" / "bin" / "runner-legs")], capture_output=True,
                         text=True, timeout=60)
    assert ran.stdout.strip() == "new build"


def test_uninstall_when_nothing_is_installed_changes_nothing(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    result = _run(PACKAGING / "install.sh", home, "--uninstall")
    assert result.returncode == 0
    assert "not installed" in result.stdout
    assert not any(home.iterdir())


def test_install_from_a_folder_that_is_not_an_unpacked_archive_says_so(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    result = _run(PACKAGING / "install.sh", home)  # the source tree has no bundle beside it
    assert result.returncode == 1
    assert "unpacked Runner Legs archive" in result.stderr
    assert not any(home.iterdir())


@pytest.mark.skipif(shutil.which("shellcheck") is None, reason="shellcheck not installed")
def test_install_script_passes_shellcheck_as_posix_sh() -> None:
    result = subprocess.run(["shellcheck", "-s", "sh", str(PACKAGING / "install.sh")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
