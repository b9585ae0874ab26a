"""A second copy for the same data folder hands over to the first instead of opening it
twice; a socket left behind by a crash does not block the next start."""

from __future__ import annotations

import socket
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QDir
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop.single_instance import SingleInstance, bring_to_front, server_name


def test_second_copy_is_refused_and_first_is_asked_to_come_forward(
    qtbot: QtBot, tmp_path: Path
) -> None:
    first = SingleInstance(tmp_path)
    second = SingleInstance(tmp_path)
    try:
        assert first.claim()
        with qtbot.waitSignal(first.activate_requested, timeout=5000):
            assert second.claim() is False
    finally:
        first.release()
        second.release()


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
    fresh = SingleInstance(tmp_path)
    later = SingleInstance(tmp_path)
    try:
        assert fresh.claim()
        # and the new copy really answers: a later start hands over to it
        with qtbot.waitSignal(fresh.activate_requested, timeout=5000):
            assert later.claim() is False
    finally:
        fresh.release()
        later.release()
        path.unlink(missing_ok=True)


def test_bring_to_front_restores_a_minimised_window(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.showMinimized()
    bring_to_front(window)
    assert window.isVisible()
    assert not window.isMinimized()
