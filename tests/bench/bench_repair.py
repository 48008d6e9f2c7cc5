"""How well the scrape-damage repair works on real text, measured two ways.

1. *False splits*: run the repair over every development page as it is (real scraped
   text, already mostly clean) and count the spaces it would insert; each of them is
   listed so it can be checked by eye (``tests/ingest/test_repair.py`` pins them).
2. *Recall on synthetic damage*: glue randomly chosen pairs of adjacent words together
   (``the talks`` → ``thetalks``, ``Mr Lavrov`` → ``MrLavrov``, ``countries, the`` →
   ``countries,the``), run the repair, and count the glued pairs restored exactly and the
   spaces inserted anywhere else (wrong cuts).

Run: ``python tests/bench/bench_repair.py`` (prints one JSON object).
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from store.ingest.repair import space_insertions  # noqa: E402

DOCS = ROOT.parent / "shared" / "corpus-dev" / "docs"
SAMPLES_PER_DOC = 40
SEED = 7


def main() -> None:
    rng = random.Random(SEED)
    untouched_changes: list[str] = []
    glued = restored = wrong = 0
    by_kind: dict[str, list[int]] = {}
    for path in sorted(DOCS.glob("*.txt")):
        text = re.sub(r"\s+", " ", path.read_text(encoding="utf-8"))
        for i in space_insertions(text):
            untouched_changes.append(f"{path.name}: {text[max(0, i - 15) : i]}|{text[i : i + 15]}")
        # spaces between two letter-words (or after a comma) that a scraper could lose
        gaps = [
            m.start(1)
            for m in re.finditer(r"(?<=[A-Za-z,])( )(?=[A-Za-z])", text)
            if m.start(1) > 0
        ]
        for gap in rng.sample(gaps, min(SAMPLES_PER_DOC, len(gaps))):
            damaged = text[:gap] + text[gap + 1 :]
            left = re.search(r"\S+$", text[:gap]).group()
            right = re.match(r"\S+", text[gap + 1 :]).group()
            kind = (
                "after comma" if left.endswith(",")
                else "camel (Capital+Capital)" if left[:1].isupper() and right[:1].isupper()
                else "lower words"
            )  # fmt: skip
            cuts = set(space_insertions(damaged)) - set(space_insertions(text[:gap]))
            # only cuts near the damage count; others were already there before gluing
            near = {c for c in cuts if gap - len(left) <= c <= gap + len(right)}
            ok = gap in near
            glued += 1
            restored += ok
            wrong += len(near - {gap})
            by_kind.setdefault(kind, [0, 0])
            by_kind[kind][0] += 1
            by_kind[kind][1] += ok
    print(
        json.dumps(
            {
                "untouched_documents_changes": len(untouched_changes),
                "untouched_changes": untouched_changes,
                "glued_pairs": glued,
                "restored": restored,
                "recall": round(restored / glued, 3) if glued else None,
                "wrong_cuts_near_damage": wrong,
                "by_kind": {k: {"glued": v[0], "restored": v[1]} for k, v in by_kind.items()},
            },
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
