"""Parley's benchmark runner: import, start-up, key, search and tag-write figures for N meetings.

Usage::

    python tests/bench/run.py --meetings 50000 --json

It builds (or reuses) a synthetic library of N meetings and prints one JSON object
(``--json``) or a table. Keys, each measured the way its docstring below says:

``import_docs_per_s``, ``import_mb_per_s``
    ``Library.import_paths`` over the N generated files with ``jobs=2`` (both cores),
    wall time; MB are source bytes. A cached library reports the figures measured when
    it was built (``import_cached`` is then true); ``--fresh`` rebuilds it.
``import_writer_cpu_s``
    CPU seconds of the importing process itself during that import: the one sqlite
    writer, which stores every row and builds the search index while the workers parse.
``empty_app_start_s``, ``cold_start_s``, ``cold_start_ratio``
    Medians over ``--runs`` fresh interpreters each (alternating the two), from process
    start to "ready": a bare Textual app (Header + Footer) at its first paint, and
    ``parley --library LIB`` at the first paint showing meeting rows. See
    ``tests/bench/app_probe.py`` for how both are timed alike.
``keypress_p95_ms``
    The worse of the two p95s: ``j`` in the meetings pane until the remarks pane shows
    the next meeting, and ``j``/``k`` in the remarks pane until the cursor has moved
    (each from the key's arrival to the paint); both are reported too.
``search_p95_ms``
    ``Library.search`` (default limit 500) over a fixed mix of 36 word, phrase, prefix,
    AND/OR/NOT queries, each run ``--search-rounds`` times in a process that has the
    library open.
``tag_write_p95_ms_1k`` / ``_10k`` / ``_100k``, ``tag_write_ratio_100k_over_1k``
    From the storage engineer's ``tests/bench/bench_tag_writes.py`` (one durable
    ``AnnotationStore.tag_span`` per call), run as a subprocess.
``rss_mb``
    VmRSS of the parley process once started and showing its first meeting (median of
    the start-up runs); ``rss_after_keys_mb`` after all the timed keys.

Libraries are cached under ``tests/bench/.cache/`` (gitignored), keyed by N, the
generator's version and the library's schema version, so reruns skip generation and
import. The machine is shared: the load average before and after is reported, and
each timing has a CPU-time twin (``*_cpu_*``) that a busy machine disturbs less.
``--profile DIR`` also writes pyinstrument profiles (ingest, cold start, keys) there.
``targets`` says, for each goal of issue 8, "met" or by how much it is missed.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.bench import synthetic  # noqa: E402

CACHE = HERE / ".cache"
TARGETS = {
    "cold_start_ratio": ("<=", 1.3),
    "keypress_p95_ms": ("<=", 16.0),
    "search_p95_ms": ("<=", 50.0),
    "tag_write_p95_ms_100k": ("<=", 5.0),
    "tag_write_ratio_100k_over_1k": ("<=", 1.2),
    "import_mb_per_s": (">=", 20.0),
    "rss_mb": ("<=", 300.0),
}
# Words at different frequencies (from very common to rare), phrases, prefixes, names
# (invented surnames the generator uses), and the boolean forms people type.
QUERIES = (
    "security", "cooperation", "government", "minister", "weapons", "sanctions",
    "president", "believe", "agriculture", "hydrogen", "Ostrakov", "Velesky",
    '"Security Council"', '"nuclear weapons"', '"the Middle East"', '"arms control"',
    '"trade and economic cooperation"', '"human rights"', '"peace process"',
    '"we believe that"',
    "secur*", "nucl*", "econom*", "dipl*", "min*", "Ostra*",
    "energy security", "border security agreement", "gas supplies Europe",
    "sanctions OR embargo", "terrorism -international", "climate NOT change",
    '"missile defence" treaty', "human rights council", "strategic partner*",
    "Mr. Dovrak said",
)


def _json_from(proc: subprocess.CompletedProcess[str]) -> dict[str, Any]:
    for line in reversed(proc.stdout.strip().splitlines()):
        line = line.strip()
        if line.startswith("{"):
            return json.loads(line)
    raise RuntimeError(
        f"{proc.args!r} printed no JSON (exit {proc.returncode}): {proc.stderr[-2000:]}"
    )


def _env(config: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        TEXTUAL_ANIMATIONS="none",
        PARLEY_CONFIG_DIR=str(config),
        PYTHONPATH=str(ROOT) + os.pathsep + env.get("PYTHONPATH", ""),
    )
    env.pop("PARLEY_LIBRARY", None)
    return env


def _log(quiet: bool, message: str) -> None:
    if not quiet:
        print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def _cache_dir(base: Path, n: int) -> Path:
    from store.library import SCHEMA_VERSION

    return base / f"n{n}-gen{synthetic.GENERATOR_VERSION}-schema{SCHEMA_VERSION}"


def build(n: int, base: Path, *, fresh: bool, quiet: bool) -> tuple[Path, dict[str, Any]]:
    """The library of ``n`` synthetic meetings (built if needed) and its import figures."""
    from store.library import Library

    folder = _cache_dir(base, n)
    meta_path = folder / "import.json"
    library = folder / "library"
    if fresh and folder.exists():
        shutil.rmtree(folder)
    if meta_path.exists():
        _check_schema(library)
        meta = json.loads(meta_path.read_text())
        meta["import_cached"] = True
        return library, meta
    docs = folder / "docs"
    marker = docs / ".complete"  # hidden: the import skips it
    if library.exists():
        shutil.rmtree(library)
    if marker.exists() and marker.read_text().strip() == str(n):
        _log(quiet, f"reusing the {n:,} documents in {docs}")
        size = sum(p.stat().st_size for p in synthetic.corpus_files(docs))
        generated = None
    else:
        if docs.exists():
            shutil.rmtree(docs)
        _log(quiet, f"writing {n:,} synthetic documents to {docs}")
        began = time.perf_counter()
        size = synthetic.write_corpus(docs, n, jobs=2)
        generated = round(time.perf_counter() - began, 2)
        marker.write_text(str(n))
    _log(quiet, f"importing {size / 1e6:.1f} MB with both cores")
    lib = Library.open(library)
    load_before = os.getloadavg()[0]
    began, began_cpu = time.perf_counter(), time.process_time()
    summary = lib.import_paths([str(docs)], jobs=2)
    seconds = time.perf_counter() - began
    writer_cpu = time.process_time() - began_cpu
    meetings = lib.count()
    remarks = lib._query("SELECT count(*) FROM remarks")[0][0]
    lib.close()
    meta = {
        "documents": n,
        "source_mb": round(size / 1e6, 2),
        "generate_s": generated,
        "import_s": round(seconds, 2),
        "import_docs_per_s": round(len(summary.imported) / seconds, 2),
        "import_mb_per_s": round(size / 1e6 / seconds, 3),
        "import_failed": len(summary.failed),
        "import_writer_cpu_s": round(writer_cpu, 1),
        "import_load_avg_1m": round((load_before + os.getloadavg()[0]) / 2, 2),
        "meetings": meetings,
        "remarks": remarks,
        "library_mb": round(
            sum(p.stat().st_size for p in library.rglob("*") if p.is_file()) / 1e6, 1
        ),
    }
    meta_path.write_text(json.dumps(meta, indent=2))
    meta["import_cached"] = False
    return library, meta


def _check_schema(library: Path) -> None:
    """Refuse a cached library written by another schema version: opening it would make
    ``Library.open`` rebuild it (re-import every document) inside the measured app."""
    import sqlite3

    from store.library import DB_NAME, SCHEMA_VERSION

    conn = sqlite3.connect(f"file:{library / DB_NAME}?mode=ro", uri=True)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()
    if version != SCHEMA_VERSION:
        raise SystemExit(
            f"The cached library {library} has schema {version}, this code {SCHEMA_VERSION}; "
            "rerun with --fresh."
        )


def _probe(args: list[str], env: dict[str, str], timeout: float = 300) -> dict[str, Any]:
    """Run ``app_probe.py`` in a fresh interpreter with a fresh, empty config folder
    (so no run starts where the one before left the reader)."""
    with tempfile.TemporaryDirectory(prefix="parley-bench-config-") as config:
        env = dict(env, PARLEY_CONFIG_DIR=config, BENCH_T0=repr(time.monotonic()))
        proc = subprocess.run(
            [sys.executable, str(HERE / "app_probe.py"), *args],
            env=env, capture_output=True, text=True, timeout=timeout, check=False,
        )
    return _json_from(proc)


def _compile_sources() -> None:
    """Write Parley's bytecode, as installing it does, before timing start-ups.

    An installed Parley (and Textual, here and everywhere) starts from ``.pyc`` files;
    a checkout under ``PYTHONDONTWRITEBYTECODE`` (this machine sets it) would compile
    every module on every start instead and time the compiler, not the app.
    """
    for package in ("store", "tui"):
        compileall.compile_dir(ROOT / package, quiet=1)


def startup(library: Path, runs: int, env: dict[str, str], quiet: bool) -> dict[str, Any]:
    """Median start-up of the empty app and of parley, alternating, ``runs`` each."""
    empty: list[float] = []
    parley: list[float] = []
    empty_cpu: list[float] = []
    parley_cpu: list[float] = []
    rss: list[float] = []
    # One untimed start of each first, so both find the same files in the page cache.
    _probe(["startup", "--app", "empty"], env)
    _probe(["startup", "--app", "parley", "--library", str(library)], env)
    for i in range(runs):
        e = _probe(["startup", "--app", "empty"], env)
        p = _probe(["startup", "--app", "parley", "--library", str(library)], env)
        if "error" in e or "error" in p:
            raise RuntimeError(f"start-up probe failed: {e} {p}")
        empty.append(e["ready_s"])
        parley.append(p["ready_s"])
        rss.append(p["rss_mb"])
        empty_cpu.append(e["ready_cpu_s"])
        parley_cpu.append(p["ready_cpu_s"])
        _log(quiet, f"start-up run {i + 1}/{runs}: empty {e['ready_s']:.3f} s, "
             f"parley {p['ready_s']:.3f} s, {p['rss_mb']:.0f} MB")
    e_med, p_med = statistics.median(empty), statistics.median(parley)
    return {
        "empty_app_start_s": round(e_med, 3),
        "cold_start_s": round(p_med, 3),
        "cold_start_ratio": round(p_med / e_med, 3),
        "empty_app_start_runs_s": [round(x, 3) for x in empty],
        "cold_start_runs_s": [round(x, 3) for x in parley],
        "rss_mb": round(statistics.median(rss), 1),
        # CPU seconds until ready: what the start costs apart from waiting for a CPU.
        "empty_app_start_cpu_s": round(statistics.median(empty_cpu), 3),
        "cold_start_cpu_s": round(statistics.median(parley_cpu), 3),
        "cold_start_cpu_ratio": round(
            statistics.median(parley_cpu) / statistics.median(empty_cpu), 3
        ),
    }


def keypresses(library: Path, presses: int, env: dict[str, str]) -> dict[str, Any]:
    result = _probe(["keys", "--library", str(library), "--presses", str(presses)], env)
    if "error" in result:
        raise RuntimeError(f"key probe failed: {result}")
    meetings, remarks = result["meetings_pane"], result["remarks_pane"]
    return {
        "keypress_p95_ms": max(meetings["p95_ms"], remarks["p95_ms"]),
        "keypress_meetings_pane": meetings,
        "keypress_remarks_pane": remarks,
        "keypress_cpu_p95_ms": max(
            result["meetings_pane_cpu"]["p95_ms"], result["remarks_pane_cpu"]["p95_ms"]
        ),
        "rss_after_keys_mb": round(result["rss_mb"], 1),
    }


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def search(library: Path, rounds: int) -> dict[str, Any]:
    """p95 of ``Library.search`` over the query mix, ``rounds`` times each (first untimed)."""
    from store.library import Library

    lib = Library.open(library)
    try:
        per_query: dict[str, list[float]] = {q: [] for q in QUERIES}
        cpu: list[float] = []
        hits: dict[str, int] = {}
        for q in QUERIES:  # warm the page cache and sqlite's own
            hits[q] = len(lib.search(q))
        for _ in range(rounds):
            for q in QUERIES:
                began, began_cpu = time.perf_counter(), time.process_time()
                lib.search(q)
                per_query[q].append((time.perf_counter() - began) * 1000)
                cpu.append((time.process_time() - began_cpu) * 1000)
    finally:
        lib.close()
    every = [ms for values in per_query.values() for ms in values]
    slowest = sorted(per_query, key=lambda q: -statistics.median(per_query[q]))[:5]
    return {
        "search_p95_ms": round(_p95(every), 2),
        "search_p50_ms": round(statistics.median(every), 2),
        "search_cpu_p95_ms": round(_p95(cpu), 2),
        "search_queries": len(QUERIES),
        "search_slowest": {
            q: [round(statistics.median(per_query[q]), 1), hits[q]] for q in slowest
        },
    }


def tag_writes(writes: int, folder: Path, env: dict[str, str]) -> dict[str, Any]:
    """Run the storage engineer's tag-write benchmark and pick out its p95s.

    Its stores are made under ``folder`` (beside the cached libraries: the same disk a
    library's annotations live on).
    """
    folder.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run(
        [sys.executable, str(HERE / "bench_tag_writes.py"), "--sizes", "1000,10000,100000",
         "--writes", str(writes), "--heavy", "200", "--dir", str(folder)],
        env=env, capture_output=True, text=True, timeout=1800, check=False,
    )
    out = json.loads(proc.stdout) if proc.stdout.strip().startswith("{") else None
    if out is None:
        raise RuntimeError(f"bench_tag_writes.py failed: {proc.stderr[-2000:]}")
    sizes = out["sizes"]
    p95 = {k: float(sizes[k]["tag_span"]["p95_ms"]) for k in ("1000", "10000", "100000")}
    cpu = {k: float(sizes[k]["tag_span_cpu"]["p95_ms"]) for k in ("1000", "100000")}
    return {
        "tag_write_p95_ms_1k": p95["1000"],
        "tag_write_p95_ms_10k": p95["10000"],
        "tag_write_p95_ms_100k": p95["100000"],
        "tag_write_ratio_100k_over_1k": round(p95["100000"] / p95["1000"], 3),
        "tag_write_cpu_p95_ms_1k": cpu["1000"],
        "tag_write_cpu_p95_ms_100k": cpu["100000"],
        "tag_write_raw_fsync_p95_ms": float(out["raw_atomic_durable_write_3kB"]["p95_ms"]),
    }


def profiles(library: Path, docs: Path, folder: Path, env: dict[str, str]) -> dict[str, str]:
    """pyinstrument profiles of what the targets miss on, in separate (slower) runs.

    The parse of 300 cached documents (in this process, one core, caches warm), one
    cold start of parley, and 60 timed keys in each pane.
    """
    from pyinstrument import Profiler

    from store.importer import prepare_meeting
    from store.ingest import extract

    folder.mkdir(parents=True, exist_ok=True)
    files = [(p, p.read_bytes()) for p in list(synthetic.corpus_files(docs))[:400]]
    for path, data in files[:100]:  # warm the ingest's word caches, as a long import does
        extract(data, str(path))
    profiler = Profiler(interval=0.001)
    profiler.start()
    cpu = time.process_time()
    for path, data in files[100:]:
        for meeting in extract(data, str(path)):
            prepare_meeting(meeting)
    cpu = time.process_time() - cpu
    profiler.stop()
    size = sum(len(d) for _p, d in files[100:]) / 1e6
    out = {"ingest": str(folder / "ingest.txt")}
    Path(out["ingest"]).write_text(
        f"{size:.2f} MB parsed in {cpu:.2f} s of CPU: {size / cpu:.2f} MB/s per core\n"
        + profiler.output_text(unicode=True, show_all=False)
    )
    out["cold_start"] = str(folder / "cold_start.txt")
    _probe(["startup", "--app", "parley", "--library", str(library),
            "--profile", out["cold_start"]], env)
    out["keys"] = str(folder / "keys.txt")
    _probe(["keys", "--library", str(library), "--presses", "60", "--profile", out["keys"]], env)
    return out


def verdicts(result: dict[str, Any]) -> dict[str, str]:
    """Each target: "met" or by how much it is missed."""
    out: dict[str, str] = {}
    for key, (op, target) in TARGETS.items():
        value = result.get(key)
        if not isinstance(value, (int, float)):
            continue
        met = value <= target if op == "<=" else value >= target
        factor = value / target if op == "<=" else (target / value if value else float("inf"))
        out[key] = "met" if met else f"missed ({value:g} vs {op} {target:g}: {factor:.1f}×)"
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, required=True, help="library size N")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--runs", type=int, default=15,
                        help="start-up runs of each app (five were too few: one slow start "
                        "of the 0.2 s empty app moved the ratio by 0.2)")
    parser.add_argument("--presses", type=int, default=200, help="timed keys per pane")
    parser.add_argument("--search-rounds", type=int, default=5)
    parser.add_argument("--tag-writes", type=int, default=400, help="timed writes per size")
    parser.add_argument("--cache", type=Path, default=CACHE, help="where libraries are kept")
    parser.add_argument("--fresh", action="store_true", help="rebuild the cached library")
    parser.add_argument("--profile", type=Path, metavar="DIR",
                        help="also write pyinstrument profiles (ingest, cold start, keys) here")
    args = parser.parse_args(argv)
    quiet = False
    result: dict[str, Any] = {
        "meetings_requested": args.meetings,
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "load_avg_1m_before": round(os.getloadavg()[0], 2),
        "generator_version": synthetic.GENERATOR_VERSION,
    }
    library, meta = build(args.meetings, args.cache, fresh=args.fresh, quiet=quiet)
    result.update(meta)
    _compile_sources()
    with tempfile.TemporaryDirectory(prefix="parley-bench-config-") as config:
        env = _env(Path(config))
        _log(quiet, "start-up")
        result.update(startup(library, args.runs, env, quiet))
        _log(quiet, "key presses")
        result.update(keypresses(library, args.presses, env))
        if args.profile:
            _log(quiet, f"profiles to {args.profile}")
            docs = _cache_dir(args.cache, args.meetings) / "docs"
            result["profiles"] = profiles(library, docs, args.profile, env)
    _log(quiet, "search")
    result.update(search(library, args.search_rounds))
    _log(quiet, "tag writes")
    result.update(tag_writes(args.tag_writes, args.cache, _env(Path(tempfile.gettempdir()))))
    result["load_avg_1m_after"] = round(os.getloadavg()[0], 2)
    result["targets"] = verdicts(result)
    result["command"] = "python tests/bench/run.py " + " ".join(
        argv if argv is not None else sys.argv[1:]
    )
    if args.json:
        print(json.dumps(result))
    else:
        width = max(len(k) for k in result)
        for key, value in result.items():
            print(f"{key:<{width}}  {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
