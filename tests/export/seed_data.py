"""The two seed documents as meetings, with annotations on known passages.

The meetings are built here from the seed files' text and the facts in ``gold.json``
(title, date, outlet, the gold remarks as remark spans) rather than by the ingest
pipeline, so the expected Markdown report does not change whenever the ingest improves.
Tests that want the pipeline's own reading use ``store.ingest.extract_text``.
"""

from __future__ import annotations

import json
from pathlib import Path

from store.models import Anchor, Annotation, Meeting, Person, Remark, Tag
from tests.conftest import SEEDS

IVANOV = "000_a9a3d9c4bdde8030.txt"
LAVROV = "003_1e53a87551ad3537.txt"


def _remarks(text: str, gold: list[dict]) -> tuple[Remark, ...]:
    out = []
    for r in gold:
        start = text.find(r["text"])
        assert start >= 0, r["text"]
        out.append(Remark(r["speaker"], r["kind"], r["text"], start, start + len(r["text"])))
    return tuple(sorted(out, key=lambda r: (r.start, r.end)))


def seed_meetings() -> dict[str, Meeting]:
    gold = json.loads((SEEDS / "gold.json").read_text(encoding="utf-8"))["documents"]
    ivanov_text = (SEEDS / IVANOV).read_text(encoding="utf-8")
    lavrov_text = (SEEDS / LAVROV).read_text(encoding="utf-8")
    ivanov = Meeting(
        id="seed-ivanov-oic",
        title="Igor Ivanov receives an OIC delegation in the Kremlin",
        date="2004-05-21",
        date_inferred=True,
        place="Moscow",
        outlet="RIA Novosti",
        kind="report",
        participants=(
            Person("Igor Ivanov", "Russian Security Council Secretary", "Russia",
                   ("Mr. Ivanov", "Ivanov")),
            Person("Syed Hamid Albar", "Malaysian Foreign Minister", "Malaysia",
                   ("Syed Hamid bin Syed Jaafar Albar", "Albar")),
        ),
        remarks=_remarks(ivanov_text, gold[IVANOV]["remarks"]),
        text=ivanov_text,
        source=str(Path("seeds") / IVANOV),
    )
    lavrov = Meeting(
        id="seed-lavrov-madani",
        title="Sergey Lavrov’s statement and answers to media questions following talks "
        "with OIC Secretary General Iyad Ameen Madani",
        date="2015-06-11",
        date_inferred=False,
        place="Moscow",
        outlet="Ministry of Foreign Affairs of the Russian Federation",
        kind="transcript",
        participants=(
            Person("Sergey Lavrov", "Foreign Minister", "Russia", ("Lavrov",)),
            Person("Iyad Ameen Madani", "Secretary General of the OIC", "OIC",
                   ("Madani", "Mr Madani")),
        ),
        remarks=_remarks(lavrov_text, gold[LAVROV]["remarks"]),
        text=lavrov_text,
        source=str(Path("seeds") / LAVROV),
    )
    return {ivanov.id: ivanov, lavrov.id: lavrov}


SEED_TAGS = [
    Tag("topic/terrorism", "#d75f5f", "Terrorism and the fight against it"),
    Tag("topic/OIC relations", "#5faf5f", "Russia and the Organisation of Islamic Cooperation"),
    Tag("actor/Putin", "#5f87d7"),
    Tag("rhetoric/double standards", "#af5fd7"),
    Tag("unused", "#8787af", "A code no passage uses yet"),
]

# (meeting id, quoted passage, tags, bookmark, note)
SEED_CODING = [
    ("seed-ivanov-oic",
     "We are also developing our dialogue with regard to the fight against international terrorism",
     ("topic/terrorism",), False, "Ivanov ties the OIC dialogue to counter-terrorism."),
    ("seed-ivanov-oic",
     "The decision of President Putin to attend the OIC summit in Kuala Lumpur showed a very "
     "important intention",
     ("topic/OIC relations", "actor/Putin"), True, ""),
    ("seed-lavrov-madani", "There must be no double standards here.",
     ("topic/terrorism", "rhetoric/double standards"), False,
     "A recurring phrase.\nCompare with the 2014 statements."),
    ("seed-lavrov-madani", "Could you comment on Australian intelligence reports",
     (), True, "Asks about the *dirty bomb* story; see <the wire> [AP]."),
    ("seed-lavrov-madani", "There should be a truly international system in place here.",
     ("topic/terrorism",), False, ""),
]


def seed_annotations(meetings: dict[str, Meeting]) -> list[Annotation]:
    out = []
    for i, (mid, quote, tags, bookmark, note) in enumerate(SEED_CODING, 1):
        text = meetings[mid].text
        start = text.find(quote)
        assert start >= 0, quote
        end = start + len(quote)
        out.append(Annotation(
            id=f"ann-{i}",
            meeting_id=mid,
            anchor=Anchor(start, end, quote, text[max(0, start - 32):start], text[end:end + 32]),
            tags=tags,
            bookmark=bookmark,
            note=note,
            created=f"2026-01-0{i}T09:30:00+00:00",
            updated=f"2026-01-0{i}T10:00:00+00:00",
        ))
    return out
