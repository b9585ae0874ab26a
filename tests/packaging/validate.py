"""desktop-file-validate for the packaging tests, fair to validators older than spec 1.5."""

from __future__ import annotations

import subprocess
import tempfile
from functools import cache
from pathlib import Path


@cache
def validator_knows_spec_1_5() -> bool:
    """desktop-file-utils before 0.27 refuses spec 1.5 (2020) and its SingleMainWindow key."""
    with tempfile.TemporaryDirectory() as tmp:
        probe = Path(tmp) / "probe.desktop"
        probe.write_text("[Desktop Entry]\nType=Application\nVersion=1.5\nName=Probe\n"
                         "Exec=probe\nSingleMainWindow=true\n", encoding="utf-8")
        result = subprocess.run(["desktop-file-validate", str(probe)], capture_output=True,
                                text=True)
    return result.returncode == 0


def desktop_file_errors(path: Path) -> list[str]:
    """The validator's errors for ``path``; with an old validator, not the two it cannot
    know (Version=1.5, SingleMainWindow)."""
    result = subprocess.run(["desktop-file-validate", str(path)], capture_output=True, text=True)
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    if not validator_knows_spec_1_5():
        errors = [e for e in errors if '"1.5"' not in e and "SingleMainWindow" not in e]
    return errors
