"""The README's command-line examples answer as the README says, whatever day it is."""

from __future__ import annotations

import json
import shlex
from pathlib import Path

import pytest

from tests.cli.helpers import run_cli

README = Path(__file__).resolve().parents[2] / "README.md"


def _example(command: str) -> list[str]:
    """The arguments of the README's ``runner-legs <command> ...`` example line."""
    for line in README.read_text(encoding="utf-8").splitlines():
        if not line.startswith(f"runner-legs {command} "):
            continue
        words = shlex.split(line, comments=True)
        if words[:2] == ["runner-legs", command]:
            return words[1:]
    raise AssertionError(f"README has no 'runner-legs {command}' example")


@pytest.mark.parametrize("today", ["2026-11-20", "2026-12-05", "2031-06-30"])
def test_the_targets_example_answers_for_a_day_inside_the_demo_plan(
        tmp_path: Path, today: str) -> None:
    args = _example("targets")
    result = run_cli(*args, "--format", "json", home=tmp_path, today=today)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["date"] == args[args.index("--date") + 1]
    assert not any("outside the plan" in w for w in answer["warnings"]), answer["warnings"]
    assert answer["session_kind"] != "rest"
