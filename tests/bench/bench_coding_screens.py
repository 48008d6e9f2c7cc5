"""Benchmark: how long the coding screens take to show their lists on a large library.

Run: ``python tests/bench/bench_coding_screens.py [--meetings 3000] [--tagged 600]``
(prints one JSON object).

A synthetic library of ``--meetings`` meetings (8 remarks each, 30 speakers, dates over
20 years, a vocabulary where "terrorism" is in about a third of the remarks) is imported
through the real ``Library`` (ingest replaced by a generator, so only the library's own
work is measured); ``--tagged`` passages get a tag (a fifth of them a second, overlapping
one) and a tenth a bookmark through the real ``AnnotationStore``. Then, in a headless
Textual app hosting the screens exactly as the tests do, each step is timed from the key
press until every worker has finished and the result is on screen: the search screen
answering a query with thousands of hits (500 rows shown), the codebook listing the
passages of a tag (500 shown), the speakers view, the bookmarks, the co-occurrence
table, and the timeline per month and per year. While the query is typed, the longest
stall of the UI's event loop is measured too (a 10 ms timer; searches run in threads).
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import platform
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import store.ingest  # noqa: E402
from store.annotations import AnnotationStore  # noqa: E402
from store.library import Library  # noqa: E402
from store.models import Meeting, Person, Remark  # noqa: E402
from tests.tui_coding.host import HostApp, settle  # noqa: E402
from tui.widgets.coding.passage_list import PassageList  # noqa: E402

WORDS = (
    "sanctions", "dialogue", "cooperation", "security", "treaty", "border", "energy", "trade",
    "summit", "ministers", "agreement", "crisis", "region", "stability", "talks", "partners",
    "Syria", "Iran", "Iraq",
)


def synthetic_meeting(i: int, rng: random.Random) -> Meeting:
    people = [Person(f"Speaker {n:02d}", f"Role {n % 7}") for n in rng.sample(range(30), 3)]
    text = ""
    remarks = []
    for r in range(8):
        words = rng.choices(WORDS, k=40)
        if rng.random() < 0.33:
            words[rng.randrange(40)] = "terrorism"
        said = " ".join(words).capitalize() + "."
        start = len(text)
        text += said
        kind = ("statement", "question", "answer")[r % 3]
        speaker = None if kind == "question" else people[r % 3].name
        remarks.append(Remark(speaker, kind, said, start, len(text)))  # type: ignore[arg-type]
        text += "\n\n"
    year = 2000 + i % 20
    return Meeting(
        id=f"syn-{i:06d}", title=f"Synthetic meeting {i}", date=f"{year}-{1 + i % 12:02d}-15",
        date_inferred=False, place="Geneva", outlet="Bench Wire", kind="transcript",
        participants=tuple(people), remarks=tuple(remarks), text=text, source=f"syn-{i}.txt",
    )


def build(root: Path, meetings: int, tagged: int) -> tuple[Library, AnnotationStore, float]:
    rng = random.Random(7)
    sources = root / "sources"
    sources.mkdir()
    by_name: dict[str, Meeting] = {}
    for i in range(meetings):
        m = synthetic_meeting(i, rng)
        (sources / m.source).write_text(m.text, encoding="utf-8")
        by_name[m.source] = m
    store.ingest.extract = lambda data, source: [by_name[Path(source).name]]  # type: ignore[assignment]
    t0 = time.perf_counter()
    library = Library.open(root / "library")
    library.import_paths([str(sources)], jobs=0)
    import_s = time.perf_counter() - t0
    annotations = AnnotationStore.open(library.path)
    chosen = sorted(by_name.values(), key=lambda m: m.id)[:tagged]
    for n, m in enumerate(chosen):
        r = m.remarks[n % 8]
        annotations.tag_span(m.id, r.start, r.end, m.text, "topic/terrorism")
        if n % 5 == 0:
            annotations.tag_span(m.id, r.start, r.start + 30, m.text, "frame/blame")
        if n % 10 == 0:
            annotations.toggle_bookmark(m.id, r.start, r.end, m.text)
    return library, annotations, import_s


async def measure(library: Library, annotations: AnnotationStore) -> dict[str, float]:
    app = HostApp(library, annotations)
    out: dict[str, float] = {}
    async with app.run_test(size=(120, 40)) as pilot:

        async def timed(name: str, *keys: str) -> None:
            t0 = time.perf_counter()
            for key in keys:
                await pilot.press(key)
            await settle(pilot)
            out[name] = round(time.perf_counter() - t0, 3)

        await timed("search_open_s", "slash")
        # While typing, a 10 ms timer measures the longest stall of the UI's event loop:
        # searches run in worker threads, so it should stay far below a search's time.
        ticks: list[float] = []
        timer = app.set_interval(0.01, lambda: ticks.append(time.perf_counter()))
        await timed("search_query_terrorism_s", *"terrorism")
        timer.stop()
        gaps = [b - a for a, b in itertools.pairwise(ticks)]
        out["search_typing_max_ui_stall_s"] = round(max(gaps, default=0.0), 3)
        out["search_rows_shown"] = len(app.screen.query_one("#results", PassageList).items)
        out["search_status"] = str(app.screen.query_one("#status").render())  # type: ignore[assignment]
        await pilot.press("escape")
        await timed("codebook_open_with_500_passages_s", "C")
        await timed("codebook_next_tag_s", "k")
        await pilot.press("escape")
        await timed("speakers_open_s", "P")
        await timed("speakers_next_person_s", "j")
        await pilot.press("escape")
        await timed("bookmarks_open_s", "B")
        await pilot.press("escape")
        await timed("analysis_open_cooccurrence_s", "A")
        await timed("timeline_months_s", "2")
        await timed("timeline_years_s", "p")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=3000)
    parser.add_argument("--tagged", type=int, default=600)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        library, annotations, import_s = build(Path(tmp), args.meetings, args.tagged)
        result = asyncio.run(measure(library, annotations))
        annotations.close()
        library.close()
    print(json.dumps({
        "meetings": args.meetings, "remarks": args.meetings * 8, "tagged": args.tagged,
        "import_s": round(import_s, 1), "python": platform.python_version(), **result,
    }))


if __name__ == "__main__":
    main()
