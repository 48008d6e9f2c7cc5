"""``parley import PATH... [--jobs N] [--json]``: bring documents into the library.

Files and folders (recursively). On a terminal a progress bar runs while workers parse;
otherwise one plain line per file goes to stderr, so logs and pipes stay readable. Then
a summary: imported, unchanged, failed (one line each, with the reason), replaced.
The exit status is 1 if any file failed.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.text import Text

from store.library import DEFAULT_TIMEOUT, ImportSummary, Library, LibraryError


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("import", help="import documents (files or folders) into the library")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--jobs", type=int, default=None, metavar="N",
                   help="worker processes (default: one per core)")
    p.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                   help=f"give up on a file after this long (default {DEFAULT_TIMEOUT:g})")
    p.add_argument("--json", action="store_true", help="print the summary as one JSON object")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    err = Console(stderr=True)
    try:
        lib = Library.open(args.library)
    except LibraryError as exc:
        err.print(Text(str(exc), style="red"))
        return 1
    jobs = None if args.jobs is None else max(0, args.jobs)
    try:
        if err.is_terminal and not args.json:
            summary = _with_bar(lib, args.paths, jobs, args.timeout, err)
        else:
            summary = lib.import_paths(
                args.paths, progress=_plain_progress(), jobs=jobs, timeout=args.timeout
            )
    finally:
        lib.close()
    if args.json:
        out = summary_json(summary, str(lib.path))
        sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
    else:
        print_summary(Console(), summary, str(lib.path))
    return 1 if summary.failed else 0


def _with_bar(
    lib: Library, paths: list[str], jobs: int | None, timeout: float, console: Console
) -> ImportSummary:
    columns = (
        TextColumn("Importing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        TextColumn("{task.fields[current]}", markup=False),
    )
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("import", total=None, current="")

        def progress(done: int, total: int, current: str) -> None:
            bar.update(task, completed=done, total=total, current=_short(current))

        return lib.import_paths(paths, progress=progress, jobs=jobs, timeout=timeout)


def _plain_progress():  # type: ignore[no-untyped-def]
    """One line per file while few, then at most one a second (pipes and CI logs)."""
    last = 0.0

    def progress(done: int, total: int, current: str) -> None:
        nonlocal last
        if not current:
            return
        now = time.monotonic()
        if total <= 100 or done == total or now - last >= 1.0:
            last = now
            sys.stderr.write(f"[{done}/{total}] {current}\n")
            sys.stderr.flush()

    return progress


def _short(path: str, width: int = 40) -> str:
    return path if len(path) <= width else "…" + path[-(width - 1):]


def summary_json(summary: ImportSummary, library: str) -> dict[str, Any]:
    return {
        "library": library,
        "imported": summary.imported,
        "unchanged": summary.unchanged,
        "failed": [{"source": p, "error": e} for p, e in summary.failed],
        "replaced": [{"old": o, "new": n} for o, n in summary.replaced],
        "meetings": summary.meetings,
        "skipped": summary.skipped,
    }


def print_summary(console: Console, summary: ImportSummary, library: str) -> None:
    """The human summary; paths and reasons are data, so they are printed as Text."""
    line = Text()
    line.append(f"Imported {len(summary.imported)} ", style="bold green")
    line.append(f"file{'s' if len(summary.imported) != 1 else ''} "
                f"({summary.meetings} meeting{'s' if summary.meetings != 1 else ''}), ")
    line.append(f"{len(summary.unchanged)} unchanged, ")
    line.append(f"{len(summary.failed)} failed", style="bold red" if summary.failed else "")
    line.append(f", {len(summary.replaced)} replaced" if summary.replaced else "")
    line.append(f" into {library}.")
    # soft_wrap: one line per failure even in a narrow terminal or a pipe (grep-able).
    console.print(line, soft_wrap=True)
    for path, reason in summary.failed:
        console.print(Text.assemble(("failed  ", "red"), (reason if path in reason else
                                                          f"{path}: {reason}")),
                      soft_wrap=True)
    for old, new in summary.replaced:
        console.print(Text(f"replaced {old} → {new}"), soft_wrap=True)
    if summary.skipped:
        n = len(summary.skipped)
        console.print(
            Text(f"skipped {n} file{'s' if n != 1 else ''} in folders whose names are not "
                 "text, HTML or Markdown (name a file directly to import it anyway).",
                 style="dim"),
            soft_wrap=True,
        )
