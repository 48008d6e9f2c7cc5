"""Throughput of the whole ingest pipeline, stage by stage.

Runs ``store.ingest`` the way :func:`store.ingest.pipeline.extract_page` does — read →
clean → metadata → turns → (quotes when the text is not a transcript) — timing each
stage, over three inputs:

- ``corpus``: the development corpus (``docs/*`` and ``raw/*``) and the seeds, several
  rounds (median);
- ``multi_paragraph_4mb``: a synthetic 4 MB report, thousands of ordinary paragraphs
  (the shape of a long real record, far longer than any);
- ``single_line_2mb``: a 2 MB single line of prose (the hostile shape: no line or
  paragraph breaks to bound any stage's work).

Prints one JSON object: per input and per stage, CPU seconds of this process (the
machine is shared, so wall time would measure the neighbours), MB/s and docs/s (MB are
10**6 bytes of source file; "pipeline" is the sum of the stages). Issue 8 asks for
≥ 20 MB/s of import on two cores, about 10 MB/s per core through ``extract``.

Run: ``python tests/bench/bench_ingest.py [--rounds N] [--only corpus|synthetic]``.
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
    ap.add_argument("--only", choices=("corpus", "synthetic"))
    args = ap.parse_args(argv)
    # Load wordfreq's tables and compile the lazy regexes outside the timing.
    run_once("warm.txt", b"Warm up.\n\nThe minister said talks were good.",
             dict.fromkeys(STAGES, 0.0))
    result: dict[str, Any] = {}
    if args.only != "synthetic":
        result["corpus"] = measure(corpus_files(), args.rounds)
    if args.only != "corpus":
        result["multi_paragraph_4mb"] = measure([("long.txt", multi_paragraph(4_000_000))], 1)
        result["single_line_2mb"] = measure([("one-line.txt", single_line(2_000_000))], 1)
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
