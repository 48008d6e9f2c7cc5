"""Score transcript extraction against the development corpus's gold turns.

Usage::

    python tests/bench/eval_extraction.py [--json] [--corpus DIR] [--no-seeds] [--verbose]

For every document in ``DIR/gold.jsonl`` (default: ``shared/corpus-dev``) it runs
``store.ingest.extract`` on the plain-text form (``docs/*.txt``) and, where there is
one, on the HTML page (``raw/*.html``), and compares with the gold turns:

- *found*: a gold turn is found when, in order, some remark of ours starts with the
  first words of the gold turn's text (white space collapsed);
- *speaker*: a found turn whose speaker is right: our speaker's canonical name or any
  alias equals gold's ``speaker`` or ``label_raw`` (without a note such as
  "(retranslated)"), case-insensitively; gold's unnamed voices ("Q", "Question",
  "Remark") must come out with no speaker and as questions;
- *date* and *title*: the meeting's date equals gold's, the title equals gold's (white
  space and invisible joiners ignored);
- *bogus*: for news pages (no gold turns) any statement/question/answer remark counts;
- *failed*: a document that raised.

It also runs ``tests/test_seeds_gold.py`` and reports how many of its checks pass, and
prints throughput (documents and megabytes per second over the corpus).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from store.ingest import extract  # noqa: E402
from store.models import Meeting  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus-dev"
UNNAMED = {"q", "question", "remark", "вопрос", "реплика"}
PREFIX = 40
TURN_KINDS = ("statement", "question", "answer")


def ws(s: str) -> str:
    return re.sub(r"\s+", " ", s.replace("\u2060", "").replace("\\u2060", "")).strip()


def squash(s: str) -> str:
    """Text without white space or a leading note: blind to word repairs and to where a
    note such as "(Speaks Ukrainian.)" was put (label or words)."""
    s = re.sub(r"^\s*(?:\([^()]{0,40}\)\s*)+", "", s)
    return re.sub(r"[\s*_]+", "", s.replace("\u2060", ""))


def bare_label(s: str) -> str:
    return re.sub(r"\s*\([^()]*\)\s*$", "", ws(s)).casefold()


def genre_of(doc: dict[str, Any]) -> str:
    site = "kremlin" if "kremlin" in doc["file"] else "wh"
    return f"{site} {doc['genre']}"


def names_of(meeting: Meeting, speaker: str | None) -> set[str]:
    if speaker is None:
        return set()
    person = meeting.participant(speaker)
    names = {speaker.casefold()}
    if person is not None:
        names |= {person.name.casefold(), *(a.casefold() for a in person.aliases)}
    return {bare_label(n) for n in names}


def score_meeting(meeting: Meeting, doc: dict[str, Any]) -> dict[str, Any]:
    remarks = [r for r in meeting.remarks if r.kind in TURN_KINDS]
    gold = doc["turns"]
    found = right = 0
    misses: list[str] = []
    j = 0
    for turn in gold:
        prefix = squash(turn["text"])[:PREFIX]
        k = j
        while k < len(remarks) and not squash(remarks[k].text).startswith(prefix):
            k += 1
        if k == len(remarks):
            misses.append(f"not found: {turn['label_raw']}: {prefix}")
            continue
        found += 1
        j = k + 1
        r = remarks[k]
        wanted = {bare_label(turn["speaker"]), bare_label(turn["label_raw"])}
        if wanted & UNNAMED:
            ok = r.speaker is None and r.kind == "question"
        else:
            ok = bool(names_of(meeting, r.speaker) & wanted)
        if ok:
            right += 1
        else:
            misses.append(f"speaker: gold {turn['speaker']!r} got {r.speaker!r}/{r.kind}")
    title_ok = ws(meeting.title).casefold() == ws(doc["title"]).casefold()
    ours = [ws(x.title).rstrip(":").casefold() for x in meeting.sections]
    gold_sections = [ws(g["heading"]).rstrip(":").casefold() for g in doc.get("sections", [])]
    sections_found = sum(1 for g in gold_sections if g in ours)
    return {
        "gold_turns": len(gold),
        "found": found,
        "speaker_right": right,
        "date_right": meeting.date == doc["date"],
        "title_right": title_ok,
        "bogus": len(remarks) if not gold else 0,
        "gold_sections": len(gold_sections),
        "sections_found": sections_found,
        "misses": misses,
        "date": meeting.date,
        "title": meeting.title,
    }


def run_seed_tests() -> dict[str, int]:
    """Run the seeds' gold test in-process and count outcomes."""
    import pytest

    class Counter:
        def __init__(self) -> None:
            self.passed = self.failed = 0

        def pytest_runtest_logreport(self, report: Any) -> None:
            if report.when == "call":
                if report.passed:
                    self.passed += 1
                elif report.failed:
                    self.failed += 1

    counter = Counter()
    with contextlib.redirect_stdout(io.StringIO()):
        pytest.main(
        [str(ROOT / "tests" / "test_seeds_gold.py"), "-q", "-p", "no:randomly", "--no-header",
         "-p", "no:cacheprovider", "--tb=no", "-o", "addopts="],
            plugins=[counter],
        )  # fmt: skip
    return {"passed": counter.passed, "failed": counter.failed}


def evaluate(corpus: Path, with_seeds: bool = True) -> dict[str, Any]:
    docs = [json.loads(line) for line in (corpus / "gold.jsonl").read_text().splitlines() if line]
    rows: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    details: list[dict[str, Any]] = []
    n_bytes = n_docs = 0
    elapsed = 0.0
    for doc in docs:
        forms = [("txt", corpus / doc["file"])]
        if doc.get("raw_file"):
            forms.append(("html", corpus / doc["raw_file"]))
        for form, path in forms:
            if not path.exists():
                continue
            data = path.read_bytes()
            t0 = time.perf_counter()
            try:
                meetings = extract(data, str(path))
                error = None
            except Exception as exc:  # a failing document is a result, not a crash
                meetings, error = [], f"{type(exc).__name__}: {exc}"
            elapsed += time.perf_counter() - t0
            n_bytes += len(data)
            n_docs += 1
            for key in (f"{genre_of(doc)} ({form})", f"all ({form})"):
                row = rows[key]
                row["docs"] += 1
                row["gold_turns"] += len(doc["turns"])
                if error or not meetings:
                    row["failed"] += 1
                    continue
                s = score_meeting(meetings[0], doc)
                for field in ("found", "speaker_right", "bogus", "gold_sections", "sections_found"):
                    row[field] += s[field]
                row["date_right"] += s["date_right"]
                row["title_right"] += s["title_right"]
                row["news_with_bogus"] += 1 if s["bogus"] else 0
            if error or not meetings:
                details.append({"file": str(path.name), "form": form, "error": error or "none"})
            else:
                s = score_meeting(meetings[0], doc)
                details.append({"file": path.name, "form": form, **s})
    table = {}
    for key, row in sorted(rows.items()):
        g = row["gold_turns"] or 1
        d = row["docs"] or 1
        table[key] = {
            "docs": int(row["docs"]),
            "failed": int(row["failed"]),
            "gold_turns": int(row["gold_turns"]),
            "found_pct": round(100 * row["found"] / g, 1) if row["gold_turns"] else None,
            "speaker_pct": round(100 * row["speaker_right"] / g, 1) if row["gold_turns"] else None,
            "date_pct": round(100 * row["date_right"] / d, 1),
            "title_pct": round(100 * row["title_right"] / d, 1),
            "bogus_turns": int(row["bogus"]),
            "sections_pct": (
                round(100 * row["sections_found"] / row["gold_sections"], 1)
                if row["gold_sections"]
                else None
            ),
        }
    result: dict[str, Any] = {
        "table": table,
        "throughput": {
            "docs": n_docs,
            "megabytes": round(n_bytes / 1e6, 2),
            "seconds": round(elapsed, 3),
            "docs_per_s": round(n_docs / elapsed, 1) if elapsed else None,
            "mb_per_s": round(n_bytes / 1e6 / elapsed, 2) if elapsed else None,
        },
        "details": details,
    }
    if with_seeds:
        result["seeds"] = run_seed_tests()
    return result


def print_table(result: dict[str, Any], verbose: bool) -> None:
    head = f"{'genre (form)':32} {'docs':>4} {'fail':>4} {'turns':>5} {'found%':>7} "
    head += f"{'spkr%':>6} {'date%':>6} {'title%':>6} {'bogus':>5} {'sect%':>6}"
    print(head)
    print("-" * len(head))
    for key, r in result["table"].items():

        def pct(v: float | None) -> str:
            return "-" if v is None else f"{v:.1f}"

        print(
            f"{key:32} {r['docs']:>4} {r['failed']:>4} {r['gold_turns']:>5} "
            f"{pct(r['found_pct']):>7} {pct(r['speaker_pct']):>6} {pct(r['date_pct']):>6} "
            f"{pct(r['title_pct']):>6} {r['bogus_turns']:>5} {pct(r['sections_pct']):>6}"
        )
    t = result["throughput"]
    print(f"\nthroughput: {t['docs']} docs, {t['megabytes']} MB in {t['seconds']} s = "
          f"{t['docs_per_s']} docs/s, {t['mb_per_s']} MB/s")  # fmt: skip
    if "seeds" in result:
        s = result["seeds"]
        print(f"seeds gold test: {s['passed']} passed, {s['failed']} failed")
    if verbose:
        for d in result["details"]:
            problems = d.get("misses") or []
            if d.get("error") or problems or not d.get("date_right") or not d.get("title_right"):
                print(f"\n{d['file']} [{d['form']}]", d.get("error") or "")
                if d.get("error") is None:
                    if not d["date_right"]:
                        print("  date:", d["date"])
                    if not d["title_right"]:
                        print("  title:", d["title"])
                for m in problems[:12]:
                    print("  ", m)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--no-seeds", action="store_true", help="skip the seeds' gold test")
    parser.add_argument("--verbose", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    if not (args.corpus / "gold.jsonl").exists():
        print(f"no gold.jsonl in {args.corpus}", file=sys.stderr)
        return 2
    result = evaluate(args.corpus, with_seeds=not args.no_seeds)
    if args.json:
        out = {k: v for k, v in result.items() if k != "details"}
        print(json.dumps(out, indent=2, ensure_ascii=False))
    else:
        print_table(result, args.verbose)
        out = {k: v for k, v in result.items() if k != "details"}
        print("\n" + json.dumps(out, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
