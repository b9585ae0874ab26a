"""Fridge-door PDF speed against a minimal reportlab page holding a 7-column table of the same
week, built in the same run with the same embedded font (fonts are registered once, before
timing, as in the app). Target: the fridge page within 1.5× the minimal page."""

from __future__ import annotations

from datetime import date, timedelta
from io import BytesIO

from bench.timing import best_of
from core.export.fridge_pdf import fridge_pdf_bytes
from core.export.pdf_style import fonts, paper_size, styles
from core.nutrition import week_targets
from core.plan import Week
from core.planner import build_plan
from core.profile import Profile, demo_profile


def minimal_table_pdf(profile: Profile, week: Week) -> bytes:
    """One A4 landscape page with a plain 7-column table: day, title, minutes, kcal."""
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    f = fonts()
    buf = BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=paper_size("a4", landscape=True))
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
    doc.build([Paragraph(profile.name, styles()["name"]), table])
    return buf.getvalue()


def run() -> list[tuple[str, float, float]]:
    profile = demo_profile()
    week = build_plan(profile, date(2026, 11, 23), 4).weeks[1]
    fridge_pdf_bytes(profile, week)  # register fonts and warm caches for both
    minimal_table_pdf(profile, week)
    figure = best_of(lambda: fridge_pdf_bytes(profile, week), 15)
    baseline = best_of(lambda: minimal_table_pdf(profile, week), 15)
    return [("fridge-door PDF vs minimal 7-column reportlab table", figure, baseline)]
