"""``parley extract --json FILE...``: the machine-readable extraction contract.

One JSON object per input file, one per line, in the order given. A file that cannot
be read gives ``{"source": …, "error": "one clear sentence"}`` and the rest go on; the
exit status is 1 if any file failed. No library is needed.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from store.ingest import Unreadable, extract
from store.ingest.sources import read_source


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("extract", help="print the meetings and remarks found in files")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--json", action="store_true", help="JSON Lines, one object per file")
    p.set_defaults(func=run)


def extract_file(path: str) -> dict[str, Any]:
    """The contract's object for one file: its meetings, or one sentence of error."""
    try:
        meetings = extract(read_source(Path(path)), path)
    except Unreadable as exc:
        return {"source": path, "error": str(exc)}
    out = []
    for m in meetings:
        d = m.to_json()
        d.pop("source", None)
        out.append(d)
    return {"source": path, "meetings": out}


def run(args: argparse.Namespace) -> int:
    failed = False
    for path in args.files:
        obj = extract_file(path)
        failed = failed or "error" in obj
        if args.json:
            sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
        else:
            _print_human(obj)
        sys.stdout.flush()
    return 1 if failed else 0


def _print_human(obj: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.text import Text

    console = Console()
    if "error" in obj:
        console.print(Text(f"{obj['source']}: {obj['error']}", style="red"))
        return
    for m in obj["meetings"]:
        console.print(Text(f"{m['date'] or '----------'}  {m['title']}", style="bold"))
        for r in m["remarks"]:
            who = r["speaker"] or "(unnamed)"
            console.print(Text(f"  {r['kind']:9} {who}: {r['text'][:100]}"))
