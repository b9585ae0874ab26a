"""The fridge-door week (SPEC §6): exactly one landscape page, readable from two metres.

Everything is drawn into fixed boxes on a single canvas page, so nothing can spill onto a
second page: long text shrinks to a floor size and is then shortened with an ellipsis.
"""

from __future__ import annotations

from datetime import date, timedelta
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core import wording
from core.export import rl_internals as rl
from core.export.atomic import atomic_write_bytes
from core.export.boxes import Fitted, draw_text, fit, hatch, tick_boxes
from core.export.fridge_parts import (
    TEXT_MIN_PT,
    TITLE_MIN_PT,
    Tag,
    draw_footer,
    draw_tag,
    draw_tags,
)
from core.export.grid import Grid, label_size, sized, text_width
from core.export.pdf_style import (
    GREY,
    GREY_DARK,
    GREY_LIGHT,
    INK,
    TINT,
    TINT_LIGHT,
    color,
    fonts,
    paper_size,
    styles,
)
from core.export.shaping import to_unicode_cmap
from core.export.text import width as txt_width
from core.export.text_layer import TextLayer
from core.plan import FOAM_ROLL_AREAS, Session, Week
from core.profile import Profile

if TYPE_CHECKING:
    from core.nutrition import DayTargets

# Compressed: ~48 kB instead of ~100 kB for about 1.5 ms more per page.
COMPRESS = 1
AREA_LABELS = {"quads": "quads", "glutes": "glutes", "hamstrings": "hams", "calves": "calves"}


def write_fridge_pdf(out: Path, profile: Profile, week: Week, *, paper: str = "a4",
                     targets: list[DayTargets] | None = None) -> Path:
    """Write the one-page week to ``out`` atomically and return ``out``."""
    data = fridge_pdf_bytes(profile, week, paper=paper, targets=targets)
    return atomic_write_bytes(Path(out), data)


def fridge_pdf_bytes(profile: Profile, week: Week, *, paper: str = "a4",
                     targets: list[DayTargets] | None = None) -> bytes:
    """The PDF bytes of the fridge-door page (landscape ``a4`` or ``letter``)."""
    from reportlab.pdfgen.canvas import Canvas

    size = paper_size(paper, landscape=True)
    if targets is None:
        from core.nutrition import week_targets

        targets = week_targets(profile, week)
    buf = BytesIO()
    canvas = Canvas(buf, pagesize=size, pageCompression=COMPRESS,
                    initialFontName=fonts().regular)  # never reportlab's unembedded Helvetica
    canvas.setTitle(f"Runner Legs — week {week.index}: {wording.date_range(week.start)}")
    canvas.setSubject("Fridge-door training week")
    canvas.setCreator("Runner Legs")
    _Page(canvas, size, profile, week, {t.date: t for t in targets}).draw()
    canvas.showPage()
    with rl.our_to_unicode_maps(to_unicode_cmap):  # the fonts are written on save
        canvas.save()
    return buf.getvalue()


def _rest(day: date) -> Session:
    return Session(date=day, kind="rest", title="Rest", minutes=0, hard=False, why="")


class _Page:
    """Draws one week onto one canvas page."""

    MARGIN = 20.0
    HEADER_H = 64.0
    FOOTER_H = 62.0
    GAP = 9.0
    PAD = 6.0
    BOX = 9.5  # small tick box; its label starts BOX + 2.5 to the right

    def __init__(self, canvas: Any, size: tuple[float, float], profile: Profile, week: Week,
                 targets: dict[date, DayTargets]) -> None:
        self.c = canvas
        self.t = TextLayer(canvas)  # all text, drawn last in one text object (on top)
        self.w, self.h = size
        self.profile = profile
        self.week = week
        self.targets = targets
        self.st = styles()
        self.f = fonts()
        days = [week.start + timedelta(days=i) for i in range(7)]
        self.sessions = [week.session_on(d) or _rest(d) for d in days]
        m = self.MARGIN
        top = self.h - m - self.HEADER_H - self.GAP
        bottom = m + self.FOOTER_H + self.GAP
        fixed = [("head", 32.0), ("sleep", 42.0), ("roll", 54.0), ("stretch", 44.0),
                 ("fuel", 60.0)]
        session_h = (top - bottom) - sum(h for _, h in fixed)
        rows = [fixed[0], ("session", session_h), *fixed[1:]]
        label_w = 74.0
        self.g = Grid(m, top, label_w, (self.w - 2 * m - label_w) / 7, rows)
        texts = tuple(wording.minutes_text(s) or "0 min" for s in self.sessions)
        self.minutes_size = label_size(texts, self.g.col_w - 2 * self.PAD - 26, start=15.0,
                                        floor=TEXT_MIN_PT, bold=True)
        self.head_scale = self._head_scale(days)
        self.titles: dict[int, Fitted] = {}
        self.title_size = self._title_size()
        self.boxes: list[tuple[float, float, float]] = []
        self.big_boxes: list[tuple[float, float, float]] = []
        self.tags: list[Tag] = []
        self.sleep_lines: list[tuple[float, float, float, float]] = []

    def _title_size(self) -> float:
        """One title size for all seven days: the largest at which every title fits."""
        style = self.st["session_title"]
        inner = self.g.col_w - 2 * self.PAD
        fitted = [fit(s.title, style, inner, 44, min_size=TITLE_MIN_PT) for s in self.sessions]
        size = max(TITLE_MIN_PT, min(f.font_size for f in fitted))
        self.titles = {i: f for i, f in enumerate(fitted) if f.font_size == size}
        return size

    def _head_scale(self, days: list[date]) -> float:
        """One scale (≤ 1) for the day headers so "WED" and "19 Mar" keep a clear gap."""
        room = self.g.col_w - 2 * self.PAD - 8
        widest = max(text_width(wording.DAY_NAMES[i].upper(), 15)
                     + txt_width(wording.day_label(d), 10.5) for i, d in enumerate(days))
        return min(1.0, room / widest)

    def draw(self) -> None:
        self._header()
        self._grid_lines()
        self._row_labels()
        for i, session in enumerate(self.sessions):
            self._day_head(i, session)
            self._session(i, session)
            self._sleep(i)
            self._roll(i, session)
            self._stretch(i, session)
            self._fuel(i, session)
        draw_tags(self.c, self.tags)
        self.c.setStrokeColor(color(GREY))
        self.c.setLineWidth(0.9)
        self.c.lines(self.sleep_lines)
        tick_boxes(self.c, self.boxes, line=1.0, colour=color(INK))
        tick_boxes(self.c, self.big_boxes, line=1.5, colour=color(INK))
        draw_footer(self.c, self.t, self.MARGIN, self.w - 2 * self.MARGIN, self.FOOTER_H,
                    wording.reminders(self.profile, self.week.start))
        self.t.flush()

    # header -------------------------------------------------------------------------
    def _header(self) -> None:
        c, m, st = self.c, self.MARGIN, self.st
        top = self.h - m
        inner = self.w - 2 * m
        kicker = f"RUNNER LEGS  ·  WEEK {self.week.index}"
        if self.week.lighter:
            kicker += "  ·  LIGHTER WEEK"
        draw_text(self.t, kicker, m, top - 9, 9.5, bold=True, colour=color(GREY_DARK))
        name = fit(self.profile.name, st["name"], inner * 0.58, self.HEADER_H - 16,
                   min_size=12)
        name.draw(self.t, m, top - 14)
        dates = fit(wording.date_range(self.week.start), st["dates"], inner * 0.40, 22,
                    min_size=11)
        dates.draw(self.t, self.w - m - inner * 0.40, top - 4)
        run = f"{self.week.run_minutes} min of running this week  ·  tick a box when it's done"
        draw_text(self.t, run, self.w - m, top - 40, 9.5, align="right", colour=color(GREY_DARK))
        c.setStrokeColor(color(INK))
        c.setLineWidth(2.4)
        y = top - self.HEADER_H + 4
        c.line(m, y, self.w - m, y)

    # grid ---------------------------------------------------------------------------
    def _grid_lines(self) -> None:
        c, g = self.c, self.g
        head_top, head_h = g.row_top("head"), g.height("head")
        c.setFillColor(color(TINT))
        c.rect(g.x0, head_top - head_h, g.right - g.x0, head_h, stroke=0, fill=1)
        c.setFillColor(color(TINT_LIGHT))
        c.rect(g.x0, g.bottom, g.label_w, head_top - head_h - g.bottom, stroke=0, fill=1)
        c.setStrokeColor(color(GREY_LIGHT))
        c.setLineWidth(0.7)
        c.lines([(g.col_x(i), g.bottom, g.col_x(i), g.top) for i in range(1, 7)]
                + [(g.x0, g.row_top(name), g.right, g.row_top(name)) for name, _h in g.rows[2:]])
        c.setStrokeColor(color(INK))
        c.setLineWidth(1.2)
        c.line(g.x0, head_top - head_h, g.right, head_top - head_h)
        c.line(g.col_x(0), g.bottom, g.col_x(0), g.top)
        c.rect(g.x0, g.bottom, g.right - g.x0, g.top - g.bottom, stroke=1, fill=0)

    def _row_labels(self) -> None:
        g = self.g
        sleep = wording.sleep_target(self.profile, self.week.start)
        labels = {"session": ("Session", "when done"),
                  "sleep": ("Sleep", f"hours ({sleep})"),
                  "roll": ("Foam roll", "each area"),
                  "stretch": ("Warm-up", "& stretch"),
                  "fuel": ("Eat & drink", "targets")}
        sub_size = label_size(tuple(sub for _, sub in labels.values()), g.label_w - 8,
                              start=9.5, floor=TEXT_MIN_PT)
        for name, (head, sub) in labels.items():
            y = g.row_top(name) - 15
            draw_text(self.t, head, g.x0 + 6, y, 10, bold=True, colour=color(INK))
            draw_text(self.t, sub, g.x0 + 6, y - 12, sub_size, colour=color(GREY_DARK))
        draw_text(self.t, f"Week {self.week.index}", g.x0 + 6, g.row_top("head") - 20, 10,
                  bold=True, colour=color(GREY_DARK))

    def _day_head(self, i: int, s: Session) -> None:
        g = self.g
        x, y = g.col_x(i), g.row_top("head") - 22
        k = self.head_scale
        draw_text(self.t, wording.DAY_NAMES[i].upper(), x + self.PAD, y, 15 * k, bold=True,
                  colour=color(INK))
        draw_text(self.t, wording.day_label(s.date), x + g.col_w - self.PAD, y,
                  max(TEXT_MIN_PT, 10.5 * k), align="right", colour=color(GREY_DARK))

    def _session(self, i: int, s: Session) -> None:
        c, g, st, pad = self.c, self.g, self.st, self.PAD
        x, top, h, w = g.col_x(i), g.row_top("session"), g.height("session"), g.col_w
        inner = w - 2 * pad
        if s.kind == "rest":
            hatch(c, x, top - h, w, h, colour=color(GREY_LIGHT), gap=8, line=0.5)
            c.setFillColor(color("#ffffff"))
            c.rect(x + pad - 2, top - 92, inner + 4, 86, stroke=0, fill=1)
        tag = "HARD" if s.hard else {"rest": "REST", "active_recovery": "RECOVERY"}.get(
            s.kind, "EASY")
        draw_tag(self.t, self.tags, x + pad, top - 20, tag, filled=s.hard)
        y = top - 27
        title = self.titles.get(i) or fit(s.title, sized(st["session_title"],
                                                          self.title_size),
                                          inner, 44, min_size=TITLE_MIN_PT)
        title.draw(self.t, x + pad, y)
        y -= title.height + 5
        bottom_area = 34.0
        room = y - (top - h + bottom_area)
        dose = wording.dose(s)
        if dose and room > 12:
            d = fit(dose, st["dose"], inner, min(room, 30), min_size=TEXT_MIN_PT)
            d.draw(self.t, x + pad, y)
            y -= d.height + 3
            room = y - (top - h + bottom_area)
        names = wording.short_exercise_names(s)
        hint = "" if names else wording.dose_hint(s)  # "Workout A" repeats the title
        if hint and room > 11:
            hs = fit(hint, st["fuel_small"], inner, min(room, 24), min_size=TEXT_MIN_PT)
            hs.draw(self.t, x + pad, y)
            y -= hs.height + 4
            room = y - (top - h + bottom_area)
        if names and room > 11:
            ns = fit(names, st["cell_label"], inner, room, min_size=TEXT_MIN_PT)
            ns.draw(self.t, x + pad, y)
        if s.kind != "rest":
            self.big_boxes.append((x + w - pad - 21, top - h + 8, 21))
        minutes = wording.minutes_text(s)
        if minutes:
            draw_text(self.t, minutes, x + pad, top - h + 13, self.minutes_size, bold=True,
                      colour=color(INK))

    def _sleep(self, i: int) -> None:
        g, pad = self.g, self.PAD
        x, bottom = g.col_x(i), g.row_top("sleep") - g.height("sleep")
        self.sleep_lines.append((x + pad + 4, bottom + 12, x + g.col_w - pad - 14, bottom + 12))
        draw_text(self.t, "h", x + g.col_w - pad, bottom + 14, 11, align="right",
                  colour=color(GREY_DARK))

    def _roll(self, i: int, s: Session) -> None:
        g, pad = self.g, self.PAD
        x, top = g.col_x(i), g.row_top("roll")
        head = "roll today" if s.foam_roll else "if you have time"
        draw_text(self.t, head, x + pad, top - 12, TEXT_MIN_PT, bold=s.foam_roll,
                  colour=color(INK if s.foam_roll else GREY))
        labels = [AREA_LABELS.get(area, area) for area in FOAM_ROLL_AREAS]
        box, gap = self.BOX, self.BOX + 2.5
        left = max(txt_width(label, TEXT_MIN_PT) for label in labels[0::2])
        second = max(g.col_w / 2 - pad, gap + left + 6)
        for k, label in enumerate(labels):
            bx = x + pad + (k % 2) * second
            by = top - 29 - (k // 2) * 15
            self.boxes.append((bx, by, box))
            draw_text(self.t, label, bx + gap, by + 1.5, TEXT_MIN_PT, colour=color(INK))

    def _stretch(self, i: int, s: Session) -> None:
        g, pad = self.g, self.PAD
        x, top = g.col_x(i), g.row_top("stretch")
        items = ["warm-up", "stretch after"] if wording.warm_up_day(s) else ["gentle stretch"]
        size = label_size(("stretch after", "gentle stretch"), g.col_w - 2 * pad - 13,
                          start=9.5, floor=TEXT_MIN_PT)
        for k, item in enumerate(items):
            bx = x + pad
            by = top - 18 - k * 16
            self.boxes.append((bx, by, self.BOX))
            draw_text(self.t, item, bx + self.BOX + 2.5, by + 1.5, size, colour=color(INK))

    def _fuel(self, i: int, s: Session) -> None:
        g, pad = self.g, self.PAD
        x, top = g.col_x(i), g.row_top("fuel")
        t = self.targets.get(s.date)
        if t is None:
            return
        from core.nutrition import whole

        draw_text(self.t, f"{whole(t.kcal):,} kcal", x + pad, top - 17, 12.5, bold=True,
                  colour=color(INK))
        draw_text(self.t, f"{whole(t.protein_g)} g protein", x + pad, top - 30, 9.5,
                  colour=color(INK))
        draw_text(self.t, wording.water(t.water_ml, self.profile.units), x + pad, top - 42, 9.5,
                  colour=color(INK))
        if t.electrolytes:
            draw_text(self.t, "+ electrolytes", x + pad, top - 54, TEXT_MIN_PT, bold=True,
                      colour=color(INK))
