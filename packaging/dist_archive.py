"""Pack the built bundle with the menu entry, metainfo, icons and install.sh into
dist/runner-legs-<version>-linux-<arch>.tar.gz: the one download a user unpacks and installs.
Standard library only.

    python packaging/dist_archive.py [--bundle dist/runner-legs] [--out dist]
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tarfile
import tempfile
import tomllib
from pathlib import Path

APP_ID = "io.github.runnerlegs.RunnerLegs"
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
README = """Runner Legs {version}

Install (no root rights needed):   ./install.sh
Remove again:                      ./install.sh --uninstall
                                   (or ~/.local/lib/runner-legs/install.sh --uninstall)

The program goes to ~/.local/lib/runner-legs, the command to ~/.local/bin/runner-legs and
the menu entry and icons to ~/.local/share (or $XDG_DATA_HOME). Your plan and logs are kept
in ~/.local/share/runner-legs and are not touched by installing or removing the program.
You can also start it without installing: runner-legs/runner-legs
"""


def project_version(pyproject: Path = ROOT / "pyproject.toml") -> str:
    """The one version, from pyproject.toml."""
    with pyproject.open("rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


def archive_name(version: str, machine: str | None = None) -> str:
    """``runner-legs-<version>-linux-<arch>``: the archive's name and its top folder."""
    return f"runner-legs-{version}-linux-{machine or platform.machine()}"


def archive_members(bundle: Path) -> list[tuple[Path, str]]:
    """(source, name inside the top folder) for every file the archive carries."""
    members: list[tuple[Path, str]] = [(bundle, "runner-legs"),
                                       (HERE / "install.sh", "install.sh"),
                                       (ROOT / "LICENSE", "LICENSE"),
                                       (HERE / f"{APP_ID}.desktop",
                                        f"share/applications/{APP_ID}.desktop"),
                                       (HERE / f"{APP_ID}.metainfo.xml",
                                        f"share/metainfo/{APP_ID}.metainfo.xml")]
    theme = HERE / "icons"
    for icon in sorted(theme.rglob(f"{APP_ID}.*")):
        members.append((icon, f"share/icons/{icon.relative_to(theme).as_posix()}"))
    return members


def _clean(info: tarfile.TarInfo) -> tarfile.TarInfo:
    """No build machine user names in the archive; everything readable, programs runnable."""
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    info.mode = 0o755 if info.isdir() or info.mode & 0o111 else 0o644
    return info


def _add_text(archive: tarfile.TarFile, name: str, text: str) -> None:
    data = text.encode("utf-8")
    info = _clean(tarfile.TarInfo(name))
    info.size = len(data)
    with tempfile.TemporaryFile() as handle:
        handle.write(data)
        handle.seek(0)
        archive.addfile(info, handle)


def build_archive(bundle: Path, out_dir: Path, version: str, machine: str | None = None) -> Path:
    """Write the archive into ``out_dir`` (atomically) and return its path."""
    if not (bundle / "runner-legs").is_file() or not os.access(bundle / "runner-legs", os.X_OK):
        raise FileNotFoundError(f"no bundle at {bundle} (its runner-legs program is missing); "
                                "run 'make bundle' first")
    top = archive_name(version, machine)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{top}.tar.gz"
    fd, tmp = tempfile.mkstemp(dir=out_dir, prefix=f".{target.name}.")
    try:
        with os.fdopen(fd, "wb") as raw:
            with tarfile.open(fileobj=raw, mode="w:gz") as archive:
                for source, name in archive_members(bundle):
                    archive.add(source, f"{top}/{name}", filter=_clean)
                _add_text(archive, f"{top}/VERSION", f"{version}\n")
                _add_text(archive, f"{top}/README.txt", README.format(version=version))
            raw.flush()
            os.fsync(raw.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "runner-legs",
                        help="the one-folder bundle made by 'make bundle'")
    parser.add_argument("--out", type=Path, default=ROOT / "dist",
                        help="folder the archive is written to")
    args = parser.parse_args(argv)
    try:
        target = build_archive(args.bundle, args.out, project_version())
    except FileNotFoundError as exc:
        print(f"dist_archive: {exc}", file=sys.stderr)
        return 2
    print(f"dist-archive: {target} ({target.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
