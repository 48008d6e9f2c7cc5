"""``parley annotations``: list, share and import annotations.

- ``parley annotations [--json]``: every annotation (meeting id, span, quoted text,
  tags, bookmark, note, times), as a table or JSON Lines;
- ``parley annotations export FILE``: a self-contained file for a colleague (the
  annotations with their quotes and context, the codebook, meeting fingerprints);
- ``parley annotations import FILE``: merge a colleague's file or a REFI-QDA ``.qdpx``
  project (QualCoder, NVivo, ATLAS.ti, MAXQDA, Parley) into this library: no
  duplicates, conflicting notes kept side by side, what could not be matched listed;
  each import is recorded as a batch;
- ``parley annotations imports``: the recorded import batches;
- ``parley annotations undo-import [BATCH]``: take an import (default: the latest) back.
"""

from __future__ import annotations

import argparse
import json
import sys
import zipfile
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from tui.cli.export import open_library_and_store


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "annotations",
        help="list, share and import annotations",
        description="List annotations; share them with colleagues; import QDPX projects.",
    )
    p.add_argument("--json", action="store_true", help="JSON Lines, one annotation per line")
    p.set_defaults(func=run_list)
    actions = p.add_subparsers(dest="annotations_command", metavar="ACTION")

    ex = actions.add_parser("export", help="write annotations to a file for a colleague")
    ex.add_argument("file", metavar="FILE")
    ex.set_defaults(func=run_export)

    im = actions.add_parser("import", help="merge a colleague's file or a .qdpx project")
    im.add_argument("file", metavar="FILE")
    im.add_argument("--json", action="store_true", help="print the report as JSON")
    im.set_defaults(func=run_import)

    ls = actions.add_parser("imports", help="list recorded imports (for undo-import)")
    ls.set_defaults(func=run_imports)

    un = actions.add_parser("undo-import", help="take an import back out")
    un.add_argument("batch", nargs="?", metavar="BATCH", help="batch id (default: the latest)")
    un.set_defaults(func=run_undo)


def _batch_dir(lib: Any) -> Path:
    from store.export.merge import BATCH_DIR_NAME

    return Path(lib.path) / BATCH_DIR_NAME


def annotation_json(a: Any) -> dict[str, Any]:
    """One annotation for ``--json``: the stored fields plus the quoted text up front."""
    d = a.to_json()
    return {"meeting_id": d.pop("meeting_id"), "start": a.anchor.start, "end": a.anchor.end,
            "text": a.anchor.exact, **d}


def run_list(args: argparse.Namespace) -> int:
    err = Console(stderr=True, soft_wrap=True)
    with open_library_and_store(args.library, err, read_only=True) as opened:
        if opened is None:
            return 1
        _, store = opened
        items = sorted(store.all(), key=lambda a: (a.meeting_id, a.anchor.start, a.anchor.end))
    if args.json:
        for a in items:
            sys.stdout.write(json.dumps(annotation_json(a), ensure_ascii=False) + "\n")
        return 0
    table = Table(show_edge=False, pad_edge=False)
    table.add_column("Meeting", no_wrap=True)
    table.add_column("Span", no_wrap=True, justify="right")
    table.add_column("Passage", ratio=3)
    table.add_column("Tags", ratio=1)
    table.add_column("★", no_wrap=True)
    table.add_column("Note", ratio=2)
    table.add_column("Updated", no_wrap=True)
    for a in items:
        quote = " ".join(a.anchor.exact.split())
        table.add_row(
            Text(a.meeting_id[:12]),
            Text(f"{a.anchor.start}–{a.anchor.end}"),
            Text(quote if len(quote) <= 120 else quote[:119] + "…",
                 style="dim" if a.orphaned else ""),
            Text(", ".join(a.tags)),
            Text("★" if a.bookmark else ""),
            Text(" ".join(a.note.split())),
            Text(a.updated[:16].replace("T", " ")),
        )
    out = Console()
    out.print(table)
    orphaned = sum(1 for a in items if a.orphaned)
    summary = f"{len(items)} annotation{'s' if len(items) != 1 else ''}"
    if orphaned:
        summary += f", {orphaned} orphaned (dimmed)"
    out.print(Text(summary, style="dim"))
    return 0


def run_export(args: argparse.Namespace) -> int:
    from store.export.share import write_share

    err = Console(stderr=True, soft_wrap=True)
    with open_library_and_store(args.library, err, read_only=True) as opened:
        if opened is None:
            return 1
        lib, store = opened
        try:
            n = write_share(args.file, lib.meeting, store.all(), store.tags())
        except OSError as exc:
            err.print(Text(f"Cannot write {args.file}: {exc.strerror or exc}.", style="red"))
            return 1
    err.print(Text(f"Wrote {n} annotation{'s' if n != 1 else ''} to {args.file}."))
    return 0


def run_import(args: argparse.Namespace) -> int:
    from store.export.finders import LibraryFinder
    from store.export.merge import merge
    from store.export.qdpx_import import QdpxError, read_qdpx
    from store.export.share import ShareError, place_shared, read_share
    from store.tinystore import StoreError

    err = Console(stderr=True, soft_wrap=True)
    path = Path(args.file)
    with open_library_and_store(args.library, err, read_only=False) as opened:
        if opened is None:
            return 1
        lib, store = opened
        finder = LibraryFinder(lib)
        try:
            if path.suffix.lower() == ".qdpx" or (path.is_file() and zipfile.is_zipfile(path)):
                reading = read_qdpx(path, finder)
                passages, unmatched, book = reading.passages, reading.unmatched, reading.codebook
            else:
                share = read_share(path)
                passages, unmatched = place_shared(share, finder)
                book = share.codebook
        except (QdpxError, ShareError) as exc:
            err.print(Text(str(exc), style="red"))
            return 1

        def meeting_text(mid: str) -> str | None:
            m = finder.get(mid)
            return m.text if m is not None else None

        try:
            report = merge(store, passages, meeting_text, label=path.name, codebook=book,
                           batch_dir=_batch_dir(lib), unmatched=unmatched)
        except StoreError as exc:
            err.print(Text(str(exc), style="red"))
            return 1
    if args.json:
        sys.stdout.write(json.dumps(report.to_json(), ensure_ascii=False) + "\n")
    else:
        for i, line in enumerate(report.lines()):
            style = "" if i == 0 else ("yellow" if line.startswith("Conflicting") else "dim")
            if line.startswith("Not matched"):
                style = "red"
            err.print(Text(line, style=style))
        err.print(Text(f"Undo with: parley annotations undo-import {report.batch}", style="dim"))
    return 0


def run_imports(args: argparse.Namespace) -> int:
    from store.export.merge import list_batches

    err = Console(stderr=True, soft_wrap=True)
    with open_library_and_store(args.library, err, read_only=True) as opened:
        if opened is None:
            return 1
        lib, _ = opened
        batches = list_batches(_batch_dir(lib))
    if not batches:
        err.print(Text("No recorded imports."))
        return 0
    out = Console(soft_wrap=True)
    for b in batches:
        out.print(Text(f"{b['batch']}  {b['created']}  {b['label']}  "
                       f"({b['added']} added, {b['updated']} updated)"))
    return 0


def run_undo(args: argparse.Namespace) -> int:
    from store.export.merge import BatchNotFound, list_batches, undo_import
    from store.tinystore import StoreError

    err = Console(stderr=True, soft_wrap=True)
    with open_library_and_store(args.library, err, read_only=False) as opened:
        if opened is None:
            return 1
        lib, store = opened
        batch = args.batch
        if batch is None:
            batches = list_batches(_batch_dir(lib))
            if not batches:
                err.print(Text("There is no recorded import to undo.", style="red"))
                return 1
            batch = batches[-1]["batch"]
        try:
            report = undo_import(store, _batch_dir(lib), batch)
        except (BatchNotFound, StoreError) as exc:
            err.print(Text(str(exc), style="red"))
            return 1
    for line in report.lines():
        err.print(Text(line))
    return 0
