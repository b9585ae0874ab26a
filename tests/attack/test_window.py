"""The window's start: every start-up problem is one dialog, or with ``--smoke`` one stderr
line and exit 1 (never a wait, never a traceback); the damaged-database dialog can pick an
older readable backup; the single-instance socket is private to the user."""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from core import clock
from tests.attack.conftest import Tmpfs
from tests.attack.helpers import make_home, snapshot

DB = "runner-legs.sqlite3"
LAUNCH = "import sys; from desktop.launch import main; sys.exit(main())"


def smoke(data_dir: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", RUNNER_LEGS_TODAY="2026-11-21",
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    env.pop("RUNNER_LEGS_HOME", None)
    return subprocess.run([sys.executable, "-c", LAUNCH, "--smoke", f"--data-dir={data_dir}"],
                          capture_output=True, text=True, env=env, timeout=90)


def one_failure_line(result: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert result.returncode == 1, result.stderr
    return lines[0]


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_home(tmp_path / "data", monkeypatch)


def _sql(home: Path, *sql: str) -> None:
    conn = sqlite3.connect(home / DB)
    with conn:
        for s in sql:
            conn.execute(s)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def _newer(home: Path) -> str:
    _sql(home, "PRAGMA user_version = 99")
    return "newer version"


def _foreign(home: Path) -> str:
    (home / DB).unlink()
    conn = sqlite3.connect(home / DB)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.close()
    return "another program"


def _bad_stored_json(home: Path) -> str:
    _sql(home, "UPDATE profile SET data = 'not json {'")
    return "damaged"


def _zeroed(home: Path) -> str:
    _sql(home)
    (home / DB).write_bytes(b"\0" * (home / DB).stat().st_size)
    return "damaged"


def _truncated(home: Path) -> str:
    _sql(home)
    data = (home / DB).read_bytes()
    (home / DB).write_bytes(data[: len(data) // 2])
    return "damaged"


def _empty(home: Path) -> str:
    _sql(home)
    for side in ("-wal", "-shm"):
        (home / (DB + side)).unlink(missing_ok=True)
    (home / DB).write_bytes(b"")
    return "damaged"


@pytest.mark.parametrize("damage", [_newer, _foreign, _bad_stored_json, _zeroed, _truncated,
                                    _empty])
def test_a_smoke_start_says_each_problem_in_one_line(home: Path, tmp_path: Path,
                                                     damage: Any) -> None:
    word = damage(home)
    before = snapshot(home)
    line = one_failure_line(smoke(home, tmp_path))
    assert word in line, line
    assert snapshot(home) == before


def test_a_data_dir_that_is_a_file_is_one_line(tmp_path: Path) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("mine")
    for folder in (a_file, a_file / "inside"):
        line = one_failure_line(smoke(folder, tmp_path))
        assert "is a file" in line
    assert a_file.read_text() == "mine"


@pytest.mark.slow
def test_a_read_only_first_start_is_one_line(tmpfs: Tmpfs, tmp_path: Path) -> None:
    tmpfs.read_only()
    line = one_failure_line(smoke(tmpfs.path / "data", tmp_path))
    assert "Read-only" in line or "read-only" in line


def test_an_unusable_backup_chosen_in_the_dialog_is_one_dialog(
        home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        tmp_path: Path) -> None:
    from desktop.app import run
    from desktop.dialogs.damaged import DamagedDatabaseDialog
    from desktop.dialogs.messages import ErrorMessage

    _zeroed(home)
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"SQLite format 3\x00" + b"\x01" * 4000)
    monkeypatch.setattr(DamagedDatabaseDialog, "ask", classmethod(lambda cls, p, e: junk))
    said: list[str] = []
    monkeypatch.setattr(ErrorMessage, "ask",
                        classmethod(lambda cls, parent, title, text: said.append(text)))
    before = snapshot(home)
    assert run([], smoke=True, data_dir=str(home), dialogs=True) == 1
    assert len(said) == 1 and "cannot be used" in said[0]
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and "cannot be used" in err[0]
    assert snapshot(home) == before


def test_the_damaged_dialog_can_pick_an_older_readable_backup(
        home: Path, monkeypatch: pytest.MonkeyPatch, qtbot: Any) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

    from core.store import DamagedDatabase, open_repository, readable_backups
    from desktop.dialogs.damaged import DamagedDatabaseDialog

    folder = home / "backups"
    newest = readable_backups(home)[0]
    older = folder / "runner-legs-2026-11-01.sqlite3"
    older.write_bytes(newest.read_bytes())
    (folder / "runner-legs-2026-12-01.sqlite3").write_bytes(b"\0" * 4096)  # unreadable
    _zeroed(home)
    with pytest.raises(DamagedDatabase) as caught:
        open_repository(home, today=clock.today)
    assert caught.value.backups == [newest, older]

    def pick_older_item() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QInputDialog)
        box.setTextValue(box.comboBoxItems()[1])
        box.accept()

    def click_older() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        QTimer.singleShot(0, pick_older_item)
        next(b for b in box.buttons() if b.text() == DamagedDatabaseDialog.OLDER).click()

    QTimer.singleShot(0, click_older)
    assert DamagedDatabaseDialog.ask(None, caught.value) == older


def test_the_single_instance_socket_is_private(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.single_instance import server_name

    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    assert Path(server_name(tmp_path / "data")).parent == runtime
    monkeypatch.delenv("XDG_RUNTIME_DIR")
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    folder = Path(server_name(tmp_path / "data")).parent
    assert folder == tmp_path / f"runner-legs-{os.getuid()}"
    assert folder.stat().st_mode & 0o777 == 0o700
    # Someone else got there first with a wide folder: a private one is used instead.
    folder.chmod(0o777)
    other = Path(server_name(tmp_path / "data")).parent
    assert other != folder and other.stat().st_mode & 0o777 == 0o700


def test_a_peer_of_another_user_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           qtbot: Any) -> None:
    import desktop.single_instance as single
    from desktop.single_instance import SingleInstance, peer_uid

    a, b = socket.socketpair()
    assert peer_uid(a.fileno()) == os.getuid()
    a.close()
    b.close()
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    tmp_path.chmod(0o700)
    first = SingleInstance(tmp_path / "data")
    assert first.claim()
    asked: list[bool] = []
    first.activate_requested.connect(lambda: asked.append(True))
    monkeypatch.setattr(single, "peer_uid", lambda fd: os.getuid() + 1)
    second = SingleInstance(tmp_path / "data")
    assert not second._notify_running(500, wait_for_listener=False), "a server of another user is not trusted"
    monkeypatch.setattr(single, "same_user", lambda fd: True)
    conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    conn.connect(first.name)
    conn.sendall(b"activate\n")
    monkeypatch.setattr(single, "same_user", lambda fd: False)
    qtbot.wait(300)
    conn.close()
    assert asked == []
    first.release()


@pytest.mark.slow
def test_a_read_only_folder_with_data_is_one_line(tmpfs: Tmpfs, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    home = make_home(tmpfs.path / "data", monkeypatch)
    _sql(home)
    tmpfs.read_only()
    line = one_failure_line(smoke(home, tmp_path))
    assert "read-only" in line and "damaged" not in line
