"""What building the search index costs, and how much of it each index option is.

Usage::

    python tests/bench/index_cost.py LIBRARY_DIR [--limit N]

Reads the first ``--limit`` passages (default 300,000) of a built library and inserts
them, in batches of 5,000 as an import's writer does, into a fresh FTS5 table of each
shape below, in a scratch database. Prints one JSON line per shape with the CPU
seconds of that indexing (this process only, so a busy neighbour costs little) and MB
of passage text per CPU second:

``parley``
    the library's own table (``store.library._PASSAGES``): unicode61 without
    diacritics, prefix indexes of 3, 4 and 5 letters, :data:`_INDEX_MEMORY` of hash;
``no_prefix``
    the same without prefix indexes (what the prefix indexes cost);
``prefix_5``
    the same with one prefix index, of 5 letters.

A diagnosis aid for ``run.py``'s import figure (the writer's share of it), not a
benchmark with a goal of its own.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from store.library import _INDEX_MEMORY, _PASSAGES, DB_NAME  # noqa: E402
from store.sqlite import sqlite3  # noqa: E402

_PARLEY = _PASSAGES.removeprefix("passages USING ")
_PREFIXES = ", prefix = '3 4 5'"
assert _PREFIXES in _PARLEY, "index_cost.py: the library's prefix option has changed"
SHAPES = {
    "parley": _PARLEY,
    "no_prefix": _PARLEY.replace(_PREFIXES, ""),
    "prefix_5": _PARLEY.replace(_PREFIXES, ", prefix = '5'"),
}
BATCH = 5_000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("library", type=Path)
    ap.add_argument("--limit", type=int, default=300_000)
    args = ap.parse_args()
    src = sqlite3.connect(f"file:{args.library / DB_NAME}?mode=ro", uri=True)
    rows = src.execute(
        'SELECT rowid, text, meeting, start, "end", speaker, kind FROM passages '
        "ORDER BY rowid LIMIT ?",
        (args.limit,),
    ).fetchall()
    src.close()
    megabytes = sum(len(r[1].encode("utf-8")) for r in rows) / 1e6
    with tempfile.TemporaryDirectory() as scratch:
        for name, shape in SHAPES.items():
            conn = sqlite3.connect(Path(scratch) / f"{name}.sqlite3", isolation_level=None)
            conn.execute(f"CREATE VIRTUAL TABLE t USING {shape}")
            conn.execute("INSERT INTO t(t, rank) VALUES ('hashsize', ?)", (_INDEX_MEMORY,))
            sql = "INSERT INTO t VALUES (?, ?, ?, ?, ?, ?)"
            began = time.process_time()
            for i in range(0, len(rows), BATCH):
                conn.execute("BEGIN")
                conn.executemany(sql, [r[1:] for r in rows[i : i + BATCH]])
                conn.execute("COMMIT")
            cpu = time.process_time() - began
            conn.close()
            print(json.dumps({
                "shape": name, "passages": len(rows), "text_mb": round(megabytes, 1),
                "cpu_s": round(cpu, 2), "mb_per_cpu_s": round(megabytes / max(cpu, 1e-9), 2),
            }), flush=True)


if __name__ == "__main__":
    main()
