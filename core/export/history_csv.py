"""The log history as CSV (``runner-legs history --format csv``), safe to open in a
spreadsheet: a cell that starts like a formula is prefixed with an apostrophe."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from typing import Any

MEASURES = ("thigh_cm", "calf_cm", "waist_cm", "hips_cm")
COLUMNS = ("date", "sleep_hours", "sleep_quality", "foam_roll", "weight_kg",
           "session_kind", "session_status", "session_minutes", "session_rpe", *MEASURES)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """The cell's text; one a spreadsheet would run as a formula gets a leading ``'``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def history_csv(days: Iterable[Mapping[str, Any]]) -> str:
    """SPEC §7 history rows as CSV with a header line; foam-roll areas joined by ``;``; the
    body measurements (cm) come last, so the older columns keep their places."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for day in days:
        session = day.get("session") or {}
        measures = day.get("measurements") or {}
        writer.writerow([safe_cell(v) for v in (
            day.get("date"), day.get("sleep_hours"), day.get("sleep_quality"),
            ";".join(str(a) for a in day.get("foam_roll") or ()), day.get("weight_kg"),
            session.get("kind"), session.get("status"), session.get("minutes"),
            session.get("rpe"), *(measures.get(name) for name in MEASURES))])
    return out.getvalue()
