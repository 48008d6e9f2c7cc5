"""Benchmark: latency of one ``tag_span`` write at 1k, 10k and 100k annotations.

Run: ``python tests/bench/bench_tag_writes.py`` (prints one JSON object).

Each store is built quickly by writing its files directly, as a library that grew to
that size through ``AnnotationStore`` has them: ``--per-meeting`` annotations in each
meeting's shard file, three older versions of each shard in ``backups/rolling`` (real
files, so each write frees the oldest one, as it does in a used library) and the lock
file of each shard folder. Each store is opened through ``AnnotationStore.open``
(timed), its session snapshot is let finish (it runs once per open, in the background),
``--warmup`` writes per store are made untimed (first-use costs of the process), and
then single ``tag_span`` calls are timed end to end: to a random meeting (so at 100k
nearly every write is the session's first to its meeting, the dearer case), half
adding a tag to an existing passage, half tagging a new passage; every one is a real
durable write (temp file, fsync, ``os.replace``, directory fsync). Each is undone
(untimed) before the next, so every store keeps its size and its meetings theirs.

The machine is shared, so: writes go round-robin over the stores one at a time (in a
new random order each turn), so load from other processes hits every size alike;
``--rounds`` rounds of ``--writes`` writes per store are made, and ``tag_span`` /
``tag_span_cpu`` pool all of them, while ``rounds`` gives each round's p95s and ratio
(their spread is the noise). CPU time (``time.thread_time``: the store's own work and
its system calls, not waiting for the disk or for a CPU) is less disturbed by others.

Also reported: the raw cost of one atomic durable write of a small file on this disk
(what every write pays at least); writes to one meeting holding ``--heavy`` annotations
(the cost grows with the annotations of the meeting being written, not with the
library); and one more round with ``os.fsync`` replaced by a no-op, *only* to show the
store's own cost apart from the disk's flush latency.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

import orjson

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from store.anchoring import make_anchor  # noqa: E402
from store.annotations import AnnotationStore  # noqa: E402
from store.codebook import default_colour  # noqa: E402
from store.schema import SCHEMA_VERSION, shard_relpath  # noqa: E402
from store.tinystore import ROLLING_COPIES, atomic_write_bytes  # noqa: E402

TEXT = "".join(f"Sentence {i:04d} said by someone at the talks today. " for i in range(400))
TAGS = [f"topic/t{i:02d}" for i in range(20)]
SPAN = 40
CPU_SECONDS: list[float] = []
CPU: dict[int, list[float]] = {}
"""CPU time of each timed write (``time.thread_time``): the store's own work, without
the time spent waiting for the disk or for a CPU on a loaded machine."""


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def summary(seconds: list[float]) -> dict[str, float]:
    ms = [s * 1000 for s in seconds]
    return {
        "n": len(ms),
        "p50_ms": round(statistics.median(ms), 3),
        "p95_ms": round(percentile(ms, 95), 3),
        "p99_ms": round(percentile(ms, 99), 3),
        "max_ms": round(max(ms), 3),
    }


def build_library(path: Path, total: int, per_meeting: int, rng: random.Random) -> list[str]:
    """Write a v1 annotations folder with ``total`` annotations, rolling backups and
    lock files as a used library has them; return the meeting ids."""
    root = path / "annotations"
    root.mkdir(parents=True)
    (root / "locks").mkdir()
    for name in ("store", "codebook"):
        (root / "locks" / f"{name}.lock").touch()
    (root / "store.json").write_bytes(
        orjson.dumps({"meta": {"schema": {"schema_version": SCHEMA_VERSION}}})
    )
    tags = {t: {"name": t, "colour": default_colour(t), "description": ""} for t in TAGS}
    (root / "codebook.json").write_bytes(orjson.dumps({"tags": tags}))
    meetings = [f"meeting-{i:06d}" for i in range(max(1, total // per_meeting))]
    now = "2026-01-01T00:00:00.000+00:00"
    slots = len(TEXT) // SPAN
    for meeting in meetings:
        docs = {}
        for slot in rng.sample(range(slots), min(per_meeting, slots)):
            anchor = make_anchor(TEXT, slot * SPAN, slot * SPAN + SPAN - 1)
            ident = uuid.uuid4().hex
            docs[ident] = {
                "id": ident,
                "meeting_id": meeting,
                "anchor": anchor.to_json(),
                "tags": [rng.choice(TAGS)],
                "bookmark": False,
                "note": "",
                "created": now,
                "updated": now,
                "orphaned": False,
            }
        rel = shard_relpath(meeting)
        shard = root / rel
        shard.parent.mkdir(parents=True, exist_ok=True)
        payload = orjson.dumps({"annotations": docs})
        shard.write_bytes(payload)
        rolling = root / "backups" / "rolling" / rel
        rolling.parent.mkdir(parents=True, exist_ok=True)
        for n in range(1, ROLLING_COPIES + 1):
            rolling.with_name(f"{rolling.name}.{n}").write_bytes(payload)
        (root / "locks" / f"{rel.split('/')[1]}.lock").touch()
    return meetings


def one_write(store: AnnotationStore, meetings: list[str], rng: random.Random) -> float:
    """Time one ``tag_span`` (wall seconds; its CPU time goes to ``CPU_SECONDS``), then
    undo it, untimed, so the store keeps its size: without that the 1k store's meetings
    grew by half during a run (and wrote slower) while the 100k store's barely changed."""
    meeting = rng.choice(meetings)
    if rng.random() < 0.5 and (existing := store.for_meeting(meeting)):
        a = rng.choice(existing)
        start, end = a.anchor.start, a.anchor.end
        tag = rng.choice([t for t in TAGS if t not in a.tags])
    else:
        start = rng.randrange(0, len(TEXT) - 100)
        end = start + rng.randrange(10, 90)
        tag = rng.choice(TAGS)
    began, cpu = time.perf_counter(), time.thread_time()
    store.tag_span(meeting, start, end, TEXT, tag)
    CPU_SECONDS.append(time.thread_time() - cpu)
    wall = time.perf_counter() - began
    store.undo()
    return wall


def interleaved(
    stores: dict[int, tuple[AnnotationStore, list[str]]], writes: int, rng: random.Random
) -> dict[int, list[float]]:
    """``writes`` timed writes per store, one per store per turn, in a new random order
    each turn; their CPU times go to ``CPU``."""
    timings: dict[int, list[float]] = {size: [] for size in stores}
    for size in stores:
        CPU[size] = []
    order = list(stores)
    for _ in range(writes):
        rng.shuffle(order)
        for size in order:
            store, meetings = stores[size]
            timings[size].append(one_write(store, meetings, rng))
            CPU[size].append(CPU_SECONDS[-1])
    return timings


def raw_durable_write(directory: Path, n: int) -> dict[str, float]:
    payload = os.urandom(3000)
    times = []
    for _ in range(n):
        began = time.perf_counter()
        atomic_write_bytes(directory / "probe.json", payload)
        times.append(time.perf_counter() - began)
    return summary(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--per-meeting", type=int, default=20)
    parser.add_argument(
        "--writes", type=int, default=400, help="timed writes per size in each round"
    )
    parser.add_argument("--rounds", type=int, default=3, help="rounds of --writes (pooled)")
    parser.add_argument("--warmup", type=int, default=10, help="untimed writes per size first")
    parser.add_argument("--heavy", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument(
        "--dir",
        default=None,
        help="where to build the stores (default: the temp dir); "
        "put it on the disk whose fsync you want to measure",
    )
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    rng = random.Random(args.seed)
    result: dict[str, object] = {
        "python": platform.python_version(),
        "per_meeting": args.per_meeting,
        "writes_per_size": args.writes * args.rounds,
        "rounds": args.rounds,
        "cpus": os.cpu_count(),
        "load_avg_1m_before": round(os.getloadavg()[0], 2),
    }
    with tempfile.TemporaryDirectory(prefix="parley-bench-", dir=args.dir) as tmp:
        base = Path(tmp)
        result["raw_atomic_durable_write_3kB"] = raw_durable_write(base, args.writes)
        stores: dict[int, tuple[AnnotationStore, list[str]]] = {}
        sizes_out: dict[str, dict[str, object]] = {}
        for size in sizes:
            began = time.perf_counter()
            meetings = build_library(base / f"lib{size}", size, args.per_meeting, rng)
            built = time.perf_counter() - began
            began = time.perf_counter()
            store = AnnotationStore.open(base / f"lib{size}")
            opened = time.perf_counter() - began
            assert len(store.all()) == len(meetings) * min(args.per_meeting, len(TEXT) // SPAN)
            stores[size] = (store, meetings)
            sizes_out[str(size)] = {
                "annotations": len(store.all()),
                "meetings": len(meetings),
                "build_s": round(built, 2),
                "open_s": round(opened, 3),
            }
        for store, _ in stores.values():
            if store._snapshotter is not None:  # the open's snapshot: once per session
                store._snapshotter.join()
        interleaved(stores, args.warmup, rng)
        timings: dict[int, list[float]] = {size: [] for size in stores}
        cpu_durable: dict[int, list[float]] = {size: [] for size in stores}
        rounds = []
        for _ in range(args.rounds):
            got = interleaved(stores, args.writes, rng)
            p95 = {size: percentile(got[size], 95) * 1000 for size in sizes}
            cpu = {size: percentile(CPU[size], 95) * 1000 for size in sizes}
            rounds.append(
                {
                    "p95_ms": {str(k): round(v, 3) for k, v in p95.items()},
                    "cpu_p95_ms": {str(k): round(v, 3) for k, v in cpu.items()},
                    "p95_ratio": round(p95[sizes[-1]] / p95[sizes[0]], 3),
                    "cpu_p95_ratio": round(cpu[sizes[-1]] / cpu[sizes[0]], 3),
                    "load_avg_1m": round(os.getloadavg()[0], 2),
                }
            )
            for size in sizes:
                timings[size] += got[size]
                cpu_durable[size] += CPU[size]
        result["rounds"] = rounds
        real_fsync = os.fsync
        os.fsync = lambda fd: None  # only to separate the store's own cost from the disk's
        try:
            no_sync = interleaved(stores, args.writes, rng)
        finally:
            os.fsync = real_fsync
        for size in sizes:
            store, meetings = stores[size]
            assert len(store.all()) == sizes_out[str(size)]["annotations"]  # undone
            sizes_out[str(size)]["tag_span"] = summary(timings[size])
            sizes_out[str(size)]["tag_span_cpu"] = summary(cpu_durable[size])
            sizes_out[str(size)]["tag_span_fsync_disabled"] = summary(no_sync[size])
            began = time.perf_counter()
            store.counts_by_meeting()
            store.tag_counts()
            sizes_out[str(size)]["counts_ms"] = round((time.perf_counter() - began) * 1000, 3)
            store.close()
        result["sizes"] = sizes_out
        first, last = str(sizes[0]), str(sizes[-1])
        for key, label in (
            ("tag_span", f"p95_ratio_{last}_over_{first}"),
            ("tag_span_cpu", f"cpu_p95_ratio_{last}_over_{first}"),
            ("tag_span_fsync_disabled", f"p95_ratio_{last}_over_{first}_fsync_disabled"),
        ):
            p95_first = sizes_out[first][key]["p95_ms"]  # type: ignore[index]
            p95_last = sizes_out[last][key]["p95_ms"]  # type: ignore[index]
            result[label] = round(p95_last / p95_first, 3)

        heavy_lib = base / "heavy"
        [meeting] = build_library(heavy_lib, args.heavy, args.heavy, rng)
        store = AnnotationStore.open(heavy_lib)
        heavy = [one_write(store, [meeting], rng) for _ in range(min(args.writes, 200))]
        store.close()
        result[f"tag_span_one_meeting_with_{args.heavy}_annotations"] = summary(heavy)
    result["load_avg_1m_after"] = round(os.getloadavg()[0], 2)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
