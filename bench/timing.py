"""Small timing helpers shared by the benchmarks: best-of-N wall time."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable, Sequence


def best_of(fn: Callable[[], object], repeat: int = 5) -> float:
    """The fastest of ``repeat`` calls, in seconds (the least disturbed figure)."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def command_time(args: Sequence[str], repeat: int = 5, env: dict[str, str] | None = None) -> float:
    """Best wall time of running a command to completion."""
    def once() -> None:
        subprocess.run(list(args), check=True, stdout=subprocess.DEVNULL, env=env)
    return best_of(once, repeat)


PYTHON = sys.executable
