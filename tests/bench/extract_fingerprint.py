"""Fingerprint of what extraction produces, so a speed-up can prove it changed nothing.

Runs ``parley extract --json``'s code path (``tui.cli.extract.extract_file``) in this
process over every file in ``../shared/corpus-dev`` (docs and raw), ``../shared/seeds``,
``store/samples`` and the first ``--synthetic`` documents of a generated synthetic
corpus, and writes one JSON object ``{file: result}`` (the contract's object for each
file, its ``source`` made relative so the fingerprint does not depend on where the
tree lives). ``--compare BASELINE`` then names every file whose result differs and
exits 1 if any does, so each optimisation is checked against the one before it.

Usage::

    python tests/bench/extract_fingerprint.py --out /work/bench/helper-import/baseline.json
    python tests/bench/extract_fingerprint.py --out /tmp/after.json \\
        --compare /work/bench/helper-import/baseline.json
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tui.cli.extract import extract_file  # noqa: E402

SHARED = ROOT.parent / "shared"
SYNTHETIC = ROOT.parent / "bench" / "cache" / "n50000-gen1-schema2" / "docs"


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else []


def inputs(synthetic: Path, n_synthetic: int) -> list[tuple[str, Path]]:
    """``(key, path)`` for every file fingerprinted; keys are stable relative names."""
    out: list[tuple[str, Path]] = []
    for label, folder in (
        ("corpus-dev", SHARED / "corpus-dev"),
        ("seeds", SHARED / "seeds"),
        ("samples", ROOT / "store" / "samples"),
    ):
        out += [(f"{label}/{p.relative_to(folder)}", p) for p in _files(folder)]
    syn = [p for p in _files(synthetic) if p.suffix == ".txt"][:n_synthetic]
    out += [(f"synthetic/{p.relative_to(synthetic)}", p) for p in syn]
    return out


def fingerprint(files: list[tuple[str, Path]]) -> dict[str, Any]:
    """The extraction result of each file, keyed as :func:`inputs` names it."""
    results: dict[str, Any] = {}
    for key, path in files:
        obj = extract_file(str(path))
        obj["source"] = key
        results[key] = obj
    return results


def compare(now: dict[str, Any], base: dict[str, Any]) -> list[str]:
    """Keys whose result differs (or is missing on either side)."""
    return sorted(k for k in set(now) | set(base) if now.get(k) != base.get(k))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, required=True, help="where to write the JSON")
    ap.add_argument("--compare", type=Path, help="a baseline JSON to diff against")
    ap.add_argument("--synthetic", type=int, default=300, help="synthetic documents (300)")
    ap.add_argument("--synthetic-dir", type=Path, default=SYNTHETIC)
    args = ap.parse_args(argv)
    files = inputs(args.synthetic_dir, args.synthetic)
    t0 = time.process_time()
    results = fingerprint(files)
    cpu = time.process_time() - t0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, ensure_ascii=False, sort_keys=True, indent=0))
    print(f"{len(results)} files, {cpu:.1f} s CPU -> {args.out}", file=sys.stderr)
    if args.compare:
        diff = compare(results, json.loads(args.compare.read_text()))
        for key in diff:
            print(f"DIFFERS: {key}")
        print(f"{len(diff)} of {len(results)} files differ from {args.compare}")
        return 1 if diff else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
