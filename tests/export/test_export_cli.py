"""``runner-legs export pdf | plan-pdf | ics`` through a real process (SPEC §7)."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from icalendar import Calendar

from tests.export.conftest import reader, squash

MAIN = "import sys; from core.cli import main; sys.exit(main())"
TODAY = "2025-01-22"  # a Wednesday


def run(tmp_path: Path, *args: str, today: str = TODAY) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, RUNNER_LEGS_HOME=str(tmp_path / "home"), RUNNER_LEGS_TODAY=today)
    return subprocess.run([sys.executable, "-c", MAIN, "export", *args], capture_output=True,
                          text=True, env=env, timeout=120)


def _size(path: Path) -> tuple[float, float]:
    box = reader(path.read_bytes()).pages[0].mediabox
    return round(float(box.width)), round(float(box.height))


def test_demo_fridge_pdf_is_one_a4_landscape_page(tmp_path: Path) -> None:
    out = tmp_path / "week.pdf"
    result = run(tmp_path, "pdf", "--demo", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert len(reader(out.read_bytes()).pages) == 1
    assert _size(out) == (842, 595)
    # Without --week: the plan starts on the Monday after today (27 Jan); before it starts,
    # its first week is the current one.
    assert squash("Mon 27 Jan – Sun 2 Feb 2025") in squash(
        reader(out.read_bytes()).pages[0].extract_text())


def test_letter_paper(tmp_path: Path) -> None:
    out = tmp_path / "week.pdf"
    assert run(tmp_path, "pdf", "--demo", "--paper", "letter", "--out", str(out)).returncode == 0
    assert _size(out) == (792, 612)


def test_bad_paper_is_exit_2_with_one_line_and_no_file(tmp_path: Path) -> None:
    out = tmp_path / "week.pdf"
    result = run(tmp_path, "pdf", "--demo", "--paper", "a3", "--out", str(out))
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "--paper" in result.stderr and "a3" in result.stderr
    assert not out.exists()


def test_week_option_without_start_starts_the_plan_on_that_monday(tmp_path: Path) -> None:
    out = tmp_path / "week.pdf"
    result = run(tmp_path, "pdf", "--demo", "--week", "2025-03-13", "--out", str(out))
    assert result.returncode == 0, result.stderr
    text = squash(reader(out.read_bytes()).pages[0].extract_text())
    assert squash("Mon 10 – Sun 16 Mar 2025") in text
    assert squash("WEEK 1") in text


def test_week_outside_the_plan_is_exit_2_naming_its_range(tmp_path: Path) -> None:
    out = tmp_path / "week.pdf"
    result = run(tmp_path, "pdf", "--demo", "--start", "2025-01-06", "--week", "2026-01-01",
                 "--out", str(out))
    assert result.returncode == 2
    assert "2025-01-06" in result.stderr and "2025-03-30" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not out.exists()


def test_missing_output_folder_is_exit_2_and_nothing_is_written(tmp_path: Path) -> None:
    """Exit 2, as ``backup --out`` into a missing folder: the path given is wrong."""
    out = tmp_path / "missing" / "week.pdf"
    result = run(tmp_path, "pdf", "--demo", "--out", str(out))
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "does not exist" in result.stderr
    assert not (tmp_path / "missing").exists()


def test_out_is_required(tmp_path: Path) -> None:
    result = run(tmp_path, "ics", "--demo")
    assert result.returncode == 2
    assert "--out" in result.stderr


def test_profile_file_with_a_hostile_name(tmp_path: Path) -> None:
    name = 'Tom & <Jerry> <img src="x"> Łucja 李'
    profile = tmp_path / "me.json"
    profile.write_text(json.dumps({"name": name, "birth_date": "1990-02-03", "height_cm": 175,
                                   "weight_kg": 70, "sex": "male"}), encoding="utf-8")
    out = tmp_path / "week.pdf"
    result = run(tmp_path, "pdf", "--profile", str(profile), "--start", "2025-02-03",
                 "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert squash(name) in squash(reader(out.read_bytes()).pages[0].extract_text())


def test_invalid_profile_file_is_exit_2(tmp_path: Path) -> None:
    profile = tmp_path / "me.json"
    profile.write_text('{"birth_date": "1990-02-03", "height_cm": 500, "weight_kg": 70}',
                       encoding="utf-8")
    out = tmp_path / "plan.ics"
    result = run(tmp_path, "ics", "--profile", str(profile), "--out", str(out))
    assert result.returncode == 2
    assert "height_cm" in result.stderr
    assert not out.exists()


@pytest.mark.parametrize("weeks", ["4", "6"])
def test_plan_pdf_has_a_cover_and_a_page_per_week(tmp_path: Path, weeks: str) -> None:
    out = tmp_path / "plan.pdf"
    result = run(tmp_path, "plan-pdf", "--demo", "--weeks", weeks, "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert len(reader(out.read_bytes()).pages) == int(weeks) + 1


def test_ics_imports_back(tmp_path: Path) -> None:
    out = tmp_path / "plan.ics"
    result = run(tmp_path, "ics", "--demo", "--start", "2025-01-06", "--weeks", "4",
                 "--out", str(out))
    assert result.returncode == 0, result.stderr
    cal = Calendar.from_ical(out.read_bytes())
    events = [c for c in cal.walk() if c.name == "VEVENT"]
    # Every week has at least one rest day (SPEC §3 rule 1): at most 6 events a week.
    assert 4 * 4 <= len(events) <= 4 * 6


def test_weeks_out_of_range_is_exit_2(tmp_path: Path) -> None:
    result = run(tmp_path, "plan-pdf", "--demo", "--weeks", "30", "--out",
                 str(tmp_path / "p.pdf"))
    assert result.returncode == 2
    assert "--weeks" in result.stderr


def test_the_plan_command_does_not_load_reportlab(tmp_path: Path) -> None:
    code = ("import contextlib, io, sys\n"
            "from core.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            "    rc = main(['plan', '--demo'])\n"
            "print(rc, 'reportlab' in sys.modules)")
    env = dict(os.environ, RUNNER_LEGS_HOME=str(tmp_path / "home"), RUNNER_LEGS_TODAY=TODAY)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         timeout=120)
    assert out.stdout.split() == ["0", "False"], out.stderr


def _profile_named(tmp_path: Path, name: str) -> Path:
    profile = tmp_path / "me.json"
    profile.write_text(json.dumps({"name": name, "birth_date": "1990-02-03", "height_cm": 175,
                                   "weight_kg": 70, "sex": "female"}), encoding="utf-8")
    return profile


@pytest.mark.parametrize("kind", ["pdf", "plan-pdf"])
def test_a_name_with_characters_no_font_has_prints_and_says_so(tmp_path: Path, kind: str) -> None:
    # U+1F3C3 (runner) and U+1F984 (unicorn) are in none of the shipped fonts.
    profile = _profile_named(tmp_path, "Ana \U0001F3C3 Lee \U0001F984")
    out = tmp_path / "out.pdf"
    result = run(tmp_path, kind, "--profile", str(profile), "--start", "2025-02-03",
                 "--out", str(out))
    assert result.returncode == 0, result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines == ["note: 2 characters in the name have no font and print as \ufffd"]
    assert squash("Ana\ufffdLee\ufffd") in squash(reader(out.read_bytes()).pages[0].extract_text())


def test_a_name_every_font_covers_gives_no_note(tmp_path: Path) -> None:
    out = tmp_path / "out.pdf"
    result = run(tmp_path, "pdf", "--profile", str(_profile_named(tmp_path, "Łucja 李 فاطمة")),
                 "--start", "2025-02-03", "--out", str(out))
    assert result.returncode == 0 and result.stderr == ""


def test_a_named_pipe_as_out_is_exit_2_and_left_alone(tmp_path: Path) -> None:
    """The path given is wrong (as a missing folder is): exit 2, before any work."""
    fifo = tmp_path / "week.pdf"
    os.mkfifo(fifo)
    result = run(tmp_path, "pdf", "--demo", "--out", str(fifo))
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "not a regular file" in result.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_symlinked_out_writes_its_target(tmp_path: Path) -> None:
    target = tmp_path / "real.pdf"
    target.write_bytes(b"old")
    link = tmp_path / "link.pdf"
    link.symlink_to(target)
    result = run(tmp_path, "pdf", "--demo", "--out", str(link))
    assert result.returncode == 0, result.stderr
    assert link.is_symlink()
    assert len(reader(target.read_bytes()).pages) == 1
