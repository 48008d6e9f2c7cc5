"""``parley list``: the meetings in the library, as a table or JSON Lines.

With no meetings imported yet this lists the bundled sample library (and says so on
stderr), like the app does, so the command always shows something real.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import asdict

from rich.console import Console
from rich.table import Table
from rich.text import Text

from store.library import SORTS, Filters, Library, LibraryError, MeetingRow
from store.models import REMARK_KINDS


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("list", help="list the meetings in the library")
    p.add_argument("--json", action="store_true", help="JSON Lines, one meeting per line")
    p.add_argument("--sort", choices=tuple(SORTS), default="date_desc")
    p.add_argument("--limit", type=int, default=None, metavar="N")
    p.add_argument("--offset", type=int, default=0, metavar="N")
    add_filter_arguments(p)
    p.set_defaults(func=run)


def add_filter_arguments(p: argparse.ArgumentParser) -> None:
    """The filter options ``list`` and ``search`` share."""
    p.add_argument("--speaker", metavar="NAME", help="meetings (or hits) where NAME speaks")
    p.add_argument("--participant", metavar="NAME", help="meetings NAME takes part in")
    p.add_argument("--outlet", metavar="NAME", help="published by NAME (exact, any case)")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="on or after DATE (ISO)")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="on or before DATE (ISO)")
    p.add_argument("--kind", dest="kinds", action="append", choices=REMARK_KINDS, default=[],
                   help="remark kind (repeat for several)")


def filters_from(args: argparse.Namespace) -> Filters | None:
    f = Filters(
        speaker=args.speaker, participant=args.participant, outlet=args.outlet,
        date_from=args.date_from, date_to=args.date_to, kinds=tuple(args.kinds),
    )
    return None if f == Filters() else f


def open_for_reading(override: str | None, err: Console) -> Library | None:
    """The user's library, or the sample library (said on stderr) when it is empty."""
    try:
        lib = Library.open_default(override)
    except LibraryError as exc:
        err.print(Text(str(exc), style="red"))
        return None
    if lib.is_sample:
        err.print(Text("The library is empty; showing the bundled sample documents "
                       "(import your own with: parley import FOLDER).", style="dim"))
    return lib


def run(args: argparse.Namespace) -> int:
    err = Console(stderr=True)
    lib = open_for_reading(args.library, err)
    if lib is None:
        return 1
    try:
        rows = lib.rows(args.offset, args.limit, args.sort, filters_from(args))
    finally:
        lib.close()
    if args.json:
        for row in rows:
            sys.stdout.write(json.dumps(row_json(row), ensure_ascii=False) + "\n")
        return 0
    print_rows(Console(), rows)
    return 0


def row_json(row: MeetingRow) -> dict[str, object]:
    d = asdict(row)
    d["participants"] = list(row.participants)
    return d


def print_rows(console: Console, rows: Sequence[MeetingRow]) -> None:
    """A table of meetings; every cell is Text, because titles and names are data."""
    table = Table(show_edge=False, pad_edge=False, expand=False)
    table.add_column("Date", no_wrap=True)
    table.add_column("Title", ratio=3)
    table.add_column("Participants", ratio=2)
    table.add_column("Remarks", justify="right")
    for r in rows:
        table.add_row(
            Text(r.date or "—"), Text(r.title), Text(", ".join(r.participants)),
            Text(str(r.n_remarks)),
        )
    console.print(table)
    console.print(Text(f"{len(rows)} meeting{'s' if len(rows) != 1 else ''}", style="dim"))
