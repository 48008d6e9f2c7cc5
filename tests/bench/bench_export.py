"""Time the exports (and the QDPX import) on a synthetic library.

Usage::

    python tests/bench/bench_export.py [--meetings 2000] [--per-meeting 5] [--json]

Builds ``--meetings`` meetings of about 10 kB of text with 40 remarks each and
``--per-meeting`` annotations on each (two tags of a 30-code hierarchical codebook,
every third bookmarked, every other with a note), then times, in process and without
a library: joining the records, each export format (written to a temporary folder,
with the file size), two QDPX exports compared byte for byte, and reading the QDPX
back with every passage placed on its meeting. Figures are wall-clock seconds on this
machine; nothing here is a pass/fail test.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from store.export.csv_export import export_csv  # noqa: E402
from store.export.finders import MappingFinder  # noqa: E402
from store.export.json_export import export_json  # noqa: E402
from store.export.markdown_export import export_markdown  # noqa: E402
from store.export.qdpx_export import export_qdpx  # noqa: E402
from store.export.qdpx_import import read_qdpx  # noqa: E402
from store.export.records import build_records  # noqa: E402
from store.models import Anchor, Annotation, Meeting, Person, Remark, Tag  # noqa: E402

WORDS = (
    "cooperation", "dialogue", "security", "terrorism", "summit", "minister", "talks", "region",
    "stability", "partners", "agreement", "relations", "interest", "support", "process",
    "negotiations", "council",
)
SPEAKERS = ("Sergey Lavrov", "Igor Ivanov", "Iyad Ameen Madani", "Syed Hamid Albar", None)


def synthetic(n_meetings: int, per_meeting: int, seed: int = 7):
    rng = random.Random(seed)
    tags = [Tag(f"topic{i // 10}/code{i}", "#5f87d7", f"Code {i}") for i in range(30)]
    meetings: dict[str, Meeting] = {}
    annotations: list[Annotation] = []
    for i in range(n_meetings):
        parts: list[str] = []
        remarks: list[Remark] = []
        pos = 0
        for j in range(40):
            sentence = " ".join(rng.choice(WORDS) for _ in range(38)).capitalize() + f" ({i}.{j})."
            speaker = SPEAKERS[j % len(SPEAKERS)]
            remarks.append(Remark(speaker, "answer" if speaker else "question", sentence, pos,
                                  pos + len(sentence)))
            parts.append(sentence)
            pos += len(sentence) + 2
        text = "\n\n".join(parts)
        mid = f"m{i:06d}"
        meetings[mid] = Meeting(
            mid, f"Meeting {i}", f"20{10 + i % 15:02d}-0{1 + i % 9}-1{i % 10}", False, "Moscow",
            "Outlet", "transcript", tuple(Person(s) for s in SPEAKERS if s), tuple(remarks),
            text, f"src/{mid}.txt",
        )
        for k in range(per_meeting):
            r = remarks[(k * 7) % len(remarks)]
            s = r.start + 5
            e = min(r.end, s + 80)
            annotations.append(Annotation(
                f"a{i}-{k}", mid, Anchor(s, e, text[s:e]),
                tags=(tags[(i + k) % 30].name, tags[(i * 3 + k) % 30].name),
                bookmark=k % 3 == 0, note="A note." if k % 2 else "",
                created="2026-01-01T10:00:00+00:00", updated="2026-01-02T10:00:00+00:00",
            ))
    return meetings, annotations, tags


def timed(label: str, fn, results: dict, path: Path | None = None):
    t0 = time.perf_counter()
    value = fn()
    results[label] = {"seconds": round(time.perf_counter() - t0, 3)}
    if path is not None:
        results[label]["bytes"] = path.stat().st_size
    return value


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--meetings", type=int, default=2000)
    ap.add_argument("--per-meeting", type=int, default=5)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    meetings, annotations, tags = synthetic(args.meetings, args.per_meeting)
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        records = timed("build_records", lambda: build_records(meetings, annotations), results)
        timed("csv", lambda: export_csv(records, d / "x.csv"), results, d / "x.csv")
        timed("json", lambda: export_json(records, tags, d / "x.json"), results, d / "x.json")
        timed("markdown", lambda: export_markdown(records, tags, d / "x.md"), results, d / "x.md")
        timed("qdpx", lambda: export_qdpx(records, tags, d / "a.qdpx"), results, d / "a.qdpx")
        export_qdpx(build_records(meetings, list(reversed(annotations))), tags, d / "b.qdpx")
        identical = (d / "a.qdpx").read_bytes() == (d / "b.qdpx").read_bytes()
        finder = MappingFinder(meetings)
        reading = timed("qdpx_import_read", lambda: read_qdpx(d / "a.qdpx", finder), results)
    summary = {
        "meetings": len(meetings),
        "passages": len(records),
        "qdpx_byte_identical": identical,
        "qdpx_import_placed": len(reading.passages),
        "qdpx_import_unmatched": len(reading.unmatched),
        "timings": results,
    }
    if args.json:
        print(json.dumps(summary, indent=2))
        return 0
    print(f"{summary['meetings']} meetings, {summary['passages']} passages")
    for label, r in results.items():
        size = f"  {r['bytes'] / 1e6:7.1f} MB" if "bytes" in r else ""
        print(f"  {label:18} {r['seconds']:7.3f} s{size}")
    print(f"  two QDPX exports byte-identical: {identical}")
    print(f"  QDPX read back: {len(reading.passages)} placed, {len(reading.unmatched)} unmatched")
    return 0


if __name__ == "__main__":
    sys.exit(main())
