"""Install (or remove) the menu entry, AppStream metainfo and icons for the current user,
under $XDG_DATA_HOME (default ~/.local/share). Standard library only.

    python packaging/install_desktop.py [--exec COMMAND] [--uninstall]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

APP_ID = "io.github.runnerlegs.RunnerLegs"
HERE = Path(__file__).resolve().parent
DESKTOP_FILE = HERE / f"{APP_ID}.desktop"
METAINFO_FILE = HERE / f"{APP_ID}.metainfo.xml"
ICON_THEME = HERE / "icons" / "hicolor"


def data_home(env: dict[str, str] | None = None) -> Path:
    """$XDG_DATA_HOME when set to an absolute path (as the spec requires), else ~/.local/share."""
    env = dict(os.environ) if env is None else env
    value = env.get("XDG_DATA_HOME", "")
    if value and Path(value).is_absolute():
        return Path(value)
    return Path(env.get("HOME", str(Path.home()))) / ".local" / "share"


# Characters that make the Desktop Entry spec require a quoted Exec argument.
_RESERVED = frozenset(' \t\n"\'\\><~|&;$*?#()`')


def exec_value(command: str) -> str:
    """``command`` (one program path) as the value of an Exec key, following the Desktop Entry
    spec: quoted when it holds a reserved character, with ``"`$\\`` backslash-escaped inside
    the quotes; ``%`` doubled so it is not a field code; then the string-level escapes, which
    double every backslash again (so a literal ``$`` ends up as ``\\$``)."""
    if any(c in _RESERVED for c in command):
        inner = "".join("\\" + c if c in '"`$\\' else c for c in command)
        command = f'"{inner}"'
    command = command.replace("%", "%%")
    string_escapes = {"\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}
    return "".join(string_escapes.get(c, c) for c in command)


def desktop_text(command: str | None) -> str:
    """The desktop file, with Exec pointing at ``command`` when one is given."""
    lines = DESKTOP_FILE.read_text(encoding="utf-8").splitlines()
    if command:
        lines = [f"Exec={exec_value(command)}" if ln.startswith("Exec=") else ln for ln in lines]
    return "\n".join(lines) + "\n"


def _write_atomic(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def planned_files(base: Path) -> dict[Path, Path | None]:
    """Installed path -> source file (None for the desktop file, which is generated)."""
    files: dict[Path, Path | None] = {base / "applications" / DESKTOP_FILE.name: None,
                                      base / "metainfo" / METAINFO_FILE.name: METAINFO_FILE}
    for icon in sorted(ICON_THEME.rglob(f"{APP_ID}.*")):
        files[base / "icons" / "hicolor" / icon.relative_to(ICON_THEME)] = icon
    return files


def install(base: Path, command: str | None) -> list[Path]:
    """Copy every file into ``base``; the list of installed paths."""
    files = planned_files(base)
    for target, source in files.items():
        data = desktop_text(command).encode() if source is None else source.read_bytes()
        _write_atomic(target, data)
    _refresh_caches(base)
    return list(files)


def uninstall(base: Path) -> list[Path]:
    """Remove what ``install`` put there; the list of removed paths."""
    removed = [target for target in planned_files(base) if target.exists()]
    for target in removed:
        target.unlink()
    _refresh_caches(base)
    return removed


def _refresh_caches(base: Path) -> None:
    """Bring the desktop's caches up to date when they exist (a cache created here would
    outlive an uninstall; without one the desktop reads the folders directly)."""
    for tool, folder, cache in (
        ("update-desktop-database", base / "applications", "mimeinfo.cache"),
        ("gtk-update-icon-cache", base / "icons" / "hicolor", "icon-theme.cache"),
    ):
        if shutil.which(tool) and (folder / cache).is_file():
            extra = ["-q", "-t"] if tool == "gtk-update-icon-cache" else ["-q"]
            subprocess.run([tool, *extra, str(folder)], check=False, capture_output=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--exec", dest="command",
                        help="command the menu entry starts (default: runner-legs on PATH)")
    parser.add_argument("--uninstall", action="store_true", help="remove the installed files")
    args = parser.parse_args(argv)
    if args.command and not Path(args.command).is_file() and shutil.which(args.command) is None:
        print(f"install_desktop: --exec {args.command!r} is not a program that exists",
              file=sys.stderr)
        return 2
    base = data_home()
    paths = uninstall(base) if args.uninstall else install(base, args.command)
    verb = "removed" if args.uninstall else "installed"
    print(f"{verb} {len(paths)} files under {base}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
