"""Atomic writes: the old file survives a failure and no temp file is ever left behind."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from core.export.atomic import ExportError, atomic_write_bytes


def test_replaces_the_old_file_and_leaves_nothing_else(tmp_path: Path) -> None:
    out = tmp_path / "a.ics"
    out.write_bytes(b"old")
    assert atomic_write_bytes(out, b"new") == out
    assert out.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["a.ics"]


def test_a_folder_in_the_way_is_refused_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "a.pdf").mkdir()
    with pytest.raises(ExportError) as info:
        atomic_write_bytes(tmp_path / "a.pdf", b"x")
    assert "\n" not in str(info.value) and "a.pdf" in str(info.value)
    assert [p.name for p in tmp_path.iterdir()] == ["a.pdf"]


def test_a_failed_replace_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "a.pdf"
    out.write_bytes(b"old")

    def broken(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("core.files.os.replace", broken)
    with pytest.raises(ExportError, match="No space left"):
        atomic_write_bytes(out, b"new")
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.pdf"]


def test_a_symlink_is_followed_and_kept(tmp_path: Path) -> None:
    real_dir = tmp_path / "real"
    real_dir.mkdir()
    target = real_dir / "week.pdf"
    target.write_bytes(b"old")
    link = tmp_path / "link.pdf"
    link.symlink_to(target)
    atomic_write_bytes(link, b"new")
    assert link.is_symlink()
    assert target.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.pdf", "real"]
    assert [p.name for p in real_dir.iterdir()] == ["week.pdf"]


def test_a_dangling_symlink_creates_its_target(tmp_path: Path) -> None:
    link = tmp_path / "link.pdf"
    link.symlink_to(tmp_path / "new.pdf")
    atomic_write_bytes(link, b"data")
    assert link.is_symlink()
    assert (tmp_path / "new.pdf").read_bytes() == b"data"


def test_a_named_pipe_is_refused_and_left_alone(tmp_path: Path) -> None:
    fifo = tmp_path / "week.pdf"
    os.mkfifo(fifo)
    with pytest.raises(ExportError) as info:
        atomic_write_bytes(fifo, b"x")
    message = str(info.value)
    assert "\n" not in message and "week.pdf" in message and "not a regular file" in message
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["week.pdf"]


def test_a_symlink_to_a_named_pipe_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "link.pdf"
    link.symlink_to(fifo)
    with pytest.raises(ExportError, match="named pipe"):
        atomic_write_bytes(link, b"x")
    assert link.is_symlink() and stat.S_ISFIFO(os.stat(link).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.pdf", "pipe"]
