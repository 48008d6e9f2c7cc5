"""Synthetic libraries of any size, shaped like the real documents, for the benchmarks.

Why synthetic: the benchmarks need 50,000 documents (about a million remarks) and the
real corpus has 57. Why shaped like the real ones: every figure that matters here —
import rate, index size, search latency, how long a meeting takes to lay out — depends
on document size, turn lengths and vocabulary, so those follow what
``../shared/corpus-dev`` and the seeds measure (``python tests/bench/synthetic.py
--measure`` prints the measurements again from the real files through the real ingest):

- genre mix: about three quarters transcripts, a quarter news-wire reports;
- document size: median ≈ 3.9 kB, mean ≈ 9.5 kB (a long tail of press briefings with
  100–250 turns up to ~70 kB);
- remarks per meeting: median 3, mean ≈ 21 (so 50,000 meetings ≈ a million remarks);
- remark length: median ≈ 200 characters, deciles 10 … 1,040, mean ≈ 400;
  presidential-style statements run 700–1,500 characters over 3–6 paragraphs, briefing
  questions and answers are short (median ≈ 100);
- speakers per transcript 2–3 (up to 6); reports carry 1–15 quotes and reported speech.

The documents are written as the real ones are (a Kremlin-style plain-text transcript
with ``Role Name:`` labels, a White House-style briefing with ``NAME:`` and ``Q``
labels, a RIA-style news report with a dateline and quotes), so the real ingest pipeline
parses them and the import benchmark measures real work. Words follow English word
frequencies (``wordfreq``'s top 20,000, Zipf-weighted) with diplomatic phrases mixed
in, so search posting lists have a realistic shape.

Every document is clearly marked synthetic: the file is ``synthetic-NNNNNN.txt``, the
people have invented names, and the first paragraph says "This is a synthetic
document generated for benchmarking Parley." Generation is deterministic in (seed,
index), so a library is identified by ``(N, GENERATOR_VERSION, seed)``.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import statistics
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from functools import cache
from itertools import accumulate
from pathlib import Path

GENERATOR_VERSION = 1
"""Bump when the documents change, so cached libraries are rebuilt."""

MARK = "This is a synthetic document generated for benchmarking Parley."

# Genre mix measured on corpus-dev + seeds: 41 Kremlin transcripts-or-reports, 15 White
# House briefings, 1 news-wire report; reports are ~25 % of all meetings.
GENRES = (("kremlin", 0.47), ("briefing", 0.30), ("report", 0.23))

FIRST = (
    "Arlen", "Berin", "Casimir", "Doran", "Elvin", "Feodor", "Galen", "Hadrian", "Ilvar",
    "Jarek", "Kasimir", "Lorin", "Miron", "Nestor", "Orrin", "Pavlen", "Radomir", "Severin",
    "Tavian", "Ulric", "Valen", "Yaroslav", "Zoran", "Adela", "Briella", "Carina", "Daria",
    "Elvira", "Fiora", "Greta", "Ilona", "Julena", "Katya", "Larisa", "Marena", "Nadira",
    "Oriana",
)
LAST = (
    "Ostrakov", "Velesky", "Dovrak", "Marenko", "Castellan", "Brandt", "Korvala", "Leventis",
    "Arkwright", "Solberg", "Tamsin", "Quarrell", "Vintner", "Zelenko", "Halloran", "Ferrant",
    "Okonjo", "Rasmussov", "Delacroix", "Petrak", "Ivanchuk", "Morrow", "Sandoval", "Kettering",
    "Lindqvist", "Abernath", "Voronin", "Galloway", "Strand", "Ruiz",
)
ROLES = (
    "President of Russia", "Prime Minister", "Foreign Minister", "Minister of Economic "
    "Development", "Deputy Prime Minister", "Chairman of the Government Commission",
    "Secretary of State", "National Security Advisor", "Minister of Defence",
    "Governor of the Region", "Chairman of the Board", "Ambassador",
)
PLACES = (
    "The Kremlin, Moscow", "Novo-Ogaryovo, Moscow Region", "Sochi", "Geneva", "Vienna",
    "Beijing", "New Delhi", "Brasilia", "Ankara", "Helsinki", "Astana", "Minsk",
)
CITIES = ("MOSCOW", "GENEVA", "VIENNA", "BEIJING", "ANKARA", "HELSINKI", "ASTANA", "MINSK")
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)
PHRASES = (
    "Security Council", "nuclear weapons", "the Middle East", "international terrorism",
    "trade and economic cooperation", "energy security", "arms control", "human rights",
    "the United Nations", "climate change", "bilateral relations", "the European Union",
    "gas supplies", "missile defence", "peace process", "economic sanctions",
    "humanitarian aid", "free trade agreement", "strategic partnership", "border security",
)
SAY = ("said", "stressed", "noted", "added", "told reporters", "pointed out")


@cache
def _vocabulary() -> tuple[list[str], list[float]]:
    """English words with Zipf cumulative weights (rank r weighs 1/(r + 2.7))."""
    import wordfreq

    words = [w for w in wordfreq.top_n_list("en", 20000) if w.isalpha() and w != "q"]
    return words, list(accumulate(1.0 / (rank + 2.7) for rank in range(len(words))))


def _sentence(rng: random.Random) -> str:
    words, cum = _vocabulary()
    n = max(4, min(45, int(rng.lognormvariate(math.log(17), 0.45))))
    chosen = rng.choices(words, cum_weights=cum, k=n)
    if rng.random() < 0.35:
        chosen.insert(rng.randrange(len(chosen) + 1), rng.choice(PHRASES))
    if n > 12 and rng.random() < 0.5:
        chosen[rng.randrange(3, n - 3)] += ","
    first = chosen[0]
    chosen[0] = first[0].upper() + first[1:]
    return " ".join(chosen) + rng.choice((".", ".", ".", ".", ".", "?", "!"))


SHORT = ("Yeah.", "Thank you.", "Good.", "Right.", "Very good.", "Of course.", "No.",
         "Thank you very much.", "Sure.", "Please.")


def _paragraph(rng: random.Random, chars: int) -> str:
    if chars < 25:
        return rng.choice(SHORT)
    out: list[str] = []
    size = 0
    while size < chars:
        s = _sentence(rng)
        out.append(s)
        size += len(s) + 1
    return " ".join(out)


def _turn(rng: random.Random, chars: int) -> list[str]:
    """A turn of about ``chars`` characters cut into paragraphs of 250–700 characters."""
    paragraphs: list[str] = []
    left = max(1, chars)
    while left > 0:
        piece = min(left, int(rng.uniform(250, 700)))
        paragraphs.append(_paragraph(rng, piece))
        left -= piece + 2
    return paragraphs


def _person(rng: random.Random) -> tuple[str, str]:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}", rng.choice(ROLES)


def _date(rng: random.Random) -> tuple[int, int, int]:
    return rng.randrange(1995, 2026), rng.randrange(1, 13), rng.randrange(1, 29)


def _kremlin(rng: random.Random) -> str:
    """A Kremlin-style transcript: long statements, 2–3 speakers, median ~3 turns."""
    people = [_person(rng) for _ in range(rng.choice((2, 2, 2, 3, 3, 4)))]
    host = people[0]
    y, m, d = _date(rng)
    turns = max(2, min(120, int(rng.lognormvariate(math.log(5), 0.9))))
    title = f"Meeting with {people[1][1]} {people[1][0]}"
    lines = [
        title,
        f"{MONTHS[m - 1]} {d}, {y}, {rng.randrange(9, 20)}:{rng.choice(('00', '30', '15'))}",
        rng.choice(PLACES),
        "",
        f"{host[0]} met with {people[1][1]} {people[1][0]}. {MARK}",
        "",
        "* * *",
        "",
    ]
    seen: set[str] = set()
    qa = turns > 8
    for t in range(turns):
        who = people[0] if (t % 2 == 0) else rng.choice(people[1:])
        label = who[0] if who[0] in seen else f"{who[1]} {who[0]}"
        seen.add(who[0])
        median = 900 if not qa else (150 if t % 2 else 700)
        chars = int(rng.lognormvariate(math.log(median), 0.8))
        body = _turn(rng, chars)
        lines.append(f"{label}: {body[0]}")
        lines.append("")
        for para in body[1:]:
            lines += [para, ""]
    return "\n".join(lines)


def _briefing(rng: random.Random) -> str:
    """A White House-style briefing: NAME: labels and Q turns, median ~30 turns."""
    people = [_person(rng) for _ in range(rng.choice((1, 2, 2, 3, 4)))]
    _date(rng)  # drawn (and unused) so every document's random stream stays as in v1
    turns = max(3, min(256, int(rng.lognormvariate(math.log(45), 1.0))))
    who_title = " and ".join(f"{r} {n.split()[1]}" for n, r in people[:2])
    lines = [
        f"Remarks by {who_title} Before Bilateral Meeting",
        "",
        rng.choice(("Oval Office", "James S. Brady Press Briefing Room", "Roosevelt Room")),
        "",
        f"{rng.randrange(1, 12)}:{rng.randrange(10, 59)} P.M. EDT",
        "",
        MARK,
        "",
    ]
    for t in range(turns):
        if t > 0 and t % 2 == 1 and rng.random() < 0.85:
            chars = int(rng.lognormvariate(math.log(70), 1.0))
            body = _turn(rng, chars)
            lines += [f"Q    {body[0]}", ""]
        else:
            name, role = rng.choice(people)
            title = "PRESIDENT" if role.startswith("President") else (
                "SECRETARY" if role.startswith("Secretary") else "MR.")
            label = f"{title} {name.split()[1].upper()}"
            chars = int(rng.lognormvariate(math.log(120), 1.4))
            body = _turn(rng, chars)
            lines += [f"{label}:  {body[0]}", ""]
        for para in body[1:]:
            lines += [para, ""]
    lines += [f"{rng.randrange(1, 12)}:{rng.randrange(10, 59)} P.M. EDT", ""]
    return "\n".join(lines)


def _report(rng: random.Random) -> str:
    """A news-wire report: dateline, quotes with attributions, reported speech."""
    a, b = _person(rng), _person(rng)
    y, m, d = _date(rng)
    city = rng.choice(CITIES)
    n_paragraphs = max(2, min(20, int(rng.lognormvariate(math.log(5), 0.6))))
    lines = [
        f"{a[1]} {a[0].split()[1]} meets {b[1]} {b[0].split()[1]}",
        "",
        f"{city}, {MONTHS[m - 1]} {d}, {y} (Synthetic Wire) - {a[1]} {a[0]} met with "
        f"{b[1]} {b[0]} to discuss {rng.choice(PHRASES)}. {MARK}",
        "",
    ]
    for i in range(n_paragraphs):
        speaker = a if i % 2 == 0 else b
        surname = speaker[0].split()[1]
        quote = _paragraph(rng, int(rng.lognormvariate(math.log(150), 0.6)))
        shape = rng.random()
        if shape < 0.45:
            lines.append(f'"{quote}" Mr. {surname} {rng.choice(SAY)}.')
        elif shape < 0.7:
            lines.append(f'According to him, "{quote[0].lower()}{quote[1:]}"')
        elif shape < 0.85:
            lines.append(f"Mr. {surname} {rng.choice(SAY)} that {quote[0].lower()}{quote[1:]}")
        else:
            lines.append(_paragraph(rng, int(rng.uniform(200, 600))))
        lines.append("")
    return "\n".join(lines)


def document(index: int, seed: int = 0) -> str:
    """The text of synthetic document ``index`` (deterministic in ``index`` and ``seed``)."""
    rng = random.Random(f"parley-synthetic-{GENERATOR_VERSION}-{seed}-{index}")
    genre = rng.choices([g for g, _ in GENRES], weights=[w for _, w in GENRES])[0]
    if genre == "kremlin":
        return _kremlin(rng)
    if genre == "briefing":
        return _briefing(rng)
    return _report(rng)


def file_name(index: int) -> str:
    return f"synthetic-{index:06d}.txt"


def _write_range(args: tuple[str, int, int, int]) -> int:
    folder, start, stop, seed = args
    size = 0
    for i in range(start, stop):
        data = document(i, seed).encode("utf-8")
        sub = Path(folder) / f"{i // 1000:03d}"
        sub.mkdir(exist_ok=True)
        (sub / file_name(i)).write_bytes(data)
        size += len(data)
    return size


def write_corpus(folder: Path, n: int, *, seed: int = 0, jobs: int | None = None) -> int:
    """Write ``n`` documents under ``folder`` (1,000 per subfolder); return total bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    step = 500
    chunks = [(str(folder), s, min(n, s + step), seed) for s in range(0, n, step)]
    jobs = jobs or os.cpu_count() or 1
    if jobs == 1 or n <= step:
        return sum(_write_range(c) for c in chunks)
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return sum(pool.map(_write_range, chunks))


def corpus_files(folder: Path) -> Iterator[Path]:
    yield from sorted(folder.rglob("synthetic-*.txt"))


def _shape(meetings: list[tuple[str, int, list[int], int]]) -> dict[str, object]:
    """Shape figures of extracted meetings: (kind, bytes, remark lengths, speakers)."""
    lengths = [n for _k, _b, ls, _s in meetings for n in ls]
    counts = [len(ls) for _k, _b, ls, _s in meetings]
    sizes = [b for _k, b, _ls, _s in meetings]
    return {
        "meetings": len(meetings),
        "transcript_share": round(sum(k == "transcript" for k, *_ in meetings) / len(meetings), 2),
        "doc_bytes_median": int(statistics.median(sizes)),
        "doc_bytes_mean": int(statistics.mean(sizes)),
        "remarks_per_meeting_median": statistics.median(counts),
        "remarks_per_meeting_mean": round(statistics.mean(counts), 1),
        "remark_chars_deciles": [int(q) for q in statistics.quantiles(lengths, n=10)],
        "remark_chars_mean": int(statistics.mean(lengths)),
        "speakers_per_meeting_median": statistics.median(s for *_x, s in meetings),
    }


def measure(paths: list[Path]) -> dict[str, object]:
    """Run the real ingest over ``paths`` and describe the meetings it finds."""
    root = Path(__file__).resolve().parents[2]
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))
    from store.ingest import extract

    meetings = []
    for path in paths:
        data = path.read_bytes()
        for m in extract(data, str(path)):
            lengths = [r.end - r.start for r in m.remarks]
            meetings.append((m.kind, len(data), lengths, len({r.speaker for r in m.remarks})))
    return _shape(meetings)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--measure", action="store_true",
                        help="compare corpus-dev + seeds with a synthetic sample")
    parser.add_argument("--sample", type=int, default=300)
    parser.add_argument("--write", type=Path, help="write --meetings documents here")
    parser.add_argument("--meetings", type=int, default=1000)
    args = parser.parse_args(argv)
    if args.write:
        size = write_corpus(args.write, args.meetings)
        print(json.dumps({"documents": args.meetings, "bytes": size}))
        return 0
    shared = Path(__file__).resolve().parents[3] / "shared"
    real = sorted((shared / "corpus-dev" / "docs").glob("*")) + sorted(
        (shared / "seeds").glob("*.txt")
    )
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        write_corpus(Path(tmp), args.sample, jobs=1)
        synthetic = list(corpus_files(Path(tmp)))
        print(json.dumps({"real": measure(real), "synthetic": measure(synthetic)}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
