"""Every item of ``shared/seeds/gold.json``, checked through ``parley extract --json``.

Gold's own rules: snippets match after collapsing white space, case-sensitively, as
substrings of the extracted text; a speaker matches when the extracted name equals the
canonical name or one of its aliases, case-insensitively.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

import pytest

from tests.conftest import SEEDS
from tui.cli.extract import extract_file

GOLD: dict[str, Any] = json.loads((SEEDS / "gold.json").read_text(encoding="utf-8"))
DOCS: dict[str, Any] = GOLD["documents"]


def ws(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


@cache
def extracted(name: str) -> dict[str, Any]:
    out = extract_file(str(SEEDS / name))
    assert "error" not in out, out
    return out


def meeting(name: str) -> dict[str, Any]:
    meetings = extracted(name)["meetings"]
    assert len(meetings) == len(DOCS[name]["meetings"])
    return meetings[0]


def names_of(gold_person: dict[str, Any]) -> set[str]:
    return {n.casefold() for n in [gold_person["name"], *gold_person.get("aliases", [])]}


def find_participant(m: dict[str, Any], gold_person: dict[str, Any]) -> dict[str, Any] | None:
    wanted = names_of(gold_person)
    for p in m["participants"]:
        if p["name"].casefold() in wanted:
            return p
    return None


def speaker_of(gold_speaker: str | None) -> set[str] | None:
    """All names under which gold's speaker may appear (None for an unnamed voice)."""
    if gold_speaker is None:
        return None
    for doc in DOCS.values():
        for gm in doc["meetings"]:
            for p in gm["participants"]:
                if gold_speaker.casefold() in names_of(p):
                    return names_of(p)
    return {gold_speaker.casefold()}


def items(key: str) -> list[tuple[str, Any]]:
    return [(name, item) for name, doc in DOCS.items() for item in doc.get(key, [])]


def item_id(value: Any) -> str:
    if isinstance(value, dict):
        return str(value.get("text") or value.get("name"))[:40]
    if isinstance(value, list):
        return str(value[0])
    return str(value)[:40]


@pytest.mark.parametrize("name", list(DOCS))
def test_meeting_count_and_outlet(name: str) -> None:
    m = meeting(name)
    assert m["outlet"] and DOCS[name]["outlet"].casefold() in m["outlet"].casefold()


@pytest.mark.parametrize("name", list(DOCS))
def test_meeting_date(name: str) -> None:
    gm = DOCS[name]["meetings"][0]
    date = meeting(name)["date"]
    assert date in [gm["date"], *gm.get("date_also_acceptable", [])]
    for forbidden in gm.get("date_forbidden", []):
        assert not (date or "").startswith(forbidden)


def test_inferred_year_is_marked_inferred() -> None:
    m = meeting("000_a9a3d9c4bdde8030.txt")
    assert m["date"] == "2004-05-21" and m["date_inferred"] is True


@pytest.mark.parametrize("name", list(DOCS))
def test_place_and_title(name: str) -> None:
    gm = DOCS[name]["meetings"][0]
    m = meeting(name)
    for part in gm.get("place_contains", []):
        assert part in (m["place"] or "")
    for part in gm.get("title_contains", []):
        assert part in m["title"]
    assert m["kind"] in ("transcript", "report")


@pytest.mark.parametrize(
    ("name", "person"),
    [(n, p) for n, d in DOCS.items() for p in d["meetings"][0]["participants"]],
    ids=lambda v: item_id(v),
)
def test_participant_with_role(name: str, person: dict[str, Any]) -> None:
    found = find_participant(meeting(name), person)
    assert found is not None, [p["name"] for p in meeting(name)["participants"]]
    assert person["role_contains"].casefold() in (found["role"] or "").casefold()


@pytest.mark.parametrize(
    ("name", "who"),
    [(n, w) for n, d in DOCS.items() for w in d["meetings"][0].get("not_participants", [])],
    ids=lambda v: item_id(v),
)
def test_mentioned_people_are_not_participants(name: str, who: str) -> None:
    names = {p["name"].casefold() for p in meeting(name)["participants"]}
    assert who.casefold() not in names


@pytest.mark.parametrize(("name", "remark"), items("remarks"), ids=item_id)
def test_remark(name: str, remark: dict[str, Any]) -> None:
    m = meeting(name)
    snippet = ws(remark["text"])
    hits = [r for r in m["remarks"] if snippet in ws(r["text"])]
    assert hits, f"no remark contains {snippet!r}"
    wanted = speaker_of(remark["speaker"])
    ok = [
        r
        for r in hits
        if r["kind"] == remark["kind"]
        and (r["speaker"] is None if wanted is None else (r["speaker"] or "").casefold() in wanted)
    ]
    assert ok, [(r["speaker"], r["kind"]) for r in hits]


@pytest.mark.parametrize("name", list(DOCS))
def test_remark_offsets_slice_the_text(name: str) -> None:
    m = meeting(name)
    for r in m["remarks"]:
        assert 0 <= r["start"] <= r["end"] <= len(m["text"])
        assert m["text"][r["start"] : r["end"]] == r["text"]


def test_turns_in_order() -> None:
    for name, doc in DOCS.items():
        if "turns_in_order" not in doc:
            continue
        turns: list[str] = []
        for r in meeting(name)["remarks"]:
            label = r["kind"] if r["speaker"] is None else f"{r['kind']}:{r['speaker']}"
            if not turns or turns[-1] != label:
                turns.append(label)
        assert turns == doc["turns_in_order"]


@pytest.mark.parametrize(("name", "phrase"), items("not_separate_remarks"), ids=item_id)
def test_scare_quotes_are_not_remarks(name: str, phrase: str) -> None:
    for r in meeting(name)["remarks"]:
        assert ws(r["text"]).strip(" \"'“”‘’.,;:!?").casefold() != phrase.casefold()


@pytest.mark.parametrize(("name", "noise"), items("noise_absent"), ids=item_id)
def test_noise_is_gone(name: str, noise: str) -> None:
    m = meeting(name)
    assert noise not in ws(m["text"])
    assert noise not in m["title"]


@pytest.mark.parametrize(("name", "repair"), items("repairs"), ids=item_id)
def test_scrape_damage_repaired(name: str, repair: list[str]) -> None:
    broken, fixed = repair
    text = ws(meeting(name)["text"])
    assert broken not in text
    assert fixed in text
