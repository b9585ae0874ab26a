"""Atomic writes: the old file survives a failure and no temp file is ever left behind."""

from __future__ import annotations

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


def test_a_failed_replace_keeps_the_old_file(tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "a.pdf"
    out.write_bytes(b"old")

    def broken(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("core.files.os.replace", broken)
    with pytest.raises(ExportError, match="No space left"):
        atomic_write_bytes(out, b"new")
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.pdf"]
