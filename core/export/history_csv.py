"""The log history as CSV (``runner-legs history --format csv``, File → Export history as
CSV…), safe to open in a spreadsheet: a cell that starts like a formula is prefixed with an
apostrophe.

Two spellings of numbers, because no single CSV file opens right everywhere. The default is
plain CSV (``,`` between cells, ``7.5``), what scripts and English-language spreadsheets read.
A German, French or Spanish Excel opens a double-clicked ``.csv`` with its own list separator
(``;``) and decimal comma, so ``7.5`` there turns into the text "7.5" or the date 7 May;
LibreOffice in those languages reads numbers with a decimal comma unless told otherwise. For
them ``decimal_comma`` writes ``;`` between cells and ``7,5``, which both open as numbers
without any import setting. Dates stay ISO (2026-11-24), which both read as dates.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from core.export.atomic import atomic_write_bytes

MEASURES = ("thigh_cm", "calf_cm", "waist_cm", "hips_cm")
COLUMNS = ("date", "sleep_hours", "sleep_quality", "foam_roll", "weight_kg",
           "session_kind", "session_status", "session_minutes", "session_rpe", *MEASURES)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object, *, decimal_comma: bool = False) -> str:
    """The cell's text; one a spreadsheet would run as a formula gets a leading ``'``.
    A number with a fraction is written with a decimal comma when ``decimal_comma``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    if decimal_comma and isinstance(value, float):
        text = text.replace(".", ",")
    return "'" + text if text.startswith(_FORMULA_START) else text


def history_csv(days: Iterable[Mapping[str, Any]], *, decimal_comma: bool = False) -> str:
    """SPEC §7 history rows as CSV with a header line; foam-roll areas joined by ``;`` (the
    cell is quoted when ``;`` also separates the cells); the body measurements (cm) come
    last, so the older columns keep their places."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if decimal_comma else ",", lineterminator="\n")
    writer.writerow(COLUMNS)
    for day in days:
        session = day.get("session") or {}
        measures = day.get("measurements") or {}
        writer.writerow([safe_cell(v, decimal_comma=decimal_comma) for v in (
            day.get("date"), day.get("sleep_hours"), day.get("sleep_quality"),
            ";".join(str(a) for a in day.get("foam_roll") or ()), day.get("weight_kg"),
            session.get("kind"), session.get("status"), session.get("minutes"),
            session.get("rpe"), *(measures.get(name) for name in MEASURES))])
    return out.getvalue()


def write_history_csv(out: Path, days: Iterable[Mapping[str, Any]], *,
                      decimal_comma: bool = False) -> Path:
    """Write the history CSV to ``out`` atomically (UTF-8, readable by the user only: it
    holds weights and nights) and return ``out``."""
    text = history_csv(days, decimal_comma=decimal_comma)
    return atomic_write_bytes(Path(out), text.encode("utf-8"), mode=0o600)
