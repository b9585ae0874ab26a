"""Fridge-door PDF speed against a minimal reportlab page holding a 7-column table of the same
week, built in the same run with the same embedded font and the same page compression (fonts
are registered once, before timing, as in the app). Every call gets a name and a week it has
not seen and starts with the text caches cleared, so neither side is timed warm on a repeat of
the same page. Target: the fridge page within 1.5× the minimal page."""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from datetime import date, timedelta
from io import BytesIO

from core.export import grid, shaping, text
from core.export.fridge_pdf import fridge_pdf_bytes
from core.export.pdf_style import fonts, paper_size, styles
from core.nutrition import week_targets
from core.plan import Week
from core.planner import build_plan
from core.profile import Profile, demo_profile

NAMES = ("Ana Lee", "Łucja Kowalska-Nowak", "Ярослава Петренко", "Tom & <Jerry> O'Brien",
         "王秀英", "Ζωή Παπαδοπούλου", "Ñandú Şükrü Çağla", "Maximiliane von Hohenzollern")


def minimal_table_pdf(profile: Profile, week: Week) -> bytes:
    """One A4 landscape page with a plain 7-column table: day, title, minutes, kcal."""
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    f = fonts()
    buf = BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=paper_size("a4", landscape=True), pageCompression=1,
                            initialFontName=f.regular)
    targets = week_targets(profile, week)
    days = [week.start + timedelta(days=i) for i in range(7)]
    sessions = [week.session_on(d) for d in days]
    rows = [
        [d.strftime("%a %d") for d in days],
        [s.title if s else "Rest" for s in sessions],
        [f"{s.minutes} min" if s else "" for s in sessions],
        [f"{round(t.kcal)} kcal" for t in targets],
        [f"{round(t.protein_g)} g protein" for t in targets],
        ["sleep ____ h"] * 7,
    ]
    table = Table(rows)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), f.regular),
                               ("GRID", (0, 0), (-1, -1), 0.5, "black")]))
    doc.build([Paragraph(text.markup(profile.name), styles()["name"]), table])
    return buf.getvalue()


def _clear_caches() -> None:
    for cached in (text._runs, text._width, grid.label_size, shaping._shape, shaping._pieces):
        cached.cache_clear()


def _rotating(build: Callable[[Profile, Week], bytes]) -> Callable[[], object]:
    """A call that builds the next (name, week) pair, cold caches, each time."""
    base = demo_profile()
    weeks = build_plan(base, date(2026, 11, 23), 12).weeks
    people = [base.with_changes(name=name) for name in NAMES]
    pairs = itertools.cycle([(p, w) for p, w in zip(people * 2, weeks, strict=False)])

    def call() -> object:
        person, week = next(pairs)
        _clear_caches()
        return build(person, week)

    return call


def _interleaved(a: Callable[[], object], b: Callable[[], object],
                 repeat: int) -> tuple[float, float]:
    """Best time of each, the two calls alternating so a busy machine slows both alike."""
    best = [float("inf"), float("inf")]
    for _ in range(repeat):
        for k, fn in enumerate((a, b)):
            t0 = time.perf_counter()
            fn()
            best[k] = min(best[k], time.perf_counter() - t0)
    return best[0], best[1]


def run() -> list[tuple[str, float, float]]:
    profile = demo_profile()
    week = build_plan(profile, date(2026, 11, 23), 4).weeks[1]
    fridge_pdf_bytes(profile, week)  # register fonts (once per process, as in the app)
    minimal_table_pdf(profile, week)
    figure, baseline = _interleaved(_rotating(fridge_pdf_bytes), _rotating(minimal_table_pdf),
                                    25)
    return [("fridge-door PDF vs minimal 7-column reportlab table", figure, baseline)]
