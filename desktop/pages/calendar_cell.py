"""How one calendar day is painted: date, session chip (colour, icon, title, minutes, what to
do) and its marks (done, skipped, sleep, an easier option).

Colours come from the palette and the kind's accent, so light and dark themes both read.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from core.plan import ADAPTED_KEY, Session
from core.wording import month, weekday
from desktop.models.days import DayInfo, DaysModel, kind_text
from desktop.style import format_minutes, kind_color, kind_icon, mix, short_kind_label, tint


class CellView(Protocol):
    """What a cell's painter asks of the grid it paints in (calendar_view.DayGrid)."""

    mode: str  # "week" or "month"

    def gridSize(self) -> QSize: ...  # noqa: N802 - Qt's name

    def hasFocus(self) -> bool: ...  # noqa: N802 - Qt's name

    def palette(self) -> QPalette: ...


Index = QModelIndex | QPersistentModelIndex
DONE_COLOR = QColor("#2E9E5B")


def cell_lines(session: Session) -> list[str]:
    """The few lines of "what to do" a week cell has room for."""
    d = session.details
    if session.kind == "strength":
        return [f"{e.get('name', '')} {e.get('sets', '')}×{e.get('reps', '')}"
                for e in d.get("exercises") or [] if isinstance(e, dict)]
    if isinstance(d.get("intervals"), dict):
        iv = d["intervals"]
        return [f"{iv.get('rounds', '?')} × {iv.get('work_s', '?')} s hard, "
                f"{iv.get('recovery_s', '?')} s easy"]
    if "repeats" in d:
        return [f"{d['repeats']} hill repeats"]
    main = [line for line in session.structure if line.lower().startswith("main")]
    return [main[0].split(":", 1)[-1].strip()] if main else list(session.structure[:1])


def week_cell_texts(info: DayInfo) -> list[tuple[str, str]]:
    """What a week cell says, top to bottom, as (text, style): "title", "minutes", "line"."""
    s = info.session
    if s is None or not info.in_plan:
        return [("No plan", "line")]
    blocks = [(kind_text(info), "title")]
    minutes = format_minutes(s.minutes) if s.minutes else ""
    if s.edited:
        note = "easier option" if ADAPTED_KEY in s.details else "edited"
        minutes = f"{minutes} · {note}" if minutes else note
    if minutes:
        blocks.append((minutes, "minutes"))
    return blocks + [(line, "line") for line in cell_lines(s)]


TINY_KIND_LABELS = {"long_run": "Long", "easy_run": "Easy", "strength": "Str.",
                    "cross_training": "Cross", "active_recovery": "Rec."}


def month_cell_lines(info: DayInfo, fm: QFontMetrics, width: int, full_width: int,
                     rows: int) -> list[tuple[str, bool]]:
    """A month cell's words, the same order for every kind: the name beside the icon, then
    the minutes (on the same row when both fit, else on the next). A narrow cell uses the
    shortest name ("Long", "Str.") before it would cut one; when even that does not fit, the
    name spans the chip on the first row and the icon moves down beside the minutes. Each
    line comes with True when it spans the whole chip."""
    s = info.session
    if s is None:
        return []
    names = [short_kind_label(s.kind), TINY_KIND_LABELS.get(s.kind, short_kind_label(s.kind))]
    minutes = format_minutes(s.minutes) if s.minutes else ""

    def fits(text: str) -> bool:
        return fm.horizontalAdvance(text) <= width

    def elide(text: str) -> str:
        return fm.elidedText(text, Qt.TextElideMode.ElideRight, width)

    if minutes and not fits(minutes):
        minutes = f"{s.minutes}′"  # "35′": a runner's shorthand for minutes
    name = next((n for n in names if fits(n)), None)
    if name is None:  # no name fits beside the icon: the name across the chip comes first,
        # the icon and the minutes on the row below (never a cut word, the same order)
        full = next((n for n in names if fm.horizontalAdvance(n) <= full_width), None)
        if full is None:  # a tiny cell: the kind's icon and colour alone, not "…"
            return [("", False)]
        if rows >= 2 and minutes:
            return [(full, True), (elide(minutes), False)]
        return [(full, True)]
    if not minutes:
        return [(name, False)]
    if rows >= 2:
        return [(name, False), (elide(minutes), False)]
    both = f"{name} · {minutes}"
    return [(both if fits(both) else name, False)]


def fitting_title(info: DayInfo, fm: QFontMetrics, width: int) -> str:
    """A week cell's title with no word cut: the session's title ("Strength B"), else the
    kind's short name, else the shortest ("Str. B") — never "Str… B…"."""
    s = info.session
    title = kind_text(info)
    if s is None:
        return title
    workout = str(s.details.get("workout", "")) if s.kind == "strength" else ""
    short = short_kind_label(s.kind)
    tiny = TINY_KIND_LABELS.get(s.kind, short)
    room = width - max(2, fm.averageCharWidth() // 2)
    for candidate in (title, f"{short} {workout}".strip(), f"{tiny} {workout}".strip()):
        if all(fm.horizontalAdvance(word) <= room for word in candidate.split()):
            return candidate
    return f"{tiny} {workout}".strip()


def wrap_lines(text: str, fm: QFontMetrics, width: int) -> list[str]:
    """``text`` broken into lines no wider than ``width`` (a too-long word is elided)."""
    lines: list[str] = []
    current = ""
    room = width - max(2, fm.averageCharWidth() // 2)  # elidedText measures a little wider
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if fm.horizontalAdvance(candidate) <= room or not current:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return [fm.elidedText(line, Qt.TextElideMode.ElideRight, width) for line in lines]


def with_ellipsis(line: str, fm: QFontMetrics, width: int) -> str:
    """``line`` ending in "…" (shortened to make room): more text follows that is not shown."""
    if line.endswith("…"):
        return line
    while line and fm.horizontalAdvance(line.rstrip() + "…") > width:
        line = line[:-1]
    return line.rstrip() + "…"



def fit_mark(text: str, fm: QFontMetrics, width: int) -> str:
    """A month cell's mark in the room left beside the others: "☾ 7.5 h", else "☾ 7.5",
    else "☾7.5" (the number is what matters), and only then cut short."""
    bare = text.removesuffix(" h")
    for candidate in (text, bare, bare.replace(" ", "")):
        if fm.horizontalAdvance(candidate) <= width:
            return candidate
    return fm.elidedText(bare.replace(" ", ""), Qt.TextElideMode.ElideRight, width)

# A week cell's lines for (texts, title, fonts, width, height, icon): measuring and breaking
# the words is most of a cell's paint, and a move or a mark repaints every cell of the week.
_CHIP_LINES: dict[tuple[object, ...], tuple[list[tuple[int, str, bool]], int]] = {}
_CHIP_LINES_KEPT = 512


def week_chip_lines(info: DayInfo, width: int, height: int, icon_px: int, bold: QFont,
                    plain: QFont) -> tuple[list[tuple[int, str, bool]], int]:
    """The lines a week cell's chip shows, each as (offset from the chip's top, text, is
    the title), and the chip's height: as many lines as fit in ``height``, the last one
    ending in "…" when something is left out."""
    texts = week_cell_texts(info)
    title = fitting_title(info, QFontMetrics(bold), width)
    key = (tuple(texts), title, bold.key(), plain.key(), width, height, icon_px)
    known = _CHIP_LINES.get(key)
    if known is not None:
        return known
    limit = height - 5  # QRect.bottom() is top + height - 1
    y = icon_px + 8
    placed: list[tuple[int, str, bool]] = []
    cut = False
    for block, style in texts:
        is_title = style == "title"
        fm = QFontMetrics(bold if is_title else plain)
        for line in wrap_lines(title if is_title else block, fm, width):
            if y + fm.height() > limit:
                cut = True
                break
            placed.append((y, line, is_title))
            y += fm.height()
        if cut:
            break
        y += 3
    if cut and placed:
        top, line, is_title = placed[-1]
        placed[-1] = (top, with_ellipsis(line, QFontMetrics(bold if is_title else plain),
                                         width), is_title)
    if len(_CHIP_LINES) >= _CHIP_LINES_KEPT:
        _CHIP_LINES.clear()
    _CHIP_LINES[key] = answer = (placed, y + 4)
    return answer


class DayDelegate(QStyledItemDelegate):
    """Paints one day: date, session chip (colour, icon, title, minutes) and its marks."""

    def __init__(self, view: CellView, parent: QObject) -> None:
        super().__init__(parent)  # the grid: it keeps its delegate alive
        self.view = view

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return self.view.gridSize()

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        info = index.data(DaysModel.InfoRole)
        if not isinstance(info, DayInfo):
            return
        compact = self.view.mode == "month"
        pal: QPalette = option.palette
        rect: QRect = option.rect.adjusted(3, 3, -3, -3)
        state = option.state
        selected = bool(state & QStyle.StateFlag.State_Selected)
        focused = bool(state & QStyle.StateFlag.State_HasFocus) and self.view.hasFocus()
        highlight = pal.color(QPalette.ColorRole.Highlight)
        text = pal.color(QPalette.ColorRole.Text)
        muted = pal.color(QPalette.ColorRole.PlaceholderText)
        base = pal.color(QPalette.ColorRole.Base)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        active_day = info.in_plan and info.in_month
        fill = base if active_day else mix(base, pal.color(QPalette.ColorRole.Window), 0.7)
        if selected:
            fill = mix(fill, highlight, 0.10)
        radius = 8.0
        painter.setPen(QPen(mix(fill, text, 0.18), 1))
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, radius, radius)
        if not info.in_plan:  # before or after the plan: clearly greyed, not a blank day
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(mix(fill, text, 0.10), Qt.BrushStyle.BDiagPattern))
            painter.drawRoundedRect(rect, radius, radius)
        if info.is_today or selected or focused:
            width = 2.5 if info.is_today else 2.0
            pen = QPen(highlight, width)
            if not info.is_today and not selected:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), radius, radius)
        if focused and (selected or info.is_today):  # keyboard focus: a second, dotted ring
            painter.setPen(QPen(text, 1.2, Qt.PenStyle.DotLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(4, 4, -4, -4), radius - 3, radius - 3)

        fm = QFontMetrics(option.font)
        pad = max(4, fm.height() // 3)
        inner = rect.adjusted(pad, pad // 2 + 2, -pad, -pad)
        # date line
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(highlight if info.is_today else (text if active_day else muted))
        if compact:
            label = (f"{info.date.day}" if info.date.day != 1
                     else f"1 {month(info.date, short=True)}")
        else:
            label = f"{weekday(info.date, short=True)} {info.date.day}"
        if info.is_today and QFontMetrics(bold).horizontalAdvance(label + " · Today") \
                <= inner.width():
            label += " · Today"  # when it does not fit, the highlighted border says it
        painter.drawText(inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, label)
        top = inner.top() + fm.height() + pad // 2
        s = info.session
        if s is None or not info.in_plan:
            painter.setFont(option.font)
            painter.setPen(muted)
            texts = ([] if compact else ["No plan"]) + [
                f"+{len(info.activities)}" if compact else line
                for line in (info.activity_lines()[:1] if compact else info.activity_lines())]
            for n, line in enumerate(texts):
                painter.setPen(muted if n == 0 and not compact else DONE_COLOR)
                painter.drawText(QRect(inner.left(), top + n * (fm.height() + 1),
                                       inner.width(), fm.height()), Qt.AlignmentFlag.AlignLeft,
                                 fm.elidedText(line, Qt.TextElideMode.ElideRight,
                                               inner.width()))
            painter.restore()
            return
        # session chip
        status_lines = self._status_lines(info, compact)
        rows = min(len(status_lines), 1) if compact else len(status_lines)
        bottom = inner.bottom() - rows * (fm.height() + 1)
        room = QRect(inner.left(), top, inner.width(), max(fm.height() + 4, bottom - top - 2))
        icon_px = fm.height() + (2 if compact else 8)
        if compact:
            chip = room
            self._chip(painter, pal, s.kind, chip)
            icon_rect = QRect(chip.left() + 8, chip.top() + 3, icon_px, icon_px)
            painter.setFont(option.font)
            text_rect = QRect(icon_rect.right() + 4, chip.top() + 2,
                              chip.right() - icon_rect.right() - 6, chip.height() - 4)
            lines = month_cell_lines(info, fm, text_rect.width(), chip.width() - 14,
                                     max(1, text_rect.height() // fm.height()))
            icon_row = next((n for n, (_, full) in enumerate(lines) if not full), None)
            if icon_row is not None:  # beside the first line that leaves room for it
                kind_icon(s.kind).paint(painter, icon_rect.translated(0, icon_row
                                                                       * fm.height()))
            top_left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
            for n, (line, full) in enumerate(lines):
                painter.setPen((text if n == 0 or full else muted) if active_day else muted)
                where = QRect(chip.left() + 8 if full else text_rect.left(),
                              text_rect.top() + n * fm.height(), chip.width() - 14,
                              fm.height())
                painter.drawText(where, top_left, line)
        else:
            self._week_chip(painter, pal, info, room, icon_px, bold, option.font,
                                text if active_day else muted, muted)
        # status lines (one row in the month view)
        y = bottom + 1
        if compact and status_lines:
            x = inner.left()
            for line, color in status_lines:
                painter.setPen(color)
                room_left = inner.right() - x
                if room_left < fm.averageCharWidth() * 2:
                    break
                shown = fit_mark(line, fm, room_left)
                painter.drawText(QRect(x, y, room_left, fm.height()),
                                 Qt.AlignmentFlag.AlignLeft, shown)
                x += fm.horizontalAdvance(shown) + fm.averageCharWidth()
            status_lines = []
        for line, color in status_lines:
            painter.setPen(color)
            painter.drawText(QRect(inner.left(), y, inner.width(), fm.height()),
                             Qt.AlignmentFlag.AlignLeft,
                             fm.elidedText(line, Qt.TextElideMode.ElideRight, inner.width()))
            y += fm.height() + 1
        painter.restore()

    def _week_chip(self, painter: QPainter, pal: QPalette, info: DayInfo, room: QRect,
                   icon_px: int, bold: QFont, plain: QFont, text: QColor, muted: QColor) -> None:
        """The week cell's chip: icon, title, minutes and what to do, as many lines as fit;
        the last shown line ends in "…" when something is left out."""
        assert info.session is not None
        width = room.width() - 16
        lines, height = week_chip_lines(info, width, room.height(), icon_px, bold, plain)
        chip = QRect(room.left(), room.top(), room.width(), min(room.height(), height))
        self._chip(painter, pal, info.session.kind, chip)
        kind_icon(info.session.kind).paint(painter, QRect(chip.left() + 8, chip.top() + 5,
                                                          icon_px, icon_px))
        for dy, line, is_title in lines:
            font = bold if is_title else plain
            painter.setFont(font)
            painter.setPen(text if is_title else muted)
            painter.drawText(QRect(room.left() + 8, room.top() + dy, width,
                                   QFontMetrics(font).height()),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, line)
        painter.setFont(plain)

    def _chip(self, painter: QPainter, pal: QPalette, kind: str, chip: QRect) -> None:
        if kind == "rest":
            return
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(tint(kind, pal))
        painter.drawRoundedRect(chip, 6, 6)
        painter.setBrush(kind_color(kind))
        painter.drawRoundedRect(QRect(chip.left(), chip.top(), 4, chip.height()), 2, 2)

    def _status_lines(self, info: DayInfo, compact: bool) -> list[tuple[str, QColor]]:
        pal = self.view.palette()
        muted = pal.color(QPalette.ColorRole.PlaceholderText)
        marks: list[tuple[str, QColor]] = []
        if info.outcome is not None:
            if info.outcome.status == "done":
                mins = info.outcome.minutes
                label = "✓" if compact else "✓ Done"
                if mins and not compact:
                    label += f" {format_minutes(mins)}"
                marks.append((label, DONE_COLOR))
                facts = info.outcome_facts()
                if facts and not compact:
                    marks.append((" · ".join(facts), DONE_COLOR))
            else:
                marks.append(("✗" if compact else "✗ Skipped", muted))
        if info.offer is not None:
            marks.append(("★ Easier option" if not compact else "★",
                          kind_color("easy_run")))
        if info.activities:
            if compact:
                marks.append((f"+{len(info.activities)}", DONE_COLOR))
            else:
                marks.extend((f"+ {line}", DONE_COLOR) for line in info.activity_lines())
        if info.sleep_logged and info.checkin is not None:
            marks.append((f"☾ {info.checkin.sleep_hours:g} h"
                          + ("" if compact else " sleep"), muted))
        return marks
