"""Where one search's time goes: sqlite's ranking (and its fixed part), the read-back, snippets.

Usage::

    python tests/bench/search_breakdown.py LIBRARY_DIR ['"missile defence" treaty' ...]

For each query (default: the slowest ones of ``run.py``'s mix at N = 50,000) it prints
one JSON line of medians over 5 runs, in CPU milliseconds (the machine is shared):

``search_ms``
    the whole ``Library.search``;
``rank_ms``
    its first statement, bm25 over at most ``RANK_CANDIDATES`` matches;
``rank_fixed_ms``
    the same statement limited to one match: what no candidate limit bounds, mostly
    bm25 counting, for each phrase of the query, the rows of the whole table holding it
    (a phrase with a word like "the" reads that word's whole list) and, without a
    prefix index of that length, FTS5 merging the lists of every word a prefix matches;
``details_ms``
    reading the hits' texts and meetings back;
``snippets_ms``
    ``store.search.snippet`` over those texts (folding each, finding the first match);
    ``hit_chars_mean`` and ``non_ascii_hits`` (``fold``'s slow path) say why.

A diagnosis aid for ``run.py``'s ``search_p95_ms``, not a benchmark of its own.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import orjson

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from store.library import RANK_CANDIDATES, Library  # noqa: E402
from store.search import parse_query, snippet  # noqa: E402

DEFAULT = (
    '"the Middle East"', '"trade and economic cooperation"', "border security agreement",
    "human rights council", "econom*", '"missile defence" treaty',
)
# Library.search_parsed's statements, without filters.
RANKED = (
    "SELECT r, s FROM (SELECT p.rowid AS r, bm25(passages) AS s FROM passages p "
    "WHERE passages MATCH ? LIMIT ?) ORDER BY s LIMIT ?"
)
DETAILS = (
    'SELECT p.rowid, p.text, p.start, p."end", p.speaker, p.kind, m.id, m.date, m.title '
    "FROM passages p JOIN meetings m ON m.rowid = p.meeting "
    "WHERE p.rowid IN (SELECT value FROM json_each(?))"
)


def _ms(run: Callable[[], object], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        began = time.process_time()
        run()
        times.append((time.process_time() - began) * 1000)
    return round(statistics.median(times), 2)


def breakdown(library: Library, query: str, limit: int = 500) -> dict[str, object]:
    """The figures for one query (see the module docstring)."""
    parsed = parse_query(query)
    fts, pattern = parsed.fts(), parsed.pattern()
    library.search(query, limit=limit)  # warm the caches
    ranked = library._query(RANKED, (fts, RANK_CANDIDATES, limit))
    rowids = orjson.dumps([r[0] for r in ranked]).decode()
    texts = [r[1] for r in library._query(DETAILS, (rowids,))]
    return {
        "query": query,
        "hits": len(ranked),
        "search_ms": _ms(lambda: library.search(query, limit=limit)),
        "rank_ms": _ms(lambda: library._query(RANKED, (fts, RANK_CANDIDATES, limit))),
        "rank_fixed_ms": _ms(lambda: library._query(RANKED, (fts, 1, limit))),
        "details_ms": _ms(lambda: library._query(DETAILS, (rowids,))),
        "snippets_ms": _ms(lambda: [snippet(t, pattern) for t in texts]),
        "hit_chars_mean": round(sum(map(len, texts)) / max(1, len(texts))),
        "non_ascii_hits": sum(not t.isascii() for t in texts),
    }


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0 if argv else 2
    if not (Path(argv[0]) / "library.sqlite3").is_file():  # never make a library by mistake
        print(f"{argv[0]} is not a Parley library folder.", file=sys.stderr)
        return 2
    library = Library.open(Path(argv[0]))
    try:
        for query in argv[1:] or DEFAULT:
            print(json.dumps(breakdown(library, query)), flush=True)
    finally:
        library.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
