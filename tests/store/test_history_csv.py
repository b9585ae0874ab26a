"""History CSV: the columns a spreadsheet shows, and no cell that a spreadsheet would run as
a formula."""

from __future__ import annotations

import csv
import io

from core.export.history_csv import COLUMNS, history_csv, safe_cell


def test_rows_and_columns() -> None:
    days = [{"date": "2026-11-23", "sleep_hours": 7.5, "sleep_quality": 4,
             "foam_roll": ["quads", "calves"], "weight_kg": None,
             "session": {"kind": "strength", "status": "done", "minutes": 40, "rpe": 6}},
            {"date": "2026-11-24", "sleep_hours": None, "sleep_quality": None,
             "foam_roll": [], "weight_kg": 63.2, "session": None,
             "measurements": {"thigh_cm": 55.5, "calf_cm": 36.0, "waist_cm": None,
                              "hips_cm": 96.0}}]
    rows = list(csv.reader(io.StringIO(history_csv(days))))
    assert rows[0] == list(COLUMNS)
    assert rows[1] == ["2026-11-23", "7.5", "4", "quads;calves", "", "strength", "done",
                       "40", "6", "", "", "", ""]
    assert rows[2] == ["2026-11-24", "", "", "", "63.2", "", "", "", "", "55.5", "36.0", "",
                       "96.0"]


def test_formula_like_cells_are_defused() -> None:
    for text in ("=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx"):
        assert safe_cell(text) == "'" + text
    for text in ("2026-11-23", "quads", "7.5", ""):
        assert safe_cell(text) == text
    evil = [{"date": "=HYPERLINK(\"http://x\")", "sleep_hours": None, "sleep_quality": None,
             "foam_roll": ["@SUM(1)"], "weight_kg": None,
             "session": {"kind": "-cmd", "status": "+x", "minutes": None, "rpe": None}}]
    row = list(csv.reader(io.StringIO(history_csv(evil))))[1]
    for cell in row:
        assert not cell or cell[0] not in "=+-@\t\r"


def test_decimal_comma_spells_numbers_as_a_german_spreadsheet_reads_them() -> None:
    days = [{"date": "2026-11-23", "sleep_hours": 7.5, "sleep_quality": 4,
             "foam_roll": ["quads", "calves"], "weight_kg": 63.2,
             "session": {"kind": "strength", "status": "done", "minutes": 40, "rpe": 6},
             "measurements": {"thigh_cm": 55.5, "calf_cm": None, "waist_cm": 70.0,
                              "hips_cm": None}}]
    text = history_csv(days, decimal_comma=True)
    assert text.splitlines()[0] == ";".join(COLUMNS)
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[1] == ["2026-11-23", "7,5", "4", "quads;calves", "63,2", "strength", "done",
                       "40", "6", "55,5", "", "70,0", ""]
    assert '"quads;calves"' in text  # the areas stay one cell
    assert "7.5" not in text and "63.2" not in text
