"""The one-folder bundle built by `make bundle` starts, shows every page and quits cleanly
on a machine without Python. Slow (a PyInstaller build): runs only with
RUNNER_LEGS_BUNDLE_TEST=1."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "dist" / "runner-legs"
EXE = BUNDLE / ("runner-legs.exe" if sys.platform == "win32" else "runner-legs")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.environ.get("RUNNER_LEGS_BUNDLE_TEST") != "1",
                       reason="builds the bundle; set RUNNER_LEGS_BUNDLE_TEST=1"),
]


@pytest.fixture(scope="module")
def bundle() -> Path:
    if shutil.which("make") is None:
        pytest.skip("make not installed")
    result = subprocess.run(["make", "bundle"], cwd=ROOT, capture_output=True, text=True,
                            timeout=1800)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert EXE.is_file()
    return BUNDLE


def _env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "PYTHONPATH",
                        "PYTHONHOME", "VIRTUAL_ENV")}
    env["RUNNER_LEGS_HOME"] = str(home)
    env.update(extra)
    return env


def test_bundle_smoke_run_shows_every_page_and_exits_0(bundle: Path, tmp_path: Path) -> None:
    result = subprocess.run([str(EXE), "--smoke"], cwd=tmp_path, capture_output=True,
                            text=True, timeout=300,
                            env=_env(tmp_path / "home", QT_QPA_PLATFORM="offscreen"))
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr


def test_bundle_runs_the_command_line(bundle: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [str(EXE), "plan", "--demo", "--weeks", "4", "--start", "2026-11-23",
         "--format", "json"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120, env=_env(tmp_path / "home"),
    )
    assert result.returncode == 0, result.stderr
    plan = json.loads(result.stdout)
    assert plan["start"] == "2026-11-23"
    assert len(plan["weeks"]) == 4
    assert all(len(week["sessions"]) == 7 for week in plan["weeks"])


def test_bundle_writes_the_fridge_pdf_and_calendar(bundle: Path, tmp_path: Path) -> None:
    for command, name, magic in (("pdf", "fridge.pdf", b"%PDF-"),
                                 ("ics", "plan.ics", b"BEGIN:VCALENDAR")):
        out = tmp_path / name
        result = subprocess.run(
            [str(EXE), "export", command, "--demo", "--start", "2026-11-23", "--out", str(out)],
            cwd=tmp_path, capture_output=True, text=True, timeout=120,
            env=_env(tmp_path / "home"),
        )
        assert result.returncode == 0, result.stderr
        assert out.read_bytes().startswith(magic)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="display check is Linux-only")
def test_bundle_without_display_says_so_in_one_line(bundle: Path, tmp_path: Path) -> None:
    result = subprocess.run([str(EXE)], cwd=tmp_path, capture_output=True, text=True,
                            timeout=120, env=_env(tmp_path / "home"))
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert "needs a graphical display" in result.stderr

    unreachable = subprocess.run([str(EXE)], cwd=tmp_path, capture_output=True, text=True,
                                 timeout=120, env=_env(tmp_path / "home", DISPLAY=":4711"))
    assert unreachable.returncode == 1
    assert len(unreachable.stderr.strip().splitlines()) == 1, unreachable.stderr
    assert "':4711'" in unreachable.stderr or "missing system library" in unreachable.stderr


def test_bundle_carries_version_metadata_fonts_and_no_unused_qt(bundle: Path) -> None:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        version = tomllib.load(handle)["project"]["version"]
    internal = bundle / "_internal"
    metadata = list(internal.glob("runner_legs-*.dist-info/METADATA")) + list(
        internal.glob("runner_legs.egg-info/PKG-INFO"))
    assert metadata, "no runner-legs metadata: importlib.metadata.version() would fail"
    assert f"\nVersion: {version}\n" in metadata[0].read_text(encoding="utf-8")
    for font in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        assert (internal / "resources" / "fonts" / font).is_file()
    assert (internal / "resources" / "styles" / "app.qss").is_file()
    assert (internal / "resources" / "icons" / "runner-legs.svg").is_file()
    names = {p.name for p in internal.rglob("libQt6*")}
    for unused in ("WebEngineCore", "Quick", "Qml", "3DCore", "Multimedia", "Bluetooth",
                   "Positioning", "Sensors", "SerialPort", "WebSockets", "Designer"):
        assert not any(n.startswith(f"libQt6{unused}.") for n in names), unused
    for used in ("Core", "Gui", "Widgets", "Charts", "Svg", "Network", "PrintSupport"):
        assert any(n.startswith(f"libQt6{used}.") for n in names), used
