"""``parley export``: coded passages to CSV, JSON, Markdown or a REFI-QDA project.

``parley export --format csv|json|md|qdpx -o FILE [--tag T] [--speaker S] [--from DATE]
[--to DATE] [--bookmarked] [--meeting ID]``. The format defaults to the output file's
extension. The export functions themselves are pure (``store.export``); this module
only opens the library and the annotations, reads the filters and shows a progress
bar on a terminal.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.text import Text

from store.export.records import Filters, build_records

FORMATS = ("csv", "json", "md", "qdpx")
_SUFFIXES = {".csv": "csv", ".json": "json", ".md": "md", ".markdown": "md", ".qdpx": "qdpx"}
# Below this many passages an export is instant and a progress bar only flickers.
PROGRESS_THRESHOLD = 200


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "export",
        help="export coded passages (CSV, JSON, Markdown, REFI-QDA .qdpx)",
        description="Export the coded passages of the library. QDPX projects open in "
        "NVivo, ATLAS.ti, MAXQDA and QualCoder.",
    )
    p.add_argument("--format", "-f", choices=FORMATS,
                   help="output format (default: from the file's extension)")
    p.add_argument("-o", "--output", required=True, metavar="FILE",
                   help="file to write ('-' for standard output, text formats only)")
    p.add_argument("--tag", dest="tags", action="append", default=[], metavar="T",
                   help="passages with tag T or a tag below it (repeat for several)")
    p.add_argument("--speaker", metavar="S", help="passages spoken by S (name or alias)")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="meetings on/after DATE")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="meetings on/before DATE")
    p.add_argument("--bookmarked", action="store_true", help="bookmarked passages only")
    p.add_argument("--meeting", dest="meetings", action="append", default=[], metavar="ID",
                   help="passages of meeting ID (repeat for several)")
    p.add_argument("--bom", action="store_true",
                   help="CSV: start with a UTF-8 byte order mark (for Excel)")
    p.add_argument("--group", choices=("tag", "meeting"), default="tag",
                   help="Markdown: group passages by tag (default) or by meeting")
    p.add_argument("--title", default=None, help="Markdown report / QDPX project title")
    p.set_defaults(func=run)


def filters_from(args: argparse.Namespace) -> Filters:
    return Filters(
        tags=tuple(args.tags),
        speaker=args.speaker,
        date_from=args.date_from,
        date_to=args.date_to,
        bookmarked=args.bookmarked,
        meeting_ids=frozenset(args.meetings) if args.meetings else None,
    )


def choose_format(fmt: str | None, output: str) -> str | None:
    if fmt:
        return fmt
    return _SUFFIXES.get(Path(output).suffix.lower())


@contextmanager
def progress_bar(label: str, total: int, err: Console) -> Iterator[Callable[[int, int], None]]:
    """A rich progress bar on stderr for long jobs on a terminal; a no-op otherwise."""
    if total < PROGRESS_THRESHOLD or not err.is_terminal:
        yield lambda done, total: None
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    with Progress(TextColumn("{task.description}", markup=False), BarColumn(),
                  MofNCompleteColumn(), TimeRemainingColumn(), console=err,
                  transient=True) as progress:
        task = progress.add_task(label, total=total)
        yield lambda done, total: progress.update(task, completed=done, total=total)


@contextmanager
def open_library_and_store(
    override: str | None, err: Console, *, read_only: bool
) -> Iterator[tuple[Any, Any] | None]:
    """The library (``Library.open_default``) and its annotation store, or None.

    Problems are one sentence on stderr; the caller returns exit status 1 on None.
    """
    from store.annotations import AnnotationStore
    from store.library import Library, LibraryError
    from store.tinystore import StoreError

    try:
        lib = Library.open_default(override)
    except LibraryError as exc:
        err.print(Text(str(exc), style="red"))
        yield None
        return
    try:
        store = AnnotationStore.open(lib.path, read_only=read_only)
    except StoreError as exc:
        err.print(Text(str(exc), style="red"))
        lib.close()
        yield None
        return
    if lib.is_sample:
        err.print(Text("The library is empty; using the bundled sample library.", style="dim"))
    try:
        yield lib, store
    finally:
        store.close()
        lib.close()


def run(args: argparse.Namespace) -> int:
    err = Console(stderr=True, soft_wrap=True)
    fmt = choose_format(args.format, args.output)
    if fmt is None:
        err.print(Text(f"Cannot tell the format of {args.output}; give --format "
                       f"({', '.join(FORMATS)}).", style="red"))
        return 2
    to_stdout = args.output == "-"
    if to_stdout and fmt == "qdpx":
        err.print(Text("A QDPX project is a zip file; give a file name with -o.", style="red"))
        return 2
    with open_library_and_store(args.library, err, read_only=True) as opened:
        if opened is None:
            return 1
        lib, store = opened
        filters = filters_from(args)
        records = build_records(lib.meeting, store.all(), filters)
        tags = store.tags()
        try:
            with progress_bar(f"Exporting {fmt}", len(records), err) as tick:
                message = _write(fmt, records, tags, filters, args, tick)
        except OSError as exc:
            err.print(Text(f"Cannot write {args.output}: {exc.strerror or exc}.", style="red"))
            return 1
    err.print(Text(message))
    return 0


def _write(fmt: str, records: list, tags: list, filters: Filters, args: argparse.Namespace,
           tick: Callable[[int, int], None]) -> str:
    from store.export import csv_export, json_export, markdown_export, qdpx_export

    out = args.output
    n = len(records)
    n_meetings = len({r.annotation.meeting_id for r in records})
    where = "standard output" if out == "-" else out
    done = f"Exported {n} passage{'s' if n != 1 else ''} from {n_meetings} meeting" \
           f"{'s' if n_meetings != 1 else ''} to {where}."
    if fmt == "csv":
        if out == "-":
            csv_export.write_csv(records, sys.stdout, progress=tick)
        else:
            csv_export.export_csv(records, out, bom=args.bom, progress=tick)
    elif fmt == "json":
        if out == "-":
            import json

            doc = json_export.export_document(records, tags, filters, progress=tick)
            sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        else:
            json_export.export_json(records, tags, out, filters, progress=tick)
    elif fmt == "md":
        title = args.title or "Parley report"
        if out == "-":
            sys.stdout.write(markdown_export.render_markdown(records, tags, group=args.group,
                                                             title=title, progress=tick))
        else:
            markdown_export.export_markdown(records, tags, out, group=args.group, title=title,
                                            progress=tick)
    else:
        summary = qdpx_export.export_qdpx(records, tags, out,
                                          project_name=args.title or "Parley project",
                                          progress=tick)
        if summary.skipped_orphaned:
            k = len(summary.skipped_orphaned)
            done += (f" {k} orphaned passage{'s' if k != 1 else ''} (meeting text not found) "
                     "could not be placed in the project; the CSV and JSON exports keep them.")
    return done
