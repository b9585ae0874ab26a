"""Run every benchmark and print figure, baseline and ratio (``make bench``)."""

from __future__ import annotations

import importlib
import sys

MODULES = ("plan_bench", "store_bench", "export_bench", "desktop_bench", "interaction_bench",
           "bundle_size")


def main() -> int:
    only = sys.argv[1:]
    print(f"{'benchmark':<58} {'figure':>10} {'baseline':>10} {'ratio':>7}")
    for name in MODULES:
        if only and name not in only:
            continue
        try:
            module = importlib.import_module(f"bench.{name}")
        except ModuleNotFoundError:
            continue
        for label, figure, baseline in module.run():
            ratio = figure / baseline if baseline else float("nan")
            print(f"{label:<58} {figure:>10.4f} {baseline:>10.4f} {ratio:>6.2f}×", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
