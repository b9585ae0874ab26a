"""Bundle size: the app's one-folder bundle against a bare PySide6 window bundled the same
way (packaging/bundle_config.py). Two PyInstaller builds, so it only runs when
RUNNER_LEGS_BENCH_BUNDLE=1. Target: ratio <= 1.2."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
MB = 1_000_000

BARE_WINDOW = '''\
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

app = QApplication(sys.argv)
window = QMainWindow()
window.setCentralWidget(QLabel("bare window"))
window.show()
if "--smoke" in sys.argv:
    QTimer.singleShot(0, app.quit)
sys.exit(app.exec())
'''

BARE_SPEC = '''\
import sys
from pathlib import Path
sys.path.insert(0, {packaging!r})
import bundle_config
coll = bundle_config.build(globals(), script=Path({script!r}), name="bare-window")
'''


def folder_bytes(folder: Path) -> int:
    """Bytes of every file under ``folder`` (links not followed)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def largest(folder: Path, count: int = 10) -> list[tuple[str, float]]:
    """The biggest files in a bundle, in MB: what dominates its size."""
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    files.sort(key=lambda p: p.lstat().st_size, reverse=True)
    return [(str(p.relative_to(folder)), p.lstat().st_size / MB) for p in files[:count]]


def _pyinstaller(spec: Path, work: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(work / "dist"), "--workpath", str(work / "build"), str(spec)],
        check=True, cwd=ROOT,
    )


def build_app(work: Path) -> Path:
    """Build the app bundle from packaging/runner-legs.spec; its folder."""
    _pyinstaller(PACKAGING / "runner-legs.spec", work)
    return work / "dist" / "runner-legs"


def build_bare(work: Path) -> Path:
    """Build a one-window PySide6 program with the same settings; its folder."""
    work.mkdir(parents=True, exist_ok=True)
    script = work / "bare_window.py"
    script.write_text(BARE_WINDOW, encoding="utf-8")
    spec = work / "bare-window.spec"
    spec.write_text(BARE_SPEC.format(packaging=str(PACKAGING), script=str(script)),
                    encoding="utf-8")
    _pyinstaller(spec, work)
    return work / "dist" / "bare-window"


def run() -> list[tuple[str, float, float]]:
    if os.environ.get("RUNNER_LEGS_BENCH_BUNDLE") != "1":
        return []
    with tempfile.TemporaryDirectory(prefix="runner-legs-bundle-") as tmp:
        app = build_app(Path(tmp) / "app")
        bare = build_bare(Path(tmp) / "bare")
        return [("bundle size MB", folder_bytes(app) / MB, folder_bytes(bare) / MB)]


if __name__ == "__main__":
    # python -m bench.bundle_size DIR...: the biggest files of already built bundles
    for arg in sys.argv[1:]:
        print(f"{arg}: {folder_bytes(Path(arg)) / MB:.1f} MB")
        for name, size in largest(Path(arg)):
            print(f"  {size:7.1f}  {name}")
