"""Garbage collection and held keys: when Python's cycle collector runs, and what feeds it.

Runs ``app_probe.py keys --pane meetings`` (a held ``j`` in the meetings pane) in this
process and prints the probe's JSON object with a ``gc`` entry added. Usage::

    python tests/bench/key_garbage.py --library LIB [--presses 400] [--garbage]

- default: the collections by generation (count, median and longest ms, during the timed keys),
  and how many of the timed keys had a collection run inside them (between the key and
  the paint that shows it) — what ``tui.gc_pacer`` is for;
- ``--garbage``: instead, ``gc.DEBUG_SAVEALL`` over the timed keys, and the objects the
  cycle collector would have freed per 100 keys, by type (only it can free them).

A diagnosis aid for ``run.py``'s meetings-pane key figure, not a benchmark of its own.
"""

from __future__ import annotations

import argparse
import collections
import gc
import statistics
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--library", required=True)
    parser.add_argument("--presses", type=int, default=400)
    parser.add_argument("--garbage", action="store_true", help="count cyclic garbage instead")
    args = parser.parse_args()
    sys.argv = [
        "app_probe.py", "keys", "--library", args.library,
        "--presses", str(args.presses), "--pane", "meetings",
    ]
    sys.path.insert(0, str(HERE))
    import app_probe

    timing = {"on": False, "started": 0.0}
    collections_ms: dict[int, list[float]] = collections.defaultdict(list)
    inside = {"now": 0, "keys": 0}

    def on_collection(phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            timing["started"] = time.perf_counter()
            return
        took = (time.perf_counter() - timing["started"]) * 1000
        collections_ms[info["generation"]].append(took)
        inside["now"] += 1

    def start(path: str | None) -> None:  # the probe's "timed part begins" hook
        timing["on"] = True
        if args.garbage:
            gc.collect()
            gc.set_debug(gc.DEBUG_SAVEALL)
        else:
            gc.callbacks.append(on_collection)

    send = app_probe._send

    def send_key(app: Any, key: str) -> float:
        inside["now"] = 0
        return send(app, key)

    wait_for = app_probe.Paints.wait_for

    async def shown(self: Any, check: Any, timeout: float = app_probe.TIMEOUT) -> float:
        at = await wait_for(self, check, timeout)
        if timing["on"] and inside["now"]:
            inside["keys"] += 1
        return at

    finish = app_probe._finish

    def report(result: dict[str, Any]) -> None:
        out: dict[str, Any] = {"presses": args.presses, "keys": result.get("meetings_pane")}
        if args.garbage:
            gc.collect()
            kinds = collections.Counter(type(o).__qualname__ for o in gc.garbage)
            out["cyclic_garbage_per_100_keys"] = round(len(gc.garbage) * 100 / args.presses)
            out["by_type"] = {k: round(v * 100 / args.presses) for k, v in kinds.most_common(8)}
        else:
            out["collections"] = {
                f"gen{g}": {"n": len(ms), "median_ms": round(statistics.median(ms), 2),
                            "max_ms": round(max(ms), 2)}
                for g, ms in sorted(collections_ms.items())
            }
            out["keys_with_a_collection_inside"] = inside["keys"]
        finish({**result, "gc": out})

    app_probe._profile_start = start  # type: ignore[assignment]
    app_probe._send = send_key  # type: ignore[assignment]
    app_probe.Paints.wait_for = shown  # type: ignore[method-assign]
    app_probe._finish = report  # type: ignore[assignment]
    app_probe.main()


if __name__ == "__main__":
    main()
