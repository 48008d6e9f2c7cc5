"""Library benchmark: import rate, list-page latency and search latency at N meetings.

Usage::

    python tests/bench/bench_library.py --meetings 1000
    python tests/bench/bench_library.py --meetings 50000        # long: not run in CI

Prints one JSON object. The documents are ``tests/bench/synthetic.py``'s (shaped like
corpus-dev: sizes, turns, remark lengths, quotes; every one marked synthetic), written
once under ``tests/bench/.cache/`` and reused. Figures, each as its key says:

``import_docs_per_s``, ``import_mb_per_s``
    ``Library.import_paths(folder, jobs=J)`` into an empty library, wall time, real
    parsing in J worker processes; MB are source bytes. ``--reuse`` skips the import
    when the library is already built (the figures are then ``null``).
``import_writer_cpu_s``
    CPU seconds of this process (the sqlite writer) during that import.
``rows_ms``
    ``Library.rows(offset, 100, sort)`` (one page of a virtual list) at the first, the
    middle and the last page, for every sort: median and p95 over ``--rounds``.
``filtered_rows_ms``
    the first page with a speaker, a date-range and a remark-kind filter.
``search_p95_ms``/``search_p50_ms``
    ``Library.search(q)`` (limit 500) over a fixed mix of word, phrase, prefix, OR, NOT
    and hostile queries, ``--rounds`` times each after one untimed warm-up round.
``meeting_open_ms``, ``speakers_ms``, ``remarks_by_ms``, ``open_ms``, ``db_mb``.

The machine is shared: the load average before and after is printed with the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from store.library import DB_NAME, SCHEMA_VERSION, SORTS, Filters, Library  # noqa: E402
from tests.bench import synthetic  # noqa: E402

QUERIES = (
    "security", "cooperation", "minister", "the", "weapons", "sanctions", "believe",
    "hydrogen", "Ostrakov",
    '"Security Council"', '"nuclear weapons"', '"we believe that"', '"human rights"',
    "secur*", "econom*", "min*",
    "energy security", "border security agreement", "sanctions OR embargo",
    "terrorism -international", '"missile defence" treaty', "strategic partner*",
    "Négociations", '"unbalanced', "[bold] AND (",
)


def _timed(fn: Callable[[], Any], rounds: int) -> list[float]:
    out = []
    for _ in range(rounds):
        began = time.perf_counter()
        fn()
        out.append((time.perf_counter() - began) * 1000)
    return out


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _stats(values: list[float]) -> dict[str, float]:
    return {"p50": round(statistics.median(values), 2), "p95": round(_p95(values), 2)}


def _docs(cache: Path, n: int) -> Path:
    folder = cache / f"docs-n{n}-gen{synthetic.GENERATOR_VERSION}"
    done = folder / ".complete"
    if not done.exists():
        shutil.rmtree(folder, ignore_errors=True)
        synthetic.write_corpus(folder, n)
        done.write_text("ok")
    return folder


def build(cache: Path, n: int, jobs: int, reuse: bool) -> tuple[Path, dict[str, Any]]:
    docs = _docs(cache, n)
    library = cache / f"library-n{n}-gen{synthetic.GENERATOR_VERSION}-schema{SCHEMA_VERSION}"
    built = library / ".complete"
    result: dict[str, Any] = {"import_docs_per_s": None, "import_mb_per_s": None}
    if reuse and built.exists():
        return library, result
    shutil.rmtree(library, ignore_errors=True)
    size = sum(p.stat().st_size for p in synthetic.corpus_files(docs))
    lib = Library.open(library)
    began, began_cpu = time.perf_counter(), time.process_time()
    summary = lib.import_paths([docs], jobs=jobs)
    seconds = time.perf_counter() - began
    writer_cpu = time.process_time() - began_cpu
    lib.close()
    built.write_text("ok")
    result.update(
        import_seconds=round(seconds, 1),
        import_docs_per_s=round(n / seconds, 1),
        import_mb_per_s=round(size / 1e6 / seconds, 3),
        import_failed=len(summary.failed),
        import_writer_cpu_s=round(writer_cpu, 1),
        source_mb=round(size / 1e6, 1),
    )
    return library, result


def measure(library: Path, rounds: int) -> dict[str, Any]:
    began = time.perf_counter()
    lib = Library.open(library)
    n = lib.count()
    out: dict[str, Any] = {"open_ms": round((time.perf_counter() - began) * 1000, 2)}
    out["meetings"] = n
    out["db_mb"] = round((library / DB_NAME).stat().st_size / 1e6, 1)
    rows: dict[str, Any] = {}
    for sort in SORTS:
        for name, offset in (("first", 0), ("middle", n // 2), ("last", max(0, n - 100))):
            lib.rows(offset, 100, sort)
            rows[f"{sort}/{name}"] = _stats(_timed(lambda o=offset, s=sort: lib.rows(o, 100, s),
                                                   rounds))
    out["rows_ms"] = rows
    out["rows_p95_ms_worst"] = max(v["p95"] for v in rows.values())
    speakers = lib.speakers()
    top = speakers[0][0] if speakers else "nobody"
    filters = {
        "speaker": Filters(speaker=top),
        "dates": Filters(date_from="2010-01-01", date_to="2012-12-31"),
        "kind": Filters(kinds=("question",)),
    }
    out["filtered_rows_ms"] = {
        k: _stats(_timed(lambda f=f: lib.rows(0, 100, filters=f), rounds))
        for k, f in filters.items()
    }
    lib._derived.clear()
    out["speakers_ms"] = round(_timed(lib.speakers, 1)[0], 1)
    out["speakers"] = len(speakers)
    rare = speakers[-1][0] if speakers else "nobody"
    out["remarks_by_ms"] = round(_timed(lambda: lib.remarks_by(rare), 1)[0], 1)
    ids = [r.id for r in lib.rows(0, rounds * 3, "title")]
    opened = []
    for mid in ids:
        lib._cache.clear()
        opened += _timed(lambda m=mid: lib.meeting(m), 1)
    out["meeting_open_ms"] = _stats(opened)

    def run(q: str) -> int:
        try:
            return len(lib.search(q))
        except ValueError:
            return -1

    hits = {q: run(q) for q in QUERIES}
    per_query = {q: _timed(lambda q=q: run(q), rounds) for q in QUERIES}
    every = [t for ts in per_query.values() for t in ts]
    out["search_p95_ms"] = round(_p95(every), 2)
    out["search_p50_ms"] = round(statistics.median(every), 2)
    out["search_slowest"] = {
        q: round(_p95(ts), 1)
        for q, ts in sorted(per_query.items(), key=lambda kv: -_p95(kv[1]))[:5]
    }
    out["search_hits"] = hits
    lib.close()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--reuse", action="store_true", help="reuse a built library")
    parser.add_argument("--cache", type=Path, default=HERE / ".cache")
    args = parser.parse_args(argv)
    load_before = os.getloadavg()
    library, result = build(args.cache, args.meetings, args.jobs, args.reuse)
    result.update(measure(library, args.rounds))
    result.update(
        n=args.meetings, jobs=args.jobs, schema=SCHEMA_VERSION,
        loadavg_before=[round(x, 2) for x in load_before],
        loadavg_after=[round(x, 2) for x in os.getloadavg()],
    )
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
