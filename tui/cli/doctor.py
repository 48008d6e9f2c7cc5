"""``parley doctor [--library DIR] [--json] [--repair]``: check a library, in plain words.

The checks live in :mod:`store.doctor`; this module only prints their findings, one
sentence per line (as ``rich.text.Text``: paths and quotes are data, never markup),
and exits 0 when the library is healthy, 1 when a problem was found.
"""

from __future__ import annotations

import argparse
import json
import sys

from rich.console import Console
from rich.text import Text

from store import paths
from store.doctor import Finding, Report, repair, run_checks

_MARKS = {"ok": ("✓ ", "green"), "note": ("• ", "yellow"), "problem": ("✗ ", "bold red")}


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "doctor",
        help="check a library: index, sources, annotations, backups, locks",
        description="Check that the library's index matches its source files, that every "
        "annotation is anchored and readable, and that backups exist. Exit status 1 when "
        "a problem is found.",
    )
    # SUPPRESS: without the option here, the top-level --library keeps its value.
    p.add_argument("--library", metavar="DIR", default=argparse.SUPPRESS,
                   help="library directory (default: $PARLEY_LIBRARY or the platform data dir)")
    p.add_argument("--json", action="store_true", help="print the findings as one JSON object")
    p.add_argument("--repair", action="store_true",
                   help="restore damaged annotation files from their newest backup and clear "
                   "locks left by a crash, then check again")
    p.add_argument("--no-hash", action="store_true",
                   help="check that source files exist without reading them (faster)")
    p.set_defaults(func=run)


def print_finding(console: Console, finding: Finding) -> None:
    mark, style = _MARKS[finding.severity]
    console.print(Text.assemble((mark, style), finding.message), soft_wrap=True)


def print_report(console: Console, report: Report) -> None:
    for finding in report.findings:
        print_finding(console, finding)
    n = len(report.problems)
    if n:
        console.print(Text(f"{n} problem{'s' if n != 1 else ''} found in {report.library}.",
                           style="bold red"), soft_wrap=True)
    else:
        console.print(Text(f"The library at {report.library} is healthy.", style="bold green"),
                      soft_wrap=True)


def run(args: argparse.Namespace) -> int:
    root = paths.library_dir(getattr(args, "library", None))
    repaired: list[Finding] = repair(root) if args.repair else []
    report = run_checks(root, hash_sources=not args.no_hash)
    if args.json:
        out = report.to_json()
        out["repaired"] = [f.to_json() for f in repaired]
        sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
    else:
        console = Console(soft_wrap=True)
        for finding in repaired:
            print_finding(console, finding)
        print_report(console, report)
    return 0 if report.healthy else 1
