"""The whole plan as a PDF (SPEC §6): a cover, then one page per week with each session's
structure, exercises and why. Every page holds exactly its content (shrunk if needed), so a
plan of N weeks always prints on N + 1 pages, numbered "Page 3 of 14"."""

from __future__ import annotations

from datetime import date, timedelta
from io import BytesIO
from pathlib import Path
from typing import Any

from core import wording
from core.export import rl_internals as rl
from core.export.atomic import atomic_write_bytes
from core.export.boxes import draw_text, fit
from core.export.pdf_style import (
    GREY_DARK,
    GREY_LIGHT,
    INK,
    TINT,
    color,
    fonts,
    paper_size,
    styles,
)
from core.export.shaping import to_unicode_cmap
from core.export.text import markup
from core.plan import Plan, Session, Week
from core.profile import Profile
from core.recovery import sleep_target_text
from core.weight_trend import Progress, verdict_words

MARGIN = 42.0
LANGUAGE = "en"  # every word of the PDF is English: its /Lang, for screen readers and search


def guide(age: int) -> tuple[tuple[str, str], ...]:
    """The cover's "How the plan works" box, with the sleep target for the runner's age."""
    return (
        ("Fat loss is body-wide.",
         "It comes from a steady, modest calorie deficit; no exercise slims one spot. Your "
         "daily targets build that deficit in, but never go below what your body needs at "
         "rest, nor so low that a training day leaves your lean tissue short of energy."),
        ("Running makes lean legs, not bulky ones.",
         "Easy running trains slow-twitch fibres that stay lean; sprints and hills work the "
         "fast-twitch fibres for power and definition — for nearly everyone, without bulk."),
        ("Strength work shapes what running cannot.",
         "Running is a string of single-leg bounds: squats, lunges, single-leg deadlifts and "
         "calf raises strengthen the back of the legs, the hips and the tendons, and guard "
         "against injury."),
        ("Your frame is your own.",
         "Bone length and where muscles attach are set by your genes; the aim is the "
         "strongest, leanest version of you."),
        ("Build slowly, rest on purpose.",
         "Running time grows by at most 10 % a week and every fourth week is lighter. Most "
         "running stays easy, and hard runs never fall on back-to-back days; sleep "
         f"{sleep_target_text(age)} a night."),
        ("Give it months.",
         "Listen to your body, take the rest days, and keep going: consistency beats "
         "intensity."),
    )


def write_plan_pdf(out: Path, profile: Profile, plan: Plan, *, paper: str = "a4",
                   progress: Progress | None = None) -> Path:
    """Write the plan PDF to ``out`` atomically and return ``out``."""
    return atomic_write_bytes(Path(out), plan_pdf_bytes(profile, plan, paper=paper,
                                                        progress=progress))


def plan_title(plan: Plan) -> str:
    """The document's title, as a viewer's title bar and a file manager show it."""
    return f"Runner Legs plan — {wording.span(plan.start, plan.end)}"


def plan_author(profile: Profile) -> str:
    """Whose plan it is: the profile's name, or the app's when the name is blank."""
    return " ".join(profile.name.split()) or "Runner Legs"


def week_bookmark(week: Week) -> str:
    """The outline entry of a week's page: "Week 3 · 21–27 Dec"."""
    return f"Week {week.index} · {wording.date_range(week.start)}"


def plan_pdf_bytes(profile: Profile, plan: Plan, *, paper: str = "a4",
                   progress: Progress | None = None) -> bytes:
    """The PDF bytes: cover + one page per week, portrait, with an outline entry per page.
    With ``progress`` (the saved weights), the cover's profile table shows the weight
    trend and the verdict."""
    from reportlab.platypus import BaseDocTemplate, Frame, KeepInFrame, PageBreak, PageTemplate

    size = paper_size(paper)
    total = len(plan.weeks) + 1
    buf = BytesIO()
    doc = BaseDocTemplate(buf, pagesize=size, leftMargin=MARGIN, rightMargin=MARGIN,
                          topMargin=MARGIN, bottomMargin=MARGIN + 14,
                          title=plan_title(plan), author=plan_author(profile),
                          creator="Runner Legs", subject="Training plan", lang=LANGUAGE,
                          displayDocTitle=1,
                          initialFontName=fonts().regular, initialFontSize=10)
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)

    def footer(canvas: Any, document: Any) -> None:
        canvas.saveState()
        canvas.setStrokeColor(color(GREY_LIGHT))
        canvas.setLineWidth(0.6)
        y = MARGIN - 2
        canvas.line(MARGIN, y + 12, size[0] - MARGIN, y + 12)
        label = f"Runner Legs · {profile.name}"
        if len(label) > 70:
            label = label[:69] + "…"
        draw_text(canvas, label, MARGIN, y, 8.5, colour=color(GREY_DARK))
        draw_text(canvas, f"Page {document.page} of {total}", size[0] - MARGIN, y, 8.5,
                  align="right", colour=color(GREY_DARK))
        canvas.restoreState()

    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=footer)])
    story: list[Any] = []
    pages = [_cover(profile, plan, doc.width, progress)] + [_week(w, doc.width) for w in plan.weeks]
    marks = ["Your plan"] + [week_bookmark(w) for w in plan.weeks]
    for k, content in enumerate(pages):
        story.append(_bookmark(marks[k], f"page{k}", show=k == 0))
        story.append(KeepInFrame(doc.width, doc.height - 2, content, mode="shrink"))
        if k < len(pages) - 1:
            story.append(PageBreak())
    with rl.our_to_unicode_maps(to_unicode_cmap):
        doc.build(story)
    return buf.getvalue()


def _bookmark(title: str, key: str, *, show: bool = False) -> Any:
    """A flowable of no size that marks its page as an outline entry (``show``: the viewer
    opens with the outline visible)."""
    from reportlab.platypus import Flowable

    class _Mark(Flowable):
        def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
            return 0, 0

        def draw(self) -> None:
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(title, key, level=0)
            if show:
                self.canv.showOutline()

    return _Mark()


def _line(text: str, style: str) -> Any:
    """A flowable that sets user text like the fridge page does (shaped, per-glyph fonts,
    wrapped to the frame) — for the name, which may be in any script."""
    from reportlab.platypus import Flowable

    class _Line(Flowable):
        def __init__(self) -> None:
            super().__init__()
            self.st = styles()[style]
            self.fitted: Any = None

        def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
            self.fitted = fit(text, self.st, avail_w, self.st.leading * 3,
                              min_size=self.st.fontSize * 0.6)
            self.width = avail_w
            return avail_w, self.fitted.height + self.st.spaceAfter

        def draw(self) -> None:
            self.fitted.draw(self.canv, 0, self.fitted.height)

    return _Line()


def _p(text: str, style: str) -> Any:
    """A paragraph of escaped user or fixed text in a named style."""
    from reportlab.platypus import Paragraph

    st = styles()[style]
    return Paragraph(markup(text, bold=st.fontName == fonts().bold), st)


def _table(rows: list[list[Any]], widths: list[float], *, header: bool = True) -> Any:
    from reportlab.platypus import Table, TableStyle

    t = Table(rows, colWidths=widths, hAlign="LEFT")
    cmds: list[Any] = [
        ("FONTNAME", (0, 0), (-1, -1), fonts().regular),  # not reportlab's Helvetica
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, color(GREY_LIGHT)),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
    ]
    if header:
        cmds += [("BACKGROUND", (0, 0), (-1, 0), color(TINT)),
                 ("LINEBELOW", (0, 0), (-1, 0), 1.0, color(INK))]
    t.setStyle(TableStyle(cmds))
    return t


def _long_date(d: date) -> str:
    return f"{wording.DAY_NAMES[d.weekday()]} {wording.day_label(d)} {d.year}"


def trend_text(progress: Progress, units: str) -> str:
    """"65.1 kg on 20 Dec; losing 0.3 kg a week; your plan expects 0.27 — on track"."""
    last = progress.weights[-1]
    unit = "lb" if units == "imperial" else "kg"
    return (f"{wording.body_weight(last.trend_kg, units)} on {wording.day_label(last.date)}; "
            f"{verdict_words(progress, unit)}")


def _profile_rows(profile: Profile, plan: Plan,
                  progress: Progress | None = None) -> list[list[Any]]:
    age = profile.age_on(plan.start)
    height = wording.body_height(profile.height_cm, profile.units)
    weight = wording.body_weight(profile.weight_kg, profile.units)
    days = ", ".join(d.capitalize() for d in profile.available_days)
    items = [
        ("Age at start", f"{age}"), ("Height", height), ("Weight", weight),
        ("Level", profile.level), ("Running now", f"{profile.weekly_run_minutes} min a week"),
        ("Training days", days), ("Long run on", profile.long_run_day.capitalize()),
        ("Strength", f"{profile.strength_sessions} sessions a week, {profile.equipment}"),
        ("Daily life", profile.daily_activity),
        ("Calorie deficit", f"{profile.deficit_kcal} kcal a day"),
        ("Protein", wording.per_body_weight(profile.protein_g_per_kg, profile.units)),
        ("Hot climate", "yes" if profile.hot_climate else "no"),
    ]
    if progress is not None and progress.weights:
        items.insert(3, ("Weight trend", trend_text(progress, profile.units)))
    return [[_p(k, "cell_bold"), _p(v, "cell")] for k, v in items]


def _cover(profile: Profile, plan: Plan, width: float,
           progress: Progress | None = None) -> list[Any]:
    from reportlab.platypus import Spacer

    from core.nutrition import week_targets, whole

    story: list[Any] = [
        _p("RUNNER LEGS · TRAINING PLAN", "kicker"),
        _line(profile.name, "h1"),
        _p(f"{len(plan.weeks)} weeks, from {_long_date(plan.start)} to "
           f"{_long_date(plan.end)}", "body"),
        *(_p(note, "body") for note in plan.notes),
        _p("Your profile", "h2"),
        _table(_profile_rows(profile, plan, progress), [width * 0.3, width * 0.7],
               header=False),
        _p("What to eat in week 1", "h2"),
    ]
    head = ["Day", "Session", "kcal", "Protein", "Carbs", "Fat", "Water"]
    rows: list[list[Any]] = [[_p(h, "cell_bold" if k < 2 else "cell_bold_right")
                              for k, h in enumerate(head)]]
    week = plan.weeks[0]
    for i, t in enumerate(week_targets(profile, week)):
        s = week.session_on(t.date)
        water = wording.water_amount(t.water_ml, profile.units)
        water += " + salts" if t.electrolytes else ""
        rows.append([_p(f"{wording.DAY_NAMES[i]} {wording.day_label(t.date)}", "cell"),
                     _p(s.title if s else "Rest", "cell"),
                     _p(f"{whole(t.kcal):,}", "cell_right"),
                     _p(f"{whole(t.protein_g)} g", "cell_right"),
                     _p(f"{whole(t.carbs_g)} g", "cell_right"),
                     _p(f"{whole(t.fat_g)} g", "cell_right"),
                     _p(water, "cell_right")])
    story.append(_table(rows, [width * f for f in (.17, .25, .1, .11, .1, .09, .18)]))
    story.append(_p("Carbs rise on training days; protein stays the same every day. "
                    "Have a carb-rich snack 1–4 h before a run and carbs with protein within "
                    "30–60 min after.", "small"))
    story.append(Spacer(1, 4))
    story.append(_p("How the plan works", "h2"))
    for head_text, body in guide(profile.age_on(plan.start)):
        from reportlab.platypus import Paragraph

        story.append(Paragraph(f"<b>{markup(head_text, bold=True)}</b> {markup(body)}",
                               styles()["body"]))
    return story


def _session(s: Session) -> list[Any]:
    label = f"{wording.DAY_NAMES[s.date.weekday()]} {wording.day_label(s.date)} — {s.title}"
    extra = [wording.minutes_text(s), "hard" if s.hard else ""]
    extra_text = " · ".join(e for e in extra if e)
    head = f"{label} · {extra_text}" if extra_text else label
    out: list[Any] = [_p(head, "h3")]
    for line in wording.main_lines(s):
        from reportlab.platypus import Paragraph

        out.append(Paragraph(markup(line), styles()["bullet"], bulletText="•"))
    if s.foam_roll and not any("foam roll" in line.lower() for line in s.structure):
        from reportlab.platypus import Paragraph

        out.append(Paragraph(markup("Foam roll quads, glutes, hamstrings and calves after."),
                             styles()["bullet"], bulletText="•"))
    if s.why:
        out.append(_p(f"Why: {s.why}", "why"))
    return out


def _week(week: Week, width: float) -> list[Any]:
    del width
    bits = [wording.date_range(week.start), f"{week.run_minutes} min of running"]
    if week.lighter:
        bits.append("lighter week")
    story: list[Any] = [_p(f"Week {week.index}", "h1"), _p(" · ".join(bits), "body")]
    days = [week.start + timedelta(days=i) for i in range(7)]
    for d in days:
        s = week.session_on(d)
        if s is not None:
            story += _session(s)
    return story


__all__ = ["write_plan_pdf", "plan_pdf_bytes", "guide", "plan_author", "plan_title", "week_bookmark",
           "LANGUAGE"]
