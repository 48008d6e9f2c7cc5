"""Reading throughput: bytes → Page over the development corpus and hostile shapes.

Usage::

    python tests/bench/bench_read.py [--corpus DIR] [--repeat N]

Runs ``store.ingest.read.read_page`` (decoding, hygiene, HTML/Markdown reading; not the
later stages) on every file of ``DIR/raw`` (HTML) and ``DIR/docs`` (text/Markdown),
``N`` times, and on generated large inputs (a 10 MB single line, 8 MB of paragraphs,
cp1251 and UTF-16 text, 10,000 nested tags), and prints one JSON object: megabytes per
second for each group (best of ``N`` runs, so a busy machine disturbs it less).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from store.ingest.document import Unreadable  # noqa: E402
from store.ingest.read import read_page  # noqa: E402

WORDS = ("the", "minister", "said", "that", "talks", "were", "constructive", "and", "both",
         "sides", "agreed", "to", "continue", "dialogue", "on", "security", "trade")


def _best_seconds(run: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - started)
    return best


def _read_all(files: list[tuple[str, bytes]]) -> Callable[[], None]:
    def run() -> None:
        for name, data in files:
            with contextlib.suppress(Unreadable):
                read_page(data, name)

    return run


def _group(files: list[tuple[str, bytes]], repeat: int) -> dict[str, float]:
    size = sum(len(d) for _n, d in files)
    seconds = _best_seconds(_read_all(files), repeat)
    return {"files": len(files), "mb": round(size / 1e6, 3), "seconds": round(seconds, 4),
            "mb_per_s": round(size / 1e6 / seconds, 2) if seconds else None}


def _generated() -> dict[str, list[tuple[str, bytes]]]:
    rng = random.Random(1)
    line = " ".join(rng.choice(WORDS) for _ in range(2_000_000))[:10_000_000]
    paragraphs = "\n\n".join(
        " ".join(rng.choice(WORDS) for _ in range(60)) + "." for _ in range(20_000)
    )[:8_000_000]
    russian = ("Министр иностранных дел Сергей Лавров провёл переговоры. " * 20 + "\n\n") * 2000
    nested = ("<html><body>" + "<div>" * 10_000 + "<p>deep</p>" + "</div>" * 10_000
              + "</body></html>")
    return {
        "single_line_10mb": [("line.txt", line.encode())],
        "paragraphs_8mb": [("para.txt", paragraphs.encode())],
        "cp1251_2mb": [("ru.txt", russian[:2_000_000].encode("cp1251"))],
        "utf16_bomless_2mb": [("u16.txt", paragraphs[:1_000_000].encode("utf-16-le"))],
        "html_10000_nested": [("nested.html", nested.encode())],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus-dev")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    raw = [(str(p), p.read_bytes()) for p in sorted((args.corpus / "raw").glob("*"))]
    docs = [(str(p), p.read_bytes()) for p in sorted((args.corpus / "docs").glob("*"))]
    result: dict[str, object] = {
        "corpus_raw_html": _group(raw, args.repeat),
        "corpus_docs_text": _group(docs, args.repeat),
        "corpus_all": _group(raw + docs, args.repeat),
    }
    for name, files in _generated().items():
        result[name] = _group(files, max(1, args.repeat - 1))
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
