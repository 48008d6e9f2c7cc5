"""Where one search's time goes: the whole ``Library.search``, and its Python snippet work.

Usage::

    python tests/bench/search_breakdown.py LIBRARY_DIR ['"missile defence" treaty' ...]

For each query (default: the slowest ones of ``run.py``'s mix at N = 50,000) it prints
one JSON line: the median of 5 ``Library.search`` calls, and over the texts of the hits
it returned, the time ``store.search.fold`` takes (the snippet step folds every hit's
whole passage), how many of those texts are not ASCII (``fold``'s slow path), and the
time of ``ParsedQuery.pattern()`` against a pattern with the same words but the literal
first (the left word boundary then checked in Python), which ``re`` can scan for fast.
A diagnosis aid for ``run.py``'s ``search_p95_ms``, not a benchmark of its own.
"""

from __future__ import annotations

import json
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from store.library import Library  # noqa: E402
from store.search import ParsedQuery, fold, parse_query  # noqa: E402

DEFAULT = ('"missile defence" treaty', "border security agreement", "min*", "security")


def _ms(run: Callable[[], object], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        run()
        times.append((time.perf_counter() - began) * 1000)
    return round(statistics.median(times), 2)


def literal_first(parsed: ParsedQuery) -> re.Pattern[str]:
    """The query's terms as one alternation that starts with literal text."""
    parts = []
    for term in parsed.terms:
        body = r"[\W_]+".join(re.escape(fold(t)) for t in term.tokens)
        parts.append(body + ("" if term.prefix else r"(?![^\W_])"))
    return re.compile("(?:" + "|".join(parts) + ")")


def breakdown(library: Library, query: str) -> dict[str, object]:
    """The figures for one query (see the module docstring)."""
    parsed = parse_query(query)
    hits = library.search(query)
    texts = [library.meeting(h.meeting_id).text[h.start : h.end] for h in hits]
    folded = [fold(t) for t in texts]
    current, fast = parsed.pattern(), literal_first(parsed)
    return {
        "query": query,
        "hits": len(hits),
        "search_ms": _ms(lambda: library.search(query)),
        "hit_chars_mean": round(sum(map(len, texts)) / max(1, len(texts))),
        "non_ascii_hits": sum(not t.isascii() for t in texts),
        "fold_ms": _ms(lambda: [fold(t) for t in texts]),
        "lower_ms": _ms(lambda: [t.lower() for t in texts]),
        "pattern_ms": _ms(lambda: [current.search(t) for t in folded]),
        "literal_first_pattern_ms": _ms(lambda: [fast.search(t) for t in folded]),
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
