"""The ``runner-legs`` entry point: a subcommand goes to ``core.cli`` (no Qt imported);
anything else starts the desktop app."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    from core.cli import build_parser, is_command
    from core.cli import main as cli_main

    if is_command(args) or any(a in ("-h", "--help") for a in args):
        return cli_main(args)
    try:
        options = build_parser().parse_args(args)
    except Exception as exc:  # noqa: BLE001 - one line, exit 2, as on the command line
        print(f"runner-legs: {exc}", file=sys.stderr)
        return 2

    from desktop.startup import preflight

    problem = preflight()
    if problem:
        print(f"runner-legs: {problem}", file=sys.stderr)
        return 1
    from desktop.app import run

    return run([sys.argv[0]], smoke=options.smoke, data_dir=options.data_dir)


if __name__ == "__main__":
    sys.exit(main())
