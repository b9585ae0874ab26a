"""Render every page to PNG: ``python -m desktop.screenshots [--dark] [--scale 2] OUTDIR``.

Uses a throw-away data folder with the demo runner two weeks into the plan, a pinned today
and a few logged days, so the pages look lived-in. Runs offscreen unless told otherwise.
``--dark`` applies a dark palette (as a system in dark mode would); ``--scale 2`` renders at
200 % (Qt's device pixel ratio 2), to check both before a release.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

from core.app.planning import save_profile

TODAY = date(2026, 11, 25)  # a Wednesday in week 3
SIZE = (1360, 860)
SLEEP = (7.5, 6.5, 8.0, 7.0, 8.5, 7.5, 6.0, 7.5, 8.0, 7.0, 7.5, 8.0, 6.5, 7.0, 8.0, 7.5)
ROLLS = (("quads", "calves"), (), ("glutes", "hamstrings"), ("quads", "glutes", "calves"), (),
         ("calves",), ("quads", "glutes", "hamstrings", "calves"))


def populate(repo: object, today: date) -> None:
    """The demo profile with a plan from two Mondays ago, two weeks of logs, and the
    morning weights of the four weeks before today (enough for a rate and a verdict)."""
    from core.checkin import CheckIn, Outcome
    from core.profile import demo_profile

    start = today - timedelta(days=today.weekday() + 14)
    save_profile(repo, demo_profile(), start)  # type: ignore[arg-type]
    plan = repo.plan()  # type: ignore[attr-defined]
    for back in range(28, 14, -1):  # weights from before the plan: the trend needs 14+ days
        wobble = (0.3, -0.2, 0.1, -0.3, 0.2)[back % 5]
        repo.save_checkin(CheckIn(  # type: ignore[attr-defined]
            date=today - timedelta(days=back), weight_kg=round(65.0 - 0.07 * (28 - back)
                                                                + wobble, 1)))
    weight = 64.0
    day = start
    n = 0
    while day < today:
        areas = ROLLS[n % len(ROLLS)]
        repo.save_checkin(CheckIn(  # type: ignore[attr-defined]
            date=day, sleep_hours=SLEEP[n % len(SLEEP)], sleep_quality=3 + n % 3,
            warmup_done=n % 4 != 3, stretch_done=n % 3 != 2, foam_roll=areas,
            water_met=n % 5 != 4,
            weight_kg=round(weight + (0.2, -0.1, 0.3, -0.2)[n % 4], 1) if n % 7 != 6 else None,
            thigh_cm=55.0 - n * 0.02 if n % 7 == 0 else None,
            calf_cm=36.0 - n * 0.01 if n % 7 == 0 else None,
            waist_cm=78.0 - n * 0.05 if n % 7 == 0 else None))
        session = plan.session_on(day)
        if session is not None and session.kind != "rest":
            if n == 9:
                repo.save_outcome(Outcome(day, "skipped"))  # type: ignore[attr-defined]
            else:
                repo.save_outcome(Outcome(  # type: ignore[attr-defined]
                    day, "done", session.minutes + (n % 3 - 1) * 3, 5 + n % 4))
        weight -= 0.07
        day += timedelta(days=1)
        n += 1


def dark_palette() -> object:
    """A dark palette like the ones desktops use in dark mode (Fusion honours it)."""
    from PySide6.QtGui import QColor, QPalette

    pal = QPalette()
    roles = QPalette.ColorRole
    for role, color in ((roles.Window, "#202124"), (roles.WindowText, "#E8EAED"),
                        (roles.Base, "#17181A"), (roles.AlternateBase, "#2A2B2F"),
                        (roles.Text, "#E8EAED"), (roles.Button, "#2D2E32"),
                        (roles.ButtonText, "#E8EAED"), (roles.ToolTipBase, "#2D2E32"),
                        (roles.ToolTipText, "#E8EAED"), (roles.PlaceholderText, "#9AA0A6"),
                        (roles.Highlight, "#4C8DF6"), (roles.HighlightedText, "#FFFFFF"),
                        (roles.Link, "#8AB4F8"), (roles.Mid, "#44464B"),
                        (roles.Dark, "#101113"), (roles.Light, "#3C3D42"),
                        (roles.Midlight, "#34353A"), (roles.Shadow, "#000000"),
                        (roles.BrightText, "#FFFFFF")):
        pal.setColor(role, QColor(color))
    disabled = QPalette.ColorGroup.Disabled
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        pal.setColor(disabled, role, QColor("#6B6F75"))
    return pal


def _screen_config() -> Path:
    """A config file for Qt's offscreen platform with one 1920 × 1200 screen (its default
    screen is 800 × 800, and the window keeps itself on the screen)."""
    import json
    import tempfile

    screen = {"name": "screenshots", "x": 0, "y": 0, "width": 1920, "height": 1200,
              "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
    path = Path(tempfile.gettempdir()) / "runner-legs-screenshots-screen.json"
    path.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    return path


def render(out_dir: Path, *, dark: bool = False, scale: float = 1.0,
           size: tuple[int, int] = SIZE) -> list[Path]:
    """Write one PNG per page (and the month view) into ``out_dir``; returns the files."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if os.environ["QT_QPA_PLATFORM"] == "offscreen":  # a desktop-sized screen, not 800 × 800
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_screen_config()}"
    os.environ["RUNNER_LEGS_TODAY"] = TODAY.isoformat()
    if scale != 1.0:
        os.environ["QT_SCALE_FACTOR"] = f"{scale:g}"  # read when the QApplication starts
    from PySide6.QtCore import QCoreApplication, QSettings

    from core.app import open_app
    from desktop.app import make_app
    from desktop.context import AppContext
    from desktop.main_window import PAGE_NAMES, MainWindow

    app = make_app([sys.argv[0]])
    if dark:
        from desktop.style import apply_style

        app.setPalette(dark_palette())  # type: ignore[arg-type]
        apply_style(app)  # as at start-up with the system in dark mode
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="runner-legs-shots-") as tmp:
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
        QCoreApplication.setOrganizationName("runner-legs-screenshots")
        data = open_app(Path(tmp) / "data", lambda: TODAY)
        repo = data.store
        try:
            populate(repo, TODAY)
            ctx = AppContext(data)
            window = MainWindow(ctx, remember=False)
            window.resize(*size)
            window.show()
            for name in PAGE_NAMES:
                window.show_page(name)
                _settle(app)
                written.append(_save(window, out_dir / f"{name}.png"))
            calendar = window.show_page("calendar")
            calendar.set_mode("month")  # type: ignore[attr-defined]
            _settle(app)
            written.append(_save(window, out_dir / "calendar-month.png"))
            calendar.set_mode("week")  # type: ignore[attr-defined]
            window.poll_timer.stop()
            window.close()
        finally:
            repo.close()
    return written


def _settle(app: object) -> None:
    for _ in range(4):
        app.processEvents()  # type: ignore[attr-defined]


def _save(window: object, path: Path) -> Path:
    window.grab().save(str(path))  # type: ignore[attr-defined]
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m desktop.screenshots",
                                     description="Render every page of the app to PNG files.")
    parser.add_argument("out_dir", type=Path, metavar="OUTDIR")
    parser.add_argument("--dark", action="store_true", help="use a dark palette")
    parser.add_argument("--scale", type=float, default=1.0,
                        help="display scaling, e.g. 2 for 200 %% (default 1)")
    parser.add_argument("--size", default=f"{SIZE[0]}x{SIZE[1]}", metavar="WxH",
                        help="window size in logical pixels (default %(default)s)")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    try:
        width, height = (int(n) for n in args.size.lower().split("x"))
    except ValueError:
        parser.error(f"--size must look like 1360x860, got {args.size}")
    if not 0.5 <= args.scale <= 4:
        parser.error(f"--scale must be between 0.5 and 4, got {args.scale:g}")
    for path in render(args.out_dir, dark=args.dark, scale=args.scale, size=(width, height)):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
