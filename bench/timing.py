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


def command_times(args: Sequence[str], baseline: Sequence[str], repeat: int = 5,
                  env: dict[str, str] | None = None) -> tuple[float, float, float, float]:
    """Best wall times of a command and its baseline, run in turn (a, b, a, b, ...), so a
    change in the machine's load between them moves both figures alike; then their best CPU
    times (user + system), which a busy machine disturbs far less than wall time."""
    (wall, cpu), (wall_base, cpu_base) = alternated((args, baseline), repeat, env)
    return wall, wall_base, cpu, cpu_base


def alternated(commands: Sequence[Sequence[str]], repeat: int = 5,
               env: dict[str, str] | None = None) -> list[tuple[float, float]]:
    """Best (wall, CPU) seconds of each command, the commands run in turn ``repeat`` times."""
    import resource

    wall = [float("inf")] * len(commands)
    cpu = [float("inf")] * len(commands)
    for _ in range(repeat):
        for k, command in enumerate(commands):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            subprocess.run(list(command), check=True, stdout=subprocess.DEVNULL, env=env)
            wall[k] = min(wall[k], time.perf_counter() - t0)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            used = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            cpu[k] = min(cpu[k], used)
    return list(zip(wall, cpu, strict=True))


PYTHON = sys.executable
