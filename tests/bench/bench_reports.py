"""Throughput of the news-report path: clean() and then quote/reported-speech reading.

Runs over the development corpus (55 pages, read as if they were reports, which is the
heavier path: every sentence is examined for speech) and the seed report, several
rounds, and prints one JSON object. Run: ``python tests/bench/bench_reports.py``.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from store.ingest.clean import clean  # noqa: E402
from store.ingest.document import Header, Page  # noqa: E402
from store.ingest.quotes import find_report_remarks  # noqa: E402
from store.ingest.report_header import read_report_header  # noqa: E402

SHARED = ROOT.parent / "shared"
ROUNDS = 3


def main() -> None:
    paths = sorted((SHARED / "corpus-dev" / "docs").glob("*.txt"))
    paths += sorted((SHARED / "seeds").glob("000_*.txt"))
    docs = [p.read_text(encoding="utf-8") for p in paths]
    size = sum(len(d.encode("utf-8")) for d in docs)
    clean(docs[0])  # load wordfreq's tables outside the timing
    clean_times, quote_times, remarks = [], [], 0
    for _ in range(ROUNDS):
        t0 = time.perf_counter()
        cleaned = [clean(d).text for d in docs]
        t1 = time.perf_counter()
        remarks = 0
        for text in cleaned:
            header = read_report_header(text, Page(text=text)) or Header(title="")
            remarks += len(find_report_remarks(text, header).remarks)
        t2 = time.perf_counter()
        clean_times.append(t1 - t0)
        quote_times.append(t2 - t1)
    c, q = statistics.median(clean_times), statistics.median(quote_times)
    print(
        json.dumps(
            {
                "documents": len(docs),
                "bytes": size,
                "rounds": ROUNDS,
                "remarks_found": remarks,
                "clean_seconds": round(c, 3),
                "quotes_seconds": round(q, 3),
                "clean_kb_per_s": round(size / 1024 / c, 1),
                "quotes_kb_per_s": round(size / 1024 / q, 1),
                "total_ms_per_document": round(1000 * (c + q) / len(docs), 2),
            }
        )
    )


if __name__ == "__main__":
    main()
