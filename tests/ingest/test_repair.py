"""Scrape-damage repair: glued words split, real words and names never split."""

from __future__ import annotations

import re

import pytest

from store.ingest.repair import space_insertions
from tests.conftest import CORPUS_DEV


def repaired(text: str) -> str:
    out, prev = [], 0
    for i in space_insertions(text):
        out += [text[prev:i], " "]
        prev = i
    return "".join(out) + text[prev:]


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ("Theyagreed on the plan.", "They agreed on the plan."),  # capitalised, common head
        ("It wasdecided yesterday.", "It was decided yesterday."),
        ("the talks wentwell", "the talks wentwell"),  # two content words: left alone
        ("a comprehensivesettlement", "a comprehensive settlement"),
        ("talks with MrsMerkel", "talks with Mrs Merkel"),
        ("Minister JohnKerry said", "Minister John Kerry said"),
        ("the parties,however, agreed", "the parties, however, agreed"),
        ("he agreed.Then he left", "he agreed. Then he left"),
        ("Question:Will you", "Question: Will you"),
    ],
)
def test_glued_text_is_repaired(broken: str, fixed: str) -> None:
    assert repaired(broken) == fixed


@pytest.mark.parametrize(
    "word",
    [
        "Karaulova",
        "Bastrykin",
        "Mirziyoyev",
        "antiterrorist",
        "intercivilisational",
        "interreligious",
        "Shiite",
        "COVID",
        "McDonald",
        "iPhone",
        "PhD",
        "YouTube",
        "MacArthur",
        "DeSantis",
        "LinkedIn",
        "al-Abadi",
        "Tokayev",
        "Lukashenko",
        "fruitfully",
        "discrepant",
        "spadework",
        "factsheets",
        "belabor",
        "aquafarming",
        "nonproliferation",
        "counterterrorism",
        "Kazan",
        "Nazarbayev",
        "BioNTech",
    ],
)
def test_real_words_and_names_are_never_split(word: str) -> None:
    assert space_insertions(f"We spoke of {word} today.") == []


@pytest.mark.parametrize(
    "text",
    [
        "1,000 people",
        "the U.S. and the U.K.",
        "e.g. this",
        "at 10 a.m. today",
        "3.5 percent",
        "see www.kremlin.ru/events or https://example.com/a,b",
        "mail press@un.org now",
        "Kremlin.ru reported",
        "i.e.,the",
        "No.5",
    ],
)
def test_numbers_abbreviations_and_addresses_are_left_alone(text: str) -> None:
    assert space_insertions(text) == []


def test_corpus_dev_repairs_are_all_true() -> None:
    """Run the repair over every development document and inspect each change.

    The corpus is real scraped text; every change found was read by hand and is listed
    here, so a new false split (or a lost true repair) fails this test.
    """
    changes = []
    for path in sorted((CORPUS_DEV / "docs").glob("*.txt")):
        text = re.sub(r"\s+", " ", path.read_text(encoding="utf-8"))
        for i in space_insertions(text):
            left = re.search(r"\S*$", text[:i]).group()
            right = re.match(r"\S*", text[i:]).group()
            changes.append((path.name, left, right))
    assert changes == [
        ("kremlin__62870.txt", "Republic", "Sooronbay"),
        ("kremlin__62982.txt", "reply.", "Many"),
    ]
