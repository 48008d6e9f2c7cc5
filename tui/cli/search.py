"""``parley search QUERY``: ranked passages from the whole library.

The query syntax is :mod:`store.search`'s: words (all must appear), ``"exact
phrases"``, ``prefix*``, ``OR``, ``-word``; case and accents do not matter. Each hit
shows its meeting, speaker and a snippet; ``--json`` prints JSON Lines instead. A query
that cannot be run gets one sentence on stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import asdict

from rich.console import Console
from rich.text import Text

from store.library import Hit, Library
from store.search import QueryError, parse_query
from tui.cli.listing import add_filter_arguments, filters_from, open_for_reading


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("search", help="search every remark and paragraph in the library")
    p.add_argument("query", nargs="+", metavar="QUERY",
                   help='words, "exact phrase", prefix*, OR, -excluded')
    p.add_argument("--json", action="store_true", help="JSON Lines, one hit per line")
    p.add_argument("--limit", type=int, default=100, metavar="N", help="at most N hits (100)")
    p.add_argument("--code", metavar="TAG",
                   help="tag every hit's passage with TAG (auto-coding; undo in the app)")
    add_filter_arguments(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    err = Console(stderr=True)
    query = " ".join(args.query)
    try:
        parsed = parse_query(query)
    except QueryError as exc:
        err.print(Text(str(exc), style="red"))
        return 2
    lib = open_for_reading(args.library, err)
    if lib is None:
        return 1
    try:
        hits = lib.search_parsed(parsed, filters_from(args), limit=max(0, args.limit))
        status = code_hits(lib, hits, args.code, err) if args.code else 0
    except QueryError as exc:
        err.print(Text(str(exc), style="red"))
        return 2
    finally:
        lib.close()
    if status:
        return status
    if args.json:
        for hit in hits:
            sys.stdout.write(json.dumps(asdict(hit), ensure_ascii=False) + "\n")
        return 0
    console = Console()
    words = [t for term in parsed.terms for t in term.tokens]
    for hit in hits:
        console.print(_heading(hit))
        console.print(_snippet(hit.snippet, words))
    console.print(Text(f"{len(hits)} hit{'s' if len(hits) != 1 else ''}", style="dim"))
    return 0


def code_hits(lib: Library, hits: list[Hit], tag: str, err: Console) -> int:
    """Tag each hit's passage with ``tag`` in the library's annotations; 0 when done.

    Tagging a passage that already has the tag changes nothing, so running the same
    coding search twice is safe. Any failure of the annotation store is one sentence.
    """
    from store.annotations import AnnotationStore
    from store.codebook import normalise_tag
    from store.tinystore import StoreError

    try:
        name = normalise_tag(tag)
    except ValueError as exc:
        err.print(Text(str(exc), style="red"))
        return 2
    try:
        store = AnnotationStore.open(lib.path)
    except StoreError as exc:
        err.print(Text(str(exc), style="red"))
        return 1
    added = 0
    try:
        for hit in hits:
            before = store.find_span(hit.meeting_id, hit.start, hit.end)
            if before is not None and name in before.tags:
                continue
            text = lib.meeting(hit.meeting_id).text
            store.tag_span(hit.meeting_id, hit.start, hit.end, text, name)
            added += 1
    except StoreError as exc:
        err.print(Text(f"Tagged {added} passages, then stopped: {exc}", style="red"))
        return 1
    finally:
        store.close()
    where = " in the sample library" if lib.is_sample else ""
    err.print(Text(f"Tagged {added} passage{'s' if added != 1 else ''} with {name}{where} "
                   f"({len(hits) - added} already had it)."))
    return 0


def _heading(hit: Hit) -> Text:
    text = Text()
    text.append(hit.date or "—", style="cyan")
    text.append("  ")
    text.append(hit.title, style="bold")
    who = hit.speaker or ("(unnamed)" if hit.kind else "")
    if who or hit.kind:
        text.append(f"  {who}" + (f" ({hit.kind})" if hit.kind else ""), style="magenta")
    text.append(f"  [{hit.meeting_id} {hit.start}-{hit.end}]", style="dim")
    return text


def _snippet(snippet: str, words: list[str]) -> Text:
    """The snippet as Text with the query's words highlighted (it is never markup)."""
    text = Text("    " + snippet)
    if words:
        pattern = r"\b(?:" + "|".join(re.escape(w) for w in sorted(set(words), key=len,
                                                                      reverse=True)) + r")"
        text.highlight_regex(re.compile(pattern, re.IGNORECASE), style="bold yellow")
    return text
