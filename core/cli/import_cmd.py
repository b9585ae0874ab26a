"""``runner-legs import PATH... [--format json|text]`` (SPEC §7, §9): read activity files,
match them to the plan and keep them, in one write for the whole batch."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from core.cli.common import CliError, global_options, open_data


def register(sub: Any) -> None:
    p = sub.add_parser("import", parents=[global_options()], help="import activity files",
                       description="Read activities recorded by a watch or an app (FIT, TCX, "
                                   "GPX, gzip-compressed or not, .zip archives and folders), "
                                   "mark the day's matching session done and keep the rest.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, archives or folders")
    p.add_argument("--format", choices=("json", "text"), default="text")
    p.set_defaults(run=_run_import)


def _run_import(args: argparse.Namespace) -> int:
    from core.activities.model import utc_text
    from core.app import StoreError

    try:
        with open_data(args) as app:
            report = app.ops.import_paths(args.paths)
    except StoreError as exc:
        raise CliError(str(exc)) from None
    imported = [{"file": file, "sport": m.activity.sport, "start": utc_text(m.activity.start),
                 "date": m.activity.date.isoformat(), "minutes": m.activity.minutes,
                 "distance_km": m.activity.distance_km, "avg_hr": m.activity.avg_hr,
                 "result": m.result, "session_kind": m.session_kind}
                for file, m in report.imported]
    refused = [{"file": r.file, "reason": r.reason} for r in report.refused]
    if args.format == "json":
        json.dump({"imported": imported, "refused": refused}, sys.stdout, ensure_ascii=False,
                  indent=2)
        sys.stdout.write("\n")
    else:
        _print_text(imported, refused, report.summary() if report.read_any else "")
    if not report.read_any:
        print(f"runner-legs: {report.summary()}", file=sys.stderr)
        return 2
    return 0


_WORDS = {"marked_done": "marked the {kind} done", "added": "kept outside the plan",
          "already_marked": "the {kind} was already marked by hand",
          "duplicate": "already imported"}


def _print_text(imported: list[dict[str, Any]], refused: list[dict[str, str]],
                summary: str) -> None:
    for i in imported:
        facts = [i["sport"], f"{i['minutes']} min"]
        if i["distance_km"] is not None:
            facts.append(f"{i['distance_km']:.2f} km")
        if i["avg_hr"] is not None:
            facts.append(f"{i['avg_hr']} bpm")
        kind = (i["session_kind"] or "").replace("_", " ")
        print(f"{i['date']}  {', '.join(facts)}  {i['file']}: "
              f"{_WORDS[i['result']].format(kind=kind)}")
    for r in refused:
        print(f"refused  {r['file']}: {r['reason']}")
    if summary:
        print(summary)
