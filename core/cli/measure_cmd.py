"""``runner-legs progress`` and ``runner-legs offers`` (SPEC §7): the weight trend, rate,
energy-balance check and legs; the open offers (easier sessions and the deficit) accepted or
dismissed by id."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import TYPE_CHECKING, Any

from core.cli.common import CliError, InvalidInput, global_options, open_data, print_json
from core.weight_trend import Progress, verdict_words

if TYPE_CHECKING:
    from core.recovery import Offer
    from core.weight_trend import DeficitOffer

EASIER_PREFIX = "easier-"
LEG_NAMES = {"thigh_cm": "Thigh", "calf_cm": "Calf"}


def register(sub: Any) -> None:
    p = sub.add_parser("progress", parents=[global_options()],
                       help="weight trend, rate, energy-balance check, legs",
                       description="The smoothed weight trend, its rate over the last 28 "
                                   "days against the rate the plan expects, the "
                                   "energy-balance check and the leg measurements.")
    p.add_argument("--format", choices=("json", "text"), default="json")
    p.set_defaults(run=_guard(_run_progress))

    o = sub.add_parser("offers", parents=[global_options()], help="list, accept or dismiss "
                       "the open offers", description="The open offers: an easier session "
                       "after short nights or a missed session, and a changed daily deficit "
                       "when the weight trend asks for one.")
    what = o.add_mutually_exclusive_group()
    what.add_argument("--accept", metavar="ID", help="accept the offer with this id")
    what.add_argument("--dismiss", metavar="ID", help="dismiss the offer with this id")
    o.add_argument("--format", choices=("json", "text"), default="json")
    o.set_defaults(run=_guard(_run_offers))


def _guard(run: Any) -> Any:
    def guarded(args: argparse.Namespace) -> int:
        from core.app import StoreError

        try:
            result: int = run(args)
            return result
        except StoreError as exc:
            raise CliError(str(exc)) from None
    return guarded


def _run_progress(args: argparse.Namespace) -> int:
    with open_data(args) as app:
        report = app.queries.progress()
    if report is None:
        raise InvalidInput("no saved profile: save one with 'runner-legs profile --set FILE'")
    if args.format == "json":
        print_json(report.to_json())
    else:
        sys.stdout.write(progress_text(report))
    return 0


def _n(x: float | None, unit: str = "", sign: bool = False) -> str:
    if x is None:
        return "—"
    text = f"{x:+.2f}" if sign else f"{x:.2f}"
    return text + (f" {unit}" if unit else "")


def progress_text(report: Progress) -> str:
    """The report as lines a person reads in a terminal (numbers to 2 decimals)."""
    lines = []
    if report.weights:
        last = report.weights[-1]
        lines.append(f"Weight trend: {_n(last.trend_kg, 'kg')} on {last.date.isoformat()} "
                     f"({len(report.weights)} weights logged; latest {_n(last.weight_kg)} kg)")
    else:
        lines.append("Weight trend: no weights logged yet")
    lines.append(f"Rate: {_n(report.rate_kg_per_week, 'kg a week', sign=True)}; expected "
                 f"{_n(report.expected_kg_per_week, 'kg a week', sign=True)}")
    lines.append(f"Check: {verdict_words(report)}")
    if report.suggested_deficit_kcal is not None:
        lines.append(f"Suggested daily deficit: {report.suggested_deficit_kcal} kcal "
                     f"(now {report.deficit_kcal}); see 'runner-legs offers'")
    for name, label in LEG_NAMES.items():
        m = report.measures[name]
        lines.append(f"{label}: first {_n(m.first, 'cm')}, latest {_n(m.latest, 'cm')}, "
                     f"since the start {_n(m.since_start, 'cm', sign=True)}, last 4 weeks "
                     f"{_n(m.change_4_weeks, 'cm', sign=True)}")
    return "\n".join(lines) + "\n"


def offer_rows(easier: list[Offer], deficit: DeficitOffer | None,
               today: date) -> list[dict[str, Any]]:
    """SPEC §7 ``offers`` entries: easier sessions by date, then the deficit offer."""
    rows: list[dict[str, Any]] = [{
        "id": f"{EASIER_PREFIX}{o.date.isoformat()}", "kind": "easier_session",
        "date": o.date.isoformat(), "reason": o.reason,
        "replaces": {"kind": o.original.kind, "minutes": o.original.minutes},
        "offered": {"kind": o.replacement.kind, "minutes": o.replacement.minutes},
    } for o in easier]
    if deficit is not None:
        rows.append({"id": deficit.id, "kind": "deficit", "date": today.isoformat(),
                     "reason": deficit.reason, "replaces": None,
                     "offered": {"deficit_kcal": deficit.suggested}})
    return rows


def _run_offers(args: argparse.Namespace) -> int:
    today: date = args.today
    with open_data(args) as app:
        easier = app.queries.open_offers()
        deficit = app.queries.deficit_offer()
        chosen = args.accept or args.dismiss
        if not chosen:
            rows = offer_rows(easier, deficit, today)
            if args.format == "json":
                print_json({"offers": rows})
            else:
                sys.stdout.write("".join(f"{r['id']}  {r['reason']}\n" for r in rows)
                                 or "No open offers.\n")
            return 0
        match = next((o for o in easier if f"{EASIER_PREFIX}{o.date.isoformat()}" == chosen),
                     None)
        if match is not None:
            change = (app.ops.accept_offer(match) if args.accept
                      else app.ops.dismiss_offer(match.date))
        elif deficit is not None and deficit.id == chosen:
            change = (app.ops.accept_deficit_offer(chosen) if args.accept
                      else app.ops.dismiss_deficit_offer(chosen))
        else:
            open_ids = [r["id"] for r in offer_rows(easier, deficit, today)]
            raise InvalidInput(f"no open offer with id {chosen} (open: "
                               f"{', '.join(open_ids) or 'none'})")
    print(change.summary)
    return 0
