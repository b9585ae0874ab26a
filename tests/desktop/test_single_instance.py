"""A second copy for the same data folder hands over to the first instead of opening it
twice; a socket or a lock left behind by a crash does not block the next start."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QDir
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop.single_instance import (
    ALREADY_RUNNING_MESSAGE,
    STILL_STARTING_MESSAGE,
    SingleInstance,
    bring_to_front,
    server_name,
)

# Another copy in a process of its own: claims the folder, says how that went; with "--die"
# it is killed right after the claim, leaving what a crash leaves.
_OTHER_COPY = """
import os, signal, sys
from PySide6.QtCore import QCoreApplication
from desktop.single_instance import SingleInstance
app = QCoreApplication([])
copy = SingleInstance(sys.argv[1])
claimed = copy.claim()
if sys.argv[2:] == ["--die"]:
    os.kill(os.getpid(), signal.SIGKILL)
print(claimed, copy.refusal)
"""


def claims_and_answers(qtbot: QtBot, folder: Path) -> None:
    """A new copy claims ``folder``, and a copy started after it is handed over to it."""
    fresh = SingleInstance(folder)
    later = SingleInstance(folder)
    try:
        assert fresh.claim()
        with qtbot.waitSignal(fresh.activate_requested, timeout=5000):
            assert later.claim() is False
        assert later.refusal == ALREADY_RUNNING_MESSAGE
    finally:
        fresh.release()
        later.release()


def test_second_copy_is_refused_and_first_is_asked_to_come_forward(
    qtbot: QtBot, tmp_path: Path
) -> None:
    claims_and_answers(qtbot, tmp_path)


def test_different_data_folders_run_side_by_side(tmp_path: Path) -> None:
    one = SingleInstance(tmp_path / "one")
    two = SingleInstance(tmp_path / "two")
    try:
        assert one.claim()
        assert two.claim()
    finally:
        one.release()
        two.release()


def test_the_same_folder_written_differently_is_the_same_key(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    assert server_name(tmp_path / "data") == server_name(tmp_path / "data" / ".." / "data")
    assert server_name(tmp_path / "data") != server_name(tmp_path / "other")


def test_a_new_start_after_the_first_quits_is_allowed(qtbot: QtBot, tmp_path: Path) -> None:
    first = SingleInstance(tmp_path)
    assert first.claim()
    first.release()
    again = SingleInstance(tmp_path)
    try:
        assert again.claim()
    finally:
        again.release()


@pytest.mark.skipif(sys.platform == "win32", reason="named pipes leave no file behind")
def test_stale_socket_after_a_crash_does_not_block_a_new_start(
    qtbot: QtBot, tmp_path: Path
) -> None:
    name = server_name(tmp_path)
    path = Path(QDir.tempPath()) / name
    dead = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    dead.bind(str(path))  # a socket file with nobody listening: what a killed copy leaves
    dead.close()
    assert path.exists()
    try:
        claims_and_answers(qtbot, tmp_path)  # and the new copy really answers
    finally:
        path.unlink(missing_ok=True)


def test_bring_to_front_restores_a_minimised_window(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.showMinimized()
    bring_to_front(window)
    assert window.isVisible()
    assert not window.isMinimized()


def test_a_copy_still_starting_holds_the_folder(tmp_path: Path) -> None:
    """Claimed but not listening yet (the window is still checking its file): a later copy
    does not open the same folder too, and says why."""
    first = SingleInstance(tmp_path)
    second = SingleInstance(tmp_path)
    try:
        assert first.claim(listen=False)
        assert second.claim(timeout_ms=200) is False
        assert second.refusal == STILL_STARTING_MESSAGE
    finally:
        first.release()
        second.release()


def test_a_later_copy_waits_for_the_first_to_listen(qtbot: QtBot, tmp_path: Path) -> None:
    """The window opens its socket only once it has painted: a copy started in between keeps
    asking, and the first comes forward as soon as it listens."""
    first = SingleInstance(tmp_path)
    assert first.claim(listen=False)
    later = subprocess.Popen([sys.executable, "-c", _OTHER_COPY, str(tmp_path)],
                             stdout=subprocess.PIPE, text=True)
    try:
        qtbot.wait(400)  # the later copy is asking, and nobody answers yet
        assert later.poll() is None
        with qtbot.waitSignal(first.activate_requested, timeout=5000):
            first.listen()
        out, _ = later.communicate(timeout=10)
    finally:
        later.kill()
        first.release()
    assert out.strip() == f"False {ALREADY_RUNNING_MESSAGE}"


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_lock_left_by_a_killed_copy_does_not_block(qtbot: QtBot, tmp_path: Path) -> None:
    killed = subprocess.run([sys.executable, "-c", _OTHER_COPY, str(tmp_path), "--die"],
                            check=False)
    assert killed.returncode == -signal.SIGKILL
    lock = Path(server_name(tmp_path) + ".lock")
    assert lock.exists()  # what the killed copy left
    claims_and_answers(qtbot, tmp_path)
    assert not lock.exists()


@pytest.mark.slow
def test_starting_the_app_twice_brings_the_first_window_forward(tmp_path: Path) -> None:
    """Two real starts on one data folder: the second says so on stderr and exits 0; the
    first keeps running (it answered once its window was up)."""
    import os
    import time

    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", RUNNER_LEGS_HOME=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_RUNTIME_DIR=str(runtime),
               RUNNER_LEGS_TODAY="2026-11-20")
    start = [sys.executable, "-c", "import sys; from desktop.launch import main; sys.exit(main([]))"]
    first = subprocess.Popen(start, env=env, stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(600):  # until the first copy has claimed the folder
            if list(runtime.glob("*.lock")) or first.poll() is not None:
                break
            time.sleep(0.05)
        assert list(runtime.glob("*.lock")), "the first copy claims its folder"
        second = subprocess.run(start, env=env, capture_output=True, text=True, timeout=60)
        assert second.returncode == 0
        assert ALREADY_RUNNING_MESSAGE in second.stderr
        assert first.poll() is None, "the first copy is still open"
    finally:
        first.terminate()
        first.communicate(timeout=30)
