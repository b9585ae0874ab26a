"""Import speed (SPEC §9): importing 1,000 activity files (a year of a runner's exports,
read, matched and written in batches of one transaction each) against parsing the same files
with the bare decoders in the same run — Garmin's FIT decoder with its default options, and
the XML parser for GPX and TCX (after the same gunzip). Target: importing costs at most 1.5×
the bare parse. A second row compares with the importer's own decoder calls (the CRC check
and the lighter read options) alone: what matching and storing add. Figures are this
process's CPU seconds, best of two alternated runs, so other work on a shared machine does
not tilt the ratio."""

from __future__ import annotations

import gzip
import shutil
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from datetime import date
from pathlib import Path

from bench.activity_files import make_files
from core.app import open_app
from core.profile import demo_profile

TARGET = 1.5
FILES = 1000
TODAY = date(2026, 12, 5)
REPEAT = 2


def bare_parse(paths: list[Path], *, as_import: bool = False) -> int:
    """Decode every file with the bare decoder (its default options, or ``as_import``: the
    integrity check and the options the importer uses); the number of records seen."""
    from garmin_fit_sdk import Decoder, Stream

    seen = 0
    for path in paths:
        data = path.read_bytes()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        if data[8:12] == b".FIT":
            if as_import:
                assert Decoder(Stream.from_byte_array(bytearray(data))).check_integrity()
                messages, errors = Decoder(Stream.from_byte_array(bytearray(data))).read(
                    enable_crc_check=False, merge_heart_rates=False, expand_components=False)
            else:
                messages, errors = Decoder(Stream.from_byte_array(bytearray(data))).read()
            assert not errors
            seen += len(messages.get("record_mesgs", ()))
        else:
            seen += sum(1 for _ in ET.fromstring(data).iter())
    return seen


def _store(folder: Path) -> None:
    app = open_app(folder, lambda: date(2026, 9, 7))
    app.ops.save_profile(demo_profile())
    app.close()


def _import(template: Path, home: Path, export: Path) -> float:
    """CPU seconds to import ``export`` into a fresh copy of the template store."""
    shutil.rmtree(home, ignore_errors=True)
    shutil.copytree(template, home)
    app = open_app(home, lambda: TODAY)
    t0 = time.process_time()
    report = app.ops.import_paths([export])
    spent = time.process_time() - t0
    app.close()
    assert len(report.imported) == FILES and not report.refused, report.summary()
    return spent


def _cpu(fn: Callable[[], object]) -> float:
    t0 = time.process_time()
    fn()
    return time.process_time() - t0


def run() -> list[tuple[str, float, float]]:
    with tempfile.TemporaryDirectory() as tmp:
        export = Path(tmp, "export")
        files = make_files(export, FILES)
        template = Path(tmp, "template")
        _store(template)
        bare_parse(files[:50])  # warm imports and the page cache
        figure = baseline = same_calls = float("inf")
        for _ in range(REPEAT):  # alternated, best of each: a busy machine slows all alike
            baseline = min(baseline, _cpu(lambda: bare_parse(files)))
            same_calls = min(same_calls, _cpu(lambda: bare_parse(files, as_import=True)))
            figure = min(figure, _import(template, Path(tmp, "home"), export))
    over = " (over target)" if figure > TARGET * baseline else ""
    return [(f"import: {FILES} activity files vs bare decoders, CPU s [target ≤{TARGET:g}×]"
             f"{over}", figure, baseline),
            (f"import: {FILES} files vs the same decoder calls alone, CPU s (no target)",
             figure, same_calls)]
