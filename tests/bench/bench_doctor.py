"""How long ``parley doctor`` takes on a library of N synthetic documents.

``python -m tests.bench.bench_doctor --n 1000 --annotations 500`` writes N synthetic
documents (``tests/bench/synthetic.py``), imports them, codes ``--annotations``
passages, then times every doctor check once with source hashing (the default: every
source file is read and hashed) and once with ``--no-hash`` (existence only). The
per-check times show where the time goes. A benchmark script, not a timed test.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from store import doctor
from store.annotations import AnnotationStore
from store.library import Library
from tests.bench.synthetic import write_corpus


def _timed(label: str, fn, *args, **kwargs):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    result = fn(*args, **kwargs)
    print(f"  {label:<32} {time.perf_counter() - started:8.3f} s")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=1000, help="documents (default 1000)")
    parser.add_argument("--annotations", type=int, default=500)
    parser.add_argument("--jobs", type=int, default=None, help="import workers")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="parley-bench-doctor-") as tmp:
        root = Path(tmp)
        os.environ.setdefault("PARLEY_CONFIG_DIR", str(root / "config"))
        docs, lib_dir = root / "docs", root / "library"
        write_corpus(docs, args.n)
        started = time.perf_counter()
        with Library.open(lib_dir) as lib:
            summary = lib.import_paths([str(docs)], jobs=args.jobs)
            rows = lib.rows(limit=None)
            print(f"imported {len(summary.imported)} files, {len(rows)} meetings in "
                  f"{time.perf_counter() - started:.1f} s")
            rng = random.Random(1)
            with AnnotationStore.open(lib_dir) as store:
                for _ in range(args.annotations):
                    row = rng.choice(rows)
                    text = lib.meeting(row.id).text
                    start = rng.randrange(0, max(1, len(text) - 60))
                    store.tag_span(row.id, start, start + 50, text, f"bench/t{rng.randrange(20)}")
        print(f"doctor on {len(rows)} meetings, {args.annotations} annotations:")
        conn = doctor.open_index(lib_dir)
        assert conn is not None
        _timed("sqlite integrity_check", doctor.check_sqlite_integrity, conn)
        _timed("FTS5 integrity-check", doctor.check_search_index, lib_dir / "library.sqlite3")
        _timed("sources (hash every file)", doctor.check_sources, doctor.source_rows(conn))
        _timed("sources (exist only)", doctor.check_sources, doctor.source_rows(conn),
               digest=None)
        _timed("meetings (decode every body)", doctor.check_meetings,
               doctor.meeting_records(conn))
        _timed("side-table counts", doctor.check_counts, conn)
        conn.close()
        for label, hashing in (("whole run (hashing)", True), ("whole run (--no-hash)", False)):
            report = _timed(label, doctor.run_checks, lib_dir, hash_sources=hashing)
            assert report.healthy, [f.message for f in report.problems]
        with sqlite3.connect(lib_dir / "library.sqlite3") as c:
            pages = c.execute("PRAGMA page_count").fetchone()[0]
            size = c.execute("PRAGMA page_size").fetchone()[0]
        print(f"library file {pages * size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
