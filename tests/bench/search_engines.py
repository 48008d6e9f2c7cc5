"""Search at scale with the bundled SQLite (pysqlite3) against the system's, same hits?

Usage::

    python tests/bench/search_engines.py LIBRARY_DIR [--rounds 5] [--pairs 2]

Runs ``run.py``'s search benchmark on LIBRARY_DIR in fresh interpreters, alternating
the engine ``store.sqlite`` picks (``PARLEY_SQLITE=system`` for Python's own), ``--pairs``
times, and checks that every query of the mix returns the same hits with the same
scores under both. Prints one JSON object: each engine's SQLite version and its p50 /
p95 / CPU p95 per run. ``store.sqlite`` explains why Parley prefers the bundled one.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

_CHILD = """
import json, sys
sys.path.insert(0, {root!r})
from pathlib import Path
from store.library import Library
from store.sqlite import sqlite3
from tests.bench.run import QUERIES, search
library = Path({library!r})
lib = Library.open(library)
hits = {{q: [[h.meeting_id, h.start, h.end, round(h.score, 9)] for h in lib.search(q)]
        for q in QUERIES}}
lib.close()
result = search(library, {rounds})
print(json.dumps({{"version": sqlite3.sqlite_version, "hits": hits,
                  "p50": result["search_p50_ms"], "p95": result["search_p95_ms"],
                  "cpu_p95": result["search_cpu_p95_ms"]}}))
"""


def _run(engine: str, library: Path, rounds: int) -> dict[str, object]:
    env = dict(os.environ)
    env.pop("PARLEY_SQLITE", None)
    if engine == "system":
        env["PARLEY_SQLITE"] = "system"
    code = _CHILD.format(root=str(ROOT), library=str(library), rounds=rounds)
    proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                          text=True, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("library", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--pairs", type=int, default=2)
    args = parser.parse_args(argv)
    out: dict[str, dict[str, object]] = {}
    hits: dict[str, object] = {}
    for _ in range(args.pairs):
        for engine in ("system", "bundled"):
            run = _run(engine, args.library, args.rounds)
            hits[engine] = run.pop("hits")
            entry = out.setdefault(engine, {"version": run.pop("version"), "runs": []})
            entry["runs"].append(run)  # type: ignore[union-attr]
    out["same_hits"] = {"identical": hits["system"] == hits["bundled"]}
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
