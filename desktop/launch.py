"""The ``runner-legs`` entry point: a subcommand goes to ``core.cli`` (no Qt imported);
anything else starts the desktop app."""

from __future__ import annotations

import sys
from collections.abc import Sequence

GUI_FLAGS = ("--smoke",)
GUI_OPTIONS = ("--data-dir",)


def gui_options(args: Sequence[str]) -> tuple[bool, str | None] | None:
    """``(smoke, data_dir)`` when ``args`` hold only ``--smoke`` and ``--data-dir=DIR``, spelled
    in full; None for anything else (a subcommand, help, a typo, ``--data-dir DIR``), which
    the command-line parser judges. Starting the window this way skips building every
    subcommand's parser."""
    smoke, data_dir = False, None
    for arg in args:
        name, equals, value = arg.partition("=")
        if arg in GUI_FLAGS:
            smoke = True
        elif name in GUI_OPTIONS and equals and value:
            data_dir = value
        else:
            return None
    return smoke, data_dir


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    quick = gui_options(args)
    if quick is None:
        from core.cli import build_parser, is_command
        from core.cli import main as cli_main

        if is_command(args) or any(a in ("-h", "--help") for a in args):
            return cli_main(args)
        try:
            options = build_parser().parse_args(args)
        except Exception as exc:  # noqa: BLE001 - one line, exit 2, as on the command line
            print(f"runner-legs: {exc}", file=sys.stderr)
            return 2
        quick = (options.smoke, options.data_dir)

    smoke, data_dir = quick
    return start(smoke=smoke, data_dir=data_dir)


def start(*, smoke: bool = False, data_dir: str | None = None, first_paint: bool = False) -> int:
    """Start the window (``first_paint``: only until its first page has painted, which is
    what the start-up benchmark times)."""
    import gc

    from desktop.startup import preflight

    problem = preflight()
    if problem:
        print(f"runner-legs: {problem}", file=sys.stderr)
        return 1
    # Start-up allocates tens of thousands of objects that all live on (modules, Qt enums,
    # widgets): the cyclic collector would walk them again and again for nothing. desktop.app
    # turns it back on once the first page has painted.
    gc.disable()
    # The application layer and the store (with peewee) are plain Python: load them before
    # Qt, because PySide6 reads the source of every module imported after it (to look for its
    # __feature__ switches).
    from core.app import load_store

    load_store()
    from desktop.app import run

    code = run([sys.argv[0]], smoke=smoke, data_dir=data_dir, first_paint=first_paint)
    leave_quickly()
    return code


def leave_quickly() -> None:
    """Let the process end without Python's collector walking every Qt wrapper again.

    When ``run`` returns, everything that must outlive the process is written: the store is
    closed (each write was committed as it was made), the settings synced, background work
    joined, temporary files removed. Python's teardown would still run its cyclic collector
    over the ~40,000 objects the window left behind, several times, which takes longer than
    painting a page (about 50 ms). Frozen, they are left for the exit to reclaim; atexit
    handlers and Qt's own shutdown still run.
    """
    import gc

    gc.freeze()


if __name__ == "__main__":
    sys.exit(main())
