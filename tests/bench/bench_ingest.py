"""Throughput of the whole ingest pipeline, stage by stage.

Runs ``store.ingest`` the way :func:`store.ingest.pipeline.extract_page` does — read →
clean → metadata → turns → (quotes when the text is not a transcript) — timing each
stage, over three inputs:

- ``corpus``: the development corpus (``docs/*`` and ``raw/*``) and the seeds, several
  rounds (median);
- ``multi_paragraph_4mb``: a synthetic 4 MB report, thousands of ordinary paragraphs
  (the shape of a long real record, far longer than any);
- ``single_line_2mb``: a 2 MB single line of prose (the hostile shape: no line or
  paragraph breaks to bound any stage's work);
- ``generated`` (only with ``--generated DIR``): the first ``--limit`` documents of a
  corpus written by ``tests/bench/synthetic.py`` (e.g. run.py's cache), after one
  untimed pass over others so the word caches are as warm as in a long import; also a
  least-squares split of the time into a cost per document and a cost per kB, since
  these short documents (median 3.9 kB) pay the per-document work far more often
  per MB than the dev corpus does.

Prints one JSON object: per input and per stage, CPU seconds of this process (the
machine is shared, so wall time would measure the neighbours), MB/s and docs/s (MB are
10**6 bytes of source file; "pipeline" is the sum of the stages). Issue 8 asks for
≥ 20 MB/s of import on two cores, about 10 MB/s per core through ``extract``.

Run: ``python tests/bench/bench_ingest.py [--rounds N] [--only corpus|synthetic|generated]
[--generated DIR [--limit N]]``.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from store.ingest import clean, metadata, quotes, read, turns  # noqa: E402
from store.ingest.document import Unreadable  # noqa: E402

SHARED = ROOT.parent / "shared"
STAGES = ("read", "clean", "metadata", "turns", "quotes")

_WORDS = str.split(
    """the minister said talks were constructive and agreed that both countries would
    continue to work on trade energy security cooperation between our two nations
    president spoke with his counterpart about the situation in region during meeting
    in Moscow on Tuesday officials noted progress relations important questions"""
)


def corpus_files() -> list[tuple[str, bytes]]:
    """The files whose extraction the behaviour guard also checks."""
    paths = sorted((SHARED / "corpus-dev" / "docs").glob("*"))
    paths += sorted((SHARED / "corpus-dev" / "raw").glob("*"))
    paths += sorted((SHARED / "seeds").glob("*.txt"))
    return [(str(p), p.read_bytes()) for p in paths]


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(8, 24))]
    return " ".join(words).capitalize() + "."


def multi_paragraph(size: int) -> bytes:
    """A report-shaped text of ``size`` bytes: title, dateline, many paragraphs, quotes."""
    rng = random.Random(8)
    parts = ["Minister holds talks on trade\n\nMOSCOW, March 3 (Wire) - "]
    total = len(parts[0])
    while total < size:
        sents = [_sentence(rng) for _ in range(rng.randint(2, 6))]
        if rng.random() < 0.3:
            sents.append(f'"{_sentence(rng)[:-1]}," the minister said.')
        para = " ".join(sents) + "\n\n"
        parts.append(para)
        total += len(para)
    return "".join(parts)[:size].encode()


def single_line(size: int) -> bytes:
    """``size`` bytes of prose on one line (as the hostile tests write it)."""
    rng = random.Random(5)
    return " ".join(rng.choice(_WORDS) for _ in range(size // 5))[:size].encode()


def run_once(source: str, data: bytes, times: dict[str, float]) -> None:
    """Run the pipeline's stages on one file, adding each stage's time to ``times``."""
    clock = time.process_time  # CPU time: a per-core figure, blind to other load

    def timed(stage: str, fn: Callable[[], Any]) -> Any:
        t0 = clock()
        try:
            return fn()
        finally:
            times[stage] += clock() - t0

    try:
        page = timed("read", lambda: read.read_page(data, source))
    except Unreadable:
        return
    cleaned = timed("clean", lambda: clean.clean(page.text))
    text = cleaned.text
    header, from_dateline = timed("metadata", lambda: metadata.read_header_and_origin(text, page))
    reading = timed("turns", lambda: turns.find_turns(text, header, page, report=from_dateline))
    if reading is None:
        timed("quotes", lambda: quotes.find_report_remarks(text, header))


def generated_files(folder: Path, limit: int, skip: int = 0) -> list[tuple[str, bytes]]:
    """Documents ``skip`` … ``skip + limit`` of a generated corpus, in name order."""
    paths = sorted(folder.rglob("synthetic-*.txt"))[skip : skip + limit]
    return [(str(p), p.read_bytes()) for p in paths]


def per_document_split(files: list[tuple[str, bytes]]) -> dict[str, float]:
    """Least-squares fit of each file's pipeline CPU time as ``a + b * kB``."""
    rows = []
    for source, data in files:
        times = dict.fromkeys(STAGES, 0.0)
        run_once(source, data, times)
        rows.append((len(data) / 1e3, sum(times.values())))
    mx = statistics.fmean(x for x, _ in rows)
    my = statistics.fmean(y for _, y in rows)
    sxx = sum((x - mx) ** 2 for x, _ in rows) or 1.0
    b = sum((x - mx) * (y - my) for x, y in rows) / sxx
    a = my - b * mx
    return {"ms_per_document": round(a * 1e3, 3), "ms_per_kb": round(b * 1e3, 4),
            "mean_kb": round(mx, 2), "fixed_share": round(a / my, 3) if my else 0.0}


def measure(files: list[tuple[str, bytes]], rounds: int) -> dict[str, Any]:
    """Median per-stage seconds over ``rounds`` passes, and the rates they give."""
    size = sum(len(d) for _, d in files)
    runs: list[dict[str, float]] = []
    for _ in range(rounds):
        times = dict.fromkeys(STAGES, 0.0)
        for source, data in files:
            run_once(source, data, times)
        runs.append(times)
    med = {s: statistics.median(r[s] for r in runs) for s in STAGES}
    med["pipeline"] = statistics.median(sum(r.values()) for r in runs)
    out: dict[str, Any] = {"documents": len(files), "megabytes": round(size / 1e6, 3),
                           "rounds": rounds}
    for stage, secs in med.items():
        out[stage] = {
            "seconds": round(secs, 4),
            "mb_per_s": round(size / 1e6 / secs, 2) if secs else None,
            "docs_per_s": round(len(files) / secs, 1) if secs else None,
        }
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3, help="passes over the corpus (median)")
    ap.add_argument("--only", choices=("corpus", "synthetic", "generated"))
    ap.add_argument("--generated", type=Path, metavar="DIR",
                    help="a folder written by tests/bench/synthetic.py")
    ap.add_argument("--limit", type=int, default=1000, help="generated documents (1000)")
    args = ap.parse_args(argv)
    # Load wordfreq's tables and compile the lazy regexes outside the timing.
    run_once("warm.txt", b"Warm up.\n\nThe minister said talks were good.",
             dict.fromkeys(STAGES, 0.0))
    result: dict[str, Any] = {}
    if args.only in (None, "corpus"):
        result["corpus"] = measure(corpus_files(), args.rounds)
    if args.generated is not None and args.only in (None, "generated"):
        # Warm the word caches on other documents first, as a long import has them.
        for source, data in generated_files(args.generated, 300, skip=args.limit):
            run_once(source, data, dict.fromkeys(STAGES, 0.0))
        docs = generated_files(args.generated, args.limit)
        result["generated"] = measure(docs, args.rounds)
        result["generated"]["split"] = per_document_split(docs)
    if args.only in (None, "synthetic"):
        result["multi_paragraph_4mb"] = measure([("long.txt", multi_paragraph(4_000_000))], 1)
        result["single_line_2mb"] = measure([("one-line.txt", single_line(2_000_000))], 1)
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
