"""Hostile input on the command line: huge numbers, deep nesting, lone surrogates, devices
and pipes, enormous values, terminal escapes. Each is one line, exit 2, data untouched."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest

from core.profile import DEMO
from tests.attack.helpers import make_home, refused, run, snapshot


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_home(tmp_path / "data", monkeypatch)


def _profile_file(tmp_path: Path, text: str) -> str:
    path = tmp_path / "p.json"
    path.write_text(text, encoding="utf-8")
    return str(path)


def _demo_with(**changes: object) -> str:
    return json.dumps({**DEMO, **changes})


@pytest.mark.parametrize("text", [
    '{"height_cm": ' + "9" * 5000 + "}",              # a number Python will not convert
    "[" * 100_000 + "]" * 100_000,                     # nesting deeper than the recursion limit
    _demo_with(name="A\\ud800B").replace("\\\\", "\\"),  # a lone surrogate
])
def test_hostile_json_is_refused_in_one_line(tmp_path: Path, home: Path, text: str) -> None:
    before = snapshot(home)
    for command in (["profile", "--set"], ["restore"], ["export", "ics", "--out",
                                                        str(tmp_path / "x.ics"), "--profile"]):
        refused(run(*command, _profile_file(tmp_path, text), home=home), 2)
    assert snapshot(home) == before
    assert not (tmp_path / "x.ics").exists()


def test_a_lone_surrogate_in_the_arguments_is_one_line(home: Path) -> None:
    before = snapshot(home)
    line = refused(run("log", "--date", "2026-11-2\udcff", "--sleep-hours", "7", home=home), 2)
    assert "\\udcff" in line
    refused(run("history", "--from", "\udced\udca0\udc80", home=home), 2)
    assert snapshot(home) == before


@pytest.mark.parametrize("flag", ["--weeks", "--sleep-quality"])
def test_a_huge_integer_argument_is_exit_2(home: Path, flag: str) -> None:
    args = (["plan", "--demo", flag, "9" * 5000] if flag == "--weeks"
            else ["log", flag, "9" * 5000])
    line = refused(run(*args, home=home), 2)
    assert len(line) < 1000, "the value is cut, not echoed whole"


def test_a_device_is_refused_without_reading_it(home: Path) -> None:
    before = snapshot(home)
    for command in (["profile", "--set"], ["restore"], ["plan", "--profile"]):
        line = refused(run(*command, "/dev/zero", home=home, timeout=20), 2)
        assert "character device" in line
    assert snapshot(home) == before


def test_a_fifo_is_refused_without_waiting(home: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    before = snapshot(home)
    try:
        for command in (["profile", "--set"], ["restore"], ["plan", "--profile"]):
            line = refused(run(*command, str(fifo), home=home, timeout=20), 2)
            assert "named pipe" in line
    finally:  # never leave a reader or writer blocked
        threading.Thread(target=lambda: os.open(fifo, os.O_RDONLY | os.O_NONBLOCK),
                         daemon=True).start()
    assert snapshot(home) == before


def test_a_10_mb_value_is_not_echoed_whole(home: Path, tmp_path: Path) -> None:
    big = "x" * (10 * 1024 * 1024)
    path = tmp_path / "big.json"
    path.write_text(_demo_with(name=big))
    line = refused(run("profile", "--set", str(path), home=home), 2)
    assert len(line) < 1000
    path.write_text(_demo_with(sex=big[:900_000]))
    assert len(refused(run("profile", "--set", str(path), home=home), 2)) < 1000


@pytest.mark.parametrize("bad", ["\x1b[2J", "\x9b31m", "\u202eevil", "\x07", "tab\x0bx"])
def test_a_name_with_control_characters_is_refused_naming_the_field(
        home: Path, tmp_path: Path, bad: str) -> None:
    before = snapshot(home)
    line = refused(run("profile", "--set", _profile_file(tmp_path, _demo_with(name=bad)),
                       home=home), 2)
    assert line.startswith("runner-legs: name must be")
    assert not any(c in line for c in "\x1b\x9b\u202e\x07\x0b")
    assert snapshot(home) == before


def test_terminal_escapes_never_reach_the_terminal(home: Path, tmp_path: Path) -> None:
    evil = "\x1b]0;pwned\x07\x9b2J\u202e"
    unsafe = "\x1b\x07\x9b\u202e"
    result = run("backup", "--out", str(tmp_path / f"b{evil}.json"), home=home)
    assert result.returncode == 0, result.stderr
    assert not any(c in result.stdout for c in unsafe), result.stdout
    line = refused(run("restore", str(tmp_path / f"missing{evil}.json"), home=home), 2)
    assert not any(c in line for c in unsafe)
    assert "\\u001b" in line


def test_a_failing_command_says_exactly_one_line(home: Path, tmp_path: Path) -> None:
    # --weeks builds a fresh plan (a note on stderr), then the write fails: only the error.
    refused(run("export", "plan-pdf", "--weeks", "8", "--out",
                str(tmp_path / "missing" / "p.pdf"), home=home), 2)
    ok = run("export", "ics", "--weeks", "8", "--out", str(tmp_path / "p.ics"), home=home)
    assert ok.returncode == 0 and "fresh plan" in ok.stderr
